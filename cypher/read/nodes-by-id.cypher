// Batch lookup by global id (document texts are fetched separately, see document-texts).
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN id, labels(n) AS labels, n {.*, text: null} AS props
