// Benchmark floor (src/bench): the entity page in one hand-written query. A person, its posts with
// their organization, its latest 20 events and statements (undated last), every citation with its
// document title and passage.
// found through the :Entity(slug) uniqueness constraint's index, as the API finds it
MATCH (p:Entity {slug: $slug}) WHERE p:Person
WITH p,
  COLLECT { MATCH (p)-[:HOLDS]->(post:Post) OPTIONAL MATCH (post)-[:POST_IN]->(o:Organization)
            RETURN post {.id, .role, .fromIso, .toIso, .cites, organization: o {.id, .name}} } AS posts,
  COLLECT { MATCH (p)-[:PARTICIPATED_IN]->(e:Event) WITH e ORDER BY e.dateStart IS NULL, e.dateStart DESC, e.id LIMIT 20
            RETURN e {.id, .title, .dateIso, .cites} } AS events,
  COLLECT { MATCH (p)-[:STATED]->(s:Statement) WITH s ORDER BY s.dateStart IS NULL, s.dateStart DESC, s.id LIMIT 20
            RETURN s {.id, .summary, .dateIso, .cites} } AS statements
WITH p, posts, events, statements,
     coalesce(p.cites, []) + reduce(k = [], x IN posts + events + statements | k + coalesce(x.cites, [])) AS keys
// Every citation key gathered above, once, with its document title and cited passage.
CALL (keys) {
  UNWIND keys AS key
  WITH DISTINCT key
  WITH key, size(key) - size(last(split(key, '@'))) - 1 AS at
  WITH key, substring(key, 0, at) AS doc, [x IN split(substring(key, at + 1), ':') | toInteger(x)] AS span
  OPTIONAL MATCH (d:Node {id: doc})
  RETURN collect({key: key, document: doc, title: d.title, excerpt: substring(d.text, span[0], span[1] - span[0])}) AS citations
}
RETURN p {.id, .name, .aliases, .description, .cites} AS person, posts, events, statements, citations
