// list-events, started from one participant ($anchor, slug or id) instead of every event: the
// index finds the person, the page is read from their events. Same filters and output.
CALL { MATCH (a:Node {id: $anchor}) RETURN a UNION MATCH (a:Entity {slug: $anchor}) RETURN a }
WITH a WHERE a:Person
MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
WHERE coalesce(e.reviewStatus, 'extracted') IN $reviewStatuses
  AND (size($kinds) = 0 OR e.category IN $kinds)
  AND ($from IS NULL OR e.dateEnd >= $from)
  AND ($to IS NULL OR e.dateStart <= $to)
  AND all(ref IN $participants WHERE EXISTS { MATCH (p:Person)-[:PARTICIPATED_IN]->(e) WHERE p.slug = ref OR p.id = ref })
  AND ($place IS NULL OR EXISTS {
        MATCH (e)-[:HELD_IN|HELD_AT]->()-[:LOCATED_IN|PART_OF*0..5]->(pl:Entity) WHERE pl.slug = $place OR pl.id = $place })
  AND ($involves IS NULL OR EXISTS { MATCH (e)-[:INVOLVES]->(x:Entity) WHERE x.slug = $involves OR x.id = $involves })
  AND ($document IS NULL OR EXISTS { MATCH (e)-[:SOURCED_FROM]->(d:Document) WHERE d.id = $document OR d.fileName = $document })
  AND ($text IS NULL OR e.fold CONTAINS $text)
WITH e
ORDER BY e.dateStart IS NULL, CASE WHEN $desc THEN e.dateStart END DESC, CASE WHEN $desc THEN null ELSE e.dateStart END ASC, e.id
WITH collect(e) AS matches
// the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
RETURN size(matches) AS total,
       [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n)}] AS page
