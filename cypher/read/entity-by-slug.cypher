MATCH (n:Entity {slug: $slug})
WHERE $kind IN labels(n)
RETURN n.id AS id, labels(n) AS labels, n {.*, text: null} AS props
