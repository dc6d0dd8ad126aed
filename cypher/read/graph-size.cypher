// Size of the whole database: every node and every relationship, whatever their labels and
// types (count-store lookups, no scan), but the writers' lock node (write/take-graph-lock) and
// the response cache's entries (src/api/response-cache.ts), which are no part of the graph. The
// ingest benchmark reports it and refuses a non-empty database.
CALL { MATCH (n) RETURN count(n) AS all }
CALL { MATCH (l:GraphLock) RETURN count(l) AS locks }
CALL { MATCH (c:CachedResponse) RETURN count(c) AS cached }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN all - locks - cached AS nodes, relationships
