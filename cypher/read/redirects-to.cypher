// Redirects that lead to an entity (of entities merged into it before).
MATCH (r:Redirect {to: $id})
RETURN r.id AS id
