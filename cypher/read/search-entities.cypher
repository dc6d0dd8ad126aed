// Ranked candidates by name or alias; the caller re-ranks exact alias matches first.
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit})
YIELD node, score
WHERE size($kinds) = 0 OR any(k IN labels(node) WHERE k IN $kinds)
RETURN node.id AS id, labels(node) AS labels, node {.*, fold: null, aliasText: null} AS props, score
