// Benchmark floor (src/bench): the entity page in one hand-written query. A person, its posts with
// their organization, its latest 20 events and statements (undated last; through the person date
// index, migrations/004), every citation with its document title and passage.
// found through the :Entity(slug) uniqueness constraint's index, as the API finds it
MATCH (p:Entity {slug: $slug}) WHERE p:Person
WITH p,
  COLLECT { MATCH (p)-[:HOLDS]->(post:Post) OPTIONAL MATCH (post)-[:POST_IN]->(o:Organization)
            RETURN post {.id, .role, .fromIso, .toIso, .cites, organization: o {.id, .name}} } AS posts,
  // the latest 20 dated, through the person date index in its order (person, day; ties by id)
  COLLECT { MATCH ()-[r:PARTICIPATED_IN]->(e:Event) USING INDEX r:PARTICIPATED_IN(person, day)
            WHERE r.person = p.id AND r.day IS NOT NULL
            WITH r, e ORDER BY r.person DESC, r.day DESC, e.id LIMIT 20
            RETURN e {.id, .title, .dateIso, .cites} } AS datedEvents,
  COLLECT { MATCH ()-[r:STATED]->(s:Statement) USING INDEX r:STATED(person, day)
            WHERE r.person = p.id AND r.day IS NOT NULL
            WITH r, s ORDER BY r.person DESC, r.day DESC, s.id LIMIT 20
            RETURN s {.id, .summary, .dateIso, .cites} } AS datedStatements
// then the undated, last, only when fewer than 20 are dated
OPTIONAL CALL (p, datedEvents) {
  WITH * WHERE size(datedEvents) < 20
  RETURN COLLECT { MATCH ()-[r:PARTICIPATED_IN]->(e:Event) USING INDEX r:PARTICIPATED_IN(person, undated)
                   WHERE r.person = p.id AND r.undated = true WITH e ORDER BY e.id LIMIT 20
                   RETURN e {.id, .title, .dateIso, .cites} } AS undatedEvents
}
OPTIONAL CALL (p, datedStatements) {
  WITH * WHERE size(datedStatements) < 20
  RETURN COLLECT { MATCH ()-[r:STATED]->(s:Statement) USING INDEX r:STATED(person, undated)
                   WHERE r.person = p.id AND r.undated = true WITH s ORDER BY s.id LIMIT 20
                   RETURN s {.id, .summary, .dateIso, .cites} } AS undatedStatements
}
WITH p, posts, (datedEvents + coalesce(undatedEvents, []))[0..20] AS events, (datedStatements + coalesce(undatedStatements, []))[0..20] AS statements
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
