// Adds what a newly ingested document says of relationships: a relationship it is the first to
// state is created with its properties; one the graph already holds keeps its properties (a
// curated or confirmed one stays so) and gains the document's citations beside the earlier ones.
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
ON CREATE SET r += row.props, r.cites = row.cites
ON MATCH SET r.cites = coalesce(r.cites, []) + [c IN row.cites WHERE NOT c IN coalesce(r.cites, [])]
// a person's events and statements carry the person's id and the item's first day (the
// person date index, migrations/004)
FOREACH (_ IN CASE WHEN row.type IN ['PARTICIPATED_IN', 'STATED'] THEN [1] ELSE [] END |
  SET r.person = a.id, r.day = b.dateStart, r.undated = CASE WHEN b.dateStart IS NULL THEN true END)
