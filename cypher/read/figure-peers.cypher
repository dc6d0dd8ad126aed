// Batch: other reports of the same measure (same metric, same subject when there is one), rejected ones left out.
UNWIND $ids AS id
MATCH (f:Node:Figure {id: id})
OPTIONAL MATCH (f)-[:MEASURES]->(s)
MATCH (g:Figure {metric: f.metric})
WHERE g <> f AND (s IS NULL OR (g)-[:MEASURES]->(s)) AND coalesce(g.reviewStatus, '') <> 'rejected'
RETURN id, {} AS rel, g.id AS targetId, labels(g) AS labels, g {.*} AS props
