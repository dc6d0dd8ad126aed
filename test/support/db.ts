import { createHash } from 'node:crypto';
import { inject } from 'vitest';
import { Db, type Neo4jConfig } from '../../src/graph/db.js';
import { migrate } from '../../src/graph/migrate.js';
import { loadSeed } from '../../src/ingest/seed/load.js';
import type { GraphBatch } from '../../src/domain/model.js';
import { canonicalJson as canonical } from '../../src/graph/canonical-json.js';

/** The test Neo4j's connection settings (from test/support/global-setup.ts). */
export function testNeo4j(): Neo4jConfig {
  const { source: _source, ...config } = inject('neo4j');
  return config;
}

/** A Db on the shared test Neo4j. Close it in afterAll. */
export function connectTestDb(overrides: Partial<Neo4jConfig> = {}): Db {
  return Db.connect({ ...testNeo4j(), ...overrides });
}

/** Deletes every node and relationship (the schema stays). */
export async function clearGraph(db: Db): Promise<void> {
  await db.write((tx) => tx.run('write/clear-graph'));
}

/** Empty graph, migrations applied. */
export async function emptyGraph(db: Db): Promise<void> {
  await clearGraph(db);
  await migrate(db);
}

/** Empty graph, migrations applied, seed loaded: the state every API test starts from. */
export async function resetWithSeed(db: Db): Promise<GraphBatch> {
  await clearGraph(db);
  await migrate(db);
  return loadSeed(db);
}

// Inspection queries below are for tests only (the system never runs them), so they live here
// rather than in cypher/. They go through the driver directly and do not count as round trips.

/** Runs a test-only query on the driver directly. */
export async function inspect<T = Record<string, unknown>>(db: Db, text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = db.driver.session(db.database ? { database: db.database } : {});
  try {
    const res = await session.run(text, params);
    return res.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

export interface GraphSnapshot {
  nodes: number;
  relationships: number;
  /** sha256 over every node (labels, properties) and relationship (type, ends, properties), in a canonical order. */
  checksum: string;
}

export async function snapshotGraph(db: Db): Promise<GraphSnapshot> {
  // the writers' lock node (write/take-graph-lock) and the response cache are no part of the graph
  const nodes = await inspect<{ labels: string[]; props: Record<string, unknown> }>(db, 'MATCH (n) WHERE NOT n:GraphLock AND NOT n:CachedResponse RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await inspect<{ type: string; from: unknown; to: unknown; props: Record<string, unknown> }>(
    db,
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props',
  );
  const lines = [...nodes.map((n) => canonical({ labels: [...n.labels].sort(), props: n.props })), ...rels.map((r) => canonical(r))].sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return { nodes: nodes.length, relationships: rels.length, checksum: hash.digest('hex') };
}

export interface SchemaItem {
  name: string;
  type: string;
  state?: string;
}

/** Constraints and indexes (not Neo4j's built-in token lookup indexes). */
export async function listSchema(db: Db): Promise<{ constraints: SchemaItem[]; indexes: SchemaItem[] }> {
  const constraints = await inspect<SchemaItem>(db, 'SHOW CONSTRAINTS YIELD name, type RETURN name, type ORDER BY name');
  const indexes = await inspect<SchemaItem>(db, "SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' RETURN name, type, state ORDER BY name");
  return { constraints, indexes };
}

/** Drops every constraint and index the migrations create, leaving a schema as on a new database. */
export async function dropSchema(db: Db): Promise<void> {
  const { constraints } = await listSchema(db);
  for (const c of constraints) await inspect(db, `DROP CONSTRAINT \`${c.name}\` IF EXISTS`);
  // Constraint-backed indexes went with their constraints.
  for (const i of (await listSchema(db)).indexes) await inspect(db, `DROP INDEX \`${i.name}\` IF EXISTS`);
}
