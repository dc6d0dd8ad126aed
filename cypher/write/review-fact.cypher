// Confirms or rejects a fact: its review status, who and when, and an Edit node recording the change.
MATCH (n:Node {id: $id})
WHERE n:Fact
SET n.reviewStatus = $status, n.reviewedBy = $by, n.reviewedAt = $at
CREATE (e:Edit)-[:EDITED]->(n)
SET e = $edit
RETURN n.id AS id, labels(n) AS labels, n {.*, text: null} AS props
