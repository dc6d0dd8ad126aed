// Undoes a merge from what its Edit recorded ($rels, $between: see read/merge-relationships): the merged
// entity comes back with its labels and properties; each relationship it had returns to it, and keep
// loses what the merge gave it (a relationship the merge created goes, one it reused loses the
// citations merge brought; $keepProps restores keep's names and citations). Relationships whose other
// end no longer exists are not restored. The redirect goes, redirects that led to merged lead to it
// again, the merge's Edit is marked undone, and an Edit on each entity records the unmerge. A person's
// events and statements given back carry its id and their item's day (the person date index, migrations/004).
MATCH (k:Node {id: $keep})
CREATE (m:Node)
SET m = $merged.props
SET m:$($merged.labels)
WITH k, m
CALL (k, m) {
  UNWIND $rels AS r
  CALL (r) {
    MATCH (x:Node {id: r.other}) WHERE r.otherIsNode RETURN x
    UNION
    MATCH (x:Edit {id: r.other}) WHERE NOT r.otherIsNode RETURN x
  }
  CALL (k, r, x) {
    OPTIONAL MATCH (k)-[e]-(x)
    WHERE type(e) = r.type AND (r.props.key IS NULL OR e.key = r.props.key)
      AND ((r.dir = 'out' AND startNode(e) = k) OR (r.dir = 'in' AND endNode(e) = k))
    WITH r, e LIMIT 1
    FOREACH (_ IN CASE WHEN e IS NOT NULL AND NOT r.existed THEN [1] ELSE [] END | DELETE e)
    FOREACH (_ IN CASE WHEN e IS NOT NULL AND r.existed THEN [1] ELSE [] END |
      SET e.cites = CASE WHEN r.keepCitesAbsent THEN null ELSE [c IN coalesce(e.cites, []) WHERE NOT c IN r.addedCites] END)
  }
  CALL (m, r, x) {
    WITH * WHERE r.dir = 'out'
    CREATE (m)-[n:$(r.type)]->(x)
    SET n = r.props
    FOREACH (_ IN CASE WHEN r.type IN ['PARTICIPATED_IN', 'STATED'] THEN [1] ELSE [] END |
      SET n.person = m.id, n.day = x.dateStart, n.undated = CASE WHEN x.dateStart IS NULL THEN true END)
  }
  CALL (m, r, x) {
    WITH * WHERE r.dir = 'in'
    CREATE (x)-[n:$(r.type)]->(m)
    SET n = r.props
  }
}
CALL (k, m) {
  UNWIND $between AS b
  CALL (k, m, b) {
    WITH * WHERE b.dir = 'out'
    CREATE (m)-[n:$(b.type)]->(k)
    SET n = b.props
  }
  CALL (k, m, b) {
    WITH * WHERE b.dir = 'in'
    CREATE (k)-[n:$(b.type)]->(m)
    SET n = b.props
  }
}
SET k += $keepProps
WITH k, m
// the statements given back: their commitments are the given-back person's again (migrations/007)
CALL (m) {
  MATCH (m)-[:STATED]->(:Statement)-[c:COMMITS]->(x)
  WHERE coalesce(c.person, '') <> m.id
  SET c.person = m.id, c.day = coalesce(x.deadlineStart, x.startStart),
      c.undated = CASE WHEN coalesce(x.deadlineStart, x.startStart) IS NULL THEN true END
}
CALL (m) {
  MATCH (rd:Redirect {id: m.id})
  DELETE rd
}
CALL (m) {
  UNWIND $retargeted AS rid
  MATCH (x:Redirect {id: rid})
  SET x.to = m.id
}
CALL () {
  MATCH (e:Edit {id: $editId})
  SET e.undoneAt = $at, e.undoneBy = $by
}
CREATE (ek:Edit)-[:EDITED]->(k)
SET ek = $keepEdit
CREATE (em:Edit)-[:EDITED]->(m)
SET em = $mergedEdit
RETURN m.id AS id, labels(m) AS labels, m {.*, text: null} AS props
