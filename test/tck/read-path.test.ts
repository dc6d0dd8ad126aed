/**
 * The read path, pinned in the style of neo4j/graphql's TCK: a GraphQL operation in, the exact
 * Cypher and parameters it sends out, as inline snapshots, one behaviour per test. The operations
 * run against the seed graph on a real Neo4j (so each also answers); what is pinned is what the
 * server sent. A change to the look-ahead (src/api/lookahead.ts) or the projection's query
 * (src/graph/projection.ts) shows here as a snapshot diff to review: `npx vitest run test/tck -u`
 * rewrites them.
 */
import { describe, expect, it } from 'vitest';
import type { SentStatement } from '../../src/graph/db.js';
import { gql, seededServer } from '../support/server.js';

const t = seededServer();

/** Runs `query` and returns the reads it sent, in order, with their answer's errors. */
async function reads(query: string, variables?: Record<string, unknown>): Promise<{ sent: SentStatement[]; errors: unknown }> {
  const sent: SentStatement[] = [];
  const stop = t.db.observe({
    sessionOpened: () => () => {},
    queryStarted: (mode, statement) => {
      if (mode === 'READ' && statement) sent.push(statement);
      return () => {};
    },
  });
  try {
    const res = await gql(t.server.url, query, variables);
    return { sent, errors: res.errors };
  } finally {
    stop();
  }
}

/** A read as the snapshots show it: one clause a line (the text sent is one line), then its parameters. */
const shown = (s: SentStatement): string =>
  `${s.text.replace(/\s+(?<!OPTIONAL\s+)(?=(?:OPTIONAL MATCH|MATCH|WITH|RETURN|UNWIND|CALL|UNION|ORDER BY|LIMIT)\b)/g, '\n')}\n-- params: ${JSON.stringify(s.params)}`;

/** The one read an operation sent: its text, then its parameters. */
async function oneRead(query: string, variables?: Record<string, unknown>): Promise<string> {
  const { sent, errors } = await reads(query, variables);
  expect(errors).toBeUndefined();
  expect(sent).toHaveLength(1);
  return shown(sent[0]!);
}

describe('lookups', () => {
  it('a lookup by slug reads the node with the selected properties only', async () => {
    expect(await oneRead('{ person(slug: "zoe-robledo-aburto") { name aliases } }')).toMatchInlineSnapshot(`
      "MATCH (n:Entity {slug: $slug}) WHERE $kind IN labels(n)
      RETURN n.id AS id, labels(n) AS labels, n {.id, .aliases, .name} AS props, {} AS below
      -- params: {"slug":"zoe-robledo-aburto","kind":"Person"}"
    `);
  });

  it('two lookups with the same selection are one read of both slugs', async () => {
    expect(await oneRead('{ a: person(slug: "zoe-robledo-aburto") { name } b: person(slug: "delfina-gomez-alvarez") { name } }')).toMatchInlineSnapshot(`
      "UNWIND $lookups AS l
      CALL (l) {
      MATCH (n:Node {id: l.id})
      RETURN n
      UNION
      MATCH (n:Entity {slug: l.slug}) WHERE l.kind IN labels(n)
      RETURN n }
      RETURN l.i AS i, n.id AS id, labels(n) AS labels, n {.id, .name} AS props, {} AS below
      -- params: {"lookups":[{"i":0,"id":null,"slug":"zoe-robledo-aburto","kind":"Person"},{"i":1,"id":null,"slug":"delfina-gomez-alvarez","kind":"Person"}]}"
    `);
  });
});

