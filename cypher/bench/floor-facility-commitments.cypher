// Benchmark floor (src/bench): the commitments concerning a facility, each with every statement
// that made or repeated it (oldest first, with speaker and role), and every citation.
MATCH (f:Entity {slug: $slug}) WHERE f:Facility
WITH f, COLLECT { MATCH (c:Commitment)-[:CONCERNS]->(f)
  RETURN c {.id, .summary, .status, .deadlineIso, .cites,
    statements: COLLECT { MATCH (s:Statement)-[r:COMMITS]->(c) WITH s, r ORDER BY s.dateStart, s.id
                          RETURN {role: r.role, statement: s {.id, .summary, .dateIso, .cites, speaker: [(sp:Person)-[:STATED]->(s) | sp.name][0]}} }} } AS commitments
WITH f, commitments,
     reduce(k = [], c IN commitments | k + coalesce(c.cites, []) + reduce(j = [], x IN c.statements | j + coalesce(x.statement.cites, []))) AS keys
// Every citation key gathered above, once, with its document title and cited passage.
CALL (keys) {
  UNWIND keys AS key
  WITH DISTINCT key
  WITH key, size(key) - size(last(split(key, '@'))) - 1 AS at
  WITH key, substring(key, 0, at) AS doc, [x IN split(substring(key, at + 1), ':') | toInteger(x)] AS span
  OPTIONAL MATCH (d:Node {id: doc})
  RETURN collect({key: key, document: doc, title: d.title, excerpt: substring(d.text, span[0], span[1] - span[0])}) AS citations
}
RETURN f {.id, .name} AS facility, commitments, citations
