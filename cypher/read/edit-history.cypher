// Batch: each node's edits (confirmations, rejections, merges, splits), oldest first.
UNWIND $ids AS id
MATCH (:Node {id: id})<-[:EDITED]-(e:Edit)
RETURN id, e {.*} AS edit
ORDER BY e.at, e.id