describe('selections', () => {
  const direct = '{ person(slug: "zoe-robledo-aburto") { name posts { role } } }';

  it('a named fragment and an inline fragment send what the same fields written out send', async () => {
    const written = await oneRead(direct);
    expect(await oneRead('{ person(slug: "zoe-robledo-aburto") { ...P } } fragment P on Person { name posts { role } }')).toBe(written);
    expect(await oneRead('{ person(slug: "zoe-robledo-aburto") { ... on Person { name } ... on Person { posts { role } } } }')).toBe(written);
  });

  it('@skip and @include leave out what they turn off', async () => {
    const withPosts = await oneRead('query Q($no: Boolean!) { person(slug: "zoe-robledo-aburto") { name posts @skip(if: $no) { role } } }', { no: false });
    expect(withPosts).toBe(await oneRead(direct));
    expect(await oneRead('query Q($no: Boolean!) { person(slug: "zoe-robledo-aburto") { name posts @include(if: $no) { role } } }', { no: false })).toMatchInlineSnapshot(`
      "MATCH (n:Entity {slug: $slug}) WHERE $kind IN labels(n)
      RETURN n.id AS id, labels(n) AS labels, n {.id, .name} AS props, {} AS below
      -- params: {"slug":"zoe-robledo-aburto","kind":"Person"}"
    `);
  });

  it('a relationship with the node at its other end, one level', async () => {
    expect(await oneRead(direct)).toMatchInlineSnapshot(`
      "MATCH (n:Entity {slug: $slug}) WHERE $kind IN labels(n)
      RETURN n.id AS id, labels(n) AS labels, n {.id, .name} AS props, {edges: [COLLECT {
      MATCH (n)-[r0:HOLDS]->(m1:Node) WHERE coalesce(m1.reviewStatus, '') <> 'rejected'
      RETURN {rel: r0 {.role}, id: m1.id, labels: labels(m1), props: m1 {.id, .fromEnd, .fromInferred, .fromIso, .fromNote, .fromPrecision, .fromStart, .role, .tenureFromEnd, .tenureFromInferred, .tenureFromIso, .tenureFromNote, .tenureFromPrecision, .tenureFromStart, .tenureToEnd, .tenureToInferred, .tenureToIso, .tenureToNote, .tenureToPrecision, .tenureToStart, .toEnd, .toInferred, .toIso, .toNote, .toPrecision, .toStart}} }]} AS below
      -- params: {"slug":"zoe-robledo-aburto","kind":"Person"}"
    `);
  });
});

describe('windows', () => {
  it("a person's events in a date range, newest first, cut to `first`: the window is parameters", async () => {
    expect(await oneRead('{ person(slug: "zoe-robledo-aburto") { events(first: 2, from: "2024-01-01", to: "2024-12-31") { title date { iso } } } }')).toMatchInlineSnapshot(`
      "MATCH (n:Entity {slug: $slug}) WHERE $kind IN labels(n)
      RETURN n.id AS id, labels(n) AS labels, n {.id} AS props, {edges: [COLLECT {
      WITH COLLECT {
      UNWIND COLLECT {
      MATCH ()-[r0:PARTICIPATED_IN]->(m1:Node) USING INDEX r0:PARTICIPATED_IN(person, day) WHERE r0.person = n.id AND r0.day >= $p1 AND r0.day <= $p2 AND coalesce(m1.reviewStatus, '') <> 'rejected'
      WITH r0, m1
      ORDER BY r0.person ASC, r0.day ASC, m1.id
      LIMIT $p0
      RETURN {r: r0, m: m1} } + COLLECT {
      MATCH ()-[r0:PARTICIPATED_IN]->(m1:Node) USING INDEX r0:PARTICIPATED_IN(person, day) WHERE r0.person = n.id AND r0.day IN $p3 AND m1.dateStart <= $p2 AND (m1.dateEnd IS NULL OR m1.dateEnd >= $p1) AND coalesce(m1.reviewStatus, '') <> 'rejected'
      WITH r0, m1
      ORDER BY m1.id
      LIMIT $p0
      RETURN {r: r0, m: m1} } AS h4
      WITH h4
      ORDER BY h4.r.day ASC, h4.m.id
      LIMIT $p0
      RETURN h4 } AS dated2 OPTIONAL CALL (n, dated2) {
      WITH * WHERE size(dated2) < $p0
      RETURN COLLECT {
      MATCH ()-[r0:PARTICIPATED_IN]->(m1:Node) USING INDEX r0:PARTICIPATED_IN(person, undated) WHERE r0.person = n.id AND r0.undated = true AND (m1.dateEnd IS NULL OR m1.dateEnd >= $p1) AND coalesce(m1.reviewStatus, '') <> 'rejected'
      WITH r0, m1
      ORDER BY m1.id
      LIMIT $p0
      RETURN {r: r0, m: m1} } AS undated3 }
      UNWIND (dated2 + coalesce(undated3, []))[0..$p0] AS h4
      WITH h4.r AS r0, h4.m AS m1
      RETURN {rel: r0 {.role}, id: m1.id, labels: labels(m1), props: m1 {.id, .dateEnd, .dateInferred, .dateIso, .dateNote, .datePrecision, .dateStart, .title}} }]} AS below
      -- params: {"slug":"zoe-robledo-aburto","kind":"Person","p0":2,"p1":"2024-01-01","p2":"2024-12-31","p3":[]}"
    `);
  });
});

