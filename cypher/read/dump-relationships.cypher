// Every relationship between nodes, with its properties, for evaluation and export.
MATCH (a:Node)-[r]->(b:Node)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
