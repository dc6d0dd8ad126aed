import { describe, expect, it } from 'vitest';
import { gql, seededServer, type GqlResponse } from '../support/server.js';

const seeded = seededServer();

/** The single error of a response, checked to be a client error naming `argument`, with nothing internal leaked. */
function expectBadInput(res: GqlResponse, argument: string) {
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  const [error] = res.errors!;
  expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
  expect(error!.message).toContain(`"${argument}"`);
  expect(error!.extensions).not.toHaveProperty('stacktrace');
  expect(JSON.stringify(res)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack frames anywhere
  return error!;
}

describe('a client mistake is a BAD_USER_INPUT error naming the argument, without a stack trace', () => {
  it('a malformed date in a filter (named by its path)', async () => {
    const res = await gql(seeded.server.url, '{ events(filter: { from: "2024-13-45" }) { totalCount } }');
    const error = expectBadInput(res, 'filter.from');
    expect(error.message).toContain('2024-13-45');
  });

  it('a malformed date in a nested field argument', async () => {
    const res = await gql(seeded.server.url, '{ person(slug: "delfina-gomez-alvarez") { posts(at: "yesterday") { role } } }');
    expectBadInput(res, 'at');
  });

  it('a page larger than 100', async () => {
    const res = await gql(seeded.server.url, '{ events(first: 101) { totalCount } }');
    const error = expectBadInput(res, 'first');
    expect(error.message).toMatch(/at most 100/);
  });

  it('a negative page size', async () => {
    expectBadInput(await gql(seeded.server.url, '{ statements(first: -1) { totalCount } }'), 'first');
  });

  it('paths longer than the hop limit', async () => {
    const res = await gql(seeded.server.url, '{ paths(from: "zoe-robledo-aburto", to: "delfina-gomez-alvarez", maxHops: 7) { length } }');
    expectBadInput(res, 'maxHops');
  });

  it('an empty search', async () => {
    const res = await gql(seeded.server.url, 'query($q: String!) { search(query: $q) { score } }', { q: '  ' });
    const error = expectBadInput(res, 'query');
    expect(error.message).toMatch(/must not be empty/);
  });

  it('a cursor this API did not issue', async () => {
    const res = await gql(seeded.server.url, '{ events(first: 2, after: "not-a-cursor") { totalCount } }');
    expectBadInput(res, 'after');
  });

  it("a rejected argument yields no data for its field, and the request's other fields are answered", async () => {
    const res = await gql(seeded.server.url, '{ events(first: 101) { totalCount } statements(first: 1) { totalCount } }');
    expect(res.data?.events).toBeNull();
    expect(res.data?.statements.totalCount).toBeGreaterThan(0);
  });
});

describe('a well-formed cursor still pages', () => {
  it('after the first page comes the rest', async () => {
    const page1 = await gql(seeded.server.url, '{ events(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }');
    expect(page1.errors).toBeUndefined();
    const { endCursor, hasNextPage } = page1.data.events.pageInfo;
    expect(hasNextPage).toBe(true);
    const page2 = await gql(seeded.server.url, 'query($after: String) { events(first: 2, after: $after) { nodes { id } } }', { after: endCursor });
    expect(page2.errors).toBeUndefined();
    const ids1 = page1.data.events.nodes.map((n: any) => n.id);
    const ids2 = page2.data.events.nodes.map((n: any) => n.id);
    expect(ids2).toHaveLength(2);
    expect(ids2.filter((id: string) => ids1.includes(id))).toEqual([]);
  });
});

describe('looking up something that does not exist', () => {
  it.each([
    ['person(slug: "nobody")', 'person', 'slug'],
    ['organization(slug: "nobody")', 'organization', 'slug'],
    ['event(id: "event:nope")', 'event', 'id'],
    ['statement(id: "statement:nope")', 'statement', 'id'],
    ['document(id: "nope.txt")', 'document', 'id'],
    ['node(id: "zzz")', 'node', 'id'],
  ])('%s is NOT_FOUND naming the argument, and the field null', async (field, key, argument) => {
    const res = await gql(seeded.server.url, `{ ${field} { id } }`);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: argument });
    expect(res.data).toEqual({ [key]: null });
  });
});
