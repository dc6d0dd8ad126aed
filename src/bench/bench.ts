/**
 * Read benchmark: `npm run bench -- --scale N [--duration 10] [--warmup 3] [--connections 8]
 * [--args 20] [--only name,...] [--no-cache] [--cpu-prof DIR] [--out BENCHMARKS.md]`.
 *
 * Runs the operations of src/bench/operations.ts against three targets on one database, in one
 * run: (a) our GraphQL server over HTTP, its response cache off, (b) an @neo4j/graphql server over
 * HTTP, both child processes on free ports, loaded with autocannon; (c) the floor: one
 * hand-written Cypher query per operation (cypher/bench/floor-*.cypher) run with
 * neo4j-driver at the same concurrency. A fourth, reported apart and judged by no target (leave it
 * out with --no-cache): our server with its response cache on, every answer stored in its warm-up.
 * Each request takes the next of the argument sets drawn from the data (sampleArguments).
 *
 * For each operation and target: throughput, p50/p95/p99 latency, database queries per request
 * (ours: the server's round-trip counter; @neo4j/graphql: runs on the driver it was given), the
 * dbHits of the queries one representative request ran (captured, then PROFILEd once) and the
 * server process's resident memory. Results go to stdout and to BENCHMARKS.md.
 *
 * Database: BENCH_NEO4J_URI (+ BENCH_NEO4J_USER/BENCH_NEO4J_PASSWORD) if set, holding a generated
 * graph; else the local Neo4j started on .neo4j/scale-<N> (made by `npm run generate -- --scale N`).
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cypher } from '../graph/cypher.js';
import { boltNoDelay, Db } from '../graph/db.js';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/local-neo4j.js';
import { decodeParams, type CapturedQuery, type ChildStats, type FromChild, type ToChild } from './child.js';
import { personRangesOf, sampleArguments, type BenchArguments } from './generate.js';
import { OPERATIONS, type Operation } from './operations.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const USAGE = `usage: npm run bench -- --scale N [--duration S] [--warmup S] [--connections C] [--args A]
                       [--only name,...] [--no-cache] [--cpu-prof DIR] [--out FILE]

  --scale N        the generated graph to measure (.neo4j/scale-<N>, made by npm run generate -- --scale N)
  --duration S     seconds measured per target and operation (default 10)
  --warmup S       seconds of warm-up of every target before an operation is measured (default 3)
  --connections C  concurrent connections (default 8)
  --args A         argument sets sampled per kind (default 20)
  --only names     the operations to run, comma-separated (${OPERATIONS.map((o) => o.name).join(', ')})
  --no-cache       leave out the fourth target, our server with its response cache on
  --cpu-prof DIR   the servers write V8 CPU profiles (.cpuprofile, one per server) into DIR when the run ends
  --out FILE       where the results go, newest first (default BENCHMARKS.md)`;

const { values: opt } = (() => {
  try {
    return parseArgs({
      options: {
        scale: { type: 'string' },
        duration: { type: 'string', default: '10' },
        warmup: { type: 'string', default: '3' },
        connections: { type: 'string', default: '8' },
        args: { type: 'string', default: '20' },
        only: { type: 'string' },
        out: { type: 'string', default: 'BENCHMARKS.md' },
        // leave out the fourth target, our server with its response cache on
        'no-cache': { type: 'boolean', default: false },
        'cpu-prof': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
    process.exit(2);
  }
})();
if (opt.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const DURATION = Number(opt.duration);
let SAMPLER = "the generator's sampleArguments";
const LOAD_BEFORE = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
const WARMUP = Number(opt.warmup);
const CONNECTIONS = Number(opt.connections);

// ---- measurement ----------------------------------------------------------------------------

interface Latency {
  count: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function stats(latencies: number[], seconds: number, errors: number): Latency {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]! : NaN);
  return { count: s.length, seconds, rps: s.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors };
}

/** A round-robin over argument sets, starting at a random one. */
function cycle<T>(items: T[]): () => T {
  let i = Math.floor(Math.random() * items.length);
  return () => items[i++ % items.length]!;
}

