// The documents citations point to, with their text, in one lookup: a citation's document and its
// excerpt cost one round trip per level between them.
UNWIND $ids AS id
MATCH (d:Node:Document {id: id})
RETURN id, labels(d) AS labels, d {.*, text: null} AS props, d.text AS text
