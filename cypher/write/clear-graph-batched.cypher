// Deletes every node and relationship in batches of 5,000 nodes, each its own transaction, so a
// large graph can be cleared without holding it all in one transaction. Auto-commit only.
// The schema (constraints, indexes) stays.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
