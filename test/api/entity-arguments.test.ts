import { describe, expect, it } from 'vitest';
import { gql, seededServer, type GqlResponse } from '../support/server.js';

// Every argument that names an entity takes its slug, id, or exact name or alias; a text that
// names nothing is NOT_FOUND with the closest names, one that names several is BAD_USER_INPUT.

const seeded = seededServer();
const ask = (query: string, variables?: Record<string, unknown>) => gql(seeded.server.url, query, variables);

function ok(res: GqlResponse): any {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

function failure(res: GqlResponse, code: string, argument: string) {
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  const [e] = res.errors!;
  expect(e!.extensions?.code).toBe(code);
  expect(e!.extensions?.argumentName).toBe(argument);
  expect(e!.message).toContain(`"${argument}"`);
  return e!;
}

const suggested = (e: { extensions?: Record<string, unknown> }) => (e.extensions?.suggestions as { slug: string }[]).map((s) => s.slug);

describe('entity lookups', () => {
  it.each([
    ['slug', 'delfina-gomez-alvarez'],
    ['id', 'person:delfina-gomez-alvarez'],
    ['name', 'Delfina Gómez Álvarez'],
    ['alias without accents or case', 'delfina gomez'],
  ])('person() finds a person by %s', async (_how, ref) => {
    const data = ok(await ask('query($r: String!) { person(slug: $r) { id redirectedFrom } }', { r: ref }));
    expect(data.person).toEqual({ id: 'person:delfina-gomez-alvarez', redirectedFrom: null });
  });

  it('a misspelt name is NOT_FOUND and suggests the closest names', async () => {
    const e = failure(await ask('{ person(slug: "Delfina Gomes") { id } }'), 'NOT_FOUND', 'slug');
    expect(suggested(e)).toContain('delfina-gomez-alvarez');
    expect(e.message).toContain('Delfina Gómez Álvarez');
  });

  it('an entity of another kind is BAD_USER_INPUT saying what it is', async () => {
    const e = failure(await ask('{ person(slug: "imss-bienestar") { id } }'), 'BAD_USER_INPUT', 'slug');
    expect(e.message).toMatch(/is an organization/);
  });

  it('a fact id that names nothing is NOT_FOUND, and one of another kind BAD_USER_INPUT', async () => {
    failure(await ask('{ event(id: "event:no-such-event") { id } }'), 'NOT_FOUND', 'id');
    const { statements } = ok(await ask('{ statements(first: 1) { nodes { id } } }'));
    failure(await ask('query($id: ID!) { event(id: $id) { id } }', { id: statements.nodes[0].id }), 'BAD_USER_INPUT', 'id');
  });
});

describe('entity filters and traversals', () => {
  it('a filter by name answers as the filter by slug', async () => {
    const query = 'query($s: String!) { statements(filter: { speaker: $s }) { totalCount nodes { id } } }';
    const bySlug = ok(await ask(query, { s: 'delfina-gomez-alvarez' }));
    expect(bySlug.statements.totalCount).toBeGreaterThan(0);
    expect(ok(await ask(query, { s: 'Delfina Gómez' }))).toEqual(bySlug);
  });

  it.each([
    ['events(filter: { participants: ["Delfina Gomes"] }) { totalCount }', 'filter.participants[0]'],
    ['events(filter: { place: "Tolucca" }) { totalCount }', 'filter.place'],
    ['events(filter: { involves: "IMSS Bienestr" }) { totalCount }', 'filter.involves'],
    ['statements(filter: { about: "IMSS Bienestr" }) { totalCount }', 'filter.about'],
    ['posts(filter: { organization: "IMSS Bienestr" }) { totalCount }', 'filter.organization'],
    ['posts(filter: { jurisdiction: "Estado de Mexco" }) { totalCount }', 'filter.jurisdiction'],
    ['paths(from: "imss-bienestar", to: "Delfina Gomes") { length }', 'to'],
    ['statements(filter: { document: "no-such-file.txt" }) { totalCount }', 'filter.document'],
    ['organization(slug: "IMSS Bienestr") { id }', 'slug'],
    ['statements(filter: { speaker: "Delfina Gomes" }) { totalCount }', 'filter.speaker'],
    ['commitments(filter: { madeBy: "Delfina Gomes" }) { totalCount }', 'filter.madeBy'],
    ['commitments(filter: { concerning: "Hospital Inexistente" }) { totalCount }', 'filter.concerning'],
    ['figures(filter: { subject: "Municipio Inexistente" }) { totalCount }', 'filter.subject'],
    ['posts(filter: { person: "Delfina Gomes" }) { totalCount }', 'filter.person'],
    ['timeline(entity: "IMSS Bienestr") { date }', 'entity'],
    ['paths(from: "Delfina Gomes", to: "imss-bienestar") { length }', 'from'],
    ['holders(role: "director general", of: "IMSS Bienestr", at: "2024") { id }', 'of'],
    ['people(filter: { within: "IMSS Bienestr" }) { totalCount }', 'filter.within'],
  ])('%s is NOT_FOUND, never an empty list', async (selection, argument) => {
    const res = await ask(`{ ${selection} }`);
    const e = failure(res, 'NOT_FOUND', argument);
    if (argument !== 'filter.document') expect(e.extensions?.suggestions).toBeInstanceOf(Array);
  });

  it('suggestions name the closest entities', async () => {
    const e = failure(await ask('{ timeline(entity: "IMSS Bienestr") { date } }'), 'NOT_FOUND', 'entity');
    expect(suggested(e)).toContain('imss-bienestar');
  });

  it('a speaker filter naming an organization is BAD_USER_INPUT', async () => {
    const e = failure(await ask('{ statements(filter: { speaker: "imss-bienestar" }) { totalCount } }'), 'BAD_USER_INPUT', 'filter.speaker');
    expect(e.message).toMatch(/expected a person/);
  });

  it('timeline and paths take names too', async () => {
    const bySlug = ok(await ask('{ timeline(entity: "imss-bienestar") { node { id } } }'));
    expect(bySlug.timeline.length).toBeGreaterThan(0);
    expect(ok(await ask('{ timeline(entity: "IMSS-Bienestar") { node { id } } }'))).toEqual(bySlug);
    const paths = ok(await ask('{ paths(from: "Delfina Gómez", to: "IMSS-Bienestar") { length } }'));
    expect(paths.paths.length).toBeGreaterThan(0);
  });

  it('a real "nothing" stays an empty list', async () => {
    const data = ok(await ask('{ events(filter: { participants: ["delfina-gomez-alvarez"], from: "1990", to: "1990" }) { totalCount } }'));
    expect(data.events.totalCount).toBe(0);
  });
});

describe('root lists of entities', () => {
  it('lists people by name, paged, with a total', async () => {
    const { people } = ok(await ask('{ people(first: 3) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }'));
    expect(people.totalCount).toBeGreaterThan(3);
    expect(people.nodes).toHaveLength(3);
    expect(people.pageInfo.hasNextPage).toBe(true);
    const names = people.nodes.map((n: { name: string }) => n.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'es', { sensitivity: 'base' }))).toEqual(names);
    const next = ok(await ask('query($a: String) { people(first: 3, after: $a) { nodes { name } } }', { a: people.pageInfo.endCursor }));
    expect(next.people.nodes.map((n: { name: string }) => n.name)).not.toContain(names[2]);
  });

  it('filters places by kind and by what contains them', async () => {
    const { places } = ok(await ask('{ places(filter: { kinds: ["municipality"], within: "Estado de México" }) { totalCount nodes { kind partOf { name } } } }'));
    expect(places.totalCount).toBeGreaterThan(0);
    for (const p of places.nodes) expect(p.kind).toBe('municipality');
  });

  it('orders by mentions: named in the most documents first', async () => {
    const { organizations } = ok(await ask('{ organizations(orderBy: MENTIONS_DESC, first: 100) { nodes { citations { document { id } } } } }'));
    const documents = organizations.nodes.map((n: { citations: { document: { id: string } }[] }) => new Set(n.citations.map((c) => c.document.id)).size);
    expect(documents.length).toBeGreaterThan(3);
    expect(documents[0]).toBeGreaterThan(documents.at(-1));
    expect([...documents].sort((a, b) => b - a)).toEqual(documents);
  });

  it('finds people holding a post in a body', async () => {
    const { people } = ok(await ask('{ people(filter: { within: "imss-bienestar" }) { nodes { slug } } }'));
    expect(people.nodes.map((n: { slug: string }) => n.slug)).toContain('alejandro-calderon-alipi');
  });
});

describe('closed vocabularies are enums', () => {
  it('event kinds, statement kinds and commitment statuses are enum values', async () => {
    const data = ok(await ask('{ events(filter: { kinds: [MEETING] }) { nodes { kind } } statements(first: 3) { nodes { kind } } commitments(first: 3) { nodes { status } } }'));
    expect(data.events.nodes.length).toBeGreaterThan(0);
    for (const e of data.events.nodes) expect(e.kind).toBe('MEETING');
    for (const s of data.statements.nodes) expect(s.kind).toMatch(/^[A-Z_]+$/);
    for (const c of data.commitments.nodes) expect(c.status).toMatch(/^[A-Z_]+$/);
  });

  it('an unknown value is a validation error naming the allowed ones', async () => {
    const res = await ask('{ events(filter: { kinds: [meeting] }) { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/MEETING/);
  });
});
