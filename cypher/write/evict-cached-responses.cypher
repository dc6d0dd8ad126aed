// Deletes cached responses of another graph version (they are never served again), then the
// oldest stored until at most $entries are left. Runs outside the writers' lock.
OPTIONAL MATCH (l:GraphLock {id: 'writers'})
WITH coalesce(l.version, 0) AS version
CALL (version) {
  MATCH (c:CachedResponse) WHERE c.version <> version
  DETACH DELETE c
  RETURN count(*) AS stale
}
CALL () {
  MATCH (c:CachedResponse)
  WITH c ORDER BY c.at DESC
  WITH collect(c) AS newestFirst
  UNWIND newestFirst[$entries..] AS old
  DETACH DELETE old
  RETURN count(*) AS oldest
}
RETURN stale, oldest
