// Bulk load of generated nodes (kg generate) into a database that does not hold them yet:
// CREATE, not MERGE. Same labels and properties as upsert-nodes: Node, the kind, Entity, Fact or Source.
UNWIND $rows AS row
CREATE (n:Node {id: row.id})
SET n += row.props, n.cites = row.cites, n:$(row.labels)
