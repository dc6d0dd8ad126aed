// Creates or replaces nodes by global id. Labels: Node, the kind, and Entity or Fact.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n = row.props, n.id = row.id, n.cites = row.cites
SET n:$(row.labels)
// a dated item's date may have changed: the relationships of the person date index
// (migrations/004, 007) follow it
WITH n
CALL (n) {
  WITH n WHERE n:Event OR n:Statement
  MATCH (p)-[r:PARTICIPATED_IN|STATED]->(n)
  SET r.person = p.id, r.day = n.dateStart, r.undated = CASE WHEN n.dateStart IS NULL THEN true END
}
CALL (n) {
  WITH n WHERE n:Commitment
  MATCH (p)-[:STATED]->(:Statement)-[r:COMMITS]->(n)
  SET r.person = p.id, r.day = coalesce(n.deadlineStart, n.startStart),
      r.undated = CASE WHEN coalesce(n.deadlineStart, n.startStart) IS NULL THEN true END
}
