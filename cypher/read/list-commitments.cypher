// Commitments by what they concern (or something inside it), status, deadline range, who made
// or repeated them, text and source document; ordered by deadline, then start date.
// Status as domain/commitments.ts derives it: recorded by an editor, else fulfilled (a facility it
// concerns inaugurated after it was made, or a statement reporting it done), overdue, in progress
// (a statement reporting it under way), repeated or announced; computed only when a status is asked for.
// Statements and events an editor rejected do not count.
MATCH (c:Commitment)
WHERE coalesce(c.reviewStatus, 'extracted') IN $reviewStatuses
  AND (size($statuses) = 0 OR CASE
         WHEN c.status IN ['in-progress', 'fulfilled', 'abandoned'] THEN c.status
         WHEN EXISTS { MATCH (c)-[:CONCERNS]->(:Facility)<-[:HELD_AT]-(e:Event)
                       WHERE e.category = 'inauguration' AND e.dateStart IS NOT NULL AND coalesce(e.reviewStatus, '') <> 'rejected'
                         AND (NOT EXISTS { MATCH (s:Statement)-[:COMMITS]->(c) WHERE s.dateStart IS NOT NULL AND coalesce(s.reviewStatus, '') <> 'rejected' }
                              OR EXISTS { MATCH (s:Statement)-[:COMMITS]->(c) WHERE s.dateStart <= e.dateStart AND coalesce(s.reviewStatus, '') <> 'rejected' }) } THEN 'fulfilled'
         WHEN EXISTS { MATCH (s:Statement)-[:COMMITS {role: 'reports-done'}]->(c) WHERE coalesce(s.reviewStatus, '') <> 'rejected' } THEN 'fulfilled'
         WHEN c.deadlineEnd IS NOT NULL AND c.deadlineEnd < $today THEN 'overdue'
         WHEN EXISTS { MATCH (s:Statement)-[:COMMITS {role: 'reports-progress'}]->(c) WHERE coalesce(s.reviewStatus, '') <> 'rejected' } THEN 'in-progress'
         WHEN COUNT { (s:Statement)-[r:COMMITS]->(c) WHERE NOT r.role IN ['reports-done', 'reports-progress'] AND coalesce(s.reviewStatus, '') <> 'rejected' } > 1 THEN 'repeated'
         ELSE 'announced' END IN $statuses)
  AND ($deadlineFrom IS NULL OR c.deadlineEnd >= $deadlineFrom)
  AND ($deadlineTo IS NULL OR c.deadlineStart <= $deadlineTo)
  AND ($concerning IS NULL OR EXISTS {
        MATCH (c)-[:CONCERNS]->()-[:LOCATED_IN|PART_OF*0..5]->(x:Entity) WHERE x.slug = $concerning OR x.id = $concerning })
  AND ($madeBy IS NULL OR EXISTS {
        MATCH (p:Person)-[:STATED]->(:Statement)-[:COMMITS]->(c) WHERE p.slug = $madeBy OR p.id = $madeBy })
  AND ($document IS NULL OR EXISTS { MATCH (c)-[:SOURCED_FROM]->(d:Document) WHERE d.id = $document OR d.fileName = $document })
  AND ($text IS NULL OR c.fold CONTAINS $text)
WITH c, coalesce(c.deadlineStart, c.startStart) AS sortDate
ORDER BY sortDate IS NULL, CASE WHEN $desc THEN sortDate END DESC, CASE WHEN $desc THEN null ELSE sortDate END ASC, c.id
WITH collect(c) AS matches
// the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
RETURN size(matches) AS total,
       [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n)}] AS page
