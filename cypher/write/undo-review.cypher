// Puts a fact's review back as it was before an edit ($review: reviewStatus, reviewedBy, reviewedAt;
// nulls remove them), marks that edit undone and records the undo in an Edit on the fact.
MATCH (n:Node {id: $id})
SET n += $review
WITH n
MATCH (e:Edit {id: $editId})
SET e.undoneAt = $at, e.undoneBy = $by
CREATE (u:Edit)-[:EDITED]->(n)
SET u = $edit
RETURN n.id AS id, labels(n) AS labels, n {.*, text: null} AS props
