// Size of the whole database: every node and every relationship, whatever their labels and
// types (count-store lookups, no scan). The ingest benchmark reports it and refuses a
// non-empty database.
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
