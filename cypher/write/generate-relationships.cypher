// Bulk load of generated relationships (kg generate): CREATE between nodes found by id, with
// the properties upsert-relationships gives them (key '' when there is no parallel one).
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props, r.key = row.key, r.cites = row.cites
