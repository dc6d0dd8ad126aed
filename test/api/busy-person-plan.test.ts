import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/bench/operations.js';
import { dateBounds, parseIsoDate } from '../../src/domain/dates.js';
import type { GraphBatch, NodeRecord, RelRecord } from '../../src/domain/model.js';
import { Db } from '../../src/graph/db.js';
import { writeBatch } from '../../src/graph/writer.js';
import { dateProps } from '../../src/graph/date-storage.js';
import { eventWindow } from '../../src/ingest/pipeline.js';
import { cypher } from '../../src/graph/cypher.js';
import { connectTestDb, emptyGraph } from '../support/db.js';
import { gql, startTestServer, type TestServer } from '../support/server.js';

// A busy person (thousands of events and statements) on a throwaway graph: the entity page's
// "latest 20" and a one-week timeline must read about as much as they return, through the person
// date index (cypher/migrations/004), not every item of the person. The bounds below grow with
// the page size and the range; reading every item costs tens of thousands of dbHits here. Some of
// the statements make a commitment: the timeline's "commitments it made" are a seek of their
// first days (migrations/007), not a walk through every statement or every commitment.

const N = 3000;
/** one statement in this many makes a commitment (its deadline 400 days on) */
const COMMITTING = 20;
const SLUG = 'ivana-busy-official';
const PERSON = `person:${SLUG}`;
/** dbHits allowed per item returned (its properties, its relationship, its place in the index), and for the person. */
const PER_ITEM = 30;
const bound = (items: number) => PER_ITEM * items + 100;

