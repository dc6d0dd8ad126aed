// An entity named in an argument by slug or global id.
MATCH (n:Entity)
WHERE n.slug = $ref OR n.id = $ref
RETURN n.id AS id
LIMIT 1
