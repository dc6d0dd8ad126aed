// Deletes every node and relationship; the schema (constraints, indexes) stays. Used by tests to reset the graph.
MATCH (n)
DETACH DELETE n
