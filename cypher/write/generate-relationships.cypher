// Bulk load of generated relationships (kg generate): CREATE between nodes found by id, with
// the properties upsert-relationships gives them (key '' when there is no parallel one).
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props, r.key = row.key, r.cites = row.cites
// a person's events and statements carry the person's id and the item's first day (the
// person date index, migrations/004)
FOREACH (_ IN CASE WHEN row.type IN ['PARTICIPATED_IN', 'STATED'] THEN [1] ELSE [] END |
  SET r.person = a.id, r.day = b.dateStart, r.undated = CASE WHEN b.dateStart IS NULL THEN true END)
