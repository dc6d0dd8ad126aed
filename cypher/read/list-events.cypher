// Events matching every given filter, ordered by date, one page plus the total.
// $participants: slugs or ids of people who all took part; $place: a place (or a place inside it,
// or a facility there); dates overlap [$from, $to]. $reviewStatuses: the review statuses kept (the
// API leaves rejected facts out unless asked for them); the other list-* queries take it too. Undated
// items come last in both orders, as in the nested lists.
MATCH (e:Event)
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
