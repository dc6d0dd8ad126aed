// Benchmark arguments: events spread over the table (every k-th in id order), with their day,
// place and participant count.
MATCH (e:Event)
WITH e.id AS id ORDER BY id
WITH collect(id) AS pool
WITH pool, toFloat(size(pool)) / $limit AS stride
UNWIND range(0, $limit - 1) AS i
WITH DISTINCT pool[toInteger(i * stride)] AS id
WHERE id IS NOT NULL
MATCH (e:Event {id: id})
OPTIONAL MATCH (e)-[:HELD_IN]->(pl:Place)
RETURN e.id AS id, e.dateStart AS date, pl.slug AS place, COUNT { (e)<-[:PARTICIPATED_IN]-() } AS participants
