// The STATED relationships of these statements that make, repeat or report a commitment get
// `commits: true` (the index of a person's committing statements, migrations/006). Run after the
// statements' STATED and COMMITS relationships are written, whichever came first.
UNWIND $statements AS statementId
MATCH (s:Node:Statement {id: statementId})
WHERE EXISTS { (s)-[:COMMITS]->() }
MATCH ()-[r:STATED]->(s)
WHERE r.commits IS NULL
SET r.commits = true
