import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/graph/db.js';
import { migrate } from '../../src/graph/migrate.js';
import { loadSeed } from '../../src/ingest/seed/load.js';
import { clearGraph, connectTestDb, dropSchema, listSchema, snapshotGraph } from '../support/db.js';

let db: Db;

beforeAll(async () => {
  db = connectTestDb();
  await clearGraph(db);
  await dropSchema(db);
});

afterAll(async () => {
  // Leave the database as other test files expect it: migrated.
  await migrate(db);
  await db?.close();
});

describe('migrations', () => {
  it('create the constraints and indexes on a new database, all online', async () => {
    expect(await listSchema(db)).toEqual({ constraints: [], indexes: [] });
    const applied = await migrate(db);
    expect(applied).toBeGreaterThan(0);

    const { constraints, indexes } = await listSchema(db);
    expect(constraints.map((c) => c.name)).toEqual(['cached_response_key', 'edit_id', 'entity_slug', 'graph_lock_id', 'node_id', 'redirect_id']);
    expect(indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        'entity_names',
        'fact_text',
        'event_date',
        'statement_date',
        'commitment_deadline',
        'post_from',
        'document_published',
        'figure_metric',
        'redirect_slug',
        'redirect_to',
        'edit_merged',
        'cached_response_at',
        'stated_person_commits',
        'commits_person_day',
        'commits_person_undated',
      ]),
    );
    expect(indexes.filter((i) => i.state !== 'ONLINE')).toEqual([]);
  });

  it('are idempotent: applying them again succeeds and changes nothing', async () => {
    const before = await listSchema(db);
    await expect(migrate(db)).resolves.toBeGreaterThan(0);
    await expect(migrate(db)).resolves.toBeGreaterThan(0);
    expect(await listSchema(db)).toEqual(before);
  });

  it('can run over a loaded graph without touching the data', async () => {
    await clearGraph(db);
    await loadSeed(db);
    const before = await snapshotGraph(db);
    await migrate(db);
    expect(await snapshotGraph(db)).toEqual(before);
  });
});
