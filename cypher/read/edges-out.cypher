// Batch: for each node, its outgoing relationships of one type and the nodes they reach; facts an editor rejected left out.
UNWIND $ids AS id
MATCH (n:Node {id: id})-[r:$($type)]->(m:Node)
WHERE coalesce(m.reviewStatus, '') <> 'rejected'
RETURN id, r {.*} AS rel, m.id AS targetId, labels(m) AS labels, m {.*, text: null} AS props
