// Benchmark (src/bench): fallback argument pools drawn at random from the graph ($n of each),
// used when the generator's sampleArguments is unavailable.
CALL () {
  MATCH (p:Person) WHERE EXISTS { (p)-[:PARTICIPATED_IN|STATED]->() }
  WITH p ORDER BY rand() LIMIT $n
  RETURN collect({slug: p.slug, name: p.name, events: COUNT { (p)-[:PARTICIPATED_IN]->() }}) AS people
}
CALL () {
  MATCH (e:Event) WHERE e.dateStart IS NOT NULL AND EXISTS { (:Person)-[:PARTICIPATED_IN]->(e) }
  WITH e ORDER BY rand() LIMIT $n
  RETURN collect({id: e.id, date: e.dateStart, place: null, participants: COUNT { (:Person)-[:PARTICIPATED_IN]->(e) }}) AS events
}
CALL () {
  MATCH (f:Facility) WHERE EXISTS { (:Commitment)-[:CONCERNS]->(f) }
  WITH f ORDER BY rand() LIMIT $n
  RETURN collect({slug: f.slug, place: null}) AS facilities
}
CALL () {
  // pairs of people two to four hops apart: at one event, speaking at one event, in one body
  CALL () {
    MATCH (a:Person)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(b:Person) WHERE a <> b
    WITH a, b LIMIT 5000 WITH a, b ORDER BY rand() LIMIT $n
    RETURN a.slug AS from, b.slug AS to, 2 AS hops
    UNION
    MATCH (a:Person)-[:STATED]->(:Statement)-[:AT_EVENT]->(:Event)<-[:PARTICIPATED_IN]-(b:Person) WHERE a <> b
    WITH a, b LIMIT 5000 WITH a, b ORDER BY rand() LIMIT $n
    RETURN a.slug AS from, b.slug AS to, 3 AS hops
    UNION
    MATCH (a:Person)-[:HOLDS]->(:Post)-[:POST_IN]->(:Organization)<-[:POST_IN]-(:Post)<-[:HOLDS]-(b:Person) WHERE a <> b
    WITH a, b LIMIT 5000 WITH a, b ORDER BY rand() LIMIT $n
    RETURN a.slug AS from, b.slug AS to, 4 AS hops
  }
  WITH from, to, hops ORDER BY rand() LIMIT $n
  RETURN collect({from: from, to: to, hops: hops}) AS pairs
}
RETURN people, events, facilities, pairs
