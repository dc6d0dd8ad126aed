// What each entity argument names: an entity by global id or slug ('key'), one merged away whose id
// or slug now redirects to the entity it was merged into ('redirect'), or candidates by name from the
// full-text index ('name': the caller keeps exact names and aliases, and suggests the rest).
// $refs: [{ref, lucene}], lucene '' when the text has no words to search.
UNWIND $refs AS r
CALL (r) {
  MATCH (n:Node {id: r.ref}) WHERE n:Entity
  RETURN n, 'key' AS how, 0.0 AS score
  UNION
  MATCH (n:Entity {slug: r.ref})
  RETURN n, 'key' AS how, 0.0 AS score
  UNION
  MATCH (x:Redirect) WHERE x.id = r.ref OR x.slug = r.ref
  MATCH (n:Node {id: x.to})
  RETURN n, 'redirect' AS how, 0.0 AS score
  UNION
  WITH r WHERE r.lucene <> ''
  CALL db.index.fulltext.queryNodes('entity_names', r.lucene, {limit: 25}) YIELD node, score
  RETURN node AS n, 'name' AS how, score
}
RETURN r.ref AS ref, how, score, n.id AS id, labels(n) AS labels, n.name AS name, n.slug AS slug,
       coalesce(n.aliases, []) AS aliases, n.acronym AS acronym
ORDER BY ref, how, score DESC
