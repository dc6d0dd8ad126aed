// The entities holding these slugs (slugs are unique across entity kinds).
UNWIND $slugs AS slug
MATCH (n:Entity {slug: slug})
RETURN slug, n.id AS id
