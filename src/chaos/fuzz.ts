/**
 * Phase 1, read-only fuzz: N requests drawn from the families of fuzz-families.ts at a fixed
 * concurrency, each answer classified; a canary query alone on its own connection measures what
 * the fuzz costs everyone else; the graph's checksum, over Bolt, before and after. Also the
 * dedicated alias-bomb check: each bomb must be refused (QUERY_TOO_COMPLEX) before any Neo4j
 * query runs, as the server's own query counter in /metrics shows.
 */
import type { Agent } from 'node:http';
import os from 'node:os';
import { Canary } from './canary.js';
import { graphDifference, sameGraph, type GraphChecksum } from './checksum.js';
import { agent, classify, gql, send, type Answer, type Outcome, type RawRequest } from './http.js';
import { aliasBombs, FAMILIES, pickFamily, type FuzzContext } from './fuzz-families.js';
import type { Report, Tally } from './report.js';
import { checksumOf } from './outage.js';
import { cpuSeconds, type ServerProcess } from './server-process.js';
import { bump, histogramText, ms, progress, seeded, summarize, type LatencySummary } from './util.js';

export interface FuzzOptions {
  requests: number;
  seed: number;
  concurrency: number;
  /** the phase stops sending at this point, whatever is left */
  deadlineMs: number;
}

export interface FuzzResult {
  sent: number;
  crashed: boolean;
  canaryBefore: LatencySummary;
  canaryDuring: LatencySummary;
  canaryFailures: number;
  p95Ratio: number;
  aliasBombs: { name: string; outcome: string; queries: number | null; ms: number }[];
  /** the graph over Bolt before and after (null after: the server exited) */
  checksums: { before: GraphChecksum; after: GraphChecksum | null };
}

/** Names from the graph for the valid queries (and the canary's slug). */
export async function fuzzContext(server: ServerProcess, via: Agent): Promise<FuzzContext> {
  const { body } = await gql<{
    people: { nodes: { slug: string; name: string }[] };
    organizations: { nodes: { slug: string; name: string }[] };
    places: { nodes: { slug: string; name: string }[] };
    events: { nodes: { id: string; title: string }[] };
    documents: { nodes: { fileName: string | null }[] };
  }>(
    server.base,
    via,
    `{ people(first: 100) { nodes { slug name } } organizations(first: 100) { nodes { slug name } } places(first: 100) { nodes { slug name } }
       events(first: 100) { nodes { id title } } documents(first: 100) { nodes { fileName } } }`,
  );
  const d = body?.data;
  if (!d?.people?.nodes?.length) throw new Error(`the graph answered no people: ${JSON.stringify(body).slice(0, 300)}`);
  const names = [...d.people.nodes.map((p) => p.name), ...d.organizations.nodes.map((o) => o.name), ...d.events.nodes.map((e) => e.title)];
  const words = [...new Set(names.flatMap((n) => n.split(/\s+/)).filter((w) => w.length > 2))];
  return {
    people: d.people.nodes.map((p) => p.slug),
    organizations: d.organizations.nodes.map((o) => o.slug),
    places: d.places.nodes.map((p) => p.slug),
    eventIds: d.events.nodes.map((e) => e.id),
    documentFiles: d.documents.nodes.map((x) => x.fileName).filter((f): f is string => !!f),
    words: words.length ? words : ['salud'],
  };
}

/** Total Neo4j queries the server's driver ran, from /metrics; null when it has no such metric. */
async function neo4jQueryCount(server: ServerProcess, via: Agent): Promise<number | null> {
  const a = await send(server.base, { method: 'GET', path: '/metrics' }, via, 10_000);
  if (a.status !== 200) return null;
  let total: number | null = null;
  for (const line of a.body.split('\n')) {
    const m = /^kg_neo4j_query_duration_seconds_count(?:\{[^}]*\})? ([0-9.e+]+)$/.exec(line);
    if (m) total = (total ?? 0) + Number(m[1]);
  }
  return total;
}

interface FamilyFigures {
  sent: number;
  outcomes: Map<string, number>;
  latencies: number[];
}

