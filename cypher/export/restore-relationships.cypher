// Restore: creates one batch of relationships from a backup between nodes restored before, each
// end found by the label that keys it (:Node, :Redirect or :Edit) and its id.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Node {id: row.from}) WHERE row.fromLabel = 'Node' RETURN a
  UNION
  MATCH (a:Redirect {id: row.from}) WHERE row.fromLabel = 'Redirect' RETURN a
  UNION
  MATCH (a:Edit {id: row.from}) WHERE row.fromLabel = 'Edit' RETURN a
}
CALL (row) {
  MATCH (b:Node {id: row.to}) WHERE row.toLabel = 'Node' RETURN b
  UNION
  MATCH (b:Redirect {id: row.to}) WHERE row.toLabel = 'Redirect' RETURN b
  UNION
  MATCH (b:Edit {id: row.to}) WHERE row.toLabel = 'Edit' RETURN b
}
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
