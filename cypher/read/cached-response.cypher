// The response cache's lookup (src/api/response-cache.ts), one query: the graph's version now
// and the entry stored under $key if it was stored for that version. No writer yet: version 0.
OPTIONAL MATCH (l:GraphLock {id: 'writers'})
WITH coalesce(l.version, 0) AS version
OPTIONAL MATCH (c:CachedResponse {key: $key})
RETURN version, CASE WHEN c.version = version THEN c.body END AS body