export async function runFuzz(server: ServerProcess, opts: FuzzOptions, report: Report, tally: Tally): Promise<FuzzResult> {
  const section = report.section('Phase 1: fuzz (read-only)');
  const via = agent(opts.concurrency);
  const ctx = await fuzzContext(server, via);
  const checksumBefore = await checksumOf(server);
  const canarySlug = ctx.people[0]!;

  // the usual latency, with nothing else running
  const canary = new Canary(server, canarySlug, tally);
  progress(`fuzz: canary baseline (50 requests alone, slug ${canarySlug})`);
  const before = await canary.baseline(50);

  // the alias bombs, one at a time on a quiet server, with the server's query counter around each
  const bombs: FuzzResult['aliasBombs'] = [];
  for (const bomb of aliasBombs(ctx)) {
    const q0 = await neo4jQueryCount(server, via);
    const a = await send(server.base, bomb.request, via, 60_000);
    const o = classify(a);
    tally.add('alias-bomb check', bomb.request, a, o);
    const q1 = await neo4jQueryCount(server, via);
    bombs.push({ name: bomb.name, outcome: o.key, queries: q0 === null || q1 === null ? null : q1 - q0, ms: a.ms });
  }
  section.line('Alias bombs, each sent alone on a quiet server (Neo4j queries: growth of `kg_neo4j_query_duration_seconds_count` in /metrics across the request):');
  section.table(
    ['bomb', 'answer', 'Neo4j queries run', 'time'],
    bombs.map((b) => [b.name, b.outcome, b.queries ?? 'no /metrics', ms(b.ms)]),
  );

  // the fuzz itself
  const figures = new Map<string, FamilyFigures>(FAMILIES.map((f) => [f.name, { sent: 0, outcomes: new Map(), latencies: [] }]));
  const started = Date.now();
  const deadline = started + opts.deadlineMs;
  let next = 0;
  let done = 0;
  let crashed = false;
  const cpu = { harness: process.cpuUsage(), server: cpuSeconds(server.pid), neo4jPid: server.neo4jPid() };
  const neo4jCpu = cpu.neo4jPid === null ? null : cpuSeconds(cpu.neo4jPid);
  canary.start();
  progress(`fuzz: ${opts.requests} requests at concurrency ${opts.concurrency}, seed ${opts.seed}`);
  const worker = async () => {
    for (;;) {
      if (!server.running) {
        crashed = true;
        return;
      }
      if (Date.now() > deadline) return;
      const i = next++;
      if (i >= opts.requests) return;
      // one PRNG per request: the same seed gives the same requests whatever the scheduling
      const rng = seeded((opts.seed * 1_000_003 + i) >>> 0);
      const family = pickFamily(rng);
      let req: RawRequest;
      try {
        req = family.make(rng, ctx);
      } catch (e) {
        throw new Error(`fuzz family ${family.name} could not build request ${i}: ${String(e)}`, { cause: e });
      }
      const a: Answer = await send(server.base, req, via, 30_000);
      const o: Outcome = classify(a);
      tally.add(family.name, req, a, o);
      const f = figures.get(family.name)!;
      f.sent++;
      f.latencies.push(a.ms);
      bump(f.outcomes, o.key);
      done++;
      if (done % 500 === 0) progress(`fuzz: ${done}/${opts.requests} answered (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const harnessCpu = process.cpuUsage(cpu.harness);
  const serverCpu = cpu.server === null ? null : (cpuSeconds(server.pid) ?? Number.NaN) - cpu.server;
  const neo4jUsed = neo4jCpu === null || cpu.neo4jPid === null ? null : (cpuSeconds(cpu.neo4jPid) ?? Number.NaN) - neo4jCpu;
  const during = await canary.stop();
  via.destroy();
  if (!server.running) crashed = true;
  const elapsed = (Date.now() - started) / 1000;
  const sent = [...figures.values()].reduce((s, f) => s + f.sent, 0);
  progress(`fuzz: ${sent} requests answered in ${elapsed.toFixed(0)} s${crashed ? '; the server exited' : ''}`);

  section.line(
    `${sent} of ${opts.requests} requests sent in ${elapsed.toFixed(1)} s (concurrency ${opts.concurrency}, seed ${opts.seed}${Date.now() > deadline ? `; stopped at the ${opts.deadlineMs / 1000} s deadline` : ''})${crashed ? `; **the server exited** (${JSON.stringify(server.exit)})` : ''}.`,
  );
  section.table(
    ['family', 'sent', 'p50', 'max', 'outcomes (status and error codes)'],
    FAMILIES.map((fam) => {
      const f = figures.get(fam.name)!;
      const l = summarize(f.latencies);
      return [fam.name, f.sent, ms(l.median), ms(l.max), histogramText(f.outcomes, 10)];
    }),
  );
  const share = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${x.toFixed(1)} s (${((x / elapsed) * 100).toFixed(0)}% of one core)`);
  section.line(
    `CPU used during the fuzz (${os.cpus().length} cores): the server process ${share(serverCpu)}, its Neo4j ${share(neo4jUsed)}, the fuzzer itself ${share((harnessCpu.user + harnessCpu.system) / 1e6)}.`,
  );
  const ratio = during.p95 / before.p95;
  section.line(`Canary (\`person(slug: "${canarySlug}") { name }\`, every 100 ms on its own connection):`);
  section.table(
    ['', 'answered', 'median', 'p95', 'max'],
    [
      ['alone, before', before.count, ms(before.median), ms(before.p95), ms(before.max)],
      ['during the fuzz', during.count, ms(during.median), ms(during.p95), ms(during.max)],
    ],
  );
  section.line(`p95 during / before: ${ratio.toFixed(2)}×. Canary answers that failed during the fuzz: ${canary.failures}${canary.failures ? ` (${histogramText(canary.outcomes)})` : ''}.`);
  const checksumAfter = server.running ? await checksumOf(server) : null;
  const b = checksumBefore;
  section.line(
    `Graph checksum (over Bolt) before and after: ${checksumAfter ? (sameGraph(b, checksumAfter) ? `equal (${b.nodes} nodes, ${b.relationships} relationships; ${b.structure.slice(0, 16)})` : `different: ${graphDifference(b, checksumAfter)}`) : 'not taken after: the server exited'}.`,
  );
  return { sent, crashed, canaryBefore: before, canaryDuring: during, canaryFailures: canary.failures, p95Ratio: ratio, aliasBombs: bombs, checksums: { before: b, after: checksumAfter } };
}
