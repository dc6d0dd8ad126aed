import { afterAll, beforeAll } from 'vitest';
import { connectTestDb, emptyGraph, resetWithSeed } from './db.js';
import { authConfig, hashToken, newToken, type AuthConfig, type Role } from '../../src/api/auth.js';
import type { Context } from '../../src/api/context.js';
import { DEFAULT_COST_LIMITS, type CostLimits } from '../../src/api/limits.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import type { Db } from '../../src/graph/db.js';

export interface TestServer extends RunningServer {
  /** http://127.0.0.1:<port> (no path) */
  base: string;
  /** Round trips to Neo4j made by the last request that completed. */
  lastRoundTrips(): number | undefined;
}

export interface TestServerOptions {
  /** API keys and read access; default: no keys, queries open (the environment is not read) */
  auth?: AuthConfig;
  /** depth and complexity limits; default: DEFAULT_COST_LIMITS (the environment is not read) */
  limits?: Partial<CostLimits>;
  /** fetch nested levels ahead in one query (default true); false: one batch query per level */
  lookahead?: boolean;
  /** the response cache (default off: tests that compare answers or count queries must see them computed) */
  responseCache?: boolean;
}

/** Starts the API on a free port of 127.0.0.1. Stop it in afterAll. */
export async function startTestServer(db: Db, opts: TestServerOptions = {}): Promise<TestServer> {
  let last: number | undefined;
  const server = await startServer({
    db,
    port: 0,
    host: '127.0.0.1',
    auth: opts.auth ?? authConfig([]),
    limits: { ...DEFAULT_COST_LIMITS, ...opts.limits },
    lookahead: opts.lookahead ?? true,
    responseCache: opts.responseCache ?? false,
    // tests read answers, not log lines (test/api/operations*.test.ts check those)
    logLevel: 'silent',
    onRequestDone: (ctx: Context) => {
      last = ctx.db.roundTrips;
    },
  });
  const base = `http://127.0.0.1:${server.port}`;
  return { ...server, url: `${base}/graphql`, base, lastRoundTrips: () => last };
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

/** POSTs one GraphQL operation and returns the HTTP status with the parsed body. */
export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  const body = (await res.json()) as Omit<GqlResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

/** A fresh API key made in the test: its token (for requests) and its config entry (sha256 only). */
export function testKey(name: string, role: Role): { token: string; header: Record<string, string>; key: { name: string; role: Role; sha256: Buffer } } {
  const token = newToken();
  return { token, header: { Authorization: `Bearer ${token}` }, key: { name, role, sha256: Buffer.from(hashToken(token), 'hex') } };
}

/**
 * The seeded graph served for one test file: reset and seeded before its tests (`seed: false`:
 * reset and empty), server and connection closed after. Read `db` and `server` inside tests (they
 * are set in beforeAll).
 */
export function seededServer(opts: TestServerOptions & { seed?: boolean } = {}): { readonly db: Db; readonly server: TestServer } {
  let db: Db | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    db = connectTestDb();
    if (opts.seed === false) await emptyGraph(db);
    else await resetWithSeed(db);
    server = await startTestServer(db, opts);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });
  return {
    get db() {
      return db!;
    },
    get server() {
      return server!;
    },
  };
}
