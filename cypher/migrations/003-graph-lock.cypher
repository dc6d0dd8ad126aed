// The writers' lock node (write/take-graph-lock): one, even when two writers create it at once.
CREATE CONSTRAINT graph_lock_id IF NOT EXISTS FOR (l:GraphLock) REQUIRE l.id IS UNIQUE;
