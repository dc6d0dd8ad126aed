// A node the graph already holds, named or stated again by a newly ingested document: it keeps
// its properties and gains the document's citations (and the names the document gives it that it
// lacks), so "every source" lists the new one. Citations it already has are not repeated.
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
SET n.cites = coalesce(n.cites, []) + [c IN row.cites WHERE NOT c IN coalesce(n.cites, [])]
// a post's start or end the new document gives, where the graph has none
SET n += CASE WHEN n.fromIso IS NULL THEN row.fillFrom ELSE {} END
SET n += CASE WHEN n.toIso IS NULL THEN row.fillTo ELSE {} END
// an event's date: the one a text gives beats one inferred from a publication day, and of two
// inferred days the earlier holds (the event had happened by the first report of it)
SET n += CASE WHEN n:Event AND row.fillDate.dateIso IS NOT NULL AND (n.dateIso IS NULL OR (coalesce(n.dateInferred, false)
            AND (NOT row.fillDate.dateInferred OR (row.fillDate.dateStart = row.fillDate.dateEnd AND row.fillDate.dateStart < n.dateStart))))
          THEN row.fillDate ELSE {} END
// a dated item's date may have changed: the relationships of the person date index
// (migrations/004) follow it
WITH n, row
CALL (n) {
  WITH n WHERE n:Event OR n:Statement
  MATCH (p)-[r:PARTICIPATED_IN|STATED]->(n)
  SET r.person = p.id, r.day = n.dateStart, r.undated = CASE WHEN n.dateStart IS NULL THEN true END
}
WITH n, row
WHERE n:Entity AND size(row.aliases) > 0
WITH n, [a IN row.aliases WHERE a <> n.name AND NOT a IN coalesce(n.aliases, [])] AS fresh
WHERE size(fresh) > 0
SET n.aliases = coalesce(n.aliases, []) + fresh,
    n.aliasText = coalesce(n.aliasText, n.name) + ' | ' + reduce(s = '', a IN fresh | s + CASE s WHEN '' THEN '' ELSE ' | ' END + a)
