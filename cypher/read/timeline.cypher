// Everything dated that involves one entity: events it took part in, was involved in or hosted;
// statements it made or that were about it; commitments it made or that concern it; posts it held
// or that belong to it. Filtered to [$from, $to] and ordered by date. A person's own events and
// statements, the many (a busy official has thousands), are seeks of the person date index
// (migrations/004): first days in [$dayFrom, $dayTo] ($from to $to), then the month and year
// dates that start before $from and reach it (they start on the first of its month or of its
// year, $startsBefore: src/domain/dates.ts startDaysOverlapping), then the undated, through their
// own index; the commitments it made the same way, by their first day on COMMITS (migrations/007);
// other events and statements are filtered on their own date as they are read, the rest once
// gathered. Facts whose review status is not in $reviewStatuses are
// left out.
MATCH (x:Entity:Node) WHERE x.slug = $ref OR x.id = $ref
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
  WHERE r.person = x.id AND r.undated = true AND ($from IS NULL OR n.dateEnd IS NULL OR n.dateEnd >= $from)
  RETURN n, 'participant' AS role
  UNION
  MATCH (n:Event)-[:INVOLVES|HELD_IN|HELD_AT]->(x)
  WHERE ($from IS NULL OR n.dateEnd IS NULL OR n.dateEnd >= $from) AND ($to IS NULL OR n.dateStart IS NULL OR n.dateStart <= $to)
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
  WHERE r.person = x.id AND r.undated = true AND ($from IS NULL OR n.dateEnd IS NULL OR n.dateEnd >= $from)
  RETURN n, 'speaker' AS role
  UNION
  MATCH (n:Statement)-[:ABOUT]->(x)
  WHERE ($from IS NULL OR n.dateEnd IS NULL OR n.dateEnd >= $from) AND ($to IS NULL OR n.dateStart IS NULL OR n.dateStart <= $to)
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
WHERE ($from IS NULL OR end IS NULL OR end >= $from)
  AND ($to IS NULL OR start IS NULL OR start <= $to)
  AND (size($kinds) = 0 OR any(k IN labels(n) WHERE k IN $kinds))
  AND coalesce(n.reviewStatus, 'extracted') IN $reviewStatuses
// the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
RETURN n.id AS id, labels(n) AS labels, roles, start
ORDER BY start IS NULL, start, n.id
LIMIT $limit
