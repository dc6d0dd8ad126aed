// Commitments concerning any of these entities, with everything they concern and their targets'
// values: candidates for "the same promise repeated".
UNWIND $entities AS entityId
MATCH (c:Commitment)-[:CONCERNS]->(:Node {id: entityId})
WITH DISTINCT c
OPTIONAL MATCH (c)-[:CONCERNS]->(x)
WITH c, collect(DISTINCT x.id) AS concerns
OPTIONAL MATCH (c)-[:TARGETS]->(f:Figure)
RETURN c.id AS id, concerns, collect(DISTINCT f.value) AS targetValues, c.deadlineIso AS deadline, c.startIso AS start
