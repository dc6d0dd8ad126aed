// The standing merge that an id or slug of a merged entity, or a merge Edit's id, names; with the
// redirect of the merged entity (where its id leads now).
CALL {
  MATCH (e:Edit {id: $ref}) WHERE e.action = 'merge' RETURN e
  UNION
  MATCH (x:Redirect) WHERE x.id = $ref OR x.slug = $ref
  MATCH (e:Edit {action: 'merge', mergedId: x.id})
  RETURN e
}
WITH e WHERE e.undoneAt IS NULL
OPTIONAL MATCH (rd:Redirect {id: e.mergedId})
RETURN e {.*} AS edit, rd.to AS leadsTo
ORDER BY e.at DESC
LIMIT 1
