// Documents (corpus texts and the outside sources they cite) by publisher, kind, date and title.
MATCH (d:Document)
WHERE (size($kinds) = 0 OR d.category IN $kinds)
  AND ($publisher IS NULL OR toLower(d.publisher) CONTAINS toLower($publisher))
  AND ($from IS NULL OR d.publishedEnd >= $from)
  AND ($to IS NULL OR d.publishedStart <= $to)
  AND ($text IS NULL OR d.fold CONTAINS $text)
WITH d
ORDER BY d.publishedStart IS NULL, CASE WHEN $desc THEN d.publishedStart END DESC, CASE WHEN $desc THEN null ELSE d.publishedStart END ASC, d.id
WITH collect(d) AS matches
// the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
RETURN size(matches) AS total,
       [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n)}] AS page
