import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/graph/db.js';
import { migrate } from '../../src/graph/migrate.js';
import { compileSeedFromDisk, loadSeed } from '../../src/ingest/seed/load.js';
import { clearGraph, connectTestDb, inspect, snapshotGraph } from '../support/db.js';

let db: Db;

beforeAll(async () => {
  db = connectTestDb();
  await clearGraph(db);
  await migrate(db);
});

afterAll(async () => {
  await db?.close();
});

describe('loading the seed', () => {
  it('writes every compiled node and relationship', async () => {
    const batch = await loadSeed(db);
    const snap = await snapshotGraph(db);
    expect(snap.nodes).toBe(batch.nodes.length);
    // Plus the SOURCED_FROM links derived from citations.
    expect(snap.relationships).toBeGreaterThan(batch.rels.length);
  });

  it('twice yields the same graph: same counts, same properties', async () => {
    await clearGraph(db);
    await loadSeed(db);
    const once = await snapshotGraph(db);
    await loadSeed(db);
    const twice = await snapshotGraph(db);
    expect(twice).toEqual(once);
    expect(once.nodes).toBe(compileSeedFromDisk().batch.nodes.length);
  });

  it('from an empty graph gives the same graph as reloading over an existing one', async () => {
    await loadSeed(db);
    const reloaded = await snapshotGraph(db);
    await clearGraph(db);
    await loadSeed(db);
    expect(await snapshotGraph(db)).toEqual(reloaded);
  });

  it('again undoes a changed property (and the snapshot notices the change, so equal snapshots mean equal graphs)', async () => {
    const before = await snapshotGraph(db);
    await inspect(db, "MATCH (p:Person {slug: 'zoe-robledo-aburto'}) SET p.name = 'Zoe Robledo'");
    const after = await snapshotGraph(db);
    expect(after).toMatchObject({ nodes: before.nodes, relationships: before.relationships });
    expect(after.checksum).not.toBe(before.checksum);
    await loadSeed(db); // and a reload puts the curated value back
    expect(await snapshotGraph(db)).toEqual(before);
  });
});
