import { describe, expect, it } from 'vitest';
import { inWindow } from '../../src/graph/loaders.js';
import { attach, edgeKey, emptyProjection, projectionQuery, type Prefetched, type Projection } from '../../src/graph/projection.js';
import { cypher } from '../../src/graph/cypher.js';
import { toNode, type Edge } from '../../src/graph/records.js';

const event = (id: string, day: string | null): Edge => ({
  rel: { props: {}, citations: [] },
  node: toNode(id, ['Node', 'Event'], day ? { dateIso: day, datePrecision: 'day', dateStart: day, dateEnd: day } : {}),
});

describe('inWindow (a windowed field read level by level)', () => {
  const edges = [event('event:a', '2024-01-12'), event('event:b', null), event('event:c', '2024-03-01'), event('event:d', '2024-01-12'), event('event:e', '2023-12-31')];

  it('orders oldest first by default, same day by id, undated last', () => {
    expect(inWindow(edges, { from: null, to: null, desc: false, first: null }).map((e) => e.node.id)).toEqual(['event:e', 'event:a', 'event:d', 'event:c', 'event:b']);
  });

  it('newest first when desc, ties still by id, undated still last; cut to first', () => {
    expect(inWindow(edges, { from: null, to: null, desc: true, first: 4 }).map((e) => e.node.id)).toEqual(['event:c', 'event:a', 'event:d', 'event:e']);
  });

  it('keeps what overlaps [from, to], and the undated', () => {
    expect(inWindow(edges, { from: '2024-01-01', to: '2024-01-31', desc: false, first: null }).map((e) => e.node.id)).toEqual(['event:a', 'event:d', 'event:b']);
  });
});

describe('projectionQuery', () => {
  const projection = (): Projection => {
    const p = emptyProjection();
    const window = { from: '2024-01-01', to: "2024-12-31'}) DETACH DELETE n //", desc: true, first: 20 };
    p.citations = { document: true, excerpt: true, documentProps: ['title'] };
    p.edges.push({ dir: 'out', type: 'PARTICIPATED_IN', key: edgeKey({ dir: 'out', type: 'PARTICIPATED_IN' }, window), window, relCitations: null, node: emptyProjection() });
    return p;
  };

  it('carries every value as a parameter, never in the text', () => {
    const { text, params } = projectionQuery(projection(), { slug: "x'}) DETACH DELETE n //", kind: 'Person' });
    expect(text).not.toContain('DETACH');
    expect(text).not.toContain('2024');
    expect(Object.values(params)).toContain("2024-12-31'}) DETACH DELETE n //");
    expect(params.slug).toBe("x'}) DETACH DELETE n //");
  });

  it('gives the same text for the same shape, whatever the values', () => {
    const other = projection();
    other.edges[0]!.window = { from: '2020-01-01', to: '2021-06-30', desc: true, first: 5 };
    other.edges[0]!.key = edgeKey(other.edges[0]!, other.edges[0]!.window);
    expect(projectionQuery(other, { ids: ['person:z'] }).text).toBe(projectionQuery(projection(), { ids: ['person:a'] }).text);
    const a = projectionQuery(projection(), { ids: ['person:a'] }).text;
    const b = projectionQuery(projection(), { ids: ['person:b', 'person:c'] }).text;
    expect(a).toBe(b);
  });

  it('reads only the selected properties of cited documents', () => {
    expect(projectionQuery(projection(), { id: 'person:a' }).text).toMatch(/props: d\d+ \{\.id, \.title\}/);
  });

  it('reads the properties the projection names, every stored one but the internal ones without a list', () => {
    const p = projection();
    p.props = ['name'];
    p.edges[0]!.node.props = ['title', 'dateStart'];
    const { text } = projectionQuery(p, { slug: 's', kind: 'Person' });
    expect(text).toContain('n {.id, .name} AS props');
    expect(text).toMatch(/props: m\d+ \{\.id, \.dateStart, \.title\}/);
    // the same properties in another order: the same text, so the same plan
    p.edges[0]!.node.props = ['dateStart', 'title', 'id'];
    expect(projectionQuery(p, { slug: 's', kind: 'Person' }).text).toBe(text);
    expect(projectionQuery(projection(), { slug: 's', kind: 'Person' }).text).toContain('n {.*, fold: null, text: null, aliasText: null, astral: null, bodyEnd: null} AS props');
    p.props = ['name}) DETACH DELETE n //'];
    expect(() => projectionQuery(p, { slug: 's', kind: 'Person' })).toThrow(/not a property name/);
  });

  it("reads a named list, its nodes' properties and what is below them in one query, the list's parameters kept", () => {
    const listed = {
      text: 'MATCH (e:Event) WITH collect(e) AS m // a comment\nRETURN size(m) AS total, [n IN m[$skip..$limit] | {id: n.id}] AS page',
      params: { skip: 0, limit: 5 },
      shape: 'page' as const,
    };
    const { text, params } = projectionQuery(projection(), { listed });
    expect(
      text.startsWith(
        `CALL () { ${listed.text}\n} CALL (page) { UNWIND page AS row WITH DISTINCT row.id AS id MATCH (n:Node {id: id}) RETURN collect({id: n.id, props: n {.*, fold: null, text: null, aliasText: null, astral: null, bodyEnd: null}, below: {`,
      ),
    ).toBe(true);
    expect(text.endsWith('RETURN total, page, below')).toBe(true);
    expect(params).toMatchObject({ skip: 0, limit: 5 });
    const rows = projectionQuery(projection(), { listed: { ...listed, shape: { rows: ['id', 'roles'] } } }).text;
    expect(rows).toContain('WITH collect({id: id, roles: roles}) AS rows CALL (rows) { UNWIND rows AS row');
    // paths: the nodes are in a list column of each row, read once each
    const paths = projectionQuery(projection(), { listed: { ...listed, shape: { rows: ['nodes', 'rels'], nodesIn: 'nodes' } } }).text;
    expect(paths).toContain('CALL (rows) { UNWIND reduce(all = [], r IN rows | all + r.nodes) AS row WITH DISTINCT row.id AS id');
    expect(() => projectionQuery(projection(), { listed: { ...listed, params: { p0: 1 } } })).toThrow(/shadowed/);
  });
});

