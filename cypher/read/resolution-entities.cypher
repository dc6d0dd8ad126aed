// Graph entities that may be the same as the entities a document names: for each name, the
// best full-text hits over names and aliases (accents and case folded).
UNWIND $queries AS q
CALL db.index.fulltext.queryNodes('entity_names', q.lucene, {limit: 5})
YIELD node, score
RETURN q.key AS key, node.id AS id, [l IN labels(node) WHERE l IN ['Person', 'Organization', 'Place', 'Facility', 'Program']][0] AS kind,
       node.name AS name, coalesce(node.aliases, []) AS aliases, node.acronym AS acronym, score
