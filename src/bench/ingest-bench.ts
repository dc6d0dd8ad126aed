/**
 * Ingest speed on this machine: `npm run bench:ingest -- [--articles N] [--seed S]`.
 *
 * Generates N synthetic articles (src/bench/articles.ts, default 300), then measures
 *   (a) extraction alone: `extract()` over every article, a warm-up pass and 3 timed passes;
 *   (a2) extraction with the NLP engine (normalize, CoreNLP annotation over HTTP, extract), one pass;
 *   (b) end to end into a fresh throw-away local Neo4j (or BENCH_NEO4J_URI, which must be an empty
 *       database), after the migrations and a warm-up on other articles that is then cleared:
 *       `ingest()` of every article one after the other (with the NLP engine when it runs), then,
 *       into the emptied graph, `ingestMany()` as `kg ingest` runs it (several documents made
 *       ready at once while an earlier one is written), and whether both gave the same graph.
 * Prints a Markdown report (machine, date, figures) on stdout; progress goes to stderr. A
 * benchmark, not a test: nothing here passes or fails on speed.
 */
import { Presets, SingleBar } from 'cli-progress';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Db, type Row, type Statement, type WriteTx } from '../graph/db.js';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/local-neo4j.js';
import { migrate } from '../graph/migrate.js';
import { extract, extractPrepared, prepare, ingest } from '../ingest/pipeline.js';
import { ingestMany, type ManyDocument } from '../ingest/many.js';
import { DEFAULT_INGEST_CONCURRENCY } from '../ingest/many-defaults.js';
import { graphChecksum, graphDifference, sameGraph as sameGraphs } from '../chaos/checksum.js';
import { cypher } from '../graph/cypher.js';
import { evidenceFrom } from '../ingest/evidence.js';
import { nlpEngine } from '../nlp/engine.js';
import { generateArticles } from './articles.js';

const USAGE = `usage: npm run bench:ingest -- [--articles N] [--seed S] [--concurrency C]

  --articles N     how many articles to generate (default 300)
  --seed S         seed of the article generator (default 1)
  --concurrency C  documents the pipelined pass makes ready at once (default ${DEFAULT_INGEST_CONCURRENCY}, as kg ingest)

Environment: BENCH_NEO4J_URI (with BENCH_NEO4J_USER, BENCH_NEO4J_PASSWORD, BENCH_NEO4J_DATABASE)
uses that Neo4j instead of starting a throw-away local one; it must hold no nodes.`;

const TIMED_PASSES = 3;
/** articles of the warm-up set (fewer when the run has fewer) */
const WARM_UP_ARTICLES = 50;

type Args = { articles: number; seed: number; concurrency: number };

