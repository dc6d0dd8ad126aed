import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authConfig } from '../../src/api/auth.js';
import { CACHE_HEADER } from '../../src/api/response-cache.js';
import type { Db } from '../../src/graph/db.js';
import { connectTestDb, inspect, resetWithSeed, snapshotGraph } from '../support/db.js';
import { startTestServer, testKey, type TestServer } from '../support/server.js';

const editor = testKey('ana-editora', 'editor');
const STATEMENT = 'statement:robledo-tecamac-coordinated-mas-bienestar';
const READ = /* GraphQL */ `
  query Statement($id: ID!) {
    statement(id: $id) {
      id
      reviewStatus
      speaker {
        name
      }
      citations {
        excerpt
        document {
          id
        }
      }
    }
  }
`;
const CONFIRM = /* GraphQL */ `
  mutation ($id: ID!) {
    confirmFact(id: $id) {
      id
      reviewStatus
    }
  }
`;

interface Answer {
  status: number;
  cache: string | null;
  body: { data?: any; errors?: { extensions?: { code?: string } }[] };
}

async function ask(server: TestServer, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, cache: res.headers.get(CACHE_HEADER), body: (await res.json()) as Answer['body'] };
}

/** Asks until the answer comes from the cache (it is stored just after the first answer is sent). */
async function askUntilHit(server: TestServer, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  for (let i = 0; i < 100; i++) {
    const answer = await ask(server, query, variables);
    if (answer.cache === 'hit') return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the answer was never served from the cache');
}

const entries = async (db: Db) => (await inspect<{ n: number }>(db, 'MATCH (c:CachedResponse) RETURN count(c) AS n'))[0]!.n;

describe('the response cache', () => {
  let db: Db;
  let one: TestServer;
  let two: TestServer;
  let off: TestServer;
  beforeAll(async () => {
    db = connectTestDb();
    await resetWithSeed(db);
    const auth = authConfig([editor.key]);
    one = await startTestServer(db, { auth, responseCache: true });
    two = await startTestServer(db, { auth, responseCache: true });
    off = await startTestServer(db, { auth, responseCache: false });
  });
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop(), off?.stop()]);
    await db?.close();
  });

  it('serves a query again from Neo4j, the same answer in one query, to every server on the graph', async () => {
    const first = await ask(one, READ, { id: STATEMENT });
    expect(first.cache).toBe('miss');
    expect(first.body.errors).toBeUndefined();
    const again = await askUntilHit(one, READ, { id: STATEMENT });
    expect(again.body).toEqual(first.body);
    expect(one.lastRoundTrips()).toBe(1);
    // another server on the same Neo4j finds the entry the first one stored
    const elsewhere = await ask(two, READ, { id: STATEMENT });
    expect(elsewhere.cache).toBe('hit');
    expect(elsewhere.body).toEqual(first.body);
    // and a server with the cache off computes it, the same
    const computed = await ask(off, READ, { id: STATEMENT });
    expect(computed.cache).toBeNull();
    expect(computed.body).toEqual(first.body);
  });

  it('never serves an answer across a write, whichever server wrote', async () => {
    await askUntilHit(one, READ, { id: STATEMENT });
    await askUntilHit(two, READ, { id: STATEMENT });
    await ask(off, CONFIRM, { id: STATEMENT }, editor.header);
    const after = await ask(one, READ, { id: STATEMENT });
    expect(after.cache).toBe('miss');
    expect(after.body.data.statement.reviewStatus).toBe('CONFIRMED');
    // the other server: the answer the first one just computed, or its own, never the old one
    expect((await ask(two, READ, { id: STATEMENT })).body.data.statement.reviewStatus).toBe('CONFIRMED');
    expect((await askUntilHit(two, READ, { id: STATEMENT })).body).toEqual(after.body);
  });

  it('keys an answer by the operation, its variables and its name, not by the order of the variables', async () => {
    const query = /* GraphQL */ `
      query Two($a: ID!, $b: ID!) {
        a: statement(id: $a) {
          id
        }
        b: statement(id: $b) {
          id
        }
      }
    `;
    const [id] = (await inspect<{ id: string }>(db, 'MATCH (s:Statement) WHERE s.id <> $id RETURN s.id AS id ORDER BY id LIMIT 1', { id: STATEMENT })).map((r) => r.id);
    expect(id, `a statement other than ${STATEMENT}`).toBeDefined();
    await askUntilHit(one, query, { a: STATEMENT, b: id });
    expect((await ask(one, query, { b: id, a: STATEMENT })).cache).toBe('hit');
    const swapped = await ask(one, query, { a: id, b: STATEMENT });
    expect(swapped.cache).toBe('miss');
    expect(swapped.body.data).toEqual({ a: { id }, b: { id: STATEMENT } });
    expect((await ask(one, query.replace('query Two', 'query Three'), { a: STATEMENT, b: id })).cache).toBe('miss');
  });

  it('stores no answer with errors, and leaves mutations alone', async () => {
    const missing = { id: 'statement:no-such-statement' };
    for (let i = 0; i < 3; i++) {
      const answer = await ask(one, READ, missing);
      expect(answer.cache).toBe('miss');
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const mutation = await ask(one, CONFIRM, { id: STATEMENT }, editor.header);
    expect(mutation.cache).toBeNull();
    expect(mutation.body.errors).toBeUndefined();
  });

  it('refuses what it refuses without the cache', async () => {
    await askUntilHit(one, READ, { id: STATEMENT });
    // a request that fails validation never reaches the lookup
    const unknownField = await ask(one, READ.replace('reviewStatus', 'reviewStatus noSuchField'), { id: STATEMENT });
    expect(unknownField.cache).toBeNull();
    expect(unknownField.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // variables are checked as the operation runs: refused each time, never stored
    for (let i = 0; i < 2; i++) {
      const wrongType = await ask(one, READ, { id: { not: 'an id' } });
      expect(wrongType.cache).toBe('miss');
      expect(wrongType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is no part of the graph: not in its size, its snapshot or a backup count', async () => {
    await askUntilHit(one, READ, { id: STATEMENT });
    expect(await entries(db)).toBeGreaterThan(0);
    const withEntries = await snapshotGraph(db);
    const [size] = await db.read<{ nodes: number }>('read/graph-size');
    const [backup] = await db.read<{ nodes: number; unreferenced: number }>('export/backup-count');
    await db.writeOutsideGraph('write/evict-cached-responses', { entries: 0 });
    expect(await entries(db)).toBe(0);
    expect(await snapshotGraph(db)).toEqual(withEntries);
    expect((await db.read<{ nodes: number }>('read/graph-size'))[0]).toEqual(size);
    expect((await db.read<{ nodes: number; unreferenced: number }>('export/backup-count'))[0]).toEqual(backup);
    expect(backup!.unreferenced).toBe(0);
  });

  it('stores an answer only for the graph version its lookup saw', async () => {
    const [{ version }] = (await db.read<{ version: number }>('read/cached-response', { key: 'k-version' })) as [{ version: number }];
    // a write commits while the answer is computed
    await db.write(async () => {});
    const [late] = await db.writeOutsideGraph<{ stored: number }>('write/cache-response', { key: 'k-version', version, body: '{"data":{}}', at: new Date().toISOString() });
    expect(late!.stored).toBe(0);
    const [now] = (await db.read<{ version: number; body: string | null }>('read/cached-response', { key: 'k-version' })) as [{ version: number; body: string | null }];
    expect(now.version).toBe(version + 1);
    expect(now.body).toBeNull();
    const [stored] = await db.writeOutsideGraph<{ stored: number }>('write/cache-response', { key: 'k-version', version: now.version, body: '{"data":{}}', at: new Date().toISOString() });
    expect(stored!.stored).toBe(1);
    expect((await db.read<{ body: string | null }>('read/cached-response', { key: 'k-version' }))[0]!.body).toBe('{"data":{}}');
  });

  it('keeps at most its number of entries, the newest, and none of an older graph version', async () => {
    await db.writeOutsideGraph('write/evict-cached-responses', { entries: 0 });
    const [{ version }] = (await db.read<{ version: number }>('read/cached-response', { key: 'k0' })) as [{ version: number }];
    for (let i = 0; i < 5; i++) {
      await db.writeOutsideGraph('write/cache-response', { key: `k${i}`, version, body: `{"data":{"i":${i}}}`, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() });
    }
    const [evicted] = await db.writeOutsideGraph<{ stale: number; oldest: number }>('write/evict-cached-responses', { entries: 2 });
    expect(evicted).toEqual({ stale: 0, oldest: 3 });
    expect((await inspect<{ key: string }>(db, 'MATCH (c:CachedResponse) RETURN c.key AS key ORDER BY key')).map((r) => r.key)).toEqual(['k3', 'k4']);
    await db.write(async () => {});
    const [afterWrite] = await db.writeOutsideGraph<{ stale: number; oldest: number }>('write/evict-cached-responses', { entries: 2 });
    expect(afterWrite).toEqual({ stale: 2, oldest: 0 });
    expect(await entries(db)).toBe(0);
  });

  it('counts hits, misses and stores in the metrics', async () => {
    const text = await (await fetch(`${one.base}/metrics`)).text();
    for (const result of ['hit', 'miss', 'stored']) {
      const line = text.split('\n').find((l) => l.startsWith(`kg_response_cache_total{result="${result}"}`));
      expect(line, result).toBeDefined();
      expect(Number(line!.split(' ').pop())).toBeGreaterThan(0);
    }
  });
});

describe('the response cache, reads behind keys (KG_READS=key)', () => {
  const reader = testKey('lectora', 'reader');
  let db: Db;
  let server: TestServer;
  beforeAll(async () => {
    db = connectTestDb();
    await resetWithSeed(db);
    server = await startTestServer(db, { auth: authConfig([reader.key], 'key'), responseCache: true });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('serves a stored answer only to a request the keys let read', async () => {
    for (let i = 0; i < 100 && (await ask(server, READ, { id: STATEMENT }, reader.header)).cache !== 'hit'; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await ask(server, READ, { id: STATEMENT }, reader.header)).cache).toBe('hit');
    const anonymous = await ask(server, READ, { id: STATEMENT });
    expect(anonymous.status).toBe(401);
    expect(anonymous.cache).toBeNull();
    expect(anonymous.body.data ?? null).toBeNull();
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the response cache, off', () => {
  let db: Db;
  let off: TestServer;
  beforeAll(async () => {
    db = connectTestDb();
    await resetWithSeed(db);
    off = await startTestServer(db, { responseCache: false });
  });
  afterAll(async () => {
    await off?.stop();
    await db?.close();
  });

  it('stores nothing and says nothing', async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await ask(off, READ, { id: STATEMENT });
      expect(answer.cache).toBeNull();
      expect(answer.body.errors).toBeUndefined();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await entries(db)).toBe(0);
  });
});

describe('the response cache, its database unreachable', () => {
  let db: Db;
  let server: TestServer;
  beforeAll(async () => {
    // a port nothing listens on
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    db = connectTestDb({ uri: `bolt://127.0.0.1:${port}` });
    server = await startTestServer(db, { responseCache: true });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('answers DATABASE_UNAVAILABLE with HTTP 503 and Retry-After from the lookup, as without the cache', async () => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: READ, variables: { id: STATEMENT } }) });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await res.json()) as Answer['body'];
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });
});
