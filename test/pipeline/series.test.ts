import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/graph/db.js';
import { migrate } from '../../src/graph/migrate.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { clearGraph, connectTestDb } from '../support/db.js';
import { gql, startTestServer, type TestServer } from '../support/server.js';

// Three articles written for these tests (fixtures/series-*.txt): the hospitals one body runs in
// a state, 14 in September 2023, then 17 and 16 by two outlets of the same day in January 2024.
const db: Db = connectTestDb();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(db);
  await clearGraph(db);
  await migrate(db);
  for (const n of [1, 2, 3]) await ingest(db, `series-${n}.txt`, readFileSync(new URL(`./fixtures/series-${n}.txt`, import.meta.url)));
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe('the same measure over time', () => {
  it('is one series: the values by as-of date with their sources, and whether the sources of one date agree', async () => {
    const res = await gql<{ figures: { nodes: { series: { asOf: { iso: string } | null; reports: { value: number; sources: { fileName: string }[] }[]; agreement: { consistent: boolean } }[] }[] } }>(
      server.url,
      '{ figures(filter: { unit: "hospitals" }, first: 1) { nodes { series { asOf { iso } reports { value sources { fileName } } agreement { consistent } } } } }',
    );
    expect(res.errors).toBeUndefined();
    const series = res.data!.figures.nodes[0]!.series;
    expect(series.map((e) => e.asOf?.iso)).toEqual(['2023-09-10', '2024-01-15']);
    expect(series[0]!.reports.map((r) => r.value)).toEqual([14]);
    expect(series[0]!.agreement.consistent).toBe(true);
    expect(series[1]!.reports.map((r) => r.value).sort()).toEqual([16, 17]);
    expect(series[1]!.reports.flatMap((r) => r.sources.map((s) => s.fileName)).sort()).toEqual(['series-2.txt', 'series-3.txt']);
    expect(series[1]!.agreement.consistent).toBe(false);
  });
});
