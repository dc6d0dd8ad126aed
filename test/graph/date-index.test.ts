import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/domain/dates.js';
import type { PropValue } from '../../src/domain/model.js';
import type { Db } from '../../src/graph/db.js';
import { mergeEntities, splitEntity, undoEdit } from '../../src/graph/edits.js';
import { migrate } from '../../src/graph/migrate.js';
import { writeBatch } from '../../src/graph/writer.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { dateProps } from '../../src/graph/date-storage.js';
import { connectTestDb, inspect, resetWithSeed } from '../support/db.js';

// The person date index (cypher/migrations/004): every PARTICIPATED_IN and STATED carries the id
// of the person at its start and the first day of the item at its end (undated: no day and
// `undated: true`); a STATED whose statement has a COMMITS carries `commits: true` (006), and that
// COMMITS the speaker's id and the commitment's first day (007). Every kind of write keeps it so; a relationship that disagrees with its ends
// would drop out of (or stay in) a person's pages and timelines.

const db: Db = connectTestDb();
const who = { by: 'date-index-test', note: 'test of the person date index' };
const fixture = (name: string) => readFileSync(new URL(`../pipeline/fixtures/${name}`, import.meta.url));

/** Relationships of the index that disagree with their ends. */
async function disagreeing(): Promise<Record<string, unknown>[]> {
  return inspect(
    db,
    `
    MATCH (p)-[r:PARTICIPATED_IN|STATED]->(n)
    WHERE r.person IS NULL OR r.person <> p.id
       OR NOT coalesce(r.day = n.dateStart, r.day IS NULL AND n.dateStart IS NULL)
       OR (r.undated IS NOT NULL AND r.undated <> true)
       OR (r.undated IS NOT NULL) <> (n.dateStart IS NULL)
       // a speaker's statement that makes, repeats or reports a commitment (migrations/006)
       OR (type(r) = 'STATED' AND coalesce(r.commits, false) <> EXISTS { (n)-[:COMMITS]->() })
       OR (r.commits IS NOT NULL AND r.commits <> true)
    RETURN type(r) AS type, p.id AS from, n.id AS to, r.person AS person, r.day AS day, r.undated AS undated, r.commits AS commits, n.dateStart AS dateStart
    UNION ALL
    // a commitment's first day and its speaker's id on the statement's COMMITS (migrations/007)
    MATCH (p)-[:STATED]->(s:Statement)-[r:COMMITS]->(n)
    WITH p, s, r, n, coalesce(n.deadlineStart, n.startStart) AS first
    WHERE r.person IS NULL OR r.person <> p.id
       OR NOT coalesce(r.day = first, r.day IS NULL AND first IS NULL)
       OR (r.undated IS NOT NULL) <> (first IS NULL)
    RETURN type(r) AS type, s.id AS from, n.id AS to, r.person AS person, r.day AS day, r.undated AS undated, null AS commits, first AS dateStart`,
  );
}

async function commitsIndexed(): Promise<number> {
  const [row] = await inspect<{ n: number }>(db, 'MATCH ()-[r:COMMITS]->() WHERE r.person IS NOT NULL RETURN toFloat(count(r)) AS n');
  return row!.n;
}

async function committing(): Promise<number> {
  const [row] = await inspect<{ n: number }>(db, 'MATCH ()-[r:STATED]->() WHERE r.commits = true RETURN toFloat(count(r)) AS n');
  return row!.n;
}

async function indexed(): Promise<number> {
  const [row] = await inspect<{ n: number }>(db, 'MATCH ()-[r:PARTICIPATED_IN|STATED]->() WHERE r.person IS NOT NULL RETURN toFloat(count(r)) AS n');
  return row!.n;
}

beforeAll(async () => {
  await resetWithSeed(db);
});
afterAll(async () => {
  await db.close();
});

