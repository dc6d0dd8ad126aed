// Backup: the outgoing relationships of one page of :Redirect nodes (id order after $after), each
// with its type, the labels and id of its end node and every property as [key, type, value]
// (see backup-nodes-Redirect). A node without any still gives its row, so that paging goes on.
MATCH (a:Redirect)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
RETURN a.id AS id,
       COLLECT {
         MATCH (a)-[r]->(b)
         RETURN {type: type(r), toLabels: labels(b), to: b.id,
                 props: [k IN keys(r) | [k, valueType(r[k]),
                   CASE WHEN valueType(r[k]) STARTS WITH 'INTEGER' THEN toString(r[k])
                        WHEN valueType(r[k]) STARTS WITH 'LIST<INTEGER' THEN [x IN r[k] | toString(x)]
                        ELSE r[k] END]]}
       } AS rels
