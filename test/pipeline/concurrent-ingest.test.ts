/**
 * Documents sent at the same time are ingested as they would be one after the other: the people
 * they name in different forms resolve to one entity (or a candidate pair) each, no citation is
 * lost, and a document sent several times at once is written once.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/graph/db.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { connectTestDb, emptyGraph, inspect } from '../support/db.js';

// Eight bulletins written for this test: two officials, each named in full in some and without
// the second surname in others, at meetings in two cities.
const PEOPLE = [
  { full: 'Marisela Quintero Ávalos', short: 'Marisela Quintero', post: 'secretaria de Salud de Sinaloa' },
  { full: 'Joaquín Ledesma Ortiz', short: 'Joaquín Ledesma', post: 'director general del Hospital Civil de Culiacán' },
];
const CITIES = ['Culiacán', 'Mazatlán'];

function article(i: number): { fileName: string; content: string } {
  const [a, b] = i % 2 === 0 ? [PEOPLE[0]!, PEOPLE[1]!] : [PEOPLE[1]!, PEOPLE[0]!];
  const nameA = i % 4 < 2 ? a.full : a.short;
  const nameB = i % 3 === 0 ? b.full : b.short;
  const city = CITIES[i % 2]!;
  const day = 3 + i;
  return {
    fileName: `boletin-sinaloa-${i}.txt`,
    content: [
      '---',
      `title: Reunión de trabajo en ${city} número ${i}`,
      'publisher: Gobierno de Sinaloa',
      `published: 2025-03-${String(day).padStart(2, '0')}`,
      '---',
      `${city}, Sinaloa, a ${day} de marzo de 2025.- ${nameA}, ${a.post}, se reunió con ${nameB}, ${b.post}, para revisar el abasto de medicamentos.`,
      `"Vamos a entregar ${100 + i * 10} equipos de diagnóstico antes de diciembre", afirmó ${nameA}.`,
      `${nameB} informó que se atendieron ${1000 + i * 100} pacientes durante febrero.`,
    ].join('\n'),
  };
}

const ARTICLES = Array.from({ length: 8 }, (_, i) => article(i));

/**
 * What the graph holds, in terms that do not depend on which document came first (the first
 * form of a name becomes the entity's name and slug): how many nodes of each kind and
 * relationships of each type, and for every entity the set of citations it holds.
 */
async function summary(db: Db): Promise<{ kinds: Record<string, number>; rels: Record<string, number>; citations: string }> {
  const kinds = await inspect<{ kind: string; n: number }>(db, "MATCH (n:Node) UNWIND [l IN labels(n) WHERE NOT l IN ['Node', 'Entity', 'Fact', 'Source']] AS kind RETURN kind, count(*) AS n");
  const rels = await inspect<{ type: string; n: number }>(db, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
  const cites = await inspect<{ cites: string[] }>(db, 'MATCH (n:Entity) RETURN coalesce(n.cites, []) AS cites');
  const sets = cites.map((c) => [...c.cites].sort().join(',')).sort();
  return {
    kinds: Object.fromEntries(kinds.map((k) => [k.kind, k.n]).sort()),
    rels: Object.fromEntries(rels.map((r) => [r.type, r.n]).sort()),
    citations: createHash('sha256').update(sets.join('\n')).digest('hex'),
  };
}

/** Entities linked to a document they hold no citation of: a citation lost to another writer. */
async function lostCitations(db: Db): Promise<string[]> {
  const rows = await inspect<{ id: string; doc: string }>(
    db,
    'MATCH (n:Entity)-[:SOURCED_FROM]->(d:Document) WHERE none(c IN coalesce(n.cites, []) WHERE c STARTS WITH d.id + "@") RETURN n.id AS id, d.id AS doc',
  );
  return rows.map((r) => `${r.id} <- ${r.doc}`);
}

let db: Db;
beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await emptyGraph(db);
});

describe('documents ingested at the same time', () => {
  it('give the graph that the same documents give one after the other', async () => {
    for (const a of ARTICLES) await ingest(db, a.fileName, a.content);
    const oneByOne = await summary(db);
    expect(await lostCitations(db)).toEqual([]);
    // two people, whatever form of their names came first
    expect(oneByOne.kinds.Person).toBe(2);

    await emptyGraph(db);
    await Promise.all(ARTICLES.map((a) => ingest(db, a.fileName, a.content)));
    expect(await lostCitations(db)).toEqual([]);
    expect(await summary(db)).toEqual(oneByOne);
  });

  it('in the reverse order, give the same graph too', async () => {
    for (const a of ARTICLES) await ingest(db, a.fileName, a.content);
    const forward = await summary(db);
    await emptyGraph(db);
    for (const a of [...ARTICLES].reverse()) await ingest(db, a.fileName, a.content);
    expect(await summary(db)).toEqual(forward);
  });

  it('write a document sent four times at once once: one answer says newDocument, three say it was there', async () => {
    const [a] = ARTICLES;
    const answers = await Promise.all([1, 2, 3, 4].map(() => ingest(db, a!.fileName, a!.content)));
    expect(answers.map((r) => r.newDocument).sort()).toEqual([false, false, false, true]);
    const once = await summary(db);
    await emptyGraph(db);
    await ingest(db, a!.fileName, a!.content);
    expect(await summary(db)).toEqual(once);
  });
});
