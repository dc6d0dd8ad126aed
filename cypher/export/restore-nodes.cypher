// Restore: creates one batch of nodes from a backup, with their labels and properties as saved.
UNWIND $rows AS row
CREATE (n)
SET n = row.props
SET n:$(row.labels)
RETURN count(n) AS created
