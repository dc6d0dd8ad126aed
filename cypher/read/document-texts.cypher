UNWIND $ids AS id
MATCH (d:Node:Document {id: id})
RETURN id, d.text AS text
