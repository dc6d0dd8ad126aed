// Inferred tenure bounds (domain/tenure.ts): kept apart from the bounds documents give, so they
// can be computed again whenever a document adds a holder. A null value removes the property.
UNWIND $rows AS row
MATCH (p:Node:Post {id: row.id})
SET p += row.props
