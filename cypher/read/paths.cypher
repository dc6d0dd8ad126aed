// Shortest connections between two entities through people, bodies, places and facts (never
// through documents), each hop with its relationship's citations. The hop bound is a literal
// (Cypher needs one) equal to the API cap on maxHops (6); $maxHops narrows it.
MATCH (a:Entity:Node) WHERE a.slug = $from OR a.id = $from
MATCH (b:Entity:Node) WHERE b.slug = $to OR b.id = $to
MATCH p = allShortestPaths((a)-[:PART_OF|GOVERNS|LOCATED_IN|OPERATED_BY|RUN_BY|HOLDS|POST_IN|PARTICIPATED_IN|HELD_IN|HELD_AT|INVOLVES|STATED|AT_EVENT|ABOUT|REPORTS|COMMITS|CONCERNS|TARGETS|MEASURES*..6]-(b))
WHERE length(p) <= $maxHops AND a <> b
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: r {.*}}] AS rels
LIMIT $limit
