// Benchmark arguments: people with 1 to 3 event participations, spread over the table (every
// k-th of them in id order, so the sample does not depend on the planner).
MATCH (p:Person)
WITH p, COUNT { (p)-[:PARTICIPATED_IN]->() } AS events
WHERE 1 <= events <= 3
WITH p, events ORDER BY p.id
WITH collect({slug: p.slug, name: p.name, events: events}) AS pool
WITH pool, toFloat(size(pool)) / $limit AS stride
UNWIND range(0, $limit - 1) AS i
WITH pool[toInteger(i * stride)] AS row
WHERE row IS NOT NULL
RETURN DISTINCT row.slug AS slug, row.name AS name, row.events AS events
