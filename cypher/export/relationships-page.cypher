// One page of relationships for an export: the outgoing relationships of the nodes whose ids are
// above $after (id order, $limit start nodes a page, so the next page starts after the last id);
// only the types in $types unless it is null. A node without any still gives its row (empty
// list), so that paging goes on past it.
MATCH (a:Node)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
RETURN a.id AS id,
       [l IN labels(a) WHERE NOT l IN ['Node', 'Entity', 'Fact', 'Source']][0] AS kind,
       COLLECT {
         MATCH (a)-[r]->(b:Node)
         WHERE $types IS NULL OR type(r) IN $types
         RETURN {type: type(r), to: b.id, toKind: [l IN labels(b) WHERE NOT l IN ['Node', 'Entity', 'Fact', 'Source']][0], props: properties(r)}
       } AS rels
