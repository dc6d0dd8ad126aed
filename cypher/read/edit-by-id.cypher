// One Edit by id, with the node it is attached to (null when that node is gone).
MATCH (e:Edit {id: $id})
OPTIONAL MATCH (e)-[:EDITED]->(n:Node)
RETURN e {.*} AS edit, CASE WHEN n IS NULL THEN null ELSE {id: n.id, labels: labels(n), props: n {.*, text: null}} END AS node
