// What a commitment's derived status rests on (domain/commitments.ts), for the commitment `c`:
// how many statements made or repeated it, the first inauguration held at a facility it
// concerns on or after the date of the first of them, the first statement reporting it done and
// the last reporting it under way. Statements and events an editor rejected do not count.
// A fragment, not a query: graph/projection.ts embeds it with `c` bound (a lookup or list that
// selects a commitment's status reads it in the same query), and so does the batch of
// the batch loader of statuses (graph/loaders.ts), through the same projection.
WITH c,
     COUNT { (s:Statement)-[r:COMMITS]->(c) WHERE NOT r.role IN ['reports-done', 'reports-progress'] AND coalesce(s.reviewStatus, '') <> 'rejected' } AS statements,
     COLLECT { MATCH (s:Statement)-[:COMMITS]->(c) WHERE s.dateStart IS NOT NULL AND coalesce(s.reviewStatus, '') <> 'rejected' RETURN s.dateStart ORDER BY s.dateStart LIMIT 1 } AS made
RETURN {
  statements: statements,
  inaugurated: COLLECT { MATCH (c)-[:CONCERNS]->(:Facility)<-[:HELD_AT]-(e:Event)
                         WHERE e.category = 'inauguration' AND e.dateStart IS NOT NULL AND coalesce(e.reviewStatus, '') <> 'rejected' AND (size(made) = 0 OR e.dateStart >= made[0])
                         RETURN {title: e.title, date: e.dateIso} ORDER BY e.dateStart LIMIT 1 }[0],
  done: COLLECT { MATCH (s:Statement)-[:COMMITS {role: 'reports-done'}]->(c) WHERE coalesce(s.reviewStatus, '') <> 'rejected'
                  RETURN {summary: s.summary, date: s.dateIso} ORDER BY s.dateStart LIMIT 1 }[0],
  progress: COLLECT { MATCH (s:Statement)-[:COMMITS {role: 'reports-progress'}]->(c) WHERE coalesce(s.reviewStatus, '') <> 'rejected'
                      RETURN {summary: s.summary, date: s.dateIso} ORDER BY s.dateStart DESC LIMIT 1 }[0]
} AS facts
