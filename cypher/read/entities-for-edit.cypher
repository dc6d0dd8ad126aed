// Entities named by global id or slug in a merge or split (read inside that edit's write transaction).
UNWIND $refs AS ref
MATCH (n:Entity)
WHERE n.id = ref OR n.slug = ref
RETURN ref, n.id AS id, labels(n) AS labels, n {.*, text: null} AS props
