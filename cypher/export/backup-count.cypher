// Backup: what the graph holds, the writers' lock node and the response cache's entries left
// out, and what a backup cannot reference (nodes that are neither :Node, :Redirect nor :Edit, or
// have no id).
CALL { MATCH (n) WHERE NOT n:GraphLock AND NOT n:CachedResponse RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL {
  MATCH (n)
  WHERE NOT n:GraphLock AND NOT n:CachedResponse AND (n.id IS NULL OR NOT (n:Node OR n:Redirect OR n:Edit))
  RETURN count(n) AS unreferenced, collect(DISTINCT labels(n))[..5] AS unreferencedLabels
}
RETURN nodes, relationships, unreferenced, unreferencedLabels
