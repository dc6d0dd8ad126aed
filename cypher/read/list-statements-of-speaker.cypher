// list-statements, started from the speaker ($anchor, slug or id) instead of every statement: the
// index finds the person, the page is read from their statements. Same filters and output (the
// speaker filter holds by construction: $anchor is $speaker).
CALL { MATCH (a:Node {id: $anchor}) RETURN a UNION MATCH (a:Entity {slug: $anchor}) RETURN a }
WITH a WHERE a:Person
MATCH (a)-[:STATED]->(s:Statement)
WHERE coalesce(s.reviewStatus, 'extracted') IN $reviewStatuses
  AND (size($kinds) = 0 OR s.category IN $kinds)
  AND ($from IS NULL OR s.dateEnd >= $from)
  AND ($to IS NULL OR s.dateStart <= $to)
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
