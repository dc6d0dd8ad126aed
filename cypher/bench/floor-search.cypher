// Benchmark floor (src/bench): entity search by partial, accent-free name (the same full-text
// index and candidate count as read/search-entities).
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit})
YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l IN ['Person', 'Organization', 'Place', 'Facility', 'Program']][0] AS kind,
       node.name AS name, node.slug AS slug, node.aliases AS aliases, score
