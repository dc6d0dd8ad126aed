// The entity each text names by global id or slug ('key'), or through a merged entity's id or slug
// now redirecting to the entity it was merged into ('redirect'). Index seeks only: the full-text
// look-up (read/resolve-entity-names) is for the texts this finds nothing for.
UNWIND $refs AS ref
CALL (ref) {
  MATCH (n:Node {id: ref}) WHERE n:Entity
  RETURN n, 'key' AS how
  UNION
  MATCH (n:Entity {slug: ref})
  RETURN n, 'key' AS how
  UNION
  MATCH (x:Redirect) WHERE x.id = ref OR x.slug = ref
  MATCH (n:Node {id: x.to})
  RETURN n, 'redirect' AS how
}
RETURN ref, how, 0.0 AS score, n.id AS id, labels(n) AS labels, n.name AS name, n.slug AS slug,
       coalesce(n.aliases, []) AS aliases, n.acronym AS acronym