/** Day i after 2018-01-01, as an ISO day. */
const dayOf = (i: number) => new Date(Date.UTC(2018, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** Item i's date: mostly days (several items a day, so ties on a day are ordered by id), some months and years, a few undated. */
function dateOf(i: number): string | null {
  if (i % 397 === 5) return null;
  const day = dayOf(Math.floor(i * 0.9));
  if (i % 29 === 3) return day.slice(0, 7);
  if (i % 113 === 7) return day.slice(0, 4);
  return day;
}

function busyGraph(): GraphBatch {
  const nodes: NodeRecord[] = [{ id: PERSON, kind: 'Person', props: { slug: SLUG, name: 'Ivana Busy Official', aliases: [] }, cites: [] }];
  const rels: RelRecord[] = [];
  for (let i = 0; i < N; i++) {
    const iso = dateOf(i);
    const date = iso ? parseIsoDate(iso) : undefined;
    const n = String(i).padStart(4, '0');
    nodes.push({ id: `event:busy-${n}`, kind: 'Event', props: { title: `Meeting ${n}`, category: 'meeting', ...dateProps('date', date) }, cites: [] });
    nodes.push({ id: `statement:busy-${n}`, kind: 'Statement', props: { summary: `Statement ${n}`, category: 'announcement', ...dateProps('date', date) }, cites: [] });
    rels.push({ type: 'PARTICIPATED_IN', from: PERSON, to: `event:busy-${n}`, props: {}, cites: [] });
    rels.push({ type: 'STATED', from: PERSON, to: `statement:busy-${n}`, props: {}, cites: [] });
    if (i % COMMITTING === COMMITTING / 2) {
      nodes.push({ id: `commitment:busy-${n}`, kind: 'Commitment', props: { summary: `Commitment ${n}`, status: 'announced', ...dateProps('deadline', parseIsoDate(dayOf(i + 400))) }, cites: [] });
      rels.push({ type: 'COMMITS', from: `statement:busy-${n}`, to: `commitment:busy-${n}`, props: { role: 'makes' }, cites: [] });
    }
  }
  return { nodes, rels };
}

interface PlanNode {
  operatorType?: string;
  dbHits?: number;
  arguments?: { Details?: string };
  children?: PlanNode[];
}
const sumHits = (p: PlanNode): number => (p.dbHits ?? 0) + (p.children ?? []).reduce((a, c) => a + sumHits(c), 0);
const operators = (p: PlanNode): string[] => [p.operatorType ?? '', ...(p.children ?? []).flatMap(operators)];
const boltParams = (params: Record<string, unknown>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));

async function profile(db: Db, query: string, params: Record<string, unknown>): Promise<{ hits: number; ops: string[]; plan: PlanNode }> {
  const session = db.driver.session(db.database ? { database: db.database } : {});
  try {
    const res = await session.run(`PROFILE ${query}`, boltParams(params));
    const plan = res.summary.profile as PlanNode;
    return { hits: sumHits(plan), ops: operators(plan), plan };
  } finally {
    await session.close();
  }
}

let db: Db;
let server: TestServer;
let perLevel: TestServer;
let captured: { query: string; params: Record<string, unknown> }[] | null = null;
const readText = Db.prototype.readText;

beforeAll(async () => {
  db = connectTestDb();
  await emptyGraph(db);
  await db.write((tx) => writeBatch(tx, busyGraph()), { timeoutMs: 300_000 });
  Db.prototype.readText = function <T>(this: Db, text: string, params: Record<string, unknown> = {}): Promise<T[]> {
    captured?.push({ query: text, params });
    return readText.call(this, text, params) as Promise<T[]>;
  };
  server = await startTestServer(db);
  perLevel = await startTestServer(db, { lookahead: false });
}, 300_000);

afterAll(async () => {
  Db.prototype.readText = readText;
  await server?.stop();
  await perLevel?.stop();
  await db?.close();
});

/** Sends a request; returns its answer and the queries it sent. */
async function request(query: string, variables: Record<string, unknown>, url = server.url) {
  captured = [];
  const res = await gql(url, query, variables);
  const queries = captured;
  captured = null;
  expect(res.errors).toBeUndefined();
  return { data: res.data, queries };
}

describe('a busy person: reads bounded by the answer, not by the degree', () => {
  it('the entity page (latest 20 events and statements) is index seeks under a bound that does not grow with the degree', async () => {
    const op = OPERATIONS.find((o) => o.name === 'entity page')!;
    const { data, queries } = await request(op.ours.query, { slug: SLUG });
    expect(data.person.events).toHaveLength(20);
    expect(data.person.statements).toHaveLength(20);
    let hits = 0;
    for (const q of queries) {
      const p = await profile(db, q.query, q.params);
      hits += p.hits;
      expect(p.ops.some((o) => o.startsWith('DirectedRelationshipIndexSeek'))).toBe(true);
    }
    expect(hits).toBeLessThan(bound(40));
    // the same answer as reading every item level by level
    const plain = await request(op.ours.query, { slug: SLUG }, perLevel.url);
    expect(data).toEqual(plain.data);
  });

  it('windows, both orders, undated last, ties by id: the same items as reading every item', async () => {
    const windows: [string | null, string | null, number | null][] = [
      [null, null, 20],
      [null, null, 500],
      ['2019-03-10', '2019-03-16', 20],
      ['2019-03', '2019-05', 7],
      ['2020', null, 50],
      [null, '2018-02-01', 30],
      ['2018-12-31', '2019-01-01', null],
      ['2024-06-01', null, 20],
    ];
    const q = `query W($slug: String!, $from: String, $to: String, $first: Int, $order: DateOrder) {
      person(slug: $slug) {
        events(from: $from, to: $to, first: $first, orderBy: $order) { id date { iso } }
        statements(from: $from, to: $to, first: $first, orderBy: $order) { id }
      } }`;
    for (const [from, to, first] of windows) {
      for (const order of ['DATE_ASC', 'DATE_DESC']) {
        const vars = { slug: SLUG, from, to, first, order };
        const ahead = await request(q, vars);
        const plain = await request(q, vars, perLevel.url);
        expect(ahead.data, JSON.stringify(vars)).toEqual(plain.data);
      }
    }
  });

  it('a one-week timeline reads the week (and the undated), not every item of the person', async () => {
    const from = '2019-03-10';
    const to = '2019-03-16';
    const { data, queries } = await request(`query T($e: String!, $from: String, $to: String) { timeline(entity: $e, from: $from, to: $to) { date kind node { id } } }`, { e: SLUG, from, to });
    const timeline = queries.find((x) => /PARTICIPATED_IN/.test(x.query) && 'dayFrom' in x.params)!;
    expect(timeline).toBeDefined();
    const p = await profile(db, timeline.query, timeline.params);
    expect(p.ops.some((o) => o.startsWith('DirectedRelationshipIndexSeek'))).toBe(true);
    expect(p.hits).toBeLessThan(bound(data.timeline.length));
    expect(data.timeline.length).toBeLessThan(60);

    // the items overlapping the week (a month or year dated item overlaps it too), then the undated
    const expected: { id: string; start: string | null }[] = [];
    for (let i = 0; i < N; i++) {
      const iso = dateOf(i);
      const b = iso ? dateBounds(parseIsoDate(iso)) : null;
      if (b && (b.end < from || b.start > to)) continue;
      const n = String(i).padStart(4, '0');
      expected.push({ id: `event:busy-${n}`, start: b?.start ?? null }, { id: `statement:busy-${n}`, start: b?.start ?? null });
    }
    expected.sort((a, b) => Number(a.start === null) - Number(b.start === null) || (a.start ?? '').localeCompare(b.start ?? '') || (a.id < b.id ? -1 : 1));
    expect(data.timeline.map((t: { node: { id: string } }) => t.node.id)).toEqual(expected.map((e) => e.id));
  });
});

describe('a busy person: the commitments of a timeline', () => {
  it('are those whose deadline overlaps the range, read through the index, whatever the range', async () => {
    const q = `query C($e: String!, $from: String, $to: String) { timeline(entity: $e, from: $from, to: $to, kinds: [COMMITMENT]) { node { id } } }`;
    for (const [from, to] of [
      ['2020-01-01', '2020-12-31'],
      ['2019-06', '2019-06'],
      ['2021', null],
      [null, '2019-03-01'],
    ] as const) {
      const { data, queries } = await request(q, { e: SLUG, from, to });
      const expected: string[] = [];
      for (let i = COMMITTING / 2; i < N; i += COMMITTING) {
        const b = dateBounds(parseIsoDate(dayOf(i + 400)));
        const lo = from ? dateBounds(parseIsoDate(from)).start : null;
        const hi = to ? dateBounds(parseIsoDate(to)).end : null;
        if ((lo && b.end < lo) || (hi && b.start > hi)) continue;
        expected.push(`commitment:busy-${String(i).padStart(4, '0')}`);
      }
      expect(
        data.timeline.map((t: { node: { id: string } }) => t.node.id),
        `${from}..${to}`,
      ).toEqual(expected);
      // the timeline reads every kind in the range before it keeps the commitments: the bound is
      // what the range holds (events and statements overlapping it, the undated, the commitments)
      let inRange = expected.length;
      for (let i = 0; i < N; i++) {
        const iso = dateOf(i);
        const b = iso ? dateBounds(parseIsoDate(iso)) : null;
        const lo = from ? dateBounds(parseIsoDate(from)).start : null;
        const hi = to ? dateBounds(parseIsoDate(to)).end : null;
        if (!b || !((lo && b.end < lo) || (hi && b.start > hi))) inRange += 2;
      }
      const timeline = queries.find((x) => /COMMITS/.test(x.query) && 'dayFrom' in x.params)!;
      const p = await profile(db, timeline.query, timeline.params);
      expect(p.hits, `${from}..${to}`).toBeLessThan(bound(inRange));
    }
  });
});

describe('an ingest on a graph of many dated events', () => {
  it('reads the events around its own dates, not every earlier event, and finds the same candidates', async () => {
    const window = eventWindow([parseIsoDate('2024-06-03'), parseIsoDate('2024-06')]);
    const text = cypher('read/resolution-events');
    const bounded = await profile(db, text, { people: [], ...window });
    // the same read with the seek open to the past: every event that starts before the window's end
    const open = await profile(db, text, { people: [], ...window, earliest: '0000-01-01' });
    const ids = async (params: Record<string, unknown>) => (await db.read<{ id: string }>('read/resolution-events', params)).map((r) => r.id).sort();
    const found = await ids({ people: [], ...window });
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual(await ids({ people: [], ...window, earliest: '0000-01-01' }));
    // measured: 2,047 against 6,417 dbHits, 54 candidates, on this graph of 3,000 events over seven years
    expect(bounded.hits * 2).toBeLessThan(open.hits);
  });
});
