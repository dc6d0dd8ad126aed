// Batch: commitments each person made or repeated, through their statements (rejected ones left out):
// a seek of the person's committing statements (migrations/006), not a walk through all of them.
UNWIND $ids AS id
MATCH (p:Node:Person {id: id})
MATCH (p)-[st:STATED]->(s:Statement)-[r:COMMITS]->(c:Commitment) USING INDEX st:STATED(person, commits)
WHERE st.person = p.id AND st.commits = true
  AND coalesce(c.reviewStatus, '') <> 'rejected' AND coalesce(s.reviewStatus, '') <> 'rejected'
WITH id, c, collect(DISTINCT r.role) AS roles
RETURN id, {roles: roles} AS rel, c.id AS targetId, labels(c) AS labels, c {.*} AS props
