// Benchmark floor (src/bench): one page of a speaker's statements over [$from, $to], oldest
// first, with the total, their figures, and every citation (title and passage).
// the speaker first (an index seek on :Entity(slug)), then only their statements: seeking the
// date index first would read every statement of the range, of every speaker
MATCH (sp:Entity {slug: $speaker}) USING INDEX sp:Entity(slug)
WHERE sp:Person
MATCH (sp)-[:STATED]->(s:Statement)
WHERE s.dateEnd >= $from AND s.dateStart <= $to
WITH s ORDER BY s.dateStart, s.id
WITH collect(s) AS matches
WITH size(matches) AS total,
     [s IN matches[$skip..($skip + $limit)] | s {.id, .summary, .dateIso, .cites,
        figures: [(s)-[:REPORTS]->(f:Figure) | f {.id, .value, .unit, .metric, .label, .cites}]}] AS page
WITH total, page, reduce(k = [], s IN page | k + coalesce(s.cites, []) + reduce(j = [], f IN s.figures | j + coalesce(f.cites, []))) AS keys
// Every citation key gathered above, once, with its document title and cited passage.
CALL (keys) {
  UNWIND keys AS key
  WITH DISTINCT key
  WITH key, size(key) - size(last(split(key, '@'))) - 1 AS at
  WITH key, substring(key, 0, at) AS doc, [x IN split(substring(key, at + 1), ':') | toInteger(x)] AS span
  OPTIONAL MATCH (d:Node {id: doc})
  RETURN collect({key: key, document: doc, title: d.title, excerpt: substring(d.text, span[0], span[1] - span[0])}) AS citations
}
RETURN total, page, citations
