// One page of nodes for an export, in id order: ids above $after and below $until (the node_id
// index serves the range and the order; one kind is the range of ids "<kind>:..."). Document
// texts and the folded search key are left out. With $links (relationship types, may be empty),
// each node also brings its relationships of those types, either direction, with the other end.
MATCH (n:Node)
WHERE n.id > $after AND n.id < $until
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id,
       [l IN labels(n) WHERE NOT l IN ['Node', 'Entity', 'Fact', 'Source']][0] AS kind,
       n {.*, text: null, fold: null} AS props,
       CASE WHEN size($links) = 0 THEN [] ELSE
         [(n)-[r]-(m:Node) WHERE type(r) IN $links |
           {type: type(r), out: startNode(r) = n, id: m.id,
            kind: [l IN labels(m) WHERE NOT l IN ['Node', 'Entity', 'Fact', 'Source']][0],
            name: coalesce(m.name, m.title, m.role, m.label, m.summary), url: m.url, props: properties(r)}]
       END AS links
