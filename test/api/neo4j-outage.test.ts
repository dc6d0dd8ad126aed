import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/graph/db.js';
import { connectTestDb, resetWithSeed, testNeo4j } from '../support/db.js';
import { gql, startTestServer, type TestServer } from '../support/server.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/**
 * Neo4j going away and coming back, simulated with a TCP proxy between the server's driver and
 * the shared test Neo4j (which keeps running for the other tests).
 */

let seeded: Db;
let proxied: Db;
let proxy: TcpProxy;
let server: TestServer;

/** A direct (bolt://, no routing) URI through the proxy; TLS schemes keep TLS without checking the host name. */
function throughProxy(uri: string, port: number): string {
  const scheme = new URL(uri).protocol.replace(/:$/, '');
  const tls = /\+s(sc)?$/.test(scheme);
  return `${tls ? 'bolt+ssc' : 'bolt'}://127.0.0.1:${port}`;
}

beforeAll(async () => {
  seeded = connectTestDb();
  await resetWithSeed(seeded);
  const config = testNeo4j();
  const target = new URL(config.uri);
  proxy = new TcpProxy(target.hostname, Number(target.port || 7687));
  await proxy.open();
  proxied = Db.connect({ ...config, uri: throughProxy(config.uri, proxy.port) });
  server = await startTestServer(proxied);
});

afterAll(async () => {
  await server?.stop();
  await proxied?.close();
  await proxy?.close();
  await seeded?.close();
});

const QUERY = '{ person(slug: "zoe-robledo-aburto") { name } }';
const ready = async () => (await fetch(`${server.base}/ready`)).status;
const health = async () => (await fetch(`${server.base}/health`)).status;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('when Neo4j goes down and comes back', () => {
  it('answers normally while Neo4j is up', async () => {
    const res = await gql(server.url, QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data.person.name).toBe('Zoé Robledo Aburto');
    expect(await ready()).toBe(200);
    expect(await health()).toBe(200);
  });

  it('reports DATABASE_UNAVAILABLE with HTTP 503 and Retry-After, without a stack trace, while it is down; /ready answers 503, /health still 200', async () => {
    await proxy.close();

    const raw = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBe('5');
    const res = (await raw.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(res.errors, JSON.stringify(res)).toHaveLength(1);
    const [error] = res.errors!;
    expect(error!.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(error!.message).toMatch(/unreachable/);
    expect(res.data ?? { person: null }).toEqual({ person: null });
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+/);

    expect(await ready()).toBe(503);
    const body = await (await fetch(`${server.base}/ready`)).json();
    expect(body).toMatchObject({ neo4j: 'down' });
    // liveness touches no database: a Neo4j outage is no reason to restart the server
    expect(await health()).toBe(200);
  });

  it('recovers by itself once Neo4j is reachable again', async () => {
    await proxy.open(); // same port as before

    await until('the query succeeds again', async () => {
      const res = await gql(server.url, QUERY);
      return !res.errors && res.data?.person?.name === 'Zoé Robledo Aburto';
    });
    await until('/ready answers 200 again', async () => (await ready()) === 200);
  });
});
