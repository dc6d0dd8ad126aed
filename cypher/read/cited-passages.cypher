// Batch: for each citation key `<documentId>@<start>:<end>`, its document (without the text) and
// the cited passage, cut here so only the passage travels. Spans are UTF-16 offsets and substring()
// counts code points: the document's astral offsets before the span are subtracted.
UNWIND $keys AS key
WITH key, size(key) - size(last(split(key, '@'))) - 1 AS at
WITH key, substring(key, 0, at) AS doc, [x IN split(substring(key, at + 1), ':') | toInteger(x)] AS span
MATCH (d:Node:Document {id: doc})
RETURN key, d.id AS id, labels(d) AS labels, d {.*, text: null} AS props, substring(d.text, span[0] - size([p IN coalesce(d.astral, []) WHERE p < span[0]]), span[1] - span[0] - size([p IN coalesce(d.astral, []) WHERE p >= span[0] AND p < span[1]])) AS excerpt
