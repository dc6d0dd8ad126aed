// Ranked candidates by name or alias; the caller re-ranks exact alias matches first (on `names`).
// The nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed).
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit})
YIELD node, score
WHERE size($kinds) = 0 OR any(k IN labels(node) WHERE k IN $kinds)
RETURN node.id AS id, labels(node) AS labels, score, [node.name] + coalesce(node.aliases, []) AS names
