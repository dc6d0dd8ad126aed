// Which of these slugs an entity already has, or a merged entity had (its redirect keeps it, so an
// undone merge can have it back); $except: the id of a redirect not to count (or null).
UNWIND $slugs AS slug
CALL (slug) {
  MATCH (n:Entity {slug: slug}) RETURN slug AS taken
  UNION
  MATCH (r:Redirect {slug: slug}) WHERE r.id <> coalesce($except, '') RETURN slug AS taken
}
RETURN DISTINCT taken AS slug
