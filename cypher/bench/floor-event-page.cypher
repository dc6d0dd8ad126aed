// Benchmark floor (src/bench): the event page in one query. An event, its place, its participants
// with the posts they held at its date, its statements with their speaker, its sources, and every
// citation (of the event, the participations and the statements) with title and passage.
MATCH (e:Node {id: $id}) WHERE e:Event
WITH e,
  COLLECT { MATCH (e)-[:HELD_IN]->(pl:Place) RETURN pl.name } AS places,
  COLLECT { MATCH (p:Person)-[r:PARTICIPATED_IN]->(e)
            RETURN {person: p {.id, .name}, cites: r.cites,
                    posts: [(p)-[:HOLDS]->(post:Post)
                            WHERE e.dateStart IS NULL
                               OR ((post.fromStart IS NULL OR post.fromStart <= e.dateEnd) AND (post.toEnd IS NULL OR post.toEnd >= e.dateStart))
                            | post {.role, organization: [(post)-[:POST_IN]->(o:Organization) | o.name][0]}]} } AS participants,
  COLLECT { MATCH (s:Statement)-[:AT_EVENT]->(e) WITH s ORDER BY s.dateStart, s.id
            RETURN s {.id, .summary, .dateIso, .cites, speaker: [(sp:Person)-[:STATED]->(s) | sp.name][0]} } AS statements,
  COLLECT { MATCH (e)-[:SOURCED_FROM]->(d:Document) RETURN d {.id, .title, .publisher} } AS sources
WITH e, places, participants, statements, sources,
     coalesce(e.cites, []) + reduce(k = [], x IN participants + statements | k + coalesce(x.cites, [])) AS keys
// Every citation key gathered above, once, with its document title and cited passage.
CALL (keys) {
  UNWIND keys AS key
  WITH DISTINCT key
  WITH key, size(key) - size(last(split(key, '@'))) - 1 AS at
  WITH key, substring(key, 0, at) AS doc, [x IN split(substring(key, at + 1), ':') | toInteger(x)] AS span
  OPTIONAL MATCH (d:Node {id: doc})
  RETURN collect({key: key, document: doc, title: d.title, excerpt: substring(d.text, span[0], span[1] - span[0])}) AS citations
}
RETURN e {.id, .title, .category, .dateIso, .dateInferred, .cites} AS event, places, participants, statements, sources, citations