describe('citations', () => {
  it("a fact's citations with their excerpt and their document's title, nested under a relationship", async () => {
    expect(await oneRead('{ person(slug: "zoe-robledo-aburto") { posts { role citations { excerpt document { title } } } } }')).toMatchInlineSnapshot(`
      "MATCH (n:Entity {slug: $slug}) WHERE $kind IN labels(n)
      RETURN n.id AS id, labels(n) AS labels, n {.id} AS props, {edges: [COLLECT {
      MATCH (n)-[r0:HOLDS]->(m1:Node) WHERE coalesce(m1.reviewStatus, '') <> 'rejected'
      RETURN {rel: r0 {.role}, id: m1.id, labels: labels(m1), props: m1 {.id, .cites, .fromEnd, .fromInferred, .fromIso, .fromNote, .fromPrecision, .fromStart, .role, .tenureFromEnd, .tenureFromInferred, .tenureFromIso, .tenureFromNote, .tenureFromPrecision, .tenureFromStart, .tenureToEnd, .tenureToInferred, .tenureToIso, .tenureToNote, .tenureToPrecision, .tenureToStart, .toEnd, .toInferred, .toIso, .toNote, .toPrecision, .toStart}, cites: [k2 IN coalesce(m1.cites, []) | {key: k2, doc: COLLECT {
      MATCH (d3:Node {id: left(k2, size(k2) - size(last(split(k2, '@'))) - 1)})
      WITH d3, [x IN split(last(split(k2, '@')), ':') | toInteger(x)] AS span
      RETURN {labels: labels(d3), props: d3 {.id, .publishedIso, .publishedPrecision, .publishedInferred, .publishedNote, .publishedStart, .publishedEnd, .title}, excerpt: substring(d3.text, span[0] - size([p IN coalesce(d3.astral, []) WHERE p < span[0]]), span[1] - span[0] - size([p IN coalesce(d3.astral, []) WHERE p >= span[0] AND p < span[1]]))} }[0]}]} }]} AS below
      -- params: {"slug":"zoe-robledo-aburto","kind":"Person"}"
    `);
  });
});

describe('lists', () => {
  it('a page of events with their participants is one read of the page and its projection', async () => {
    expect(await oneRead('{ events(first: 3) { nodes { title participants { person { name } } } } }')).toMatchInlineSnapshot(`
      "CALL () { // Events matching every given filter, ordered by date, one page plus the total.
      // $participants: slugs or ids of people who all took part; $place: a place (or a place inside it,
      // or a facility there); dates overlap [$from, $to]. $reviewStatuses: the review statuses kept (the
      // API leaves rejected facts out unless asked for them); the other list-* queries take it too. Undated
      // items come last in both orders, as in the nested lists.
      MATCH (e:Event)
      WHERE coalesce(e.reviewStatus, 'extracted') IN $reviewStatuses
        AND (size($kinds) = 0 OR e.category IN $kinds)
        AND ($from IS NULL OR e.dateEnd >= $from)
        AND ($to IS NULL OR e.dateStart <= $to)
        AND all(ref IN $participants WHERE EXISTS {
      MATCH (p:Person)-[:PARTICIPATED_IN]->(e) WHERE p.slug = ref OR p.id = ref })
        AND ($place IS NULL OR EXISTS {
      MATCH (e)-[:HELD_IN|HELD_AT]->()-[:LOCATED_IN|PART_OF*0..5]->(pl:Entity) WHERE pl.slug = $place OR pl.id = $place })
        AND ($involves IS NULL OR EXISTS {
      MATCH (e)-[:INVOLVES]->(x:Entity) WHERE x.slug = $involves OR x.id = $involves })
        AND ($document IS NULL OR EXISTS {
      MATCH (e)-[:SOURCED_FROM]->(d:Document) WHERE d.id = $document OR d.fileName = $document })
        AND ($text IS NULL OR e.fold CONTAINS $text)
      WITH e
      ORDER BY e.dateStart IS NULL, CASE WHEN $desc THEN e.dateStart END DESC, CASE WHEN $desc THEN null ELSE e.dateStart END ASC, e.id
      WITH collect(e) AS matches
      // the nodes' properties: read by the projection that wraps this query (graph/projection.ts, Listed)
      RETURN size(matches) AS total,
             [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n)}] AS page

      }
      CALL (page) {
      UNWIND page AS row
      WITH DISTINCT row.id AS id
      MATCH (n:Node {id: id})
      RETURN collect({id: n.id, props: n {.id, .dateEnd, .dateInferred, .dateIso, .dateNote, .datePrecision, .dateStart, .title}, below: {edges: [COLLECT {
      MATCH (n)<-[r0:PARTICIPATED_IN]-(m1:Node) WHERE coalesce(m1.reviewStatus, '') <> 'rejected'
      RETURN {rel: r0 {.role}, id: m1.id, labels: labels(m1), props: m1 {.id, .name}} }]}}) AS below }
      RETURN total, page, below
      -- params: {"participants":[],"place":null,"involves":null,"kinds":[],"from":null,"to":null,"text":null,"document":null,"reviewStatuses":["extracted","confirmed"],"desc":false,"skip":0,"limit":3}"
    `);
  });
});

