import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { sharedPresent } from '../support/shared.js';
import { CORPUS_DIR } from '../../src/config/shared.js';
import type { Db } from '../../src/graph/db.js';
import { migrate } from '../../src/graph/migrate.js';
import { writeBatch } from '../../src/graph/writer.js';
import { ingestFiles } from '../../src/cli/ingest.js';
import { DocumentError } from '../../src/ingest/metadata.js';
import { extract, ingest, toBatch } from '../../src/ingest/pipeline.js';
import { clearGraph, connectTestDb, inspect, resetWithSeed, snapshotGraph } from '../support/db.js';

const db: Db = connectTestDb();
const fixture = (name: string) => readFileSync(new URL(`../ingest/fixtures/${name}`, import.meta.url));

afterAll(() => db.close());

async function emptyGraph() {
  await clearGraph(db);
  await migrate(db);
}

const count = async (cypher: string, params: Record<string, unknown> = {}) => Number((await inspect<{ n: unknown }>(db, cypher, params))[0]?.n ?? 0);

describe('ingesting an article', () => {
  beforeEach(emptyGraph);

  it('writes its entities, facts and document, every fact marked extracted with a confidence', async () => {
    const result = await ingest(db, 'boletin-monterrey.md', fixture('boletin-monterrey.md'));
    expect(result.newDocument).toBe(true);
    expect(result.facts).toMatchObject({ events: 1, statements: 3, figures: 5 });
    const facts = await inspect<{ status: string; confidence: number }>(db, 'MATCH (f:Fact) RETURN f.reviewStatus AS status, f.confidence AS confidence');
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) {
      expect(f.status).toBe('extracted');
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThan(1);
    }
    expect(await count("MATCH (:Person {name: 'Tomás Arreola Benavides'})-[:PARTICIPATED_IN]->(e:Event {dateIso: '2025-03-14'}) RETURN count(e) AS n")).toBe(1);
  });

  it('is idempotent: the same document twice changes nothing', async () => {
    await ingest(db, 'boletin-monterrey.md', fixture('boletin-monterrey.md'));
    const once = await snapshotGraph(db);
    const again = await ingest(db, 'boletin-monterrey.md', fixture('boletin-monterrey.md'));
    expect(again.newDocument).toBe(false);
    expect(await snapshotGraph(db)).toEqual(once);
  });

  it('links a second article to the people already in the graph instead of creating them again', async () => {
    await ingest(db, 'boletin-monterrey.md', fixture('boletin-monterrey.md'));
    const follow = `---\ntitle: Seguimiento\npublished: 2025-04-02\n---\nEl director general del IMSS, Tomás Arreola, informó que ya operan 40 de los 120 centros de salud anunciados en Nuevo León.\n`;
    const result = await ingest(db, 'seguimiento.md', follow);
    expect(result.linkedEntities.map((l) => l.name)).toContain('Tomás Arreola');
    expect(await count("MATCH (p:Person) WHERE p.name STARTS WITH 'Tomás Arreola' RETURN count(p) AS n")).toBe(1);
  });

  it('is safe when overlapping articles are ingested at once: no duplicate entities', async () => {
    const a = fixture('boletin-monterrey.md');
    const b = Buffer.from(a.toString('utf8').replace('published: 2025-03-14', 'published: 2025-03-15').replace('title: Gobernadora', 'title: Otra nota sobre la gobernadora'));
    await Promise.all([ingest(db, 'a.md', a), ingest(db, 'b.md', b), ingest(db, 'c.md', a)]);
    const dupes = await inspect(db, 'MATCH (p:Entity) WITH p.fold AS name, count(*) AS n WHERE n > 1 RETURN name, n');
    expect(dupes).toEqual([]);
  });
});

