import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/graph/db.js';
import { connectTestDb, resetWithSeed } from '../support/db.js';

// list-events-of-participant and list-statements-of-speaker start from one person instead of
// scanning every item; they must select, order and count exactly as list-events and
// list-statements do.

let db: Db;
beforeAll(async () => {
  db = connectTestDb();
  await resetWithSeed(db);
});
afterAll(async () => {
  await db?.close();
});

type Page = { total: number; page: { id: string }[] };
const ids = (rows: Page[]) => ({ total: rows[0]?.total, ids: rows[0]?.page.map((n) => n.id) });

const EVENT_FILTERS = {
  participants: [] as string[],
  place: null,
  involves: null,
  kinds: [] as string[],
  from: null,
  to: null,
  text: null,
  document: null,
  reviewStatuses: ['extracted', 'confirmed'],
};
const STATEMENT_FILTERS = {
  speaker: null as string | null,
  about: null,
  event: null,
  kinds: [] as string[],
  from: null,
  to: null,
  text: null,
  document: null,
  reviewStatuses: ['extracted', 'confirmed'],
};

describe('anchored list queries', () => {
  it('events of a participant: the same page and total as the scanning query, for every participant, both orders, with filters', async () => {
    const people = await db.read<{ slug: string }>('bench/heavy-people', { limit: 50 });
    expect(people.length).toBeGreaterThan(3);
    let compared = 0;
    for (const person of people) {
      for (const ref of [person.slug, `person:${person.slug}`]) {
        for (const extra of [{}, { from: '2024-01-01', to: '2024-06-30' }, { kinds: ['meeting'] }]) {
          for (const desc of [false, true]) {
            const params = { ...EVENT_FILTERS, ...extra, participants: [ref], desc, skip: 1, limit: 3 };
            const scanned = ids(await db.read<Page>('read/list-events', params));
            const anchored = ids(await db.read<Page>('read/list-events-of-participant', { ...params, anchor: ref }));
            expect(anchored, `${ref} ${JSON.stringify(extra)} desc=${desc}`).toEqual(scanned);
            if (scanned.total) compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('statements of a speaker: the same page and total as the scanning query', async () => {
    const people = await db.read<{ slug: string }>('bench/heavy-people', { limit: 50 });
    let compared = 0;
    for (const person of people) {
      for (const extra of [{}, { from: '2024-01-01', to: '2024-03-31' }, { text: 'salud' }]) {
        for (const desc of [false, true]) {
          const params = { ...STATEMENT_FILTERS, ...extra, speaker: person.slug, desc, skip: 0, limit: 5 };
          const scanned = ids(await db.read<Page>('read/list-statements', params));
          const anchored = ids(await db.read<Page>('read/list-statements-of-speaker', { ...params, anchor: person.slug }));
          expect(anchored, `${person.slug} ${JSON.stringify(extra)} desc=${desc}`).toEqual(scanned);
          if (scanned.total) compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5);
  });
});