async function httpLoad(url: string, bodies: string[], seconds: number): Promise<Latency> {
  const next = cycle(bodies);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, body: next() }) }],
      },
      (err) => (err ? reject(err) : resolve()),
    );
    inst.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
      else errors++;
    });
  });
  return stats(latencies, (performance.now() - started) / 1000, errors);
}

/** The floor: `connections` loops each running the query, one session per query, like a server would. */
async function driverLoad(driver: Driver, query: string, params: Record<string, unknown>[], seconds: number): Promise<Latency> {
  const next = cycle(params);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const session = driver.session({ defaultAccessMode: neo4j.session.READ });
        try {
          const res = await session.run(query, next());
          JSON.stringify(res.records.map((r) => r.toObject()));
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        } finally {
          await session.close();
        }
      }
    }),
  );
  return stats(latencies, (performance.now() - started) / 1000, errors);
}

/** Top-level whole numbers go as Neo4j integers (SKIP/LIMIT), as our Db does. */
const boltParams = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));

interface PlanNode {
  dbHits?: number;
  children?: PlanNode[];
}
const sumHits = (p: PlanNode | false | undefined): number => (p ? (p.dbHits ?? 0) + (p.children ?? []).reduce((a, c) => a + sumHits(c), 0) : 0);

/** PROFILEs each query once and adds up the database hits of its plan. */
async function dbHits(driver: Driver, queries: { query: string; params: Record<string, unknown> }[]): Promise<number> {
  let total = 0;
  for (const q of queries) {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const res = await session.run(`PROFILE\n${q.query}`, q.params);
      total += sumHits(res.summary.profile as PlanNode | false);
    } finally {
      await session.close();
    }
  }
  return total;
}

// ---- server processes -------------------------------------------------------------------------

class Child {
  private waiting = new Map<string, (m: FromChild) => void>();
  private constructor(
    readonly proc: ChildProcess,
    readonly url: string,
  ) {
    proc.on('message', (m: FromChild) => {
      const w = this.waiting.get(m.type);
      this.waiting.delete(m.type);
      w?.(m);
    });
  }

