// Backup: one page of :Edit nodes in id order after $after (index-served), every label and
// property. Each property comes as [key, type, value] (valueType), integers as decimal text so
// that none loses precision and none is taken for a float.
MATCH (n:Edit)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, labels(n) AS labels,
       [k IN keys(n) | [k, valueType(n[k]),
         CASE WHEN valueType(n[k]) STARTS WITH 'INTEGER' THEN toString(n[k])
              WHEN valueType(n[k]) STARTS WITH 'LIST<INTEGER' THEN [x IN n[k] | toString(x)]
              ELSE n[k] END]] AS props
