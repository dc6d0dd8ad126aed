// Candidates for texts that name no entity by id or slug: the full-text index's best 25 for each
// ($refs: [{ref, lucene}]), best first. The caller keeps exact names and aliases, and suggests the rest.
UNWIND $refs AS r
CALL db.index.fulltext.queryNodes('entity_names', r.lucene, {limit: 25}) YIELD node, score
RETURN r.ref AS ref, 'name' AS how, score, node.id AS id, labels(node) AS labels, node.name AS name, node.slug AS slug,
       coalesce(node.aliases, []) AS aliases, node.acronym AS acronym
ORDER BY ref, score DESC
