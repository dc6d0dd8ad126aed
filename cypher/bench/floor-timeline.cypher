// Benchmark floor (src/bench): an entity's timeline over [$from, $to] in one query, as
// read/timeline but found by slug (a person's events and statements through the person date
// index: first days in [$dayFrom, $dayTo], the month and year dates starting before $from on
// $startsBefore, the undated), with every item's citations (title and passage).
MATCH (x:Entity {slug: $slug})
CALL (x) {
  MATCH ()-[r:PARTICIPATED_IN]->(n:Event) USING INDEX r:PARTICIPATED_IN(person, day)
  WHERE r.person = x.id AND r.day >= $dayFrom AND r.day <= $dayTo
  RETURN n, 'participant' AS role
  UNION
  MATCH ()-[r:PARTICIPATED_IN]->(n:Event) USING INDEX r:PARTICIPATED_IN(person, day)
  WHERE r.person = x.id AND r.day IN $startsBefore AND n.dateStart <= $dayTo AND (n.dateEnd IS NULL OR n.dateEnd >= $from)
  RETURN n, 'participant' AS role
  UNION
  MATCH ()-[r:PARTICIPATED_IN]->(n:Event) USING INDEX r:PARTICIPATED_IN(person, undated)
  WHERE r.person = x.id AND r.undated = true AND (n.dateEnd IS NULL OR n.dateEnd >= $from)
  RETURN n, 'participant' AS role
  UNION
  MATCH (n:Event)-[:INVOLVES|HELD_IN|HELD_AT]->(x)
  WHERE (n.dateEnd IS NULL OR n.dateEnd >= $from) AND (n.dateStart IS NULL OR n.dateStart <= $to)
  RETURN n, 'involved' AS role
  UNION
  MATCH ()-[r:STATED]->(n:Statement) USING INDEX r:STATED(person, day)
  WHERE r.person = x.id AND r.day >= $dayFrom AND r.day <= $dayTo
  RETURN n, 'speaker' AS role
  UNION
  MATCH ()-[r:STATED]->(n:Statement) USING INDEX r:STATED(person, day)
  WHERE r.person = x.id AND r.day IN $startsBefore AND n.dateStart <= $dayTo AND (n.dateEnd IS NULL OR n.dateEnd >= $from)
  RETURN n, 'speaker' AS role
  UNION
  MATCH ()-[r:STATED]->(n:Statement) USING INDEX r:STATED(person, undated)
  WHERE r.person = x.id AND r.undated = true AND (n.dateEnd IS NULL OR n.dateEnd >= $from)
  RETURN n, 'speaker' AS role
  UNION
  MATCH (n:Statement)-[:ABOUT]->(x)
  WHERE (n.dateEnd IS NULL OR n.dateEnd >= $from) AND (n.dateStart IS NULL OR n.dateStart <= $to)
  RETURN n, 'subject' AS role
  UNION
  // the commitments it made, repeated or reported on, by their first day (migrations/007), as
  // its events and statements: a commitment's dates are its deadline's, else its start's
  MATCH ()-[r:COMMITS]->(n:Commitment) USING INDEX r:COMMITS(person, day)
  WHERE r.person = x.id AND r.day >= $dayFrom AND r.day <= $dayTo
  RETURN n, 'committed' AS role
  UNION
  MATCH ()-[r:COMMITS]->(n:Commitment) USING INDEX r:COMMITS(person, day)
  WHERE r.person = x.id AND r.day IN $startsBefore AND r.day <= $dayTo AND coalesce(n.deadlineEnd, n.startEnd) >= $from
  RETURN n, 'committed' AS role
  UNION
  MATCH ()-[r:COMMITS]->(n:Commitment) USING INDEX r:COMMITS(person, undated)
  WHERE r.person = x.id AND r.undated = true
  RETURN n, 'committed' AS role
  UNION
  MATCH (n:Commitment)-[:CONCERNS]->(x) RETURN n, 'concerned' AS role
  UNION
  MATCH (x)-[:HOLDS]->(n:Post) RETURN n, 'holder' AS role
  UNION
  MATCH (n:Post)-[:POST_IN|GOVERNS]->(x) RETURN n, 'post' AS role
}
WITH n, collect(role) AS roles,
     coalesce(n.dateStart, n.deadlineStart, n.startStart, n.fromStart) AS start,
     coalesce(n.dateEnd, n.deadlineEnd, n.startEnd, n.fromEnd, n.toEnd) AS end
WHERE (end IS NULL OR end >= $from) AND (start IS NULL OR start <= $to)
WITH n, roles, start ORDER BY start IS NULL, start, n.id LIMIT 500
WITH collect({id: n.id, kind: [l IN labels(n) WHERE l IN ['Event', 'Statement', 'Commitment', 'Post']][0], date: start, roles: roles,
              title: coalesce(n.title, n.summary, n.role), cites: n.cites}) AS items
WITH items, reduce(k = [], x IN items | k + coalesce(x.cites, [])) AS keys
// Every citation key gathered above, once, with its document title and cited passage.
CALL (keys) {
  UNWIND keys AS key
  WITH DISTINCT key
  WITH key, size(key) - size(last(split(key, '@'))) - 1 AS at
  WITH key, substring(key, 0, at) AS doc, [x IN split(substring(key, at + 1), ':') | toInteger(x)] AS span
  OPTIONAL MATCH (d:Node {id: doc})
  RETURN collect({key: key, document: doc, title: d.title, excerpt: substring(d.text, span[0], span[1] - span[0])}) AS citations
}
RETURN items, citations
