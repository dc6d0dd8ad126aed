// Creates or replaces relationships between existing nodes; `key` separates parallel ones.
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r += row.props, r.cites = row.cites
