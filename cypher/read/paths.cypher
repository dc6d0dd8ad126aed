// Shortest connections between two entities through people, bodies, places and facts (never
// through documents), each hop with its relationship's citations (and, with $passages, their
// documents and passages, so a paths request with cited hops is one round trip). The hop bound
// is a literal (Cypher needs one) equal to the API cap on maxHops (6); $maxHops narrows it. Paths
// through a fact an editor rejected are dropped by the caller (Repository.paths), not here: a
// predicate on the path's nodes changes how Neo4j plans the search. The nodes' other properties:
// read by the projection that wraps this query (graph/projection.ts, Listed); a hop's, its citations.
MATCH (a:Entity:Node) WHERE a.slug = $from OR a.id = $from
MATCH (b:Entity:Node) WHERE b.slug = $to OR b.id = $to
MATCH p = allShortestPaths((a)-[:PART_OF|GOVERNS|LOCATED_IN|OPERATED_BY|RUN_BY|HOLDS|POST_IN|PARTICIPATED_IN|HELD_IN|HELD_AT|INVOLVES|STATED|AT_EVENT|ABOUT|REPORTS|COMMITS|CONCERNS|TARGETS|MEASURES*..6]-(b))
WHERE length(p) <= $maxHops AND a <> b
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), reviewStatus: n.reviewStatus}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: r {.cites},
         // with $passages, each citation's document (without its text) and the cited passage
         passages: CASE WHEN $passages THEN [k IN coalesce(r.cites, []) | {key: k, doc:
           COLLECT { MATCH (d:Node:Document {id: left(k, size(k) - size(last(split(k, '@'))) - 1)})
                     WITH d, [x IN split(last(split(k, '@')), ':') | toInteger(x)] AS span
                     RETURN {labels: labels(d), props: d {.*, text: null}, excerpt: substring(d.text, span[0] - size([p IN coalesce(d.astral, []) WHERE p < span[0]]), span[1] - span[0] - size([p IN coalesce(d.astral, []) WHERE p >= span[0] AND p < span[1]]))} }[0]}]
         END}] AS rels
LIMIT $limit
