import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authConfig } from '../../src/api/auth.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import type { Db } from '../../src/graph/db.js';
import { connectTestDb, resetWithSeed } from '../support/db.js';

// After a restart of Neo4j the server warms it again (kg serve's supervisor calls rewarm). Until
// that ends the server says it is not ready, while GraphQL requests are served at once (holding
// them delayed the first answer after a restart by tens of seconds).
describe('warming Neo4j again after a restart', () => {
  let db: Db;
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    db = connectTestDb();
    await resetWithSeed(db);
    server = await startServer({ db, port: 0, host: '127.0.0.1', auth: authConfig([]), logLevel: 'silent', warmUp: true });
    base = `http://127.0.0.1:${server.port}`;
    await server.warmed;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('says not ready while it warms, serves GraphQL requests meanwhile, then says ready', async () => {
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const rewarm = server.rewarm();
    const during = await fetch(`${base}/ready`);
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ status: 'warming' });

    const answer = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ people(first: 1) { nodes { name } } }' }),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as { data?: { people: { nodes: unknown[] } } } }));
    const [report, a] = await Promise.all([rewarm, answer]);
    expect(report.operations).toBeGreaterThan(0);
    expect(a.status).toBe(200);
    expect(a.body.data?.people.nodes).toHaveLength(1);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});