describe('attach', () => {
  it('hangs edges and resolved citations on the nodes by id', () => {
    const person = toNode('person:a', ['Node', 'Entity', 'Person'], { cites: ['document:x@0:4'] });
    const store: Prefetched = new WeakMap();
    const projection = emptyProjection();
    projection.citations = { document: true, excerpt: true };
    projection.edges.push({ dir: 'out', type: 'HOLDS', key: 'out:HOLDS', window: null, relCitations: null, node: emptyProjection() });
    attach(
      [person],
      [
        {
          id: 'person:a',
          below: {
            cites: [{ key: 'document:x@0:4', doc: { labels: ['Node', 'Document'], props: { id: 'document:x', title: 'T' }, excerpt: 'Hola' } }],
            edges: [[{ rel: { cites: [] }, id: 'post:p', labels: ['Node', 'Fact', 'Post'], props: { role: 'Secretaria' } }]],
          },
        },
      ],
      projection,
      store,
    );
    expect(person.citations).toMatchObject([{ documentId: 'document:x', start: 0, end: 4, resolved: { excerpt: 'Hola', document: { id: 'document:x', title: 'T' } } }]);
    expect(
      store
        .get(person)
        ?.get('out:HOLDS')
        ?.map((e) => e.node.role),
    ).toEqual(['Secretaria']);
  });
});

describe('a commitment status read ahead', () => {
  it('reads the facts of the named fragment in the same query, with the commitment bound as c, and hangs them on the commitment', () => {
    const p = emptyProjection();
    p.edges.push({ dir: 'in', type: 'CONCERNS', key: 'in:CONCERNS', window: null, relCitations: null, node: { ...emptyProjection(), statusFacts: true } });
    const { text } = projectionQuery(p, { id: 'facility:f' });
    expect(text).toMatch(/status: CASE WHEN (m\d+):Commitment THEN COLLECT \{ WITH \1 AS c /);
    expect(text).toContain(cypher('fragments/commitment-status'));
    const facility = toNode('facility:f', ['Node', 'Entity', 'Facility'], {});
    const store: Prefetched = new WeakMap();
    const facts = { statements: 2, inaugurated: null, done: null, progress: { summary: 'Avanza', date: '2024-05-01' } };
    attach([facility], [{ id: 'facility:f', below: { edges: [[{ rel: {}, id: 'commitment:c', labels: ['Node', 'Fact', 'Commitment'], props: {}, status: facts }]] } }], p, store);
    expect(store.get(facility)?.get('in:CONCERNS')?.[0]?.node.statusFacts).toEqual(facts);
  });
});
