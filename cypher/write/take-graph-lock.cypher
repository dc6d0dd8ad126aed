// The graph's writers take turns: every write transaction first takes the write lock of this one
// node and holds it until it commits or rolls back. An ingest reads what the graph holds (to
// resolve names, events and commitments against it) and writes in the same transaction, so two
// documents naming one person at the same time resolve as they would one after the other, and
// no writer's citations are lost to another's. Reads take no lock and never wait for it.
// Setting a property takes the node's write lock even when the value stays the same, so the node
// never changes after its first write (graph checksums stay the same).
MERGE (l:GraphLock {id: 'writers'})
SET l.held = true