describe('the depth cut-off', () => {
  it('a selection deeper than the look-ahead reads is read further by a second query', async () => {
    // five relationships deep (events, participants, events, participants, events); the look-ahead reads four
    const { sent, errors } = await reads(
      '{ person(slug: "zoe-robledo-aburto") { events(first: 1) { participants { person { events(first: 1) { participants { person { events(first: 1) { title } } } } } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.map(shown).join('\n\n')).toMatchInlineSnapshot(`
      "MATCH (n:Entity {slug: $slug}) WHERE $kind IN labels(n)
      RETURN n.id AS id, labels(n) AS labels, n {.id} AS props, {edges: [COLLECT {
      WITH COLLECT {
      MATCH ()-[r0:PARTICIPATED_IN]->(m1:Node) USING INDEX r0:PARTICIPATED_IN(person, day) WHERE r0.person = n.id AND r0.day IS NOT NULL AND coalesce(m1.reviewStatus, '') <> 'rejected'
      WITH r0, m1
      ORDER BY r0.person ASC, r0.day ASC, m1.id
      LIMIT $p0
      RETURN {r: r0, m: m1} } AS dated2 OPTIONAL CALL (n, dated2) {
      WITH * WHERE size(dated2) < $p0
      RETURN COLLECT {
      MATCH ()-[r0:PARTICIPATED_IN]->(m1:Node) USING INDEX r0:PARTICIPATED_IN(person, undated) WHERE r0.person = n.id AND r0.undated = true AND coalesce(m1.reviewStatus, '') <> 'rejected'
      WITH r0, m1
      ORDER BY m1.id
      LIMIT $p0
      RETURN {r: r0, m: m1} } AS undated3 }
      UNWIND (dated2 + coalesce(undated3, []))[0..$p0] AS h4
      WITH h4.r AS r0, h4.m AS m1
      RETURN {rel: r0 {.role}, id: m1.id, labels: labels(m1), props: m1 {.id, .dateEnd, .dateInferred, .dateIso, .dateNote, .datePrecision, .dateStart}, edges: [COLLECT {
      MATCH (m1)<-[r5:PARTICIPATED_IN]-(m6:Node) WHERE coalesce(m6.reviewStatus, '') <> 'rejected'
      RETURN {rel: r5 {.role}, id: m6.id, labels: labels(m6), props: m6 {.id}, edges: [COLLECT {
      WITH COLLECT {
      MATCH ()-[r7:PARTICIPATED_IN]->(m8:Node) USING INDEX r7:PARTICIPATED_IN(person, day) WHERE r7.person = m6.id AND r7.day IS NOT NULL AND coalesce(m8.reviewStatus, '') <> 'rejected'
      WITH r7, m8
      ORDER BY r7.person ASC, r7.day ASC, m8.id
      LIMIT $p1
      RETURN {r: r7, m: m8} } AS dated9 OPTIONAL CALL (m6, dated9) {
      WITH * WHERE size(dated9) < $p1
      RETURN COLLECT {
      MATCH ()-[r7:PARTICIPATED_IN]->(m8:Node) USING INDEX r7:PARTICIPATED_IN(person, undated) WHERE r7.person = m6.id AND r7.undated = true AND coalesce(m8.reviewStatus, '') <> 'rejected'
      WITH r7, m8
      ORDER BY m8.id
      LIMIT $p1
      RETURN {r: r7, m: m8} } AS undated10 }
      UNWIND (dated9 + coalesce(undated10, []))[0..$p1] AS h11
      WITH h11.r AS r7, h11.m AS m8
      RETURN {rel: r7 {.role}, id: m8.id, labels: labels(m8), props: m8 {.id, .dateEnd, .dateInferred, .dateIso, .dateNote, .datePrecision, .dateStart}, edges: [COLLECT {
      MATCH (m8)<-[r12:PARTICIPATED_IN]-(m13:Node) WHERE coalesce(m13.reviewStatus, '') <> 'rejected'
      RETURN {rel: r12 {.role}, id: m13.id, labels: labels(m13), props: m13 {.id}} }]} }]} }]} }]} AS below
      -- params: {"slug":"zoe-robledo-aburto","kind":"Person","p0":1,"p1":1}

      // Batch: for each node, its outgoing relationships of one type and the nodes they reach; facts an editor rejected left out.
      UNWIND $ids AS id
      MATCH (n:Node {id: id})-[r:$($type)]->(m:Node)
      WHERE coalesce(m.reviewStatus, '') <> 'rejected'
      RETURN id, r {.*} AS rel, m.id AS targetId, labels(m) AS labels, m {.*, text: null} AS props

      -- params: {"ids":["person:zoe-robledo-aburto"],"type":"PARTICIPATED_IN"}"
    `);
  });
});

describe('paths', () => {
  it('a path search with its hop cap, reading only what the selection asks of each hop', async () => {
    const { sent, errors } = await reads('{ paths(from: "zoe-robledo-aburto", to: "delfina-gomez-alvarez", maxHops: 3, first: 2) { length hops { relationship } } }');
    expect(errors).toBeUndefined();
    expect(sent.map(shown).join('\n\n')).toMatchInlineSnapshot(`
      "CALL () { // Shortest connections between two entities through people, bodies, places and facts (never
      // through documents), each hop with its relationship's citations (and, with $passages, their
      // documents and passages, so a paths request with cited hops is one round trip). The hop bound
      // is a literal (Cypher needs one) equal to the API cap on maxHops (6); $maxHops narrows it. Paths
      // through a fact an editor rejected are dropped by the caller (Repository.paths), not here: a
      // predicate on the path's nodes changes how Neo4j plans the search. The nodes' other properties:
      // read by the projection that wraps this query (graph/projection.ts, Listed); a hop's, its citations.
      MATCH (a:Entity:Node) WHERE a.slug = $from OR a.id = $from
      MATCH (b:Entity:Node) WHERE b.slug = $to OR b.id = $to
      MATCH p = allShortestPaths((a)-[:PART_OF|GOVERNS|LOCATED_IN|OPERATED_BY|RUN_BY|HOLDS|POST_IN|PARTICIPATED_IN|HELD_IN|HELD_AT|INVOLVES|STATED|AT_EVENT|ABOUT|REPORTS|COMMITS|CONCERNS|TARGETS|MEASURES*..6]-(b))
      WHERE length(p) <= $maxHops AND a <> b
      RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), reviewStatus: n.reviewStatus}] AS nodes,
             [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: r {.cites},
               // with $passages, each citation's document (without its text) and the cited passage
               passages: CASE WHEN $passages THEN [k IN coalesce(r.cites, []) | {key: k, doc:
                 COLLECT {
      MATCH (d:Node:Document {id: left(k, size(k) - size(last(split(k, '@'))) - 1)})
      WITH d, [x IN split(last(split(k, '@')), ':') | toInteger(x)] AS span
      RETURN {labels: labels(d), props: d {.*, text: null}, excerpt: substring(d.text, span[0] - size([p IN coalesce(d.astral, []) WHERE p < span[0]]), span[1] - span[0] - size([p IN coalesce(d.astral, []) WHERE p >= span[0] AND p < span[1]]))} }[0]}]
               END}] AS rels
      LIMIT $limit

      }
      WITH collect({nodes: nodes, rels: rels}) AS rows
      CALL (rows) {
      UNWIND reduce(all = [], r IN rows | all + r.nodes) AS row
      WITH DISTINCT row.id AS id
      MATCH (n:Node {id: id})
      RETURN collect({id: n.id, props: n {.*, fold: null, text: null, aliasText: null, astral: null, bodyEnd: null}, below: {}}) AS below }
      RETURN rows, below
      -- params: {"from":"zoe-robledo-aburto","to":"delfina-gomez-alvarez","maxHops":3,"limit":2,"passages":false}"
    `);
  });
});
