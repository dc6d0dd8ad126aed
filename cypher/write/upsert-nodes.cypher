// Creates or replaces nodes by global id. Labels: Node, the kind, and Entity or Fact.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n = row.props, n.id = row.id, n.cites = row.cites
SET n:$(row.labels)
