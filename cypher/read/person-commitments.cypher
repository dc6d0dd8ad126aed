// Batch: commitments each person made or repeated, through their statements (rejected ones left out).
UNWIND $ids AS id
MATCH (p:Node:Person {id: id})-[:STATED]->(s:Statement)-[r:COMMITS]->(c:Commitment)
WHERE coalesce(c.reviewStatus, '') <> 'rejected' AND coalesce(s.reviewStatus, '') <> 'rejected'
WITH id, c, collect(DISTINCT r.role) AS roles
RETURN id, {roles: roles} AS rel, c.id AS targetId, labels(c) AS labels, c {.*} AS props
