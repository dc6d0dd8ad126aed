// Batch: commitments each person made or repeated, through their statements.
UNWIND $ids AS id
MATCH (p:Node:Person {id: id})-[:STATED]->(:Statement)-[r:COMMITS]->(c:Commitment)
WITH id, c, collect(DISTINCT r.role) AS roles
RETURN id, {roles: roles} AS rel, c.id AS targetId, labels(c) AS labels, c {.*} AS props
