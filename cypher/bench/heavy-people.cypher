// Benchmark arguments: the people who took part in the most events, most first.
MATCH (p:Person)
WITH p, COUNT { (p)-[:PARTICIPATED_IN]->() } AS events
ORDER BY events DESC, p.slug
LIMIT $limit
RETURN p.slug AS slug, p.name AS name, events
