// Benchmark floor (src/bench): shortest paths of at most 4 hops between two entities (as
// read/paths, found by slug), each hop with its citations (title and passage).
MATCH (a:Entity {slug: $from})
MATCH (b:Entity {slug: $to})
MATCH p = allShortestPaths((a)-[:PART_OF|GOVERNS|LOCATED_IN|OPERATED_BY|RUN_BY|HOLDS|POST_IN|PARTICIPATED_IN|HELD_IN|HELD_AT|INVOLVES|STATED|AT_EVENT|ABOUT|REPORTS|COMMITS|CONCERNS|TARGETS|MEASURES*..4]-(b))
WHERE a <> b
WITH p LIMIT $limit
WITH collect({length: length(p),
              nodes: [n IN nodes(p) | {id: n.id, label: coalesce(n.name, n.title, n.role, n.summary)}],
              hops: [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, cites: r.cites}]}) AS paths
WITH paths, reduce(k = [], x IN paths | k + reduce(j = [], h IN x.hops | j + coalesce(h.cites, []))) AS keys
// Every citation key gathered above, once, with its document title and cited passage.
CALL (keys) {
  UNWIND keys AS key
  WITH DISTINCT key
  WITH key, size(key) - size(last(split(key, '@'))) - 1 AS at
  WITH key, substring(key, 0, at) AS doc, [x IN split(substring(key, at + 1), ':') | toInteger(x)] AS span
  OPTIONAL MATCH (d:Node {id: doc})
  RETURN collect({key: key, document: doc, title: d.title, excerpt: substring(d.text, span[0], span[1] - span[0])}) AS citations
}
RETURN paths, citations
