// Entities of one kind ($kind: Person, Organization, ...) by name text, category, what they belong
// to and source document; one page plus the total. $within is an entity id: people holding a post
// in it (or in a body inside it), bodies and places inside it, facilities in it or operated by it,
// programs run by it. Ordered by folded name, or by how many documents name them ($order 'mentions').
MATCH (n:Entity)
WHERE $kind IN labels(n)
  AND ($text IS NULL OR n.fold CONTAINS $text)
  AND (size($categories) = 0 OR n.category IN $categories)
  AND ($within IS NULL OR EXISTS {
        MATCH (n)-[:HOLDS|POST_IN|GOVERNS|PART_OF|LOCATED_IN|OPERATED_BY|RUN_BY*1..6]->(w:Entity) WHERE w.id = $within })
  AND ($document IS NULL OR EXISTS { MATCH (n)-[:SOURCED_FROM]->(d:Document) WHERE d.id = $document OR d.fileName = $document })
WITH n, CASE WHEN $order = 'mentions' THEN COUNT { (n)-[:SOURCED_FROM]->(:Document) } ELSE 0 END AS mentions
ORDER BY mentions DESC, n.fold, n.id
WITH collect(n) AS matches
// the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
RETURN size(matches) AS total,
       [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n)}] AS page
