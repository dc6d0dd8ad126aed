// A person's commitments: the (:Person)-[:STATED]->(:Statement) of a statement that makes,
// repeats or reports a commitment (it has a COMMITS) carries `commits: true`, so "the commitments
// this person made" is a seek of the person's committing statements, not a walk through every
// statement they made (a busy official has thousands, a few of them commitments). The writers
// keep it true (write/index-person-commitments, after every batch of relationships).
CREATE RANGE INDEX stated_person_commits IF NOT EXISTS FOR ()-[r:STATED]-() ON (r.person, r.commits);

// Graphs written before this property existed: set it, 10,000 relationships a transaction.
// Relationships that have it are left alone, so applying this again changes nothing.
MATCH ()-[r:STATED]->(s:Statement)
WHERE r.commits IS NULL AND EXISTS { (s)-[:COMMITS]->() }
CALL (r) {
  SET r.commits = true
} IN TRANSACTIONS OF 10000 ROWS;
