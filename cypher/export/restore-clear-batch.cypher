// Restore --replace: deletes up to $limit nodes (with their relationships) of the graph, the
// writers' lock node left alone; run again until it deletes none. Constraints and indexes stay.
MATCH (n)
WHERE NOT n:GraphLock
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
