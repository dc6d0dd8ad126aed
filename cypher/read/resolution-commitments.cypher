// Commitments concerning any of these entities, with everything they concern, their targets'
// values and the people who made or repeated them: candidates for "the same promise repeated".
UNWIND $entities AS entityId
MATCH (c:Commitment)-[:CONCERNS]->(:Node {id: entityId})
WITH DISTINCT c
OPTIONAL MATCH (c)-[:CONCERNS]->(x)
WITH c, collect(DISTINCT x.id) AS concerns
OPTIONAL MATCH (c)-[:TARGETS]->(f:Figure)
WITH c, concerns, collect(DISTINCT f.value) AS targetValues
OPTIONAL MATCH (p:Person)-[:STATED]->(:Statement)-[:COMMITS]->(c)
RETURN c.id AS id, concerns, targetValues, collect(DISTINCT p.id) AS makers, c.deadlineIso AS deadline, c.startIso AS start
