// Benchmark arguments: places that events were held in, the busiest first.
MATCH (pl:Place)
WITH pl, COUNT { (pl)<-[:HELD_IN]-() } AS events
WHERE events > 0
ORDER BY events DESC, pl.slug
LIMIT $limit
RETURN pl.slug AS slug
