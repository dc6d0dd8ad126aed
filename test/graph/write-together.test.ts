/**
 * Statements a write transaction sends together (WriteTx.runTogether: one round trip) run in the
 * order given, each seeing what the ones before it wrote, and a failing one fails the whole
 * transaction: nothing of it lands.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/graph/db.js';
import { connectTestDb, emptyGraph, snapshotGraph } from '../support/db.js';

const db: Db = connectTestDb();
afterAll(() => db.close());
beforeEach(() => emptyGraph(db));

const person = (id: string) => ({ id, labels: ['Person', 'Entity'], props: { name: id, slug: id.replace(/^person:/, '') }, cites: [] });

describe('statements sent together in a write transaction', () => {
  it('run in order: a read behind writes sees them, and the answers come back in the order sent', async () => {
    const answers = await db.write((tx) =>
      tx.runTogether([
        { name: 'read/existing-ids', params: { ids: ['person:ana'] } },
        { name: 'write/upsert-nodes', params: { rows: [person('person:ana')] } },
        { name: 'write/upsert-nodes', params: { rows: [person('person:eva')] } },
        { name: 'read/existing-ids', params: { ids: ['person:ana', 'person:eva', 'person:nadie'] } },
      ]),
    );
    expect(answers).toHaveLength(4);
    expect(answers[0]).toEqual([]);
    expect((answers[3] as { id: string }[]).map((r) => r.id).sort()).toEqual(['person:ana', 'person:eva']);
  });

  it('fail together: one bad statement and nothing of the transaction lands', async () => {
    const before = await snapshotGraph(db);
    await expect(
      db.write((tx) =>
        tx.runTogether([
          { name: 'write/upsert-nodes', params: { rows: [person('person:ana')] } },
          // a second node with the first one's slug breaks the entity_slug constraint
          { name: 'write/upsert-nodes', params: { rows: [{ ...person('person:ana-2'), props: { name: 'Ana', slug: 'ana' } }] } },
        ]),
      ),
    ).rejects.toThrow(/already exists|constraint/i);
    expect(await snapshotGraph(db)).toEqual(before);
  });
});
