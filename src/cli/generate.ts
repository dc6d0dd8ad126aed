/**
 * `kg generate --scale N [--seed S] [--chunk C] [--replace]`: writes a synthetic graph of about N
 * nodes (src/bench/generate.ts) into NEO4J_URI, or else into the local Neo4j with its data in
 * NEO4J_LOCAL_DATA or .neo4j/scale-<N> (port NEO4J_LOCAL_PORT, default 7687). Refuses a
 * database holding nodes unless --replace (which clears it first, in batches). Applies the
 * migrations first. Ends with a line giving its speed.
 */
import { Presets, SingleBar } from 'cli-progress';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planGraph, writeGenerated, type GenerateStats } from '../bench/generate.js';
import { cypher } from '../graph/cypher.js';
import { Db, neo4jConfigFromEnv } from '../graph/db.js';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/local-neo4j.js';
import { migrate } from '../graph/migrate.js';
import { REPO_ROOT } from '../config/paths.js';

export interface GenerateOptions {
  /** about how many nodes to make (at least 100) */
  scale: number;
  /** seed of the generator; same seed, same graph */
  seed: number;
  /** about how many nodes per write transaction */
  chunk: number;
  /** clear a database that holds nodes first (otherwise it is refused) */
  replace: boolean;
  /** write with the ingestion's writeBatch (MERGE) instead of the bulk CREATE queries */
  viaWriter: boolean;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function progress(total: number) {
  const t0 = performance.now();
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { stream: process.stderr, format: 'generate [{bar}] {percentage}% | {value}/{total} nodes | {rels} relationships | {rate} nodes/s | {eta_formatted} left', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(total, 0, { rels: 0, rate: '-' });
    return {
      tick: (s: GenerateStats) => {
        if (s.nodes > bar.getTotal()) bar.setTotal(s.nodes);
        bar.update(s.nodes, { rels: fmt(s.relationships), rate: fmt(s.nodes / ((performance.now() - t0) / 1000)) });
      },
      stop: () => bar.stop(),
    };
  }
  let last = t0;
  return {
    tick: (s: GenerateStats) => {
      const now = performance.now();
      if (now - last >= 5000) {
        last = now;
        process.stderr.write(`generate: ${fmt(s.nodes)}/~${fmt(total)} nodes, ${fmt(s.relationships)} relationships, ${fmt((now - t0) / 1000, 1)} s\n`);
      }
    },
    stop: () => {},
  };
}

export async function generateCommand(args: GenerateOptions, log: (line: string) => void): Promise<number> {
  const config = neo4jConfigFromEnv();
  let local: LocalNeo4j | null = null;
  let db: Db;
  let where: string;
  if (config) {
    db = Db.connect(config);
    where = config.uri;
  } else {
    const dataDir = resolve(process.env.NEO4J_LOCAL_DATA?.trim() || resolve(REPO_ROOT, '.neo4j', `scale-${args.scale}`));
    log(`NEO4J_URI not set: starting the local Neo4j with its data in ${dataDir}`);
    local = await startLocalNeo4j({ dataDir, log: (l) => (l.startsWith('neo4j-local:') ? log(l) : undefined) });
    db = Db.connect({ uri: local.uri });
    where = `${local.uri} (data ${dataDir})`;
  }
  const stop = async () => {
    await db.close().catch(() => {});
    await local?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping (the chunks written so far stay; run again with --replace)`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const [size] = await db.read<{ nodes: number; relationships: number }>('read/graph-size');
    if (size && size.nodes > 0) {
      if (!args.replace) {
        log(
          `the database at ${where} is not empty (${fmt(size.nodes)} nodes, ${fmt(size.relationships)} relationships): pass --replace to clear it first, or point NEO4J_LOCAL_DATA / NEO4J_URI elsewhere`,
        );
        return 1;
      }
      log(`--replace: clearing ${fmt(size.nodes)} nodes and ${fmt(size.relationships)} relationships`);
      const t = performance.now();
      await db.runSchema(cypher('write/clear-graph-batched'));
      log(`cleared in ${fmt((performance.now() - t) / 1000, 1)} s`);
    }
    await migrate(db, log);
    const planned = Object.values(planGraph(args.scale)).reduce((a, b) => a + b, 0);
    log(`generating about ${fmt(planned)} nodes (seed ${args.seed}, ${fmt(args.chunk)} per transaction, ${args.viaWriter ? 'writeBatch' : 'bulk CREATE'}) into ${where}`);
    const bar = progress(planned);
    const t0 = performance.now();
    let stats: GenerateStats;
    try {
      stats = await writeGenerated(db, { scale: args.scale, seed: args.seed, chunkNodes: args.chunk, via: args.viaWriter ? 'writeBatch' : 'create' }, bar.tick);
    } finally {
      bar.stop();
    }
    const tIndex = performance.now();
    await db.runSchema('CALL db.awaitIndexes(600)');
    const indexMs = performance.now() - tIndex;
    const elapsed = (performance.now() - t0) / 1000;
    const kinds = Object.entries(stats.byKind)
      .map(([k, n]) => `${k} ${fmt(n)}`)
      .join(', ');
    log(`nodes by kind: ${kinds}`);
    log(`time: generating ${fmt(stats.generateMs / 1000, 1)} s, writing ${fmt(stats.writeMs / 1000, 1)} s (${stats.chunks} transactions), indexes catching up ${fmt(indexMs / 1000, 1)} s`);
    if (local) log(`serve it with: NEO4J_LOCAL_DATA=${process.env.NEO4J_LOCAL_DATA?.trim() || `.neo4j/scale-${args.scale}`} npm start`);
    process.stdout.write(
      `generated ${fmt(stats.nodes)} nodes and ${fmt(stats.relationships)} relationships in ${fmt(elapsed, 1)} s: ` +
        `${fmt(stats.nodes / elapsed)} nodes/s, ${fmt(stats.relationships / elapsed)} relationships/s\n`,
    );
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stop();
  }
}
