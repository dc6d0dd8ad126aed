// Batch: what a commitment's derived status rests on (domain/commitments.ts): how many statements
// made or repeated it, and the first inauguration held at a facility it concerns on or after the
// date of the first of them.
UNWIND $ids AS id
MATCH (c:Node:Commitment {id: id})
WITH id, c,
     COUNT { (:Statement)-[:COMMITS]->(c) } AS statements,
     COLLECT { MATCH (s:Statement)-[:COMMITS]->(c) WHERE s.dateStart IS NOT NULL RETURN s.dateStart ORDER BY s.dateStart LIMIT 1 } AS made
RETURN id, statements,
       COLLECT { MATCH (c)-[:CONCERNS]->(:Facility)<-[:HELD_AT]-(e:Event)
                 WHERE e.category = 'inauguration' AND e.dateStart IS NOT NULL AND (size(made) = 0 OR e.dateStart >= made[0])
                 RETURN {title: e.title, date: e.dateIso} ORDER BY e.dateStart LIMIT 1 }[0] AS inaugurated
