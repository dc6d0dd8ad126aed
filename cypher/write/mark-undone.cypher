// Marks edits undone, with who and when.
UNWIND $editIds AS editId
MATCH (e:Edit {id: editId})
SET e.undoneAt = $at, e.undoneBy = $by
RETURN count(e) AS marked