describe('bad input', () => {
  beforeEach(emptyGraph);

  it.each([
    ['an empty text', 'vacio.txt', ''],
    ['a binary file', 'imagen.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a])],
    ['a text in English', 'english.txt', 'The governor met the director of the social security institute on Monday to review the hospital plan for the state and its budget.'],
    ['a publication date in the future', 'futuro.md', '---\npublished: 2999-01-01\n---\nLa gobernadora informó que se construirán dos hospitales en la entidad durante este año.'],
    ['malformed front matter', 'roto.md', '---\ntitle: [sin cerrar\n---\nLa gobernadora informó que se construirán dos hospitales en la entidad durante este año.'],
  ])('rejects %s with a clear error and writes nothing', async (_what, name, content) => {
    const before = await snapshotGraph(db);
    await expect(ingest(db, name, content)).rejects.toBeInstanceOf(DocumentError);
    expect(await snapshotGraph(db)).toEqual(before);
  });

  it('refuses another text under a file name the graph already holds: its citations would point into the stored text', async () => {
    await ingest(db, 'nota.md', fixture('boletin-monterrey.md'));
    const before = await snapshotGraph(db);
    await expect(ingest(db, 'nota.md', fixture('nota-oaxaca.txt'))).rejects.toThrow(/already holds a different document named "nota.md"/);
    expect(await snapshotGraph(db)).toEqual(before);
  });

  it('writes nothing of a document whose write fails halfway', async () => {
    const x = extract('boletin-monterrey.md', fixture('boletin-monterrey.md'));
    const batch = toBatch(x, {
      entities: new Map(x.extraction.entities.map((e) => [e.key, `${e.kind.toLowerCase()}:${e.key}`])),
      linked: [],
      candidates: [],
      events: new Map(x.extraction.events.map((e) => [e.key, `event:${e.key}`])),
      commitments: new Map(x.extraction.commitments.map((c) => [c.key, `commitment:${c.key}`])),
      posts: new Map(),
    });
    await expect(
      db.write(async (tx) => {
        await writeBatch(tx, batch);
        throw new Error('the connection dropped');
      }),
    ).rejects.toThrow('the connection dropped');
    expect((await snapshotGraph(db)).nodes).toBe(0);
  });

  it('ingests the good files of a folder and reports the bad ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-ingest-'));
    try {
      writeFileSync(join(dir, 'bueno.md'), fixture('boletin-monterrey.md'));
      writeFileSync(join(dir, 'vacio.txt'), '   \n');
      writeFileSync(join(dir, 'english.txt'), 'The mayor said on Tuesday that the city will repair fourteen health centres before the end of the year.');
      const summary = await ingestFiles(db, [dir, join(dir, 'missing.txt')], () => {});
      expect(summary.results.map((r) => r.document)).toEqual(['document:bueno.md']);
      expect(summary.skipped.map((s) => s.file.split('/').pop())).toEqual(['missing.txt', 'english.txt', 'vacio.txt']);
      for (const s of summary.skipped) expect(s.reason.length).toBeGreaterThan(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(sharedPresent('the seed corpus', CORPUS_DIR, existsSync(join(CORPUS_DIR, '001_08e50318fca64ce1.txt'))))('the seed corpus through the pipeline, after the curated graph', () => {
  it('adds no duplicate person, organization or event', async () => {
    await resetWithSeed(db);
    const before = await inspect<{ id: string; names: string[] }>(db, 'MATCH (e:Person|Organization) RETURN e.id AS id, [e.name] + coalesce(e.aliases, []) AS names');
    const eventsBefore = await count('MATCH (e:Event) RETURN count(e) AS n');
    await ingestFiles(db, [CORPUS_DIR], () => {});
    const after = await inspect<{ id: string; name: string }>(db, 'MATCH (e:Person|Organization) RETURN e.id AS id, e.name AS name');
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const duplicates = after.filter((a) => !before.some((b) => b.id === a.id) && before.some((b) => b.names.some((n) => fold(n) === fold(a.name))));
    expect(duplicates).toEqual([]);
    expect(await count('MATCH (e:Event) RETURN count(e) AS n')).toBe(eventsBefore);
  });
});
