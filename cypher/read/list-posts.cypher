// Posts by holder, organization (or a body inside it), jurisdiction, role text and a date they
// overlap ([$at, $atEnd]: a day, or every day of a month or year; unknown bounds are open). A post's
// bounds are the ones documents give, else its inferred tenure (ingest/tenures.ts), as records.ts reads them.
MATCH (holder:Person)-[:HOLDS]->(p:Post)
WHERE coalesce(p.reviewStatus, 'extracted') IN $reviewStatuses
  AND ($person IS NULL OR holder.slug = $person OR holder.id = $person)
  AND ($organization IS NULL OR EXISTS {
        MATCH (p)-[:POST_IN]->()-[:PART_OF*0..5]->(o:Organization) WHERE o.slug = $organization OR o.id = $organization })
  AND ($jurisdiction IS NULL OR EXISTS {
        MATCH (p)-[:GOVERNS]->()-[:PART_OF*0..5]->(pl:Place) WHERE pl.slug = $jurisdiction OR pl.id = $jurisdiction })
  AND ($at IS NULL OR ((coalesce(p.fromStart, p.tenureFromStart) IS NULL OR coalesce(p.fromStart, p.tenureFromStart) <= $atEnd)
                   AND (coalesce(p.toEnd, p.tenureToEnd) IS NULL OR coalesce(p.toEnd, p.tenureToEnd) >= $at)))
  AND ($text IS NULL OR p.fold CONTAINS $text)
WITH p, holder
ORDER BY holder.name, p.fromStart, p.id
WITH collect(p) AS matches
// the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
RETURN size(matches) AS total,
       [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n)}] AS page