function parseArgs(argv: string[]): Args | string {
  const out: Args = { articles: 300, seed: 1, concurrency: DEFAULT_INGEST_CONCURRENCY };
  const least: Record<string, number> = { '--articles': 1, '--seed': 0, '--concurrency': 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--help' || flag === '-h') return USAGE;
    if (!(flag in least)) return `unknown argument "${a}"\n\n${USAGE}`;
    const raw = inline ?? argv[++i];
    const n = Number(raw);
    const min = least[flag]!;
    if (raw === undefined || !Number.isInteger(n) || n < min) {
      return `${flag} needs ${min > 0 ? `a whole number of at least ${min}` : 'a whole number'}, not ${raw === undefined ? 'nothing' : `"${raw}"`}\n\n${USAGE}`;
    }
    if (flag === '--articles') out.articles = n;
    else if (flag === '--seed') out.seed = n;
    else out.concurrency = n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Figures.

/** Nearest-rank percentile of unsorted samples. */
function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const median = (xs: number[]) => percentile(xs, 50);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** A Db that times every named read and the write transactions (the pipeline's calls, unchanged). */
class TimedDb extends Db {
  readonly timings = new Map<string, { calls: number; ms: number }>();

  private note(name: string, ms: number): void {
    const t = this.timings.get(name) ?? { calls: 0, ms: 0 };
    t.calls++;
    t.ms += ms;
    this.timings.set(name, t);
  }

  override async read<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const t0 = performance.now();
    try {
      return await super.read<T>(name, params);
    } finally {
      this.note(name, performance.now() - t0);
    }
  }

  /** Times each statement of the transaction too; what the statements leave is commit and session time. */
  override async write<T>(work: (tx: WriteTx) => Promise<T>, ...options: Parameters<Db['write']> extends [unknown, ...infer R] ? R : []): Promise<T> {
    const t0 = performance.now();
    let statements = 0;
    const timed = (tx: WriteTx) =>
      new Proxy(tx, {
        get: (target, prop, receiver) => {
          if (prop === 'runTogether') {
            // statements sent together are timed together, under their names joined
            return async (list: Statement[]): Promise<unknown[][]> => {
              const ts = performance.now();
              try {
                return await target.runTogether(list);
              } finally {
                const ms = performance.now() - ts;
                statements += ms;
                this.note(list.map((q) => q.name).join(' + '), ms);
              }
            };
          }
          if (prop !== 'run') return Reflect.get(target, prop, receiver);
          return async <R = Row>(name: string, params: Record<string, unknown> = {}): Promise<R[]> => {
            const ts = performance.now();
            try {
              return await target.run<R>(name, params);
            } finally {
              const ms = performance.now() - ts;
              statements += ms;
              this.note(name, ms);
            }
          };
        },
      });
    try {
      return await super.write((tx) => work(timed(tx)), ...options);
    } finally {
      this.note('commit', performance.now() - t0 - statements);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Progress: a bar on a terminal, plain lines otherwise.

interface Progress {
  tick(done: number): void;
  stop(): void;
}

let activeBar: SingleBar | null = null;

function progress(label: string, total: number): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ stream: process.stderr, format: `${label.padEnd(22)} [{bar}] {value}/{total} articles | {rate} articles/s`, hideCursor: true }, Presets.shades_classic);
    const t0 = performance.now();
    bar.start(total, 0, { rate: '-' });
    activeBar = bar;
    return {
      tick: (done) => bar.update(done, { rate: fmt(done / ((performance.now() - t0) / 1000)) }),
      stop: () => {
        bar.stop();
        activeBar = null;
      },
    };
  }
  // a line when the phase ends, and one every 5 s while a long phase runs
  const t0 = performance.now();
  let lastLine = t0;
  return {
    tick: (done) => {
      const now = performance.now();
      if (done === total || now - lastLine >= 5000) {
        lastLine = now;
        process.stderr.write(`${label}: ${done}/${total} articles, ${fmt((now - t0) / 1000)} s\n`);
      }
    },
    stop: () => {},
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const status = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Clean-up: the Neo4j this run started and its folder, on success, error and Ctrl-C.

let db: TimedDb | null = null;
let starting: Promise<LocalNeo4j> | null = null;
let dataDir: string | null = null;
let cleaning: Promise<void> | null = null;
let interrupted = false;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    activeBar?.stop();
    await db?.close().catch(() => {});
    if (starting) {
      const local = await starting.catch(() => null);
      if (local) {
        status('stopping the local Neo4j...');
        await local.stop();
      }
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}

// One Ctrl-C reaches this process several times (from the terminal, and relayed by npm and tsx):
// the first starts the clean-up, repeats within a second are those copies, a later one quits at once.
let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (interrupted) {
      if (Date.now() - firstSignalAt > 1000) process.exit(code);
      return;
    }
    interrupted = true;
    firstSignalAt = Date.now();
    activeBar?.stop();
    status(`\n${signal === 'SIGINT' ? 'interrupted' : 'terminated'}: cleaning up (press Ctrl-C again to quit at once)`);
    void cleanup().finally(() => process.exit(code));
  });
}

