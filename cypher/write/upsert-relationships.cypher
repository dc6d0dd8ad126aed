// Creates or replaces relationships between existing nodes; `key` separates parallel ones.
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r += row.props, r.cites = row.cites
// a person's events and statements carry the person's id and the item's first day (the
// person date index, migrations/004)
FOREACH (_ IN CASE WHEN row.type IN ['PARTICIPATED_IN', 'STATED'] THEN [1] ELSE [] END |
  SET r.person = a.id, r.day = b.dateStart, r.undated = CASE WHEN b.dateStart IS NULL THEN true END)
