// What merging $merge into $keep will do to each relationship of merge (read in the merge's own
// transaction, before write/merge-entities): its type, direction, other end and properties, and
// whether keep already has the one it will be folded into (write/merge-entities reuses it and unites
// the citations), with that one's citations. Relationships between the two ('between') are dropped
// by the merge. Kept on the merge's Edit node so that undoEdit can put everything back.
MATCH (k:Node {id: $keep})
MATCH (m:Node {id: $merge})
CALL (k, m) {
  MATCH (m)-[r]->(x)
  WHERE x <> m
  OPTIONAL CALL (k, r, x) {
    MATCH (k)-[e]->(x)
    WHERE x <> k AND type(e) = type(r) AND (r.key IS NULL OR e.key = r.key)
    RETURN e LIMIT 1
  }
  RETURN type(r) AS type, 'out' AS dir, x.id AS other, x:Node AS otherIsNode, x = k AS between, properties(r) AS props,
         e IS NOT NULL AS existed, coalesce(e.cites, []) AS keepCites, e IS NOT NULL AND e.cites IS NULL AS keepCitesAbsent
  UNION ALL
  MATCH (x)-[r]->(m)
  WHERE x <> m
  OPTIONAL CALL (k, r, x) {
    MATCH (x)-[e]->(k)
    WHERE x <> k AND type(e) = type(r) AND (r.key IS NULL OR e.key = r.key)
    RETURN e LIMIT 1
  }
  RETURN type(r) AS type, 'in' AS dir, x.id AS other, x:Node AS otherIsNode, x = k AS between, properties(r) AS props,
         e IS NOT NULL AS existed, coalesce(e.cites, []) AS keepCites, e IS NOT NULL AND e.cites IS NULL AS keepCitesAbsent
}
RETURN type, dir, other, otherIsNode, between, props, existed, keepCites, keepCitesAbsent
