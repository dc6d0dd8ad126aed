// Lists two look-alike entities as possible duplicates again: the dismissal comes off their
// POSSIBLY_SAME_AS, the dismissal's Edits ($editIds) are marked undone, an Edit on each records the undo.
MATCH (a:Node:Entity {id: $a})
MATCH (b:Node:Entity {id: $b})
MATCH (a)-[r:POSSIBLY_SAME_AS]-(b)
REMOVE r.dismissedAt, r.dismissedBy, r.dismissNote
WITH DISTINCT a, b
CALL () {
  UNWIND $editIds AS editId
  MATCH (e:Edit {id: editId})
  SET e.undoneAt = $at, e.undoneBy = $by
}
CREATE (ea:Edit)-[:EDITED]->(a)
SET ea = $edit, ea.id = $edit.id + '-a', ea.target = a.id
CREATE (eb:Edit)-[:EDITED]->(b)
SET eb = $edit, eb.id = $edit.id + '-b', eb.target = b.id
RETURN a.id AS id, labels(a) AS labels, a {.*, text: null} AS props
