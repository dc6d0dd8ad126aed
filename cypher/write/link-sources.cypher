// Links each cited node to the documents its citations point to, so a document lists the facts it supports.
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
UNWIND row.documents AS documentId
MATCH (d:Node:Document {id: documentId})
MERGE (n)-[:SOURCED_FROM]->(d)
