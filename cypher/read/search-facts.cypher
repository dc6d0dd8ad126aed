// Ranked events, statements, commitments and documents by title or summary; facts an editor
// rejected are left out; the caller re-ranks on `names`. The nodes' properties: read by the
// projection that wraps this query (graph/projection.ts, Listed).
CALL db.index.fulltext.queryNodes('fact_text', $lucene, {limit: $limit})
YIELD node, score
WHERE (size($kinds) = 0 OR any(k IN labels(node) WHERE k IN $kinds)) AND coalesce(node.reviewStatus, '') <> 'rejected'
RETURN node.id AS id, labels(node) AS labels, score, [x IN [node.title, node.summary] WHERE x IS NOT NULL] AS names
