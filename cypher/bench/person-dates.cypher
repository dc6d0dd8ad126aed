// Benchmark arguments: for each person, the day of one of their own dated events and of one of
// their own dated statements (null when they have none), picked the same way every time, so
// that date ranges around them return data.
UNWIND $slugs AS slug
MATCH (p:Entity {slug: slug})
RETURN slug,
  COLLECT { MATCH (p)-[:PARTICIPATED_IN]->(e:Event) WHERE e.dateStart IS NOT NULL
            WITH e ORDER BY e.id LIMIT 1 RETURN e.dateStart }[0] AS eventDay,
  COLLECT { MATCH (p)-[:STATED]->(s:Statement) WHERE s.dateStart IS NOT NULL
            WITH s ORDER BY s.id LIMIT 1 RETURN s.dateStart }[0] AS statementDay
