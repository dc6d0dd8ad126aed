// Entities kept apart that may be one (POSSIBLY_SAME_AS, written by ingestion for look-alike
// names), best score first, optionally of one kind; dismissed pairs are left out. One page and the total.
MATCH (a:Entity)-[r:POSSIBLY_SAME_AS]->(b:Entity)
WHERE ($kind IS NULL OR $kind IN labels(a)) AND r.dismissedAt IS NULL
WITH a, b, r
ORDER BY r.score DESC, a.id, b.id
WITH collect({a: {id: a.id, labels: labels(a), props: a {.*}}, b: {id: b.id, labels: labels(b), props: b {.*}}, score: r.score, evidence: r.evidence}) AS pairs
RETURN size(pairs) AS total, pairs[$skip..($skip + $limit)] AS page
