// Splits names off entity $id into a new entity: the original takes $keep (its remaining aliases and
// citations), the new node gets $props and the labels $labels; SOURCED_FROM links follow each one's citations;
// an Edit node on each records the change. Relationships stay with the original.
MATCH (o:Node {id: $id})
SET o += $keep
CREATE (n:Node)
SET n = $props
SET n:$($labels)
WITH o, n
CALL (o) {
  MATCH (o)-[s:SOURCED_FROM]->(d:Document)
  WHERE NOT d.id IN $keepDocuments
  DELETE s
}
CALL (n) {
  UNWIND $newDocuments AS documentId
  MATCH (d:Node:Document {id: documentId})
  MERGE (n)-[:SOURCED_FROM]->(d)
}
CREATE (eo:Edit)-[:EDITED]->(o)
SET eo = $originalEdit
CREATE (en:Edit)-[:EDITED]->(n)
SET en = $newEdit
RETURN n.id AS id, labels(n) AS labels, n {.*, text: null} AS props
