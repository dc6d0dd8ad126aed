UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, d.text AS text
