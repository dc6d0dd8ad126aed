// Batch: each node's edits (confirmations, rejections, merges, splits, dismissals, undos), oldest
// first, without the state an undo restores (`undo`, kept for undoEdit).
UNWIND $ids AS id
MATCH (:Node {id: id})<-[:EDITED]-(e:Edit)
RETURN id, e {.*, undo: null} AS edit
ORDER BY e.at, e.id
