// Benchmark arguments: facilities spread over the table (every k-th in id order), with their place.
MATCH (f:Facility)
WITH f.id AS id ORDER BY id
WITH collect(id) AS pool
WITH pool, toFloat(size(pool)) / $limit AS stride
UNWIND range(0, $limit - 1) AS i
WITH DISTINCT pool[toInteger(i * stride)] AS id
WHERE id IS NOT NULL
MATCH (f:Facility {id: id})
OPTIONAL MATCH (f)-[:LOCATED_IN]->(pl:Place)
RETURN f.slug AS slug, pl.slug AS place
