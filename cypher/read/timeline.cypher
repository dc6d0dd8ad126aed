// Everything dated that involves one entity: events it took part in, was involved in or hosted;
// statements it made or that were about it; commitments it made or that concern it; posts it held
// or that belong to it. Filtered to [$from, $to] and ordered by date. Events and statements, the
// many, are filtered on their own date as they are read (a busy official has thousands); the rest
// once gathered. Facts whose review status is not in $reviewStatuses are left out.
MATCH (x:Entity:Node) WHERE x.slug = $ref OR x.id = $ref
CALL (x) {
  MATCH (x)-[:PARTICIPATED_IN]->(n:Event)
  WHERE ($from IS NULL OR n.dateEnd IS NULL OR n.dateEnd >= $from) AND ($to IS NULL OR n.dateStart IS NULL OR n.dateStart <= $to)
  RETURN n, 'participant' AS role
  UNION
  MATCH (n:Event)-[:INVOLVES|HELD_IN|HELD_AT]->(x)
  WHERE ($from IS NULL OR n.dateEnd IS NULL OR n.dateEnd >= $from) AND ($to IS NULL OR n.dateStart IS NULL OR n.dateStart <= $to)
  RETURN n, 'involved' AS role
  UNION
  MATCH (x)-[:STATED]->(n:Statement)
  WHERE ($from IS NULL OR n.dateEnd IS NULL OR n.dateEnd >= $from) AND ($to IS NULL OR n.dateStart IS NULL OR n.dateStart <= $to)
  RETURN n, 'speaker' AS role
  UNION
  MATCH (n:Statement)-[:ABOUT]->(x)
  WHERE ($from IS NULL OR n.dateEnd IS NULL OR n.dateEnd >= $from) AND ($to IS NULL OR n.dateStart IS NULL OR n.dateStart <= $to)
  RETURN n, 'subject' AS role
  UNION
  MATCH (x)-[:STATED]->(:Statement)-[:COMMITS]->(n:Commitment) RETURN n, 'committed' AS role
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
RETURN n.id AS id, labels(n) AS labels, n {.*, fold: null} AS props, roles, start
ORDER BY start IS NULL, start, n.id
LIMIT $limit
