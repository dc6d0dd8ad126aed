import { mkdtempSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authConfig } from '../../src/api/auth.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { Db } from '../../src/graph/db.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/graph/local-neo4j.js';
import { testNeo4j } from '../support/db.js';

/**
 * /ready against a Neo4j that stops answering: a Neo4j process of its own paused with SIGSTOP
 * (its port still accepts connections and bytes, and nothing comes back); a relay in front of the
 * shared test Neo4j that holds every byte while stalled, to count the checks that wait; and a
 * listener that never says anything, for a Neo4j stopped before the server ever connected.
 */

/** A TCP relay that can stall (hold every byte, both ways, connections kept open) and resume. */
class StallingRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private held: (() => void)[] = [];
  private stalled = false;
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection({ host: this.host, port: this.targetPort });
      for (const [from, to] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(from);
        from.on('data', (chunk) => (this.stalled ? this.held.push(() => to.write(chunk)) : to.write(chunk)));
        from.on('close', () => this.sockets.delete(from));
        from.on('error', () => to.destroy());
      }
    });
    this.port = await listen(this.server);
  }

  stall(): void {
    this.stalled = true;
  }

  resume(): void {
    this.stalled = false;
    for (const deliver of this.held.splice(0)) deliver();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

/** A direct bolt:// URI to a local port (TLS schemes keep TLS without checking the host name). */
function boltTo(port: number): string {
  const tls = /\+s(sc)?:$/.test(new URL(testNeo4j().uri).protocol);
  return `${tls ? 'bolt+ssc' : 'bolt'}://127.0.0.1:${port}`;
}

async function timed(url: string): Promise<{ status: number; body: unknown; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.json();
  return { status: res.status, body, ms: performance.now() - t0 };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The value of one series of the Prometheus text. */
async function metric(base: string, series: string): Promise<number | undefined> {
  const line = (await (await fetch(`${base}/metrics`)).text()).split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** The bound the readiness check promises; measured with room for a busy machine. */
const READY_BOUND_MS = 2_500;

const serve = (db: Db) => startServer({ db, port: 0, host: '127.0.0.1', auth: authConfig([]), logLevel: 'silent' });
const base = (s: RunningServer) => `http://127.0.0.1:${s.port}`;

describe('when the Neo4j process is paused with SIGSTOP', () => {
  // a Neo4j of its own (the shared one serves the other files): paused, then resumed
  let neo4j: LocalNeo4j;
  let db: Db;
  let server: RunningServer;
  let paused = false;

  beforeAll(async () => {
    neo4j = await startLocalNeo4j({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'kg-ready-neo4j-')) });
    db = Db.connect({ uri: neo4j.uri });
    server = await serve(db);
    await until('/ready answers 200', async () => (await fetch(`${base(server)}/ready`)).status === 200, 60_000);
  });

  afterAll(async () => {
    if (paused) process.kill(neo4j.pid, 'SIGCONT');
    await server?.stop();
    await db?.close();
    await neo4j?.stop();
  });

  it('/ready answers 503 within 2 s while the process is stopped, /health 200; ready again once it runs', async () => {
    process.kill(neo4j.pid, 'SIGSTOP');
    paused = true;
    const ready = await timed(`${base(server)}/ready`);
    expect(ready).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    expect(ready.ms).toBeLessThan(READY_BOUND_MS);
    expect(await timed(`${base(server)}/health`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    process.kill(neo4j.pid, 'SIGCONT');
    paused = false;
    await until('/ready answers 200', async () => (await fetch(`${base(server)}/ready`)).status === 200, 60_000);
  });
});

describe('when Neo4j hangs after the server connected', () => {
  let relay: StallingRelay;
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    const config = testNeo4j();
    const target = new URL(config.uri);
    relay = new StallingRelay(target.hostname, Number(target.port || 7687));
    await relay.open();
    db = Db.connect({ ...config, uri: boltTo(relay.port) });
    server = await serve(db);
  });

  afterAll(async () => {
    relay?.resume();
    await server?.stop();
    await db?.close();
    await relay?.close();
  });

  it('/ready answers 200 while Neo4j answers', async () => {
    // the first check also opens the connection: on a busy machine that may take past the bound
    await until('/ready answers 200', async () => (await fetch(`${base(server)}/ready`)).status === 200, 60_000);
    expect(await timed(`${base(server)}/ready`)).toMatchObject({ status: 200, body: { status: 'ready', neo4j: 'up' } });
  });

  it('/ready answers 503 within 2 s while it hangs, /health 200, and only one check waits on Neo4j', async () => {
    relay.stall();
    const answers = await Promise.all([1, 2, 3].map(() => timed(`${base(server)}/ready`)));
    answers.push(await timed(`${base(server)}/ready`));
    for (const a of answers) {
      expect(a).toMatchObject({ status: 503, body: { status: 'unavailable', neo4j: 'timeout' } });
      expect(a.ms).toBeLessThan(READY_BOUND_MS);
    }
    const health = await timed(`${base(server)}/health`);
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    // four checks, one query sent: the later ones wait on the first
    expect(await metric(base(server), 'kg_neo4j_queries_in_flight{mode="read"}')).toBe(1);
    expect(await metric(base(server), 'kg_neo4j_sessions_open')).toBe(1);
  });

  it('/ready answers 200 again once Neo4j answers again', async () => {
    relay.resume();
    await until('/ready answers 200', async () => (await fetch(`${base(server)}/ready`)).status === 200);
    expect(await metric(base(server), 'kg_neo4j_queries_in_flight{mode="read"}')).toBe(0);
  });
});

describe('when Neo4j accepts connections and never answers', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    silent = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    db = Db.connect({ ...testNeo4j(), uri: boltTo(await listen(silent)) });
    server = await serve(db);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('/ready answers 503 within 2 s; /health answers 200', async () => {
    const ready = await timed(`${base(server)}/ready`);
    expect(ready).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    expect(ready.ms).toBeLessThan(READY_BOUND_MS);
    expect(await timed(`${base(server)}/health`)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
