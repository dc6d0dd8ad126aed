// The entities holding these slugs (slugs are unique across entity kinds), and the redirects of
// merged entities that keep them (a new entity does not take a merged one's slug: an undone merge
// gives it back).
UNWIND $slugs AS slug
CALL (slug) {
  MATCH (n:Entity {slug: slug}) RETURN n.id AS id, false AS merged
  UNION
  MATCH (r:Redirect {slug: slug}) RETURN r.id AS id, true AS merged
}
RETURN slug, id, merged
