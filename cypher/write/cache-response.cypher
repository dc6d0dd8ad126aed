// Stores a response under $key for the graph version its lookup saw, only if the graph is still
// at that version: a write that committed while the response was computed leaves it unstored
// (it may hold some of the write and not the rest). Runs outside the writers' lock.
OPTIONAL MATCH (l:GraphLock {id: 'writers'})
WITH coalesce(l.version, 0) AS version
WHERE version = $version
MERGE (c:CachedResponse {key: $key})
SET c.version = version, c.body = $body, c.at = $at
RETURN count(c) AS stored
