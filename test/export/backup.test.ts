import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKg } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/usage.js';
import { BackupError, checkBackup, restoreBackup, writeBackup } from '../../src/export/backup.js';
import type { Db } from '../../src/graph/db.js';
import { clearGraph, connectTestDb, emptyGraph, inspect, listSchema, resetWithSeed, snapshotGraph, testNeo4j, type GraphSnapshot } from '../support/db.js';

let db: Db;
let dir: string;
let file: string;
let original: GraphSnapshot;

/** Every property's Neo4j type, node by node and relationship by relationship. */
async function propertyTypes(): Promise<string[]> {
  const rows = await inspect<{ what: string; types: string[] }>(
    db,
    `CALL { MATCH (n) WHERE NOT n:GraphLock RETURN coalesce(n.id, '') AS what, [k IN keys(n) | k + ':' + valueType(n[k])] AS types
            UNION ALL
            MATCH (a)-[r]->(b) RETURN type(r) + ' ' + a.id + ' ' + b.id AS what, [k IN keys(r) | k + ':' + valueType(r[k])] AS types }
     RETURN what, types`,
  );
  return rows.map((r) => `${r.what} ${[...r.types].sort().join(',')}`).sort();
}

const size = async () => {
  const [row] = await inspect<{ nodes: number; rels: number }>(
    db,
    'CALL { MATCH (n) WHERE NOT n:GraphLock RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return { nodes: Number(row!.nodes), rels: Number(row!.rels) };
};

/** Writes a backup file of these lines (gzip-compressed). */
function backupOf(lines: unknown[]): string {
  const path = join(dir, `made-${Math.random().toString(36).slice(2)}.jsonl.gz`);
  writeFileSync(path, gzipSync(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n'));
  return path;
}

const header = (nodes: number, relationships: number, version = 1) => ({ format: 'officials-kg-backup', version, createdAt: '2026-01-01T00:00:00.000Z', nodes, relationships });
const node = (id: string, extra: Record<string, unknown> = {}, labels = ['Node', 'Entity', 'Person']) => ({ type: 'node', labels, properties: { id, ...extra } });

function io(): Io & { text(): string } {
  let text = '';
  return { out: (t) => void (text += t), err: (t) => void (text += t), text: () => text };
}

beforeAll(async () => {
  db = connectTestDb();
  dir = mkdtempSync(join(tmpdir(), 'kg-backup-test-'));
  file = join(dir, 'graph.jsonl.gz');
  await resetWithSeed(db);
  // values of every type a property may hold, a redirect and an edit with its relationship
  await inspect(
    db,
    `CREATE (t:Node:Entity:Person {id: 'person:typed-values', slug: 'typed-values', name: 'Typed Values',
       count: 42, big: 9007199254740993, ratio: 2.0, share: 0.25, flag: true, none: [],
       ints: [1, 2, 3], floats: [1.0, 2.5], words: ['a', 'b'],
       day: date('2024-02-29'), at: datetime('2024-05-17T10:30:00.123456789-06:00'),
       zoned: datetime({year: 2024, month: 1, day: 12, hour: 9, timezone: 'America/Mexico_City'}),
       local: localdatetime('2024-01-12T09:00:00'), clock: time('08:15:00+01:00'), wall: localtime('23:59:59.5'),
       span: duration('P1Y2M3DT4H5M6.7S'), spot: point({latitude: 19.43, longitude: -99.13}), days: [date('2024-01-01'), date('2024-12-31')]})
     CREATE (:Redirect {id: 'person:typed-old', slug: 'typed-old', to: 'person:typed-values', name: 'Old Name'})
     CREATE (e:Edit {id: 'edit:typed-1', kind: 'merge', at: '2026-01-01T00:00:00Z', by: 'tester', undone: false})-[:EDITED]->(t)
     WITH t MATCH (p:Person {id: 'person:andres-manuel-lopez-obrador'}) CREATE (t)-[:POSSIBLY_SAME_AS {score: 0.5, rank: 1, key: ''}]->(p)`,
  );
  original = await snapshotGraph(db);
});

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kg backup and kg restore', () => {
  it('restores a backup into an empty database as the same graph, property types included', async () => {
    const types = await propertyTypes();
    const schemaBefore = await listSchema(db);
    const header = await writeBackup(db, file, { batch: 17 });
    expect(header).toMatchObject({ format: 'officials-kg-backup', version: 1, nodes: original.nodes, relationships: original.relationships });
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'officials-kg-backup', version: 1 });
    expect(lines).toHaveLength(1 + original.nodes + original.relationships);
    expect(lines.some((l) => l.includes('GraphLock'))).toBe(false);
    const typed = JSON.parse(lines.find((l) => l.includes('"person:typed-values"') && l.includes('"type":"node"'))!) as { properties: Record<string, unknown> };
    expect(typed.properties.count).toEqual({ $t: 'int', v: '42' });
    expect(typed.properties.big).toEqual({ $t: 'int', v: '9007199254740993' });
    expect(typed.properties.ratio).toBe(2);
    expect(typed.properties.day).toEqual({ $t: 'date', v: [2024, 2, 29] });

    await clearGraph(db);
    await restoreBackup(db, file, { batch: 13 });
    expect(await snapshotGraph(db)).toEqual(original);
    expect(await propertyTypes()).toEqual(types);
    const [big] = await inspect<{ big: string }>(db, "MATCH (n {id: 'person:typed-values'}) RETURN toString(n.big) AS big");
    expect(big!.big).toBe('9007199254740993');
    expect(await listSchema(db)).toEqual(schemaBefore);
  });

  it('refuses a database that holds nodes, and writes nothing', async () => {
    await inspect(db, "CREATE (:Node:Entity:Person {id: 'person:left-over', slug: 'left-over', name: 'Left Over'})");
    const before = await snapshotGraph(db);
    await expect(restoreBackup(db, file)).rejects.toThrow(/not empty .*--replace/);
    expect(await snapshotGraph(db)).toEqual(before);
  });

  it('with --replace deletes what the database holds first, keeping its constraints and indexes', async () => {
    const schemaBefore = await listSchema(db);
    const result = await restoreBackup(db, file, { replace: true });
    expect(result.replaced).toBe(original.nodes + 1);
    expect(await snapshotGraph(db)).toEqual(original);
    expect(await listSchema(db)).toEqual(schemaBefore);
  });

  it('refuses a bad file before writing anything: wrong version, cut short, a bad line, a dangling relationship, wrong counts', async () => {
    await emptyGraph(db);
    const good = readFileSync(file);
    const truncated = join(dir, 'truncated.jsonl.gz');
    writeFileSync(truncated, good.subarray(0, Math.floor(good.length * 0.6)));
    const notGzip = join(dir, 'plain.jsonl');
    writeFileSync(notGzip, JSON.stringify(header(0, 0)) + '\n');
    const rel = (from: string, to: string) => ({ type: 'relationship', relType: 'PART_OF', from: { label: 'Node', id: from }, to: { label: 'Node', id: to }, properties: {} });
    const cases: [string, RegExp][] = [
      [backupOf([header(1, 0, 2), node('person:a')]), /version 2; this kg reads version 1/],
      [backupOf([{ format: 'something-else', version: 1 }, node('person:a')]), /not a officials-kg-backup file/],
      [truncated, /ends early/],
      [notGzip, /not a gzip-compressed backup/],
      [join(dir, 'missing.jsonl.gz'), /no such file/],
      [backupOf([header(2, 0), node('person:a'), '{"type":"node", "labels": ["Node"']), /line 3: not JSON/],
      [backupOf([header(2, 0), node('person:a'), node('person:b', { when: { $t: 'date', v: [2024, 1] } })]), /line 3: property when: date: expected 3 whole numbers/],
      [backupOf([header(2, 0), node('person:a'), node('person:b', { n: { $t: 'int', v: '99999999999999999999' } })]), /line 3: property n: int/],
      [backupOf([header(1, 0), node('person:a', {}, ['GraphLock'])]), /lock node/],
      [backupOf([header(2, 1), node('person:a'), node('person:b'), rel('person:a', 'person:c')]), /line 4: .*person:c is not a node of the backup/],
      [backupOf([header(2, 0), node('person:a'), node('person:a')]), /line 3: a second node/],
      [backupOf([header(3, 0), node('person:a'), node('person:b')]), /announces 3 nodes .* holds 2/],
      [backupOf([header(2, 1), node('person:a'), rel('person:a', 'person:a'), node('person:b')]), /a node after the relationships/],
    ];
    for (const [path, message] of cases) {
      await expect(restoreBackup(db, path), path).rejects.toThrow(message);
      expect(await size(), path).toEqual({ nodes: 0, rels: 0 });
    }
    await expect(checkBackup(file)).resolves.toMatchObject({ nodes: original.nodes });
  });

  it('says so when a write fails part way, and deletes what it wrote', async () => {
    await emptyGraph(db);
    // valid lines, but the second person takes the first one's slug: the unique constraint refuses it
    const path = backupOf([header(2, 0), node('person:first', { slug: 'same-slug' }), node('person:second', { slug: 'same-slug' })]);
    const err = (await restoreBackup(db, path, { batch: 1 }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(BackupError);
    expect(err.message).toMatch(/restore failed .* after 1 of 2 nodes and 0 of 0 relationships were written; they were deleted again and the database is empty/);
    expect(await size()).toEqual({ nodes: 0, rels: 0 });
  });

  it('runs from the command line: exit code 1 and a clear message on refusal, 0 on success', async () => {
    const names = ['NEO4J_URI', 'KG_QUERY_TIMEOUT_MS', 'KG_WRITE_TIMEOUT_MS'] as const;
    const saved = names.map((n) => process.env[n]);
    process.env.NEO4J_URI = testNeo4j().uri;
    try {
      await emptyGraph(db);
      const restored = io();
      expect(await runKg(['restore', file], restored)).toBe(0);
      expect(restored.text()).toMatch(/restore: .* nodes/);
      expect(await snapshotGraph(db)).toEqual(original);
      const refused = io();
      expect(await runKg(['restore', file], refused)).toBe(1);
      expect(refused.text()).toMatch(/error: the database is not empty/);
      expect(refused.text()).not.toMatch(/\n\s+at /);
      const again = join(dir, 'again.jsonl.gz');
      const backedUp = io();
      expect(await runKg(['backup', again], backedUp)).toBe(0);
      expect(backedUp.text()).toMatch(/backup: .* nodes, .* relationships → /);
      await expect(checkBackup(again)).resolves.toMatchObject({ nodes: original.nodes, relationships: original.relationships });
    } finally {
      names.forEach((n, i) => {
        if (saved[i] === undefined) delete process.env[n];
        else process.env[n] = saved[i];
      });
    }
  });
});
