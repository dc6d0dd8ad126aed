import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/graph/db.js';
import { migrate } from '../../src/graph/migrate.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { clearGraph, connectTestDb } from '../support/db.js';
import { gql, startTestServer, type TestServer } from '../support/server.js';

// Articles written for these tests (fixtures/occasion-*.txt): one meeting told by three outlets,
// two of which date it only by their publication day (13 and 12 June) and one by "ayer" (13 June);
// an inauguration held by video link during a morning press conference; a bulletin that names no
// gathering, only an official's report.
const db: Db = connectTestDb();
let server: TestServer;
const file = (n: number) => readFileSync(new URL(`./fixtures/occasion-${n}.txt`, import.meta.url));

const EVENTS = `query($person: String!) {
  events(filter: { participants: [$person] }, first: 10) {
    nodes {
      id kind date { iso precision inferred }
      sources { fileName }
      participants { person { name } citations { document { fileName } } }
    }
  }
}`;
interface Ev {
  id: string;
  kind: string;
  date: { iso: string; precision: string; inferred: boolean } | null;
  sources: { fileName: string }[];
  participants: { person: { name: string }; citations: { document: { fileName: string } }[] }[];
}
const eventsOf = async (person: string) => {
  const res = await gql<{ events: { nodes: Ev[] } }>(server.url, EVENTS, { person });
  expect(res.errors).toBeUndefined();
  return res.data!.events.nodes;
};

beforeAll(async () => {
  server = await startTestServer(db);
  await clearGraph(db);
  await migrate(db);
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe('one event per real event', () => {
  it('a meeting dated by a publication day is the one another outlet dates a day earlier; the earlier day holds', async () => {
    await ingest(db, 'occasion-5.txt', file(5));
    expect((await eventsOf('rosa-elvira-campos-ibarra')).map((e) => e.date?.iso)).toEqual(['2025-06-13']);
    await ingest(db, 'occasion-1.txt', file(1));
    const [meeting, ...more] = await eventsOf('rosa-elvira-campos-ibarra');
    expect(more).toEqual([]);
    expect(meeting!.date).toMatchObject({ iso: '2025-06-12', inferred: true });
  });

  it('"ayer" dates it against the publication day, and every document is a source of it', async () => {
    await ingest(db, 'occasion-2.txt', file(2));
    const [meeting, ...more] = await eventsOf('ernesto-salgado-ruiz');
    expect(more).toEqual([]);
    expect(meeting!.date?.iso).toBe('2025-06-12');
    expect(meeting!.sources.map((s) => s.fileName).sort()).toEqual(['occasion-1.txt', 'occasion-2.txt', 'occasion-5.txt']);
    for (const p of meeting!.participants) {
      expect(new Set(p.citations.map((c) => c.document.fileName))).toEqual(new Set(['occasion-1.txt', 'occasion-2.txt', 'occasion-5.txt']));
    }
  });

  it('an act told with its setting is one event: the inauguration, with everyone named at the press conference', async () => {
    await ingest(db, 'occasion-3.txt', file(3));
    const events = await eventsOf('yolanda-ortiz-vega');
    expect(events.map((e) => e.kind)).toEqual(['INAUGURATION']);
    expect(events[0]!.participants.map((p) => p.person.name).sort()).toEqual(['Lucía Fernández Ortega', 'Martín Robles Guerra', 'Yolanda Ortiz Vega']);
  });

  it("a bulletin that names no gathering is its official's report, on the publication day, marked inferred", async () => {
    await ingest(db, 'occasion-4.txt', file(4));
    const report = (await eventsOf('martin-robles-guerra')).find((e) => e.kind === 'REPORT');
    expect(report).toMatchObject({ date: { iso: '2025-06-24', inferred: true }, sources: [{ fileName: 'occasion-4.txt' }] });
  });

  it('ingesting the same documents again changes nothing', async () => {
    const before = await eventsOf('rosa-elvira-campos-ibarra');
    for (const n of [5, 1, 2]) await ingest(db, `occasion-${n}.txt`, file(n));
    expect(await eventsOf('rosa-elvira-campos-ibarra')).toEqual(before);
  });
});
