// Bulk load of generated SOURCED_FROM links (kg generate): each cited node to the documents its
// citations point to, as link-sources makes them. Documents are found through the Node id index.
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
UNWIND row.documents AS documentId
MATCH (d:Node {id: documentId})
CREATE (n)-[:SOURCED_FROM]->(d)
