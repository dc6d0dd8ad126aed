// Which of these node ids the graph already holds.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id
