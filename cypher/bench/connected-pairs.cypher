// Benchmark arguments: for each starting person, one other person reached through two shared
// events (person-event-person-event-person: 4 hops), or failing that through one (2 hops).
UNWIND $from AS slug
MATCH (a:Person {slug: slug})
CALL (a) {
  OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(m:Person)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(b:Person)
  WHERE b <> a AND m <> a AND NOT EXISTS { (a)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(b) }
  WITH b LIMIT 1
  OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(c:Person)
  WHERE b IS NULL AND c <> a
  WITH b, c LIMIT 1
  RETURN coalesce(b, c) AS other, CASE WHEN b IS NULL THEN 2 ELSE 4 END AS hops
}
WITH a, other, hops
WHERE other IS NOT NULL
RETURN a.slug AS from, other.slug AS to, hops
LIMIT $limit
