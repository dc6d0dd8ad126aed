// Posts the graph already holds for these people, with their body and territory: a post a new
// document states again (same holder, role and body) is the same node.
UNWIND $people AS personId
MATCH (:Node:Person {id: personId})-[:HOLDS]->(p:Post)
OPTIONAL MATCH (p)-[:POST_IN]->(o:Organization)
OPTIONAL MATCH (p)-[:GOVERNS]->(g:Place)
RETURN personId AS holder, p.id AS id, p.role AS role, o.id AS organization, g.id AS jurisdiction
