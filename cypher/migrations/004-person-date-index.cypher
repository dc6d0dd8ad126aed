// A person's events and statements by date: every (:Person)-[:PARTICIPATED_IN]->(:Event) and
// (:Person)-[:STATED]->(:Statement) carries `person` (the person's id) and `day` (the item's first
// day, its dateStart; absent when undated), and `undated: true` when the item has no date. The
// writers keep them true (write/*). With these indexes "a person's latest 20" and "a person's
// items in [from, to]" are ordered index seeks that read about as many relationships as they
// return, however many the person has; the undated, which always come last, have an index of
// their own, so they are read without reading the dated.
CREATE RANGE INDEX participated_person_day IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.person, r.day);
CREATE RANGE INDEX participated_person_undated IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.person, r.undated);
CREATE RANGE INDEX stated_person_day IF NOT EXISTS FOR ()-[r:STATED]-() ON (r.person, r.day);
CREATE RANGE INDEX stated_person_undated IF NOT EXISTS FOR ()-[r:STATED]-() ON (r.person, r.undated);

// Graphs written before these properties existed: set them, 10,000 relationships a transaction.
// Relationships that have them are left alone, so applying this again changes nothing.
MATCH (p)-[r:PARTICIPATED_IN|STATED]->(n)
WHERE r.person IS NULL
CALL (p, r, n) {
  SET r.person = p.id, r.day = n.dateStart, r.undated = CASE WHEN n.dateStart IS NULL THEN true END
} IN TRANSACTIONS OF 10000 ROWS;
