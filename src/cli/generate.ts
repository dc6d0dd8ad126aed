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
import { fileURLToPath } from 'node:url';
import { planGraph, writeGenerated, type GenerateStats } from '../bench/generate.js';
import { cypher } from '../graph/cypher.js';
import { Db, neo4jConfigFromEnv } from '../graph/db.js';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/local-neo4j.js';
import { migrate } from '../graph/migrate.js';

export const GENERATE_USAGE = `usage: kg generate --scale N [--seed S] [--chunk C] [--replace]

  --scale N   about how many nodes to make (10000, 100000, 1000000...; at least 100)
  --seed S    seed of the generator (default 1); same seed, same graph
  --chunk C   about how many nodes per write transaction (default 5000)
  --replace   clear a database that holds nodes first (otherwise it is refused)
  --via-writer  write with the ingestion's writeBatch (MERGE) instead of the bulk CREATE queries

Writes into NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when set, else into the local
Neo4j with its data in NEO4J_LOCAL_DATA or .neo4j/scale-<N>, on port NEO4J_LOCAL_PORT (7687).`;

interface Args { scale: number; seed: number; chunk: number; replace: boolean; viaWriter: boolean }

function parseArgs(argv: string[]): Args | string {
  const out: Args = { scale: 0, seed: 1, chunk: 5000, replace: false, viaWriter: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--help' || flag === '-h') return GENERATE_USAGE;
    if (flag === '--replace') { out.replace = true; continue; }
    if (flag === '--via-writer') { out.viaWriter = true; continue; }
    if (flag !== '--scale' && flag !== '--seed' && flag !== '--chunk') return `unknown argument "${a}"\n\n${GENERATE_USAGE}`;
    const raw = inline ?? argv[++i];
    const n = Number(raw?.replace(/[_,]/g, ''));
    const min = flag === '--scale' ? 100 : flag === '--chunk' ? 200 : 0;
    if (raw === undefined || !Number.isInteger(n) || n < min) return `${flag} needs a whole number of at least ${min}, not ${raw === undefined ? 'nothing' : `"${raw}"`}\n\n${GENERATE_USAGE}`;
    if (flag === '--scale') out.scale = n;
    else if (flag === '--seed') out.seed = n;
    else out.chunk = n;
  }
  if (!out.scale) return `--scale is required\n\n${GENERATE_USAGE}`;
  return out;
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

export async function generateCommand(argv: string[], log: (line: string) => void): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    (args === GENERATE_USAGE ? process.stdout : process.stderr).write(`${args}\n`);
    return args === GENERATE_USAGE ? 0 : 2;
  }
  const config = neo4jConfigFromEnv();
  let local: LocalNeo4j | null = null;
  let db: Db;
  let where: string;
  if (config) {
    db = Db.connect(config);
    where = config.uri;
  } else {
    const repo = fileURLToPath(new URL('../../', import.meta.url));
    const dataDir = resolve(process.env.NEO4J_LOCAL_DATA?.trim() || resolve(repo, '.neo4j', `scale-${args.scale}`));
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
        log(`the database at ${where} is not empty (${fmt(size.nodes)} nodes, ${fmt(size.relationships)} relationships): pass --replace to clear it first, or point NEO4J_LOCAL_DATA / NEO4J_URI elsewhere`);
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
    const kinds = Object.entries(stats.byKind).map(([k, n]) => `${k} ${fmt(n)}`).join(', ');
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
