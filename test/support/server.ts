import type { Context } from '../../src/api/context.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import type { Db } from '../../src/graph/db.js';

export interface TestServer extends RunningServer {
  /** http://127.0.0.1:<port> (no path) */
  base: string;
  /** Round trips to Neo4j made by the last request that completed. */
  lastRoundTrips(): number | undefined;
}

/** Starts the API on a free port of 127.0.0.1. Stop it in afterAll. */
export async function startTestServer(db: Db): Promise<TestServer> {
  let last: number | undefined;
  const server = await startServer({
    db,
    port: 0,
    host: '127.0.0.1',
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
export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  const body = (await res.json()) as Omit<GqlResponse<T>, 'status'>;
  return { status: res.status, ...body };
}
