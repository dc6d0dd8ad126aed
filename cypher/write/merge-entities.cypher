// Merges entity $merge into $keep. Every relationship of merge, in either direction and of any type, moves to
// keep with its type and properties; where keep already has the same one (type, other end, key) it is reused
// and the citations are united. Relationships between the two are dropped. Keep takes $props (names, aliases,
// citations) and any description or acronym it lacks; merge is deleted and leaves a Redirect (its id and
// slug lead to keep); an Edit node records the change, with what undoEdit needs to put it back ($edit.undo).
// A person's events and statements moved to keep carry keep's id, and so do the commitments of the
// statements moved (the person date index, migrations/004, 007).
MATCH (k:Node {id: $keep})
MATCH (m:Node {id: $merge})
CALL (k, m) {
  MATCH (m)-[r]->(x)
  WHERE x <> k AND x <> m
  CALL (k, r, x) {
    WITH * WHERE r.key IS NOT NULL
    MERGE (k)-[n:$(type(r)) {key: r.key}]->(x)
    ON CREATE SET n = properties(r)
    ON MATCH SET n.cites = CASE WHEN r.cites IS NULL THEN n.cites ELSE coalesce(n.cites, []) + [c IN r.cites WHERE NOT c IN coalesce(n.cites, [])] END
    FOREACH (_ IN CASE WHEN type(n) IN ['PARTICIPATED_IN', 'STATED'] THEN [1] ELSE [] END |
      SET n.person = k.id, n.day = x.dateStart, n.undated = CASE WHEN x.dateStart IS NULL THEN true END)
  }
  CALL (k, r, x) {
    WITH * WHERE r.key IS NULL
    MERGE (k)-[n:$(type(r))]->(x)
    ON CREATE SET n = properties(r)
    ON MATCH SET n.cites = CASE WHEN r.cites IS NULL THEN n.cites ELSE coalesce(n.cites, []) + [c IN r.cites WHERE NOT c IN coalesce(n.cites, [])] END
    FOREACH (_ IN CASE WHEN type(n) IN ['PARTICIPATED_IN', 'STATED'] THEN [1] ELSE [] END |
      SET n.person = k.id, n.day = x.dateStart, n.undated = CASE WHEN x.dateStart IS NULL THEN true END)
  }
}
CALL (k, m) {
  MATCH (x)-[r]->(m)
  WHERE x <> k AND x <> m
  CALL (k, r, x) {
    WITH * WHERE r.key IS NOT NULL
    MERGE (x)-[n:$(type(r)) {key: r.key}]->(k)
    ON CREATE SET n = properties(r)
    ON MATCH SET n.cites = CASE WHEN r.cites IS NULL THEN n.cites ELSE coalesce(n.cites, []) + [c IN r.cites WHERE NOT c IN coalesce(n.cites, [])] END
  }
  CALL (k, r, x) {
    WITH * WHERE r.key IS NULL
    MERGE (x)-[n:$(type(r))]->(k)
    ON CREATE SET n = properties(r)
    ON MATCH SET n.cites = CASE WHEN r.cites IS NULL THEN n.cites ELSE coalesce(n.cites, []) + [c IN r.cites WHERE NOT c IN coalesce(n.cites, [])] END
  }
}
SET k += $props
SET k.description = coalesce(k.description, m.description), k.acronym = coalesce(k.acronym, m.acronym)
WITH k, m
// the statements moved to keep: their commitments are keep's now (migrations/007)
CALL (k) {
  MATCH (k)-[:STATED]->(:Statement)-[c:COMMITS]->(x)
  WHERE coalesce(c.person, '') <> k.id
  SET c.person = k.id, c.day = coalesce(x.deadlineStart, x.startStart),
      c.undated = CASE WHEN coalesce(x.deadlineStart, x.startStart) IS NULL THEN true END
}
// merge's id and slug lead to keep from now on, and so do those of entities merged into merge before
CALL (k, m) {
  MATCH (earlier:Redirect {to: m.id})
  SET earlier.to = k.id
}
MERGE (rd:Redirect {id: m.id})
SET rd.slug = m.slug, rd.to = k.id, rd.name = m.name
DETACH DELETE m
CREATE (e:Edit)-[:EDITED]->(k)
SET e = $edit
RETURN k.id AS id, labels(k) AS labels, k {.*, text: null} AS props
