// Benchmark arguments: measures (metric and subject) reported by more than one figure, the most
// reported first.
MATCH (f:Figure)-[:MEASURES]->(s:Entity)
WITH f.metric AS metric, s.slug AS subject, count(f) AS reports
WHERE reports > 1
RETURN metric, subject
ORDER BY reports DESC, metric, subject
LIMIT $limit
