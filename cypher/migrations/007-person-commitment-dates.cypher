// A person's commitments by date: every (:Statement)-[:COMMITS]->(:Commitment) of a statement a
// person made carries `person` (the speaker's id) and `day` (the commitment's first day: its
// deadline's, else its start's), and `undated: true` when the commitment has neither. "This
// person's commitments in [from, to]" is then a seek like their events and statements
// (migrations/004), not a read of every commitment they made (a busy official makes thousands).
// A statement has one speaker. The writers keep them true (write/index-person-commitments after
// every batch of relationships; write/upsert-nodes when a commitment's dates change; merges and
// unmerges when a statement changes speaker).
CREATE RANGE INDEX commits_person_day IF NOT EXISTS FOR ()-[r:COMMITS]-() ON (r.person, r.day);
CREATE RANGE INDEX commits_person_undated IF NOT EXISTS FOR ()-[r:COMMITS]-() ON (r.person, r.undated);

// Graphs written before these properties existed: set them, 10,000 relationships a transaction.
// Relationships that have them are left alone, so applying this again changes nothing.
MATCH (p)-[:STATED]->(:Statement)-[r:COMMITS]->(c)
WHERE r.person IS NULL
CALL (p, r, c) {
  SET r.person = p.id, r.day = coalesce(c.deadlineStart, c.startStart),
      r.undated = CASE WHEN coalesce(c.deadlineStart, c.startStart) IS NULL THEN true END
} IN TRANSACTIONS OF 10000 ROWS;
