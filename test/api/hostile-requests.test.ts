/**
 * What a hostile or careless client gets: requests costlier than the database should bear are
 * refused before any query runs; oversized or malformed text is a typed client error naming the
 * argument; a saturated database is a retryable DATABASE_BUSY (HTTP 503, Retry-After); one
 * request's reads never run more than two at a time; heavy requests give way to light ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/graph/db.js';
import { REQUEST_READS } from '../../src/graph/gate.js';
import { testNeo4j } from '../support/db.js';
import { gql, seededServer, startTestServer, type TestServer } from '../support/server.js';

const t = seededServer();

async function post(url: string, body: unknown): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

const aliases = (n: number, field: (i: number) => string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

describe('requests that would cost the database too much', () => {
  it('refuses 1,000 aliases of person(slug:) before any query, saying the cost and the limit', async () => {
    const res = await post(t.server.url, { query: aliases(1000, () => 'person(slug: "x") { name }') });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', databaseCost: 1000, limit: 100 });
    expect(res.json.errors[0].message).toMatch(/cost the database 1000 \(person ×1000\); the limit is 100/);
    expect(t.server.lastRoundTrips()).toBe(0);
  });

  it('refuses the same operation the same way each time it is sent, and weighs variables anew for each request', async () => {
    const bomb = aliases(1000, () => 'person(slug: "x") { name }');
    for (let i = 0; i < 3; i++) {
      const res = await post(t.server.url, { query: bomb });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', databaseCost: 1000, limit: 100 });
      expect(t.server.lastRoundTrips()).toBe(0);
    }
    // one text, its cost in a variable: let through with a small hop cap, refused with a large one
    const query = 'query P($h: Int!) { a: paths(from: "a", to: "b", maxHops: $h) { length } b: paths(from: "a", to: "b", maxHops: $h) { length } }';
    expect((await post(t.server.url, { query, variables: { h: 2 } })).json.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
    const big = await post(t.server.url, { query, variables: { h: 8 } });
    expect(big.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', databaseCost: 256, limit: 100 });
    expect((await post(t.server.url, { query, variables: { h: 2 } })).json.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses 1,000 searches and 100 path searches for the number of costly fields, before any query', async () => {
    for (const query of [aliases(1000, () => 'search(query: "salud") { score }'), aliases(100, () => 'paths(from: "a", to: "b") { length }')]) {
      const res = await post(t.server.url, { query });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 20 });
      expect(res.json.errors[0].message).toMatch(/the limit is 20 per operation/);
      expect(t.server.lastRoundTrips()).toBe(0);
    }
  });

  it('counts a path search by its hop cap, and fragments on the root type', async () => {
    const res = await post(t.server.url, {
      query: `query { ...P } fragment P on Query { ${Array.from({ length: 4 }, (_, i) => `p${i}: paths(from: "a", to: "b", maxHops: 6) { length }`).join(' ')} }`,
    });
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', databaseCost: 128, limit: 100 });
  });

  it('answers at once fragments that spread each other twice over, 40 levels deep: the spreads merge, as execution merges them', async () => {
    // unmerged, F0 reaches 2^39 copies of `name`: a walk that expands every spread never ends
    const defs = Array.from({ length: 40 }, (_, i) => (i === 39 ? 'fragment F39 on Person { name }' : `fragment F${i} on Person { ...F${i + 1} ...F${i + 1} }`));
    const people = await gql(t.server.url, '{ people(first: 1) { nodes { slug name } } }');
    const { slug, name } = people.data.people.nodes[0];
    const res = await post(t.server.url, { query: `{ person(slug: ${JSON.stringify(slug)}) { ...F0 } } ${defs.join(' ')}` });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ data: { person: { name } } });
  });

  it('refuses, before any query, fragments whose expansion passes 10,000 field selections however they are named', async () => {
    // each level spreads two fragments of different names that both spread the level below: 2^30
    const defs = ['fragment L0 on Person { name }'];
    for (let i = 1; i <= 30; i++) defs.push(`fragment L${i} on Person { ...A${i} ...B${i} }`, `fragment A${i} on Person { ...L${i - 1} }`, `fragment B${i} on Person { ...L${i - 1} }`);
    const res = await post(t.server.url, { query: `{ person(slug: "x") { ...L30 } } ${defs.join(' ')}` });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', selectionLimit: 10_000 });
    expect(res.json.errors[0].message).toMatch(/fragments expand to more than 10000 field selections/);
    expect(t.server.lastRoundTrips()).toBe(0);
  });

  it('answers many lookups with the same selection in one query', async () => {
    const people = await gql(t.server.url, '{ people(first: 40) { nodes { slug name } } }');
    const nodes: { slug: string; name: string }[] = people.data.people.nodes;
    expect(nodes.length).toBeGreaterThan(3);
    // 60 lookups, each person asked for several times
    const asked = Array.from({ length: 60 }, (_, i) => nodes[i % nodes.length]!);
    const res = await gql(t.server.url, `{ ${asked.map((p, i) => `p${i}: person(slug: ${JSON.stringify(p.slug)}) { name posts { role } }`).join(' ')} }`);
    expect(res.errors).toBeUndefined();
    expect(asked.map((_, i) => res.data[`p${i}`].name)).toEqual(asked.map((p) => p.name));
    expect(t.server.lastRoundTrips()).toBe(1);
  });
});

describe('text a search or a name cannot be', () => {
  it('refuses a search of 1,000 words or of one 40,000-character word as BAD_USER_INPUT naming the argument', async () => {
    for (const text of [Array.from({ length: 1000 }, (_, i) => `palabra${i}`).join(' '), 'a'.repeat(40_000)]) {
      const res = await gql(t.server.url, 'query ($q: String!) { search(query: $q) { score } }', { q: text });
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'query' });
      expect(res.errors![0]!.message).toMatch(/at most (300|32)/);
    }
  });

  it('refuses an entity argument of 40,000 characters', async () => {
    const res = await gql(t.server.url, 'query ($s: String!) { person(slug: $s) { name } }', { s: 'x'.repeat(40_000) });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'slug' });
  });

  it('searches text holding Lucene syntax as plain words', async () => {
    for (const q of ['*:* AND (', 'salud~ OR "', '\\', 'a/b [c TO d]', '"}) MATCH (n) DETACH DELETE n //']) {
      const res = await gql(t.server.url, 'query ($q: String!) { search(query: $q) { score } }', { q });
      expect(res.errors, q).toBeUndefined();
      expect(Array.isArray(res.data.search)).toBe(true);
    }
    const count = await gql(t.server.url, '{ people(first: 1) { totalCount } }');
    expect(count.data.people.totalCount).toBeGreaterThan(0);
  });

  it('refuses lone surrogates and control characters in any text argument, inline or in a variable', async () => {
    const lone = await gql(t.server.url, 'query ($q: String!) { search(query: $q) { score } }', { q: 'salud \ud800' });
    expect(lone.status).toBe(400);
    expect(lone.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: '$q' });
    expect(lone.errors![0]!.message).toMatch(/lone UTF-16 surrogate/);
    // sent twice: the second is checked from what the first check found, and refused the same way
    for (let i = 0; i < 2; i++) {
      const control = await gql(t.server.url, '{ events(filter: { text: "a\\u0007b" }) { totalCount } }');
      expect(control.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.text' });
      expect(control.errors![0]!.message).toMatch(/U\+0007/);
    }
    const emoji = await gql(t.server.url, 'query ($q: String!) { search(query: $q) { score } }', { q: 'salud 🏥' });
    expect(emoji.errors).toBeUndefined();
  });
});

describe('operations the server does not run', () => {
  it('answers a subscription with a validation error, HTTP 400', async () => {
    const res = await post(t.server.url, { query: 'subscription { x }' });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.json.errors[0].message).toMatch(/Subscriptions are not supported/);
  });

  it('refuses an operation nested 5,000 levels deep before parsing it, with a clean message', async () => {
    const res = await post(t.server.url, { query: `${'{ a '.repeat(5000)}${'}'.repeat(5000)}` });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', nesting: 5000, limit: 64 });
    expect(JSON.stringify(res.json)).not.toMatch(/stack|\bat .+\.(ts|js):\d+|Maximum call stack/);
  });

  it('refuses variables nested 2,000 levels deep before reading them', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 2000; i++) deep = [deep];
    const res = await post(t.server.url, { query: 'query ($p: [String!]) { events(filter: { participants: $p }) { totalCount } }', variables: { p: deep } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', nesting: 2000, limit: 64 });
  });

  it('answers a query string over 16 KB with a GraphQL-shaped 431, and a persisted query whose hash does not match with BAD_REQUEST', async () => {
    const long = await fetch(`${t.server.url}?query=${'x'.repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(((await long.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/send the operation in the body of a POST/) });
    const apq = await post(t.server.url, { query: '{ people { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect(apq.status).toBe(400);
    expect(apq.json.errors[0]).toMatchObject({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('refuses an operation of too many tokens', async () => {
    const res = await post(t.server.url, { query: `{ ${Array.from({ length: 60_000 }, () => '__typename').join(' ')} }` });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('reads of one request', () => {
  it("run at most half the machine's cores at a time (at least 1), whatever the request asks for", async () => {
    let running = 0;
    let most = 0;
    const stop = t.db.observe({
      sessionOpened: () => () => {},
      queryStarted: () => {
        most = Math.max(most, ++running);
        return () => running--;
      },
    });
    try {
      // 12 lists, each its own query (lists are not batched): cost 12 x 2
      const res = await gql(
        t.server.url,
        aliases(12, (i) => `events(first: ${i + 1}) { totalCount nodes { title } }`),
      );
      expect(res.errors).toBeUndefined();
    } finally {
      stop();
    }
    expect(most).toBe(REQUEST_READS);
  });
});

describe('light requests first', () => {
  let db: Db;
  let server: TestServer;
  beforeAll(async () => {
    // a heavy request's step waits for light ones for up to a minute here (50 ms by default), so
    // that what is held is held for as long as the test looks
    db = Db.connect(testNeo4j(), {}, { lightWaitMs: 60_000 });
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const untilWaiting = async () => {
    for (let i = 0; i < 6000 && db.lightFirst.waiting === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('holds a heavy request while a light one is in flight, runs light ones meanwhile, and lets the heavy one go after', async () => {
    let started = 0;
    const stop = db.observe({ sessionOpened: () => () => {}, queryStarted: () => (started++, () => {}) });
    const light = db.markLight(); // a light request in flight, as far as the server can tell
    try {
      const heavy = post(server.url, { query: aliases(6, (i) => `events(first: ${i + 1}) { nodes { title } }`) });
      await untilWaiting();
      expect(db.lightFirst.waiting).toBe(1);
      expect(started).toBe(0);
      // a light request is not held
      const people = await post(server.url, { query: '{ people(first: 2) { nodes { name } } }' });
      expect(people.json.data.people.nodes).toHaveLength(2);
      expect(started).toBe(1);
      light();
      const res = await heavy;
      expect(res.json.errors).toBeUndefined();
      expect(Object.keys(res.json.data)).toHaveLength(6);
    } finally {
      light();
      stop();
    }
  });

  it('ends every light request it marks, the ones that answer an error included', async () => {
    await post(server.url, { query: '{ person(slug: "nobody-by-this-name") { name } }' });
    await post(server.url, { query: '{ person(slug: 3) { name } }' });
    await post(server.url, { query: '{ people(first: 1) { nodes { name } } }' });
    expect(db.lightFirst).toEqual({ inFlight: 0, waiting: 0 });
  });
});

describe('a saturated database', () => {
  let db: Db;
  let server: TestServer;
  beforeAll(async () => {
    // one read at a time overall, and 100 ms of patience
    db = Db.connect(testNeo4j(), {}, { overall: 1, perRequest: 1, queueMs: 100 });
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('answers DATABASE_BUSY, HTTP 503 with Retry-After, while the reads ahead hold the database', async () => {
    // a read of a few seconds, through the same gate (a view of the same driver)
    const hold = db.withTimeouts({ readMs: 120_000 }).readText('UNWIND range(1, 30000000) AS x RETURN count(x) AS n');
    const res = await post(server.url, { query: '{ people(first: 1) { totalCount } }' });
    await hold;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.json.errors[0].extensions).toEqual({ code: 'DATABASE_BUSY', retryAfterSeconds: 1 });
    expect(res.json.errors[0].message).toMatch(/busy/);
    const after = await post(server.url, { query: '{ people(first: 1) { totalCount } }' });
    expect(after.status).toBe(200);
  });
});
