// Candidates for "the same event told by another document": events in the date window, and
// events any of these people took part in (for events the text does not date). The window's
// index seek starts at $earliest, a year before $from: a date covers a year at most, so what
// starts earlier ends before $from (src/ingest/pipeline.ts, eventWindow).
CALL {
  MATCH (e:Event)
  WHERE e.dateStart >= $earliest AND e.dateStart <= $to AND e.dateEnd >= $from
  RETURN e
  UNION
  UNWIND $people AS personId
  MATCH (:Node:Person {id: personId})-[:PARTICIPATED_IN]->(e:Event)
  RETURN e
}
OPTIONAL MATCH (e)-[:HELD_IN]->(place:Place)
OPTIONAL MATCH (e)-[:HELD_AT]->(venue:Node)
// a room is inside its building: "Salón Morelos" is at "Palacio de Gobierno"
OPTIONAL MATCH (e)-[:HELD_AT|HELD_IN]->(:Node)-[:PART_OF]->(building:Node)
  WHERE NOT coalesce(building.category, '') IN ['country', 'state']
OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(e)
RETURN e.id AS id, e.dateIso AS iso, e.dateStart AS start, e.dateEnd AS end, coalesce(e.dateInferred, false) AS inferred,
       e.category AS kind, place.id AS place, venue.id AS venue,
       collect(DISTINCT building.id) AS buildings,
       collect(DISTINCT p.id) AS participants
