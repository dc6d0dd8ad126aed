// Figures by metric, unit, measured subject, source document and label text.
MATCH (f:Figure)
WHERE coalesce(f.reviewStatus, 'extracted') IN $reviewStatuses
  AND ($metric IS NULL OR f.metric = $metric)
  AND ($unit IS NULL OR f.unit = $unit)
  AND ($subject IS NULL OR EXISTS {
        MATCH (f)-[:MEASURES]->()-[:LOCATED_IN|PART_OF*0..5]->(x:Entity) WHERE x.slug = $subject OR x.id = $subject })
  AND ($document IS NULL OR EXISTS { MATCH (f)-[:SOURCED_FROM]->(d:Document) WHERE d.id = $document OR d.fileName = $document })
  AND ($text IS NULL OR f.fold CONTAINS $text OR f.metric CONTAINS $text)
WITH f
ORDER BY f.asOfStart IS NULL, CASE WHEN $desc THEN f.asOfStart END DESC, CASE WHEN $desc THEN null ELSE f.asOfStart END ASC, f.metric, f.id
WITH collect(f) AS matches
// the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
RETURN size(matches) AS total,
       [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n)}] AS page
