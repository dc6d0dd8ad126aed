import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authConfig } from '../../src/api/auth.js';
import { DEFAULT_COST_LIMITS } from '../../src/api/limits.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/api/server.js';
import { Db } from '../../src/graph/db.js';
import { connectTestDb, resetWithSeed } from '../support/db.js';
import { gql, testKey } from '../support/server.js';

/**
 * What operators see of the server: log lines, /metrics, /health, CORS, request ids, and reads
 * that follow writes. Servers here are started directly, to capture their log lines.
 */

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

/** A log destination keeping every line the logger writes. */
function capture() {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => void lines.push(line) },
    records: (): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine),
  };
}

interface Served extends RunningServer {
  base: string;
}

async function serve(db: Db, opts: Partial<ServerOptions> = {}): Promise<Served> {
  const server = await startServer({ db, port: 0, host: '127.0.0.1', auth: authConfig([editor.key]), limits: DEFAULT_COST_LIMITS, ...opts });
  return { ...server, base: `http://127.0.0.1:${server.port}` };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const editor = testKey('operations-editor', 'editor');
const PERSON = /* GraphQL */ `
  query PersonBySlug($slug: String!) {
    person(slug: $slug) {
      name
    }
  }
`;
const SECRET = 'secret-value-xyz';
const NEWSROOM = 'https://newsroom.example.org';

let db: Db;
let logs: ReturnType<typeof capture>;
/** default configuration (no CORS origins), logging at debug into `logs` */
let server: Served;
/** KG_CORS_ORIGINS-style allow-list of one origin */
let withCors: Served;

beforeAll(async () => {
  db = connectTestDb();
  await resetWithSeed(db);
  logs = capture();
  server = await serve(db, { logLevel: 'debug', logDestination: logs.destination });
  withCors = await serve(db, { logLevel: 'silent', corsOrigins: [NEWSROOM] });
});

afterAll(async () => {
  await server?.stop();
  await withCors?.stop();
  await db?.close();
});

describe('log lines', () => {
  it('one JSON line per operation: request id, operation name, duration, outcome and error codes', async () => {
    const ok = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-request-id': 'trace-ok-1' },
      body: JSON.stringify({ query: PERSON, variables: { slug: 'zoe-robledo-aburto' } }),
    });
    expect(ok.status).toBe(200);
    const bad = await gql(`${server.base}/graphql`, 'query Broken { person(slug: "x") { nope } }', undefined, { 'x-request-id': 'trace-bad-1' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const ops = logs.records().filter((r) => r.msg === 'graphql operation');
    expect(ops.find((r) => r.requestId === 'trace-ok-1')).toMatchObject({
      level: 'info',
      operationName: 'PersonBySlug',
      operationType: 'query',
      outcome: 'ok',
      errorCodes: [],
      variableNames: ['slug'],
      durationMs: expect.any(Number),
    });
    expect(ops.find((r) => r.requestId === 'trace-bad-1')).toMatchObject({ level: 'info', operationName: 'Broken', outcome: 'error', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  it('never carries a token, the Authorization header or a variable value, at any level', async () => {
    const before = logs.lines.length;
    const headers = { ...editor.header, 'x-request-id': 'trace-secret' };
    expect((await gql(`${server.base}/graphql`, PERSON, { slug: SECRET }, headers)).data).toEqual({ person: null });
    // a value the server refuses is echoed in the error message the client gets, not in the log
    const refused = await gql(`${server.base}/graphql`, PERSON, { slug: { nested: SECRET } }, headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // GET puts the variables in the query string: the HTTP line logs the path alone
    const params = new URLSearchParams({ query: PERSON, variables: JSON.stringify({ slug: SECRET }) });
    const get = await fetch(`${server.base}/graphql?${params}`, { headers: { ...headers, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    // an unknown token is refused; it is not logged either
    const stranger = await gql(`${server.base}/graphql`, PERSON, { slug: SECRET }, { Authorization: 'Bearer not-a-known-token-abc' });
    expect(stranger.status).toBe(401);

    await until('the HTTP lines of the four requests', () => logs.records().filter((r) => r.msg === 'http request' && r.requestId === 'trace-secret').length >= 3);
    const written = logs.lines.slice(before).join('');
    expect(written).toContain('trace-secret');
    expect(written).not.toContain(editor.token);
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain('not-a-known-token-abc');
    expect(written.toLowerCase()).not.toContain('bearer');
    expect(written.toLowerCase()).not.toContain('authorization');
    const http = logs.records().filter((r) => r.msg === 'http request' && r.requestId === 'trace-secret');
    expect(http.map((r) => r.path)).toEqual(expect.arrayContaining(['/graphql']));
    expect(http[0]).toMatchObject({ level: 'debug', method: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) });
  });

  it('an internal error reaches the log with its request id and stack; the client sees INTERNAL_SERVER_ERROR only', async () => {
    // a Db whose driver fails in a way that is neither a timeout nor an outage
    const failing = {
      session: () => {
        throw new Error('session factory broke: detail for operators');
      },
    } as unknown as Driver;
    const broken = capture();
    const app = await serve(new Db(failing), { logLevel: 'info', logDestination: broken.destination });
    try {
      const res = await gql(`${app.base}/graphql`, PERSON, { slug: 'zoe-robledo-aburto' }, { 'x-request-id': 'trace-internal' });
      expect(res.errors).toEqual([{ message: 'Internal server error', path: ['person'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      const line = broken.records().find((r) => r.msg === 'internal error');
      expect(line).toMatchObject({ level: 'error', requestId: 'trace-internal' });
      const err = line!.err as { message: string; stack: string };
      expect(err.message).toContain('detail for operators');
      expect(err.stack).toMatch(/\bat /);
      expect(broken.records().find((r) => r.msg === 'graphql operation')).toMatchObject({ requestId: 'trace-internal', outcome: 'error', errorCodes: ['INTERNAL_SERVER_ERROR'] });
    } finally {
      await app.stop();
    }
  });
});

describe('request ids and headers', () => {
  it('a sane x-request-id is echoed; another, or none, gets a fresh id; no X-Powered-By', async () => {
    const sent = await fetch(`${server.base}/health`, { headers: { 'x-request-id': 'Abc-123_x.y' } });
    expect(sent.headers.get('x-request-id')).toBe('Abc-123_x.y');
    expect(sent.headers.get('x-powered-by')).toBeNull();

    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const header of ['has spaces', 'x'.repeat(129), 'semi;colon', '']) {
      const res = await fetch(`${server.base}/health`, { headers: { 'x-request-id': header } });
      expect(res.headers.get('x-request-id'), header).toMatch(uuid);
    }
    const none = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(none.headers.get('x-request-id')).toMatch(uuid);
    expect(none.headers.get('x-powered-by')).toBeNull();
    const missing = await fetch(`${server.base}/no-such-page`, { headers: { 'x-request-id': 'trace-404' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe('trace-404');
    expect(missing.headers.get('x-powered-by')).toBeNull();
  });

  it('/health answers {status: "ok"} and /ready {status: "ready"} while Neo4j answers', async () => {
    const health = await fetch(`${server.base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up' });
  });
});

describe('CORS', () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,authorization,x-request-id' },
    });
  const post = (base: string, origin: string) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });

  it('an allowed origin gets its preflight answered and Access-Control-Allow-Origin on responses', async () => {
    const pre = await preflight(withCors.base, NEWSROOM);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(NEWSROOM);
    const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'authorization', 'x-request-id']));
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');

    const res = await post(withCors.base, NEWSROOM);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(NEWSROOM);
    expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('another origin gets no Access-Control-Allow-Origin, preflight or not', async () => {
    for (const origin of ['https://elsewhere.example.com', 'https://newsroom.example.org.evil.example', 'http://newsroom.example.org']) {
      expect((await preflight(withCors.base, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
      expect((await post(withCors.base, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('by default no origin is allowed: no Access-Control-Allow-Origin at all', async () => {
    for (const origin of [NEWSROOM, 'https://elsewhere.example.com']) {
      const pre = await preflight(server.base, origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-headers')).toBeNull();
      expect((await post(server.base, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

// An invented article (as in mutations.test.ts): the people, town and hospital do not exist.
const ARTICLE = `La gobernadora Rosalía Fuentes Ibarra inauguró el Hospital Comunitario de San Aurelio

San Aurelio, Tierra Alta, 14 de marzo de 2024.- La gobernadora de Tierra Alta, Rosalía Fuentes Ibarra, inauguró este jueves el Hospital Comunitario de San Aurelio, que atenderá a 85 mil habitantes de la región.

Acompañada por el secretario de Salud estatal, Tomás Quiroga Lema, la mandataria informó que la obra tuvo una inversión de 320 millones de pesos y contará con 60 camas.

"Este hospital es un compromiso cumplido con las familias de San Aurelio", afirmó Fuentes Ibarra, quien se comprometió a abrir una unidad de hemodiálisis antes de diciembre de 2024.
`;

/** The value of one series of the Prometheus text, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('counts operations by name and outcome, times them and the Neo4j queries, and counts what ingestion wrote', async () => {
    const app = await serve(db, { logLevel: 'silent' });
    try {
      const url = `${app.base}/graphql`;
      for (let i = 0; i < 3; i++) await gql(url, PERSON, { slug: 'zoe-robledo-aburto' });
      await gql(url, '{ __typename }');
      await gql(url, 'query Broken { person(slug: "x") { nope } }');
      // the mutation selects no `facts`: what was written is counted all the same
      const ingest = 'mutation Ingest($input: IngestDocumentInput!) { ingestDocument(input: $input) { newDocument } }';
      const input = { fileName: 'operations-metrics.txt', content: ARTICLE, published: '2024-03-14' };
      expect((await gql(url, ingest, { input }, editor.header)).data).toEqual({ ingestDocument: { newDocument: true } });
      expect((await gql(url, ingest, { input }, editor.header)).data).toEqual({ ingestDocument: { newDocument: false } });
      expect((await gql(url, ingest, { input: { fileName: 'vacio.txt', content: ' ' } }, editor.header)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

      const res = await fetch(`${app.base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(sample(text, 'kg_graphql_requests_total{operation="PersonBySlug",outcome="ok"}')).toBe(3);
      expect(sample(text, 'kg_graphql_requests_total{operation="anonymous",outcome="ok"}')).toBe(1);
      expect(sample(text, 'kg_graphql_requests_total{operation="Broken",outcome="error"}')).toBe(1);
      expect(sample(text, 'kg_graphql_requests_total{operation="Ingest",outcome="ok"}')).toBe(2);
      expect(sample(text, 'kg_graphql_requests_total{operation="Ingest",outcome="error"}')).toBe(1);
      expect(sample(text, 'kg_graphql_request_duration_seconds_count{operation="PersonBySlug"}')).toBe(3);
      expect(sample(text, 'kg_graphql_request_duration_seconds_bucket{le="+Inf",operation="PersonBySlug"}')).toBe(3);
      expect(text).toContain('# TYPE kg_graphql_request_duration_seconds histogram');
      expect(sample(text, 'kg_neo4j_query_duration_seconds_count{mode="read"}')).toBeGreaterThanOrEqual(3);
      expect(sample(text, 'kg_neo4j_query_duration_seconds_count{mode="write"}')).toBeGreaterThan(0);
      expect(sample(text, 'kg_neo4j_queries_in_flight{mode="read"}')).toBe(0);
      expect(sample(text, 'kg_neo4j_sessions_open')).toBe(0);
      expect(sample(text, 'kg_neo4j_sessions_opened_total')).toBeGreaterThanOrEqual(3);
      expect(sample(text, 'kg_ingest_documents_total{result="new"}')).toBe(1);
      expect(sample(text, 'kg_ingest_documents_total{result="unchanged"}')).toBe(1);
      const facts = ['post', 'event', 'statement', 'commitment', 'figure'].map((kind) => sample(text, `kg_ingest_facts_total{kind="${kind}"}`));
      expect(facts.every((n) => n !== undefined)).toBe(true);
      expect(facts.reduce((a, b) => a! + b!, 0)).toBeGreaterThan(0);
      expect(sample(text, 'kg_ingest_failures_total{code="BAD_USER_INPUT"}')).toBe(1);
      expect(text).toContain('process_cpu_user_seconds_total');
    } finally {
      await app.stop();
    }
  });

  it('each server counts in its own registry', async () => {
    const a = await serve(db, { logLevel: 'silent' });
    const b = await serve(db, { logLevel: 'silent' });
    try {
      await gql(`${a.base}/graphql`, 'query OnlyOnA { __typename }');
      expect(await (await fetch(`${a.base}/metrics`)).text()).toContain('operation="OnlyOnA"');
      expect(await (await fetch(`${b.base}/metrics`)).text()).not.toContain('operation="OnlyOnA"');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('reads after writes (bookmarks)', () => {
  const STATEMENT = 'statement:robledo-tecamac-coordinated-mas-bienestar';

  it('every session of a driver shares one bookmark manager, which a write updates and reads consult', async () => {
    expect(db.scoped().bookmarkManager).toBe(db.bookmarkManager);
    expect(new Db(db.driver).bookmarkManager).toBe(db.bookmarkManager);
    const other = connectTestDb();
    try {
      expect(other.bookmarkManager).not.toBe(db.bookmarkManager);
    } finally {
      await other.close();
    }

    const before = [...(await db.bookmarkManager.getBookmarks())];
    const res = await gql(`${server.base}/graphql`, `mutation { rejectFact(id: "${STATEMENT}", note: "bookmark check") { reviewStatus } }`, undefined, editor.header);
    expect(res.data).toEqual({ rejectFact: { reviewStatus: 'REJECTED' } });
    const after = [...(await db.bookmarkManager.getBookmarks())];
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);

    // the next request's reads start after those bookmarks: on a cluster, on a member that has the write
    const manager = db.bookmarkManager;
    const getBookmarks = manager.getBookmarks.bind(manager);
    let asked = 0;
    manager.getBookmarks = () => {
      asked++;
      return getBookmarks();
    };
    try {
      const read = await gql(`${server.base}/graphql`, `{ node(id: "${STATEMENT}") { ... on Fact { reviewStatus } } }`);
      expect(read.data).toEqual({ node: { reviewStatus: 'REJECTED' } });
      expect(asked).toBeGreaterThan(0);
    } finally {
      manager.getBookmarks = getBookmarks;
    }
  });

  it('a mutation followed at once by a read in another request sees the change', async () => {
    for (const [mutation, status] of [
      ['confirmFact', 'CONFIRMED'],
      ['rejectFact', 'REJECTED'],
      ['confirmFact', 'CONFIRMED'],
    ] as const) {
      const write = await gql(`${server.base}/graphql`, `mutation { ${mutation}(id: "${STATEMENT}") { id } }`, undefined, editor.header);
      expect(write.errors).toBeUndefined();
      const read = await gql(`${withCors.base}/graphql`, `{ node(id: "${STATEMENT}") { ... on Fact { reviewStatus } } }`);
      expect(read.data).toEqual({ node: { reviewStatus: status } });
    }
  });
});
