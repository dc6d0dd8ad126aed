// Which of these slugs an entity already has.
UNWIND $slugs AS slug
MATCH (n:Entity {slug: slug})
RETURN slug
