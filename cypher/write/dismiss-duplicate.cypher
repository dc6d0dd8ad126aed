// An editor says two look-alike entities are not one: their POSSIBLY_SAME_AS (either direction)
// is marked dismissed, with who, when and why, and an Edit node on each records it. Returns the pair.
MATCH (a:Node:Entity {id: $a})
MATCH (b:Node:Entity {id: $b})
MATCH (a)-[r:POSSIBLY_SAME_AS]-(b)
SET r.dismissedAt = $at, r.dismissedBy = $by, r.dismissNote = $note
WITH DISTINCT a, b
CREATE (ea:Edit)-[:EDITED]->(a)
SET ea = $edit, ea.id = $edit.id + '-a'
CREATE (eb:Edit)-[:EDITED]->(b)
SET eb = $edit, eb.id = $edit.id + '-b'
RETURN a.id AS id, labels(a) AS labels, a {.*, text: null} AS props