describe('the person date index stays true after every kind of write', () => {
  it('seed load', async () => {
    expect(await indexed()).toBeGreaterThan(10);
    expect(await committing()).toBeGreaterThan(3);
    expect(await commitsIndexed()).toBeGreaterThan(3);
    expect(await disagreeing()).toEqual([]);
  });

  it('migrating a graph written before the index sets it, and again changes nothing', async () => {
    await inspect(db, 'MATCH ()-[r:PARTICIPATED_IN|STATED|COMMITS]->() REMOVE r.person, r.day, r.undated, r.commits');
    expect(await indexed()).toBe(0);
    expect(await committing()).toBe(0);
    expect(await commitsIndexed()).toBe(0);
    await migrate(db);
    expect(await indexed()).toBeGreaterThan(10);
    expect(await committing()).toBeGreaterThan(3);
    expect(await commitsIndexed()).toBeGreaterThan(3);
    expect(await disagreeing()).toEqual([]);
  });

  it('ingest, and an event whose date a later document changes', async () => {
    await ingest(db, 'occasion-5.txt', fixture('occasion-5.txt'));
    expect(await disagreeing()).toEqual([]);
    const before = await inspect<{ day: string }>(db, "MATCH (p:Person {slug: 'rosa-elvira-campos-ibarra'})-[r:PARTICIPATED_IN]->(:Event) RETURN r.day AS day");
    expect(before.map((r) => r.day)).toEqual(['2025-06-13']);
    await ingest(db, 'occasion-1.txt', fixture('occasion-1.txt'));
    const after = await inspect<{ day: string }>(db, "MATCH (p:Person {slug: 'rosa-elvira-campos-ibarra'})-[r:PARTICIPATED_IN]->(:Event) RETURN r.day AS day");
    expect(after.map((r) => r.day)).toEqual(['2025-06-12']);
    expect(await disagreeing()).toEqual([]);
  });

  it('a node written again with another date (or none)', async () => {
    const [e] = await inspect<{ id: string; props: Record<string, PropValue> }>(
      db,
      'MATCH (:Person)-[:PARTICIPATED_IN]->(e:Event) WHERE e.dateStart IS NOT NULL RETURN e.id AS id, e {.*} AS props LIMIT 1',
    );
    const [s] = await inspect<{ id: string; props: Record<string, PropValue> }>(
      db,
      'MATCH (:Person)-[:STATED]->(s:Statement) WHERE s.dateStart IS NOT NULL RETURN s.id AS id, s {.*} AS props LIMIT 1',
    );
    const undated = Object.fromEntries(Object.entries(s!.props).filter(([k]) => !k.startsWith('date') && k !== 'id' && k !== 'cites'));
    await db.write((tx) =>
      writeBatch(tx, {
        nodes: [
          { id: e!.id, kind: 'Event', props: { ...e!.props, ...dateProps('date', parseIsoDate('2019-07')) }, cites: (e!.props.cites as string[]) ?? [] },
          { id: s!.id, kind: 'Statement', props: undated as Record<string, PropValue>, cites: (s!.props.cites as string[]) ?? [] },
        ],
        rels: [],
      }),
    );
    const [day] = await inspect<{ day: string }>(db, 'MATCH ()-[r:PARTICIPATED_IN]->(e:Event {id: $id}) RETURN r.day AS day LIMIT 1', { id: e!.id });
    expect(day!.day).toBe('2019-07-01');
    const [u] = await inspect<{ day: unknown; undated: unknown }>(db, 'MATCH ()-[r:STATED]->(s:Statement {id: $id}) RETURN r.day AS day, r.undated AS undated LIMIT 1', { id: s!.id });
    expect(u).toEqual({ day: null, undated: true });
    expect(await disagreeing()).toEqual([]);
  });

  it('merging two people moves their items to the one kept; undoing the merge gives them back', async () => {
    const people = await inspect<{ id: string }>(
      db,
      `
      MATCH (p:Person) WHERE EXISTS { (p)-[:PARTICIPATED_IN]->() } AND EXISTS { (p)-[:STATED]->() }
      RETURN p.id AS id ORDER BY COUNT { (p)-->() } DESC, p.id LIMIT 2`,
    );
    expect(people).toHaveLength(2);
    const [keep, merged] = [people[0]!.id, people[1]!.id];
    await mergeEntities(db, keep, merged, who, { force: true });
    const moved = await inspect<{ person: string }>(db, 'MATCH (:Person {id: $keep})-[r:PARTICIPATED_IN|STATED]->() RETURN DISTINCT r.person AS person', { keep });
    expect(moved).toEqual([{ person: keep }]);
    expect(await disagreeing()).toEqual([]);

    const [edit] = await inspect<{ id: string }>(db, "MATCH (e:Edit {action: 'merge', mergedId: $merged}) RETURN e.id AS id", { merged });
    await undoEdit(db, edit!.id, who);
    const back = await inspect<{ person: string }>(db, 'MATCH (:Person {id: $merged})-[r:PARTICIPATED_IN|STATED]->() RETURN DISTINCT r.person AS person', { merged });
    expect(back).toEqual([{ person: merged }]);
    expect(await disagreeing()).toEqual([]);
  });

  it('splitting a person, and undoing the split', async () => {
    const id = 'person:ulises-test-quintero';
    await db.write((tx) =>
      writeBatch(tx, {
        nodes: [
          {
            id,
            kind: 'Person',
            props: {
              slug: 'ulises-test-quintero',
              name: 'Ulises Test Quintero',
              aliases: ['U. Quintero', 'Ulises Quintero Alt'],
              aliasText: 'Ulises Test Quintero | U. Quintero | Ulises Quintero Alt',
            },
            cites: [],
          },
          { id: 'event:date-index-split-1', kind: 'Event', props: { title: 'A test meeting', category: 'meeting', ...dateProps('date', parseIsoDate('2021-05-04')) }, cites: [] },
        ],
        rels: [{ type: 'PARTICIPATED_IN', from: id, to: 'event:date-index-split-1', props: {}, cites: [] }],
      }),
    );
    const created = await splitEntity(db, id, ['Ulises Quintero Alt'], 'Ulises Quintero Alt', who);
    expect(await disagreeing()).toEqual([]);
    const [edit] = await inspect<{ id: string }>(db, "MATCH (e:Edit {action: 'split', target: $id}) RETURN e.id AS id", { id: created.id });
    await undoEdit(db, edit!.id, who);
    const rels = await inspect<{ person: string; day: string }>(
      db,
      "MATCH (:Person {id: $id})-[r:PARTICIPATED_IN]->(:Event {id: 'event:date-index-split-1'}) RETURN r.person AS person, r.day AS day",
      { id },
    );
    expect(rels).toEqual([{ person: id, day: '2021-05-04' }]);
    expect(await disagreeing()).toEqual([]);
  });
});
