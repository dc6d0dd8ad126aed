// For these statements, after their STATED and COMMITS relationships are written (whichever came
// first): a STATED whose statement makes, repeats or reports a commitment gets `commits: true`
// (migrations/006), and each COMMITS of a statement with a speaker gets the speaker's id and the
// commitment's first day (its deadline's, else its start's), or `undated: true` (migrations/007).
UNWIND $statements AS statementId
MATCH (s:Node:Statement {id: statementId})
WHERE EXISTS { (s)-[:COMMITS]->() }
CALL (s) {
  MATCH ()-[r:STATED]->(s)
  SET r.commits = true
}
CALL (s) {
  MATCH (p)-[:STATED]->(s)-[r:COMMITS]->(c)
  SET r.person = p.id, r.day = coalesce(c.deadlineStart, c.startStart),
      r.undated = CASE WHEN coalesce(c.deadlineStart, c.startStart) IS NULL THEN true END
}