  static start(script: string, uri: string, env: NodeJS.ProcessEnv = {}): Promise<Child> {
    const proc = fork(path.join(ROOT, 'src/bench', script), [], {
      execArgv: ['--import', 'tsx', ...(opt['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(opt['cpu-prof'])] : [])],
      // both servers as they run in production (graphql-js skips its development checks)
      env: { ...process.env, NODE_ENV: 'production', BENCH_NEO4J_URI: uri, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
      proc.once('message', (m: FromChild) => {
        if (m.type === 'ready') resolve(new Child(proc, m.url));
      });
    });
  }

  private ask<T extends FromChild['type']>(msg: ToChild, reply: T): Promise<Extract<FromChild, { type: T }>> {
    return new Promise((resolve) => {
      this.waiting.set(reply, resolve as (m: FromChild) => void);
      this.proc.send(msg);
    });
  }

  async stats(): Promise<ChildStats> {
    return (await this.ask({ type: 'stats' }, 'stats')).stats;
  }
  async capture(on: boolean): Promise<CapturedQuery[]> {
    return (await this.ask({ type: 'capture', on }, 'captured')).queries;
  }

  /** Resident set size (and its peak so far), MB, from /proc. */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  }

  /** Ends the server: by closing its IPC channel (it exits on its own, so a CPU profile gets written), else SIGTERM after 10 s. */
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.disconnect();
    const timer = setTimeout(() => this.proc.kill('SIGTERM'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

async function post(url: string, body: string): Promise<{ errors?: { message: string }[]; data?: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await res.json()) as { errors?: { message: string }[] };
}

// ---- one operation, three targets -----------------------------------------------------------

/** CPU milliseconds (user + system) a process has used so far, from /proc; NaN when unknown. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
// USER_HZ: 100 on Linux for every architecture Node runs on
const CLOCK_TICKS = 100;

/** Neo4j's process when the bench started it (its CPU is then reported); null with BENCH_NEO4J_URI. */
let neo4jPid: number | undefined;

/** CPU per request of a server process and of Neo4j over a measured run. */
async function withCpu<T extends Latency>(serverPid: number | undefined, run: () => Promise<T>): Promise<T & { serverCpuMs: number; neo4jCpuMs: number }> {
  const before = { server: cpuMs(serverPid), neo4j: cpuMs(neo4jPid) };
  const r = await run();
  return { ...r, serverCpuMs: (cpuMs(serverPid) - before.server) / r.count, neo4jCpuMs: (cpuMs(neo4jPid) - before.neo4j) / r.count };
}

interface TargetResult extends Latency {
  /** the machine's 1-minute load average as the measured run started */
  load: number;
  /** CPU milliseconds a request: the server process (NaN for the floor, whose driver runs in the bench) and Neo4j (NaN when not started by the bench) */
  serverCpuMs: number;
  neo4jCpuMs: number;
  queriesPerRequest: number;
  dbHits: number;
  rssMb: number;
  note?: string;
}

interface OpResult {
  op: Operation;
  args: number;
  ours: TargetResult;
  cached: TargetResult | null;
  theirs: TargetResult | null;
  floor: TargetResult;
}

/** A server's representative request: whether it answers, and the dbHits of the Cypher it runs. */
async function probe(child: Child, sample: string): Promise<{ hits: number; note?: string }> {
  await child.capture(true);
  const answer = await post(child.url, sample);
  const captured = await child.capture(false);
  const note = answer.errors?.length ? `errors: ${answer.errors[0]!.message}` : undefined;
  const hits = await dbHits(
    driver,
    captured.map((c) => ({ query: c.query, params: c.name === 'generated' ? (decodeParams(c.params) as Record<string, unknown>) : boltParams(c.params as Record<string, unknown>) })),
  );
  return { hits, ...(note ? { note } : {}) };
}

/** One measured run of a warmed-up server. */
async function runServer(child: Child, bodies: string[], { hits, note }: { hits: number; note?: string }): Promise<TargetResult> {
  const before = await child.stats();
  const load = os.loadavg()[0]!;
  let rss = child.memory().rss;
  const timer = setInterval(() => {
    rss = Math.max(rss, child.memory().rss);
  }, 250);
  const lat = await withCpu(child.proc.pid, () => httpLoad(child.url, bodies, DURATION));
  clearInterval(timer);
  const after = await child.stats();
  const requests = after.requests - before.requests;
  return { ...lat, load, queriesPerRequest: requests ? (after.queries - before.queries) / requests : NaN, dbHits: hits, rssMb: rss, ...(note ? { note } : {}) };
}

async function checkAll(url: string, bodies: string[]): Promise<string | undefined> {
  for (const body of bodies.slice(0, 5)) {
    const r = await post(url, body);
    if (r.errors?.length) return r.errors[0]!.message;
  }
  return undefined;
}

let driver: Driver;

/** What each target is sent for `op`, one per argument set. */
function requestsOf(op: Operation, args: Record<string, unknown>[]) {
  return {
    oursBodies: args.map((a) => JSON.stringify({ query: op.ours.query, variables: op.ours.variables(a) })),
    theirBodies: args.map((a) => JSON.stringify({ query: op.neo4jGraphql.query, variables: op.neo4jGraphql.variables(a) })),
    floorParams: args.map((a) => boltParams(op.floor.params(a))),
    floorQuery: cypher(op.floor.name),
  };
}

/**
 * Before the first measurement, every operation of the run loads every target for the warm-up
 * time: Neo4j's JVM compiles its hot code in the first tens of seconds of a run, and that CPU
 * counted against whichever target was measured first (the entity page on a just-started Neo4j:
 * 8.3 ms of Neo4j CPU a request for ours, measured first, against 3.5 ms once warm).
 */
async function warmUpAll(ops: { op: Operation; args: Record<string, unknown>[] }[], ours: Child, cached: Child | null, theirs: Child | null): Promise<void> {
  for (const { op, args } of ops) {
    log(`${op.name}: first warm-up of every target`);
    await warmUp(requestsOf(op, args), ours, cached, theirs);
  }
}

/** Loads every target with `op`'s requests for the warm-up time, one after the other. */
async function warmUp({ oursBodies, theirBodies, floorParams, floorQuery }: ReturnType<typeof requestsOf>, ours: Child, cached: Child | null, theirs: Child | null): Promise<void> {
  await httpLoad(ours.url, oursBodies, WARMUP);
  if (theirs) await httpLoad(theirs.url, theirBodies, WARMUP);
  await driverLoad(driver, floorQuery, floorParams, WARMUP);
  // the response cache's warm-up stores every argument set's answer: what follows is hits
  if (cached) await httpLoad(cached.url, oursBodies, WARMUP);
}

async function runOperation(op: Operation, ours: Child, cached: Child | null, theirs: Child | null, args: Record<string, unknown>[]): Promise<OpResult> {
  const requests = requestsOf(op, args);
  const { oursBodies, theirBodies, floorParams, floorQuery } = requests;

  // Every target answers a check and a profiled request, then warms up before any is measured:
  // they share one Neo4j, whose JIT-compiled code and page cache would otherwise favour the
  // targets measured after the first.
  log(`${op.name}: warm-up of every target`);
  const oursErr = await checkAll(ours.url, oursBodies);
  const oursProbe = await probe(ours, oursBodies[0]!);
  const theirErr = theirs ? await checkAll(theirs.url, theirBodies) : undefined;
  const theirProbe = theirs ? await probe(theirs, theirBodies[0]!) : null;
  const floorHits = await dbHits(driver, [{ query: floorQuery, params: floorParams[0]! }]);
  await warmUp(requests, ours, cached, theirs);

  log(`${op.name}: ours`);
  const oursRes = await runServer(ours, oursBodies, oursProbe);
  if (oursErr) oursRes.note = `errors: ${oursErr}`;

  let cachedRes: TargetResult | null = null;
  if (cached) {
    log(`${op.name}: ours, response cache on`);
    cachedRes = await runServer(cached, oursBodies, { hits: NaN });
  }

  let theirsRes: TargetResult | null = null;
  if (theirs && theirProbe) {
    log(`${op.name}: @neo4j/graphql`);
    theirsRes = await runServer(theirs, theirBodies, theirProbe);
    if (theirErr) theirsRes.note = `errors: ${theirErr}`;
  }

  log(`${op.name}: floor`);
  const floorLoad = os.loadavg()[0]!;
  const floorLat = await withCpu(undefined, () => driverLoad(driver, floorQuery, floorParams, DURATION));
  return { op, args: args.length, ours: oursRes, cached: cachedRes, theirs: theirsRes, floor: { ...floorLat, load: floorLoad, queriesPerRequest: 1, dbHits: floorHits, rssMb: NaN } };
}

// ---- report ---------------------------------------------------------------------------------

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');

function table(results: OpResult[]): string {
  const head =
    '| operation | target | req/s | p50 ms | p95 ms | p99 ms | DB queries / request | dbHits / request | server CPU ms / request | Neo4j CPU ms / request | server RSS MB | load avg |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const row = (name: string, target: string, r: TargetResult | null) =>
    r
      ? `| ${name} | ${target} | ${f0(r.rps)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${f1(r.queriesPerRequest)} | ${f0(r.dbHits)} | ${f2(r.serverCpuMs)} | ${f2(r.neo4jCpuMs)} | ${f0(r.rssMb)} | ${f1(r.load)} |`
      : `| ${name} | ${target} | not run | | | | | | | | | |`;
  const rows = results.flatMap((r) => [
    row(r.op.name, 'ours', r.ours),
    ...(r.cached ? [row('', 'ours, response cache on', r.cached)] : []),
    row('', '@neo4j/graphql', r.theirs),
    row('', 'floor (driver)', r.floor),
  ]);
  return [head, ...rows].join('\n');
}

function ratios(results: OpResult[]): string {
  const head =
    '| operation | throughput ours / @neo4j/graphql | p50 ours / floor | p50 @neo4j/graphql / floor | dbHits ours / @neo4j/graphql | dbHits ours / floor |\n| --- | ---: | ---: | ---: | ---: | ---: |';
  const x = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');
  return [
    head,
    ...results.map(
      (r) =>
        `| ${r.op.name} | ${r.theirs ? x(r.ours.rps, r.theirs.rps) : '–'} | ${x(r.ours.p50, r.floor.p50)} | ${r.theirs ? x(r.theirs.p50, r.floor.p50) : '–'} | ${r.theirs ? x(r.ours.dbHits, r.theirs.dbHits) : '–'} | ${x(r.ours.dbHits, r.floor.dbHits)} |`,
    ),
  ].join('\n');
}

/** The response cache's figures beside the uncached ones (the targets are judged uncached). */
function cachedRatios(results: OpResult[]): string {
  const measured = results.filter((r) => r.cached);
  if (!measured.length) return '';
  const x = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');
  const head = '| operation | throughput cached / uncached | throughput cached / @neo4j/graphql | p50 cached / floor |\n| --- | ---: | ---: | ---: |';
  return `\n\nResponse cache on (every answer stored during the warm-up, so each measured request is a hit; not counted against the targets):\n\n${[
    head,
    ...measured.map((r) => `| ${r.op.name} | ${x(r.cached!.rps, r.ours.rps)} | ${r.theirs ? x(r.cached!.rps, r.theirs.rps) : '–'} | ${x(r.cached!.p50, r.floor.p50)} |`),
  ].join('\n')}`;
}

function notes(results: OpResult[]): string {
  const lines = results.flatMap((r) => [
    ...(r.ours.note ? [`- ${r.op.name}, ours: ${r.ours.note}`] : []),
    ...(r.theirs?.note ? [`- ${r.op.name}, @neo4j/graphql: ${r.theirs.note}`] : []),
    ...[
      ['ours', r.ours],
      ['ours, response cache on', r.cached],
      ['@neo4j/graphql', r.theirs],
      ['floor', r.floor],
    ].flatMap(([t, x]) => {
      const res = x as TargetResult | null;
      return res?.errors ? [`- ${r.op.name}, ${String(t)}: ${res.errors} failed requests`] : [];
    }),
  ]);
  return lines.length ? lines.join('\n') : '- none: every target answered every checked request without errors';
}

// ---- arguments ------------------------------------------------------------------------------

/**
 * The generator's sampleArguments; if it fails (a graph it does not expect), a simpler random
 * sample of the same shape (cypher/bench/floor-args).
 */
async function sampleArgs(db: Db, count: number): Promise<BenchArguments> {
  try {
    return await sampleArguments(db, count);
  } catch (e) {
    SAMPLER = `the fallback sample of cypher/bench/floor-args (sampleArguments failed: ${(e as Error).message.split('\n')[0]})`;
    log(`sampleArguments failed; using ${SAMPLER}`);
  }
  type Row = { people: BenchArguments['heavyPeople']; events: BenchArguments['events']; facilities: BenchArguments['facilities']; pairs: BenchArguments['connectedPairs'] };
  const [row] = await db.read<Row>('bench/floor-args', { n: count });
  const people = row?.people ?? [];
  const events = row?.events ?? [];
  const day = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  return {
    heavyPeople: people.slice(0, Math.ceil(people.length / 2)),
    lightPeople: people.slice(Math.ceil(people.length / 2)),
    events,
    facilities: row?.facilities ?? [],
    places: [],
    dateRanges: events.map((e, i) => {
      const half = [3, 15, 182][i % 3]!;
      return { from: day(e.date, -half), to: day(e.date, half) };
    }),
    personRanges: await personRangesOf(
      db,
      people.map((p) => p.slug),
    ),
    nameFragments: people.map((p, i) => {
      const w = fold(p.name).split(/\s+/);
      return i % 2 ? w[w.length - 1]!.slice(0, 5) : `${w[0]} ${w[w.length - 1]}`;
    }),
    connectedPairs: row?.pairs ?? [],
    metrics: [],
  };
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const scale = opt.scale ? Number(opt.scale) : undefined;
  let uri = process.env.BENCH_NEO4J_URI;
  let local: LocalNeo4j | null = null;
  if (!uri) {
    if (!scale) throw new Error('give --scale N (the graph in .neo4j/scale-N), or set BENCH_NEO4J_URI');
    const dataDir = path.join(ROOT, '.neo4j', `scale-${scale}`);
    if (!existsSync(dataDir)) {
      log(`no generated graph at ${path.relative(ROOT, dataDir)}: run \`npm run generate -- --scale ${scale}\` first`);
      process.exitCode = 2;
      return;
    }
    log(`starting the local Neo4j on ${path.relative(ROOT, dataDir)}`);
    local = await startLocalNeo4j({ port: 0, dataDir, log: () => {} });
    neo4jPid = local.pid;
    uri = local.uri;
  }
  const auth = process.env.BENCH_NEO4J_USER ? neo4j.auth.basic(process.env.BENCH_NEO4J_USER, process.env.BENCH_NEO4J_PASSWORD ?? '') : undefined;
  // the floor's driver gets the socket settings of both servers' drivers (TCP_NODELAY: see db.ts)
  boltNoDelay();
  driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true });
  // sampling may take longer than an API request is allowed
  const db = new Db(driver, undefined, { readMs: 600_000, writeMs: 600_000 });
  const nodeCount = (await db.read<{ count: number }>('read/count-nodes'))[0]?.count ?? 0;
  log(`graph: ${nodeCount} nodes; sampling arguments`);
  const sampled = await sampleArgs(db, Number(opt.args));

  const ours = await Child.start('our-server.ts', uri, { BENCH_RESPONSE_CACHE: 'off' });
  const cached = !opt['no-cache'] ? await Child.start('our-server.ts', uri, { BENCH_RESPONSE_CACHE: 'on' }) : null;
  let theirs: Child | null = null;
  let theirsFailure = '';
  try {
    theirs = await Child.start('neo4j-graphql-server.ts', uri);
  } catch (e) {
    theirsFailure = (e as Error).message;
    log(`@neo4j/graphql server did not start: ${theirsFailure}`);
  }
  const idle = { ours: ours.memory().rss, theirs: theirs?.memory().rss ?? NaN };

  const only = opt.only?.split(',').map((s) => s.trim());
  const results: OpResult[] = [];
  try {
    const ops = OPERATIONS.filter((o) => !only || only.includes(o.name)).flatMap((op) => {
      const args = op.args(sampled);
      if (!args.length) log(`${op.name}: no arguments in this graph, skipped`);
      return args.length ? [{ op, args }] : [];
    });
    await warmUpAll(ops, ours, cached, theirs);
    for (const { op, args } of ops) results.push(await runOperation(op, ours, cached, theirs, args));
  } finally {
    const peak = { ours: ours.memory().peak, theirs: theirs?.memory().peak ?? NaN };
    await Promise.all([ours.stop(), cached?.stop(), theirs?.stop()]);
    await driver.close();
    await local?.stop();
    if (results.length) report(results, { scale, nodeCount, idle, peak, theirsFailure });
  }
}

function report(results: OpResult[], info: { scale?: number; nodeCount: number; idle: { ours: number; theirs: number }; peak: { ours: number; theirs: number }; theirsFailure: string }): void {
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const date = new Date().toISOString().slice(0, 10);
  const body = `## Scale ${info.scale ?? '(BENCH_NEO4J_URI)'}: ${info.nodeCount.toLocaleString('en-US')} nodes, ${date}

Machine: ${machine}. Neo4j, both servers and the load generator share it; load average before the run: ${LOAD_BEFORE}.
Load: ${CONNECTIONS} connections (the floor: ${CONNECTIONS} concurrent driver loops), a first warm-up of ${WARMUP} s of every target on every operation, then for each operation ${WARMUP} s warm-up of every target and ${DURATION} s measured per target; each request takes the next of up to ${opt.args} argument sets per kind sampled from the graph by ${SAMPLER}.
Server memory (RSS): ours ${f0(info.idle.ours)} MB at start, ${f0(info.peak.ours)} MB peak; @neo4j/graphql ${f0(info.idle.theirs)} MB at start, ${f0(info.peak.theirs)} MB peak.${info.theirsFailure ? `\n@neo4j/graphql was not measured: ${info.theirsFailure}` : ''}

${table(results)}

${ratios(results)}${cachedRatios(results)}

Errors and notes:
${notes(results)}
`;
  process.stdout.write(`\n${body}\n`);
  const out = path.resolve(ROOT, opt.out!);
  const marker = '<!-- bench results: npm run bench writes below this line, newest first -->';
  const current = existsSync(out) ? readFileSync(out, 'utf8') : `# Benchmarks\n\n${marker}\n`;
  const [intro, rest = ''] = current.includes(marker) ? current.split(marker) : [current + '\n', ''];
  writeFileSync(out, `${intro}${marker}\n\n${body}${rest.replace(/^\n+/, '\n')}`);
  log(`results written to ${path.relative(ROOT, out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