// ---------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    (args === USAGE ? process.stdout : process.stderr).write(`${args}\n`);
    return args === USAGE ? 0 : 2;
  }
  const startedAt = new Date();

  // A given Neo4j is checked first, so that a wrong one fails before the extraction passes.
  const uri = process.env.BENCH_NEO4J_URI;
  let neo4jLabel = '';
  if (uri) {
    db = connect({
      uri,
      ...(process.env.BENCH_NEO4J_USER ? { user: process.env.BENCH_NEO4J_USER } : {}),
      ...(process.env.BENCH_NEO4J_PASSWORD ? { password: process.env.BENCH_NEO4J_PASSWORD } : {}),
      ...(process.env.BENCH_NEO4J_DATABASE ? { database: process.env.BENCH_NEO4J_DATABASE } : {}),
    });
    neo4jLabel = `BENCH_NEO4J_URI (${new URL(uri).host})`;
    await refuseNonEmpty(db);
  }

  // The articles.
  let t0 = performance.now();
  const articles = generateArticles(args.articles, args.seed);
  const generateMs = performance.now() - t0;
  const chars = sum(articles.map((a) => a.content.length));
  status(`generated ${articles.length} articles (seed ${args.seed}) in ${fmt(generateMs)} ms`);

  // (a) Extraction alone.
  const passes: { ms: number; perArticle: number[] }[] = [];
  let extracted = { entities: 0, facts: 0 };
  for (let pass = 0; pass <= TIMED_PASSES; pass++) {
    const bar = progress(pass === 0 ? 'extraction warm-up' : `extraction pass ${pass}/${TIMED_PASSES}`, articles.length);
    const perArticle: number[] = [];
    const passStart = performance.now();
    let entities = 0;
    let facts = 0;
    for (const [i, a] of articles.entries()) {
      const t = performance.now();
      const x = extract(a.fileName, a.content);
      perArticle.push(performance.now() - t);
      const e = x.extraction;
      entities += e.entities.length;
      facts += e.posts.length + e.events.length + e.statements.length + e.commitments.length + e.figures.length;
      bar.tick(i + 1);
      // let signals through between articles (tsx kills a child that does not answer Ctrl-C at once)
      if (i % 10 === 9) await yieldToEventLoop();
    }
    const ms = performance.now() - passStart;
    bar.stop();
    if (pass > 0) passes.push({ ms, perArticle });
    extracted = { entities, facts };
  }
  const extractRate = median(passes.map((p) => articles.length / (p.ms / 1000)));

  // (a2) Extraction with the NLP engine (CoreNLP's Spanish NER as evidence; KG_NLP=off skips it):
  // normalize, annotate over HTTP, extract. One timed pass after a warm-up of ten articles.
  const engine = nlpEngine(status);
  const nlp = await engine.get();
  const withEngine: number[] = [];
  let withEngineMs = 0;
  if (nlp) {
    for (const a of articles.slice(0, 10)) {
      const p = prepare(a.fileName, a.content);
      extractPrepared(p, evidenceFrom(await nlp.annotate(p.norm.text)));
    }
    const bar = progress('extraction with the NLP engine', articles.length);
    const passStart = performance.now();
    for (const [i, a] of articles.entries()) {
      const t = performance.now();
      const p = prepare(a.fileName, a.content);
      extractPrepared(p, evidenceFrom(await nlp.annotate(p.norm.text)));
      withEngine.push(performance.now() - t);
      bar.tick(i + 1);
    }
    withEngineMs = performance.now() - passStart;
    bar.stop();
  }
  const extractSamples = passes.flatMap((p) => p.perArticle);
  const extractMean = sum(extractSamples) / extractSamples.length;

  // (b) End to end. The local Neo4j starts only now, so that its JVM does not compete with the
  // extraction passes for the CPU.
  let startupMs = 0;
  if (!db) {
    dataDir = mkdtempSync(join(os.tmpdir(), 'kg-bench-'));
    status('starting a throw-away local Neo4j (10-30 s; the first run also builds neo4j-local)...');
    t0 = performance.now();
    starting = startLocalNeo4j({ port: 0, dataDir, log: (line) => (line.startsWith('neo4j-local:') ? status(line) : undefined) });
    const local = await starting;
    startupMs = performance.now() - t0;
    db = connect({ uri: local.uri });
    neo4jLabel = `throw-away local Neo4j (neo4j-local; JVM ${process.env.NEO4J_LOCAL_JAVA_OPTS?.trim() || '-Xms256m -Xmx1g'})`;
  }
  const server = await db.driver.getServerInfo(db.database ? { database: db.database } : {});
  neo4jLabel = `${server.agent ?? 'Neo4j'}, ${neo4jLabel}`;
  await migrate(db);

  // Neo4j's warm-up: its first queries of each shape are planned and compiled, and its JIT needs
  // a while (the first 20 articles of a cold run took five times as long as the last 20). A set of
  // other articles goes in first, both ways, and is cleared, so the passes below measure a warm
  // Neo4j; the warm-up's own rate is reported beside them.
  const warmArticles = generateArticles(Math.min(WARM_UP_ARTICLES, articles.length), args.seed + 1_000_003);
  let bar = progress('Neo4j warm-up', warmArticles.length * 2);
  const warmStart = performance.now();
  for (const [i, a] of warmArticles.entries()) {
    await ingest(db, a.fileName, a.content, null, { nlp });
    bar.tick(i + 1);
  }
  const warmMs = performance.now() - warmStart;
  await clearGraph(db);
  await ingestMany(db, warmArticles.map(asDocument), { nlp, concurrency: args.concurrency, onDone: (i) => bar.tick(warmArticles.length + i + 1) });
  bar.stop();
  await clearGraph(db);
  db.timings.clear();

  const e2e: number[] = [];
  bar = progress('ingest, one by one', articles.length);
  const ingestStart = performance.now();
  for (const [i, a] of articles.entries()) {
    const t = performance.now();
    await ingest(db, a.fileName, a.content, null, { nlp });
    e2e.push(performance.now() - t);
    bar.tick(i + 1);
  }
  const ingestMs = performance.now() - ingestStart;
  bar.stop();
  const timings = new Map([...db.timings].map(([name, t]) => [name, { ...t }]));
  const sequentialSum = await graphChecksum(db.driver);

  // The same articles as `kg ingest` takes them (src/ingest/many.ts): several made ready at once,
  // written in order one transaction each, into an emptied graph; the graph must come out the same.
  await clearGraph(db);
  bar = progress('ingest, pipelined', articles.length);
  let failed = 0;
  const manyStart = performance.now();
  await ingestMany(db, articles.map(asDocument), {
    nlp,
    concurrency: args.concurrency,
    onDone: (i, outcome) => {
      if (!outcome.ok) failed++;
      bar.tick(i + 1);
    },
  });
  const manyMs = performance.now() - manyStart;
  bar.stop();
  const manySum = await graphChecksum(db.driver);
  const sameGraph = sameGraphs(sequentialSum, manySum);
  await engine.stop();
  const [after] = await db.read<{ nodes: number; relationships: number }>('read/graph-size');

  // The report.
  const e2eRate = articles.length / (ingestMs / 1000);
  const e2eMean = sum(e2e) / e2e.length;
  const tenth = Math.max(1, Math.floor(e2e.length / 10));
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU';
  const lines: string[] = [];
  const row = (...cells: string[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`### Ingest benchmark, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, '');
  row('', '');
  row('---', '---');
  row('machine', `${os.type()} ${os.release()} ${os.arch()}; ${cpus.length} × ${model}; ${fmt(os.totalmem() / 2 ** 30)} GiB RAM`);
  row('Node.js', process.version);
  row('Neo4j', `${neo4jLabel}${startupMs ? `; started in ${fmt(startupMs / 1000)} s` : ''}`);
  row(
    'articles',
    `${int(articles.length)} generated (seed ${args.seed}; ${int(chars / articles.length)} characters each on average), ${fmt(extracted.entities / articles.length)} entities and ${fmt(extracted.facts / articles.length)} facts extracted per article`,
  );
  lines.push('');
  row('stage', 'articles/s', 'ms/article p50', 'ms/article p95', 'total');
  row('---', '---:', '---:', '---:', '---:');
  row(
    `extraction alone (median of ${TIMED_PASSES} passes after a warm-up)`,
    fmt(extractRate),
    fmt(median(extractSamples)),
    fmt(percentile(extractSamples, 95)),
    `${fmt(median(passes.map((p) => p.ms)) / 1000)} s`,
  );
  if (nlp)
    row(
      'extraction with the NLP engine (one pass after a warm-up)',
      fmt(articles.length / (withEngineMs / 1000)),
      fmt(median(withEngine)),
      fmt(percentile(withEngine, 95)),
      `${fmt(withEngineMs / 1000)} s`,
    );
  else row('extraction with the NLP engine', 'not run', '', '', 'KG_NLP=off or CoreNLP unavailable');
  const engineNote = nlp ? ', with the NLP engine' : '';
  row(`end to end into a cold Neo4j (the warm-up: ${int(warmArticles.length)} other articles, one by one${engineNote})`, fmt(warmArticles.length / (warmMs / 1000)), '', '', `${fmt(warmMs / 1000)} s`);
  row(`end to end into Neo4j, one by one (one pass, a transaction a document${engineNote})`, fmt(e2eRate), fmt(median(e2e)), fmt(percentile(e2e, 95)), `${fmt(ingestMs / 1000)} s`);
  row(
    `**end to end into Neo4j, pipelined** as \`kg ingest\` does (${args.concurrency} made ready at once, written in order, a transaction each${engineNote})`,
    `**${fmt(articles.length / (manyMs / 1000))}**`,
    '',
    '',
    `${fmt(manyMs / 1000)} s`,
  );
  lines.push('');
  lines.push(
    `Pipelined over one by one: **${fmt(ingestMs / manyMs, 2)}×**. Same graph as one by one (nodes, relationships, citations, every property): ` +
      `**${sameGraph ? 'yes' : `NO: ${graphDifference(sequentialSum, manySum)}`}** (${int(manySum.nodes)} nodes, ${int(manySum.relationships)} relationships${failed ? `; ${failed} articles failed` : ''}).`,
  );
  lines.push('');
  const ratio = e2eMean / extractMean;
  lines.push(
    `End to end / extraction: **${fmt(ratio)}×** per article (mean ${fmt(e2eMean)} ms vs ${fmt(extractMean)} ms): extraction is ` +
      `${fmt((100 * extractMean) / e2eMean, 0)}% of the end-to-end time, resolution and the database the other ${fmt(100 - (100 * extractMean) / e2eMean, 0)}%.`,
  );
  lines.push('');
  lines.push(`Graph after: ${int(after?.nodes ?? 0)} nodes, ${int(after?.relationships ?? 0)} relationships.`);
  lines.push('');
  lines.push('Where the one-by-one time goes (mean ms per article):', '');
  row('part', 'ms/article', 'share', 'calls');
  row('---', '---:', '---:', '---:');
  const part = (label: string, ms: number, calls = '') => row(label, fmt(ms / articles.length), `${fmt((100 * ms) / ingestMs, 0)}%`, calls);
  const writes = [...timings.entries()].filter(([n]) => n === 'commit' || n.startsWith('write/')).sort((a, b) => b[1].ms - a[1].ms);
  const reads = [...timings.entries()].filter(([n]) => !writes.some(([w]) => w === n)).sort((a, b) => b[1].ms - a[1].ms);
  const readMs = sum(reads.map(([, t]) => t.ms));
  const writeMs = sum(writes.map(([, t]) => t.ms));
  part('extraction (as measured alone)', extractMean * articles.length);
  part('**resolution reads** (and the existing-ids check), inside the write transaction after its lock', readMs);
  for (const [name, t] of reads) part(`· \`${name}\``, t.ms, int(t.calls));
  part('**the writes** and the commit (one write transaction per article, its lock taken with the first reads)', writeMs);
  for (const [name, t] of writes) part(name === 'commit' ? '· commit (what the statements leave: commit, session)' : `· \`${name}\``, t.ms, int(t.calls));
  part(`the rest (building the batch${nlp ? ", the NLP engine's annotation" : ''}, progress)`, Math.max(0, ingestMs - extractMean * articles.length - readMs - writeMs));
  lines.push('');
  const first = sum(e2e.slice(0, tenth)) / tenth;
  const last = sum(e2e.slice(-tenth)) / tenth;
  lines.push(`As the graph grows: the first ${tenth} articles took ${fmt(first)} ms each on average, the last ${tenth} ${fmt(last)} ms.`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

const asDocument = (a: { fileName: string; content: string }): ManyDocument => ({ fileName: a.fileName, load: () => ({ content: a.content, sidecar: null }) });

/** Empties the benchmark's database between passes (schema kept). */
async function clearGraph(target: Db): Promise<void> {
  await target.runSchema(cypher('write/clear-graph-batched'));
}

/** The benchmark writes into the database and counts what is there after: it must start empty. */
async function refuseNonEmpty(target: Db): Promise<void> {
  const [size] = await target.read<{ nodes: number; relationships: number }>('read/graph-size');
  if (size && size.nodes > 0) {
    throw new Error(
      `the benchmark database is not empty (${size.nodes} nodes, ${size.relationships} relationships): ` + 'point BENCH_NEO4J_URI at an empty database, or unset it to use a throw-away local Neo4j',
    );
  }
}

function connect(config: Parameters<typeof Db.connect>[0]): TimedDb {
  // A benchmark measures slow queries rather than stopping them: the API's per-query limits
  // (a few seconds for reads) would end a cold first query on a busy machine. Set them to
  // measure with the limits anyway.
  process.env.KG_QUERY_TIMEOUT_MS ||= '600000';
  process.env.KG_WRITE_TIMEOUT_MS ||= '600000';
  const plain = Db.connect(config);
  return new TimedDb(plain.driver, plain.database);
}

main(process.argv.slice(2))
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    if (!interrupted) {
      activeBar?.stop();
      process.stderr.write(`bench:ingest failed: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    await cleanup();
    process.exit(interrupted ? 130 : 1);
  });
