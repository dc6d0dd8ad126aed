// Statements by speaker, subject (directly, or through the figures and commitments they carry),
// event, kind, date range, text and source document.
MATCH (s:Statement)
WHERE coalesce(s.reviewStatus, 'extracted') IN $reviewStatuses
  AND (size($kinds) = 0 OR s.category IN $kinds)
  AND ($from IS NULL OR s.dateEnd >= $from)
  AND ($to IS NULL OR s.dateStart <= $to)
  AND ($speaker IS NULL OR EXISTS { MATCH (p:Person)-[:STATED]->(s) WHERE p.slug = $speaker OR p.id = $speaker })
  AND ($about IS NULL
       OR EXISTS { MATCH (s)-[:ABOUT]->(x:Entity) WHERE x.slug = $about OR x.id = $about }
       OR EXISTS { MATCH (s)-[:REPORTS|COMMITS]->()-[:MEASURES|CONCERNS]->(x:Entity) WHERE x.slug = $about OR x.id = $about })
  AND ($event IS NULL OR EXISTS { MATCH (s)-[:AT_EVENT]->(:Node:Event {id: $event}) })
  AND ($document IS NULL OR EXISTS { MATCH (s)-[:SOURCED_FROM]->(d:Document) WHERE d.id = $document OR d.fileName = $document })
  AND ($text IS NULL OR s.fold CONTAINS $text)
WITH s
ORDER BY s.dateStart IS NULL, CASE WHEN $desc THEN s.dateStart END DESC, CASE WHEN $desc THEN null ELSE s.dateStart END ASC, s.id
WITH collect(s) AS matches
// the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
RETURN size(matches) AS total,
       [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n)}] AS page
