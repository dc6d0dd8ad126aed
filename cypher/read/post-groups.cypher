// Every post of these bodies or territories, with its holder, its own bounds and the publication
// date of the earliest document that states it: the input of tenure inference (domain/tenure.ts).
UNWIND $bodies AS bodyId
MATCH (b:Node {id: bodyId})<-[:POST_IN|GOVERNS]-(p:Post)<-[:HOLDS]-(h:Person)
OPTIONAL MATCH (p)-[:SOURCED_FROM]->(d:Document)
WITH bodyId, p, h, min(d.publishedStart) AS firstSeen
OPTIONAL MATCH (p)-[:POST_IN]->(o:Organization)
RETURN DISTINCT bodyId AS body, p.id AS id, p.role AS role, h.id AS holder, h.name AS holderName, o.id AS organization,
       p.fromIso AS fromIso, p.fromPrecision AS fromPrecision, p.toIso AS toIso, p.toPrecision AS toPrecision, firstSeen
