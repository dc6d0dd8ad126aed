// Ranked events, statements, commitments and documents by title or summary; facts an editor
// rejected are left out.
CALL db.index.fulltext.queryNodes('fact_text', $lucene, {limit: $limit})
YIELD node, score
WHERE (size($kinds) = 0 OR any(k IN labels(node) WHERE k IN $kinds)) AND coalesce(node.reviewStatus, '') <> 'rejected'
RETURN node.id AS id, labels(node) AS labels, node {.*, text: null} AS props, score
