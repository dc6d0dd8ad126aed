// The graph's writers take turns: every write transaction first takes the write lock of this one
// node and holds it until it commits or rolls back. An ingest reads what the graph holds (to
// resolve names, events and commitments against it) and writes in the same transaction, so two
// documents naming one person at the same time resolve as they would one after the other, and
// no writer's citations are lost to another's. Reads take no lock and never wait for it.
// The node also holds the graph's version: every write transaction adds one to it, and it lands
// or rolls back with the transaction's writes. A response cached for one version is never
// served for another (src/api/response-cache.ts).
MERGE (l:GraphLock {id: 'writers'})
SET l.version = coalesce(l.version, 0) + 1
