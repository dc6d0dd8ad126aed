import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/graph/db.js';
import { connectTestDb, resetWithSeed } from '../support/db.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { gql, startTestServer, type TestServer } from '../support/server.js';

// Three articles written for these tests (fixtures/promise-*.txt): a governor promises in March
// 2024 to finish a hospital before the end of 2024, repeats it in August and inaugurates it in
// January 2025; she also promises a clinic, once, and ambulances by June 2024, never reported
// delivered. Two more (promise-4, promise-5): a mayor promises a health centre and a clinic in 2024; a
// later article reports the first 40 % built and the second finished. Ingested over the seed graph,
// whose curated commitments carry recorded statuses.
const db: Db = connectTestDb();
let server: TestServer;
type C = { id: string; summary: string; status: string; statusReason: string; statements: { role: string }[] };

beforeAll(async () => {
  server = await startTestServer(db);
  await resetWithSeed(db);
  for (const n of [1, 2, 3, 4, 5]) await ingest(db, `promise-${n}.txt`, readFileSync(new URL(`./fixtures/promise-${n}.txt`, import.meta.url)));
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

async function all(filter = '{}'): Promise<C[]> {
  const res = await gql<{ commitments: { nodes: C[] } }>(server.url, `{ commitments(filter: ${filter}, first: 100) { nodes { id summary status statusReason statements { role } } } }`);
  expect(res.errors).toBeUndefined();
  return res.data!.commitments.nodes;
}

describe('a commitment and its repeats', () => {
  it('a promise repeated by another document is one commitment with both statements', async () => {
    const hospital = (await all()).filter((c) => /Hospital General de Santa Rita/.test(c.summary));
    expect(hospital).toHaveLength(1);
    expect(hospital[0]!.statements.map((s) => s.role).sort()).toEqual(['makes', 'repeats']);
  });

  it('status is derived: fulfilled by an inauguration, overdue once its deadline passed, announced when made once, as recorded when an editor recorded it', async () => {
    const every = await all();
    const byText = (re: RegExp) => every.find((c) => re.test(c.summary))!;
    expect(byText(/Hospital General de Santa Rita/)).toMatchObject({ status: 'FULFILLED' });
    expect(byText(/Hospital General de Santa Rita/).statusReason).toMatch(/2025-01-20/);
    expect(byText(/ambulancias/)).toMatchObject({ status: 'OVERDUE' });
    expect(byText(/ambulancias/).statusReason).toMatch(/2024-06-30/);
    expect(byText(/clínica en Villa Unión/)).toMatchObject({ status: 'ANNOUNCED' });
    expect(every.some((c) => c.status === 'IN_PROGRESS')).toBe(true);
  });

  it('a later report of the work makes it in progress, or fulfilled when it says the work is done; a report alone is no promise', async () => {
    const every = await all();
    const byText = (re: RegExp) => every.filter((c) => re.test(c.summary));
    const [centre, ...moreCentres] = byText(/Centro de Salud de San Pedro/);
    expect(moreCentres).toEqual([]);
    expect(centre).toMatchObject({ status: 'IN_PROGRESS', statements: expect.arrayContaining([{ role: 'makes' }, { role: 'reports-progress' }]) });
    expect(centre!.statusReason).toMatch(/2024-09-10.*40 por ciento/);
    const [clinic, ...moreClinics] = byText(/Clínica Municipal de Villa Hidalgo/);
    expect(moreClinics).toEqual([]);
    expect(clinic).toMatchObject({ status: 'FULFILLED', statements: expect.arrayContaining([{ role: 'reports-done' }]) });
    expect(clinic!.statusReason).toMatch(/reports it done/);
  });

  it('the statuses filter keeps exactly the commitments whose derived status it names', async () => {
    const every = await all();
    for (const status of ['ANNOUNCED', 'REPEATED', 'OVERDUE', 'IN_PROGRESS', 'FULFILLED', 'ABANDONED']) {
      const filtered = await all(`{ statuses: [${status}] }`);
      expect(filtered.map((c) => c.id).sort()).toEqual(
        every
          .filter((c) => c.status === status)
          .map((c) => c.id)
          .sort(),
      );
    }
  });
});
