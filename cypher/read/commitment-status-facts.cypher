// Batch: what a commitment's derived status rests on (domain/commitments.ts): how many statements
// made or repeated it, the first inauguration held at a facility it concerns on or after the
// date of the first of them, the first statement reporting it done and the last reporting it
// under way. Statements and events an editor rejected do not count.
UNWIND $ids AS id
MATCH (c:Node:Commitment {id: id})
WITH id, c,
     COUNT { (s:Statement)-[r:COMMITS]->(c) WHERE NOT r.role IN ['reports-done', 'reports-progress'] AND coalesce(s.reviewStatus, '') <> 'rejected' } AS statements,
     COLLECT { MATCH (s:Statement)-[:COMMITS]->(c) WHERE s.dateStart IS NOT NULL AND coalesce(s.reviewStatus, '') <> 'rejected' RETURN s.dateStart ORDER BY s.dateStart LIMIT 1 } AS made
RETURN id, statements,
       COLLECT { MATCH (c)-[:CONCERNS]->(:Facility)<-[:HELD_AT]-(e:Event)
                 WHERE e.category = 'inauguration' AND e.dateStart IS NOT NULL AND coalesce(e.reviewStatus, '') <> 'rejected' AND (size(made) = 0 OR e.dateStart >= made[0])
                 RETURN {title: e.title, date: e.dateIso} ORDER BY e.dateStart LIMIT 1 }[0] AS inaugurated,
       COLLECT { MATCH (s:Statement)-[:COMMITS {role: 'reports-done'}]->(c) WHERE coalesce(s.reviewStatus, '') <> 'rejected'
                 RETURN {summary: s.summary, date: s.dateIso} ORDER BY s.dateStart LIMIT 1 }[0] AS done,
       COLLECT { MATCH (s:Statement)-[:COMMITS {role: 'reports-progress'}]->(c) WHERE coalesce(s.reviewStatus, '') <> 'rejected'
                 RETURN {summary: s.summary, date: s.dateIso} ORDER BY s.dateStart DESC LIMIT 1 }[0] AS progress
