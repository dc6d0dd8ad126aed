/**
 * `npm run chaos`: the reliability suite. It starts the server as a user does (`kg serve`, with
 * its own local Neo4j on a fresh data folder), then, phase by phase:
 *
 *   fuzz               N hostile or careless requests, read-only; a canary measures latency
 *   one-hostile        each kind of hostile request from one client at a time, beside the canary
 *   neo4j-kill-reads   Neo4j SIGKILLed under reads, three times: does the server bring it back?
 *   neo4j-kill-writes  Neo4j SIGKILLed with ingestDocument mutations in flight: partial writes?
 *   concurrent-ingest  eight documents naming the same people, at once and one at a time
 *
 * and prints a report (Markdown) with a final table of checks, each with its target. Exit code
 * 0 when every check measured passes, 1 otherwise. Loopback only; every server, Neo4j and NLP
 * engine it started is stopped at the end, on Ctrl-C and on errors, and its temp folders removed.
 *
 *   npm run chaos -- [--requests N] [--seed S] [--out report.md] [--only fuzz,neo4j-kill-reads,...]
 *                    [--no-nlp] [--restart-wait SECONDS (default 180)]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../config/paths.js';
import { sameGraph } from './checksum.js';
import { runConcurrent, type ConcurrentResult } from './concurrent.js';
import { agent } from './http.js';
import { Canary } from './canary.js';
import { fuzzContext, runFuzz, type FuzzResult } from './fuzz.js';
import { runOneHostile, type OneHostileResult } from './one-hostile.js';
import { checksumOf, runKillReads, runKillWrites, type KillReadsResult, type KillWritesResult } from './outage.js';
import { Report, Tally } from './report.js';
import { endProcessesUsing, ServerProcess } from './server-process.js';
import { progress, secs } from './util.js';

const PHASES = ['fuzz', 'one-hostile', 'neo4j-kill-reads', 'neo4j-kill-writes', 'concurrent-ingest'] as const;
type Phase = (typeof PHASES)[number];

const USAGE = `usage: npm run chaos -- [--requests N] [--seed S] [--out report.md] [--only ${PHASES.join(',')}] [--no-nlp] [--restart-wait SECONDS]`;

interface Options {
  requests: number;
  seed: number;
  out: string | null;
  only: Set<Phase>;
  nlp: boolean;
  /** how long to wait for the server to start a killed Neo4j again */
  restartWaitMs: number;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      only: { type: 'string' },
      'no-nlp': { type: 'boolean', default: false },
      'restart-wait': { type: 'string', default: '180' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const whole = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min} (got "${raw}")`);
    return n;
  };
  const only = new Set<Phase>();
  for (const p of (values.only ?? PHASES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!(PHASES as readonly string[]).includes(p)) throw new Error(`--only: unknown phase "${p}" (phases: ${PHASES.join(', ')})`);
    only.add(p as Phase);
  }
  return {
    requests: whole('requests', values.requests!, 1),
    seed: whole('seed', values.seed!, 0),
    out: values.out ?? null,
    only,
    nlp: !values['no-nlp'],
    restartWaitMs: whole('restart-wait', values['restart-wait']!, 1) * 1000,
  };
}

/** Minutes and deadlines of each phase (the whole suite aims at under 10 minutes on 2 cores). */
const READY_TIMEOUT_MS = 5 * 60_000;
const FUZZ_DEADLINE_MS = 4 * 60_000;
const ONE_HOSTILE_SECONDS = 8;

function gitDescription(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'cypher', 'neo4j-local'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return `${head}${dirty ? ` with uncommitted changes (${dirty.split('\n').length} files)` : ''}`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = options(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'kg-chaos-'));
  const servers = new Set<ServerProcess>();
  let serial = 0;
  const report = new Report();
  const tally = new Tally();
  const started = Date.now();
  const crashes: string[] = [];

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      for (const s of servers) s.killNow();
      rmSync(root, { recursive: true, force: true });
      process.exit(130);
    }
    interrupted = true;
    progress(`${signal}: stopping the servers (again to kill them at once)`);
    void Promise.all([...servers].map((s) => s.stop(10_000)))
      .then(() => endProcessesUsing(root, 5000))
      .finally(() => {
        rmSync(root, { recursive: true, force: true });
        process.exit(130);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => {
    for (const s of servers) if (s.running) s.killNow();
  });

  const launch = async (label: string, dir?: string): Promise<ServerProcess> => {
    const folder = dir ?? path.join(root, `${++serial}-${label}`);
    mkdirSync(folder, { recursive: true });
    const t = Date.now();
    const server = await ServerProcess.launch({ label, dir: folder, nlp: opts.nlp, log: progress });
    servers.add(server);
    progress(`${label}: starting kg serve on port ${server.port} (Neo4j on ${server.boltPort}, data in ${server.dataDir})`);
    if (!(await server.waitReady(READY_TIMEOUT_MS))) {
      const why = server.running ? `not ready within ${READY_TIMEOUT_MS / 1000} s` : `exited (${JSON.stringify(server.exit)})`;
      throw new Error(`the ${label} server ${why}. Its last lines:\n${server.lastLines(30)}`);
    }
    progress(`${label}: ready after ${secs(Date.now() - t)}`);
    return server;
  };
  const interruptions: string[] = [];
  const stop = async (server: ServerProcess): Promise<void> => {
    if (server.stoppedFromOutside && !interruptions.includes(server.opts.label)) {
      interruptions.push(server.opts.label);
      report.note(
        `The ${server.opts.label} server (pid ${server.pid}) was stopped by a signal the suite did not send (another process on this machine): the figures after that point are not the server's.`,
      );
    }
    if (server.crashed && !crashes.some((c) => c.startsWith(`${server.opts.label} (pid ${server.pid})`))) {
      crashes.push(`${server.opts.label} (pid ${server.pid}): ${JSON.stringify(server.exit)}`);
      report.note(
        `The ${server.opts.label} server (pid ${server.pid}) exited by itself (${JSON.stringify(server.exit)}). Its last lines:\n\n  \`\`\`\n${server
          .lastLines(25)
          .split('\n')
          .map((l) => `  ${l.slice(0, 400)}`)
          .join('\n')}\n  \`\`\``,
      );
    }
    await server.stop();
    servers.delete(server);
  };

  let fuzz: FuzzResult | null = null;
  let oneHostile: (OneHostileResult & { same: boolean }) | null = null;
  let reads: KillReadsResult | null = null;
  let writes: KillWritesResult | null = null;
  let concurrent: ConcurrentResult | null = null;
  let failure: string | null = null;

  try {
    if (opts.only.has('fuzz') || opts.only.has('one-hostile') || opts.only.has('neo4j-kill-reads') || opts.only.has('neo4j-kill-writes')) {
      let server = await launch('main');
      const probe = agent(1);
      const ctx = await fuzzContext(server, probe);
      probe.destroy();
      if (opts.only.has('fuzz')) {
        progress('phase fuzz');
        fuzz = await runFuzz(server, { requests: opts.requests, seed: opts.seed, concurrency: 8, deadlineMs: FUZZ_DEADLINE_MS }, report, tally);
      }
      if (opts.only.has('one-hostile') && server.running) {
        progress('phase one-hostile');
        const before = await checksumOf(server);
        const canary = new Canary(server, ctx.people[0]!, tally, 50);
        await canary.baseline(30); // warms the canary's query and connection; not counted
        const result = await runOneHostile(server, ctx, canary, ONE_HOSTILE_SECONDS, report, tally);
        const after = server.running ? await checksumOf(server) : null;
        oneHostile = { ...result, same: !!after && sameGraph(before, after) };
      }
      if (server.crashed && (opts.only.has('neo4j-kill-reads') || opts.only.has('neo4j-kill-writes'))) {
        // a crash is a finding; the next phases still run, on the server started again on the same data
        progress('the server exited during the fuzz; starting it again on the same data for the next phases');
        const dir = server.opts.dir;
        await stop(server);
        server = await launch('main', dir);
      }
      if (opts.only.has('neo4j-kill-reads') && server.running) {
        progress('phase neo4j-kill-reads');
        reads = await runKillReads(server, ctx.people, { seed: opts.seed, cycles: 3, restartWaitMs: opts.restartWaitMs }, report, tally);
        if (!reads.restarted && opts.only.has('neo4j-kill-writes')) {
          // Neo4j stays down: start the server again on the same data, as a user would, for the next phase
          progress('neo4j-kill-reads: Neo4j was not restarted; starting the server again on the same data for the next phase');
          const dir = server.opts.dir;
          await stop(server);
          server = await launch('main', dir);
        }
      }
      if (opts.only.has('neo4j-kill-writes') && server.running) {
        progress('phase neo4j-kill-writes');
        writes = await runKillWrites(
          server,
          async (previous) => {
            const dir = previous.opts.dir;
            await stop(previous);
            return launch('main', dir);
          },
          { seed: opts.seed, cycles: 3, restartWaitMs: reads && !reads.restarted ? 15_000 : opts.restartWaitMs, concurrency: 4, probeSlug: ctx.people[0]! },
          report,
          tally,
        );
        server = writes.server;
      }
      await stop(server);
    }
    if (opts.only.has('concurrent-ingest')) {
      progress('phase concurrent-ingest');
      concurrent = await runConcurrent((label) => launch(label), stop, report, tally);
    }
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    progress(`the run stopped: ${failure}`);
    report.note(`The run stopped before its end: ${failure}`);
  } finally {
    for (const s of [...servers]) await stop(s);
    await endProcessesUsing(root);
    rmSync(root, { recursive: true, force: true });
  }

  // ---- the summary ----
  const measured = <T>(x: T | null, f: (x: T) => boolean): boolean | null => (x === null ? null : f(x));
  report.check('requests sent', tally.requests, '–', null);
  report.check('5xx other than typed 503s', tally.untyped5xx, '0', tally.untyped5xx === 0);
  report.check('typed 503s (DATABASE_BUSY, DATABASE_UNAVAILABLE)', tally.typed503, '–', null);
  report.check('crashes (server exited by itself)', crashes.length, '0', crashes.length === 0);
  report.check('stack traces leaked', tally.stackLeaks, '0', tally.stackLeaks === 0);
  report.check('untyped errors (no code, or INTERNAL_SERVER_ERROR)', `${tally.untypedErrors} in ${tally.untypedResponses} responses`, '0', tally.untypedErrors === 0);
  report.check('requests without an answer (timeout, connection reset)', tally.noAnswer, '0', tally.noAnswer === 0);
  if (fuzz) {
    const refused = fuzz.aliasBombs.filter((b) => b.outcome.includes('QUERY_TOO_COMPLEX') && (b.queries === null || b.queries === 0)).length;
    report.check(
      'alias bombs refused before any query (QUERY_TOO_COMPLEX, no Neo4j query in /metrics)',
      `${refused} of ${fuzz.aliasBombs.length} (${fuzz.aliasBombs.map((b) => `${b.outcome}, ${b.queries ?? '?'} queries`).join('; ')})`,
      `${fuzz.aliasBombs.length} of ${fuzz.aliasBombs.length}`,
      refused === fuzz.aliasBombs.length,
    );
    report.check(
      'canary p95 during the 8-client fuzz / alone (both cores saturated; for information)',
      `${fuzz.p95Ratio.toFixed(2)}× (${fuzz.canaryBefore.p95.toFixed(1)} → ${fuzz.canaryDuring.p95.toFixed(1)} ms)`,
      '–',
      null,
    );
  } else {
    report.check('alias bombs refused before any query', '–', '3 of 3', null);
  }
  if (oneHostile) {
    const worst = oneHostile.rows.find((r) => r.ratio === oneHostile!.worst);
    report.check(
      'canary p95 beside one hostile client / alone (worst kind)',
      `${oneHostile.worst.toFixed(2)}×${worst ? ` (${worst.name}: ${worst.alone.p95.toFixed(1)} → ${worst.canary.p95.toFixed(1)} ms)` : ''}`,
      '≤ 2×',
      oneHostile.worst <= 2,
    );
  } else {
    report.check('canary p95 beside one hostile client / alone (worst kind)', '–', '≤ 2×', null);
  }
  if (reads) {
    const worstOf = (xs: (number | null)[]) => (xs.length && xs.every((x) => x !== null) ? Math.max(...(xs as number[])) : null);
    const worstPort = worstOf(reads.cycles.map((c) => c.recoveryMs));
    const worst = worstOf(reads.cycles.map((c) => c.onlineRecoveryMs));
    const complete = reads.restarted && reads.cycles.length > 0 && worst !== null;
    report.check('recovery: Bolt port back → first successful read (max of runs; the port opens before the database is online)', worstPort !== null ? secs(worstPort) : '–', '–', null);
    report.check(
      'recovery: database online (RETURN 1 over Bolt) → first successful read (max of runs)',
      complete ? secs(worst) : reads.restarted ? 'no successful read' : 'not restarted',
      '< 5 s',
      complete ? worst < 5000 : false,
    );
    report.check('Neo4j restarted by the server', reads.restarted ? `yes (${reads.cycles.length} of ${reads.cycles.length})` : 'no', 'yes', reads.restarted);
    report.check('error answers during the outage that are typed 503s', `${reads.typed503} of ${reads.outageAnswers}`, 'all', reads.outageAnswers > 0 && reads.typed503 === reads.outageAnswers);
  } else {
    report.check('recovery: database online (RETURN 1 over Bolt) → first successful read (max of runs)', '–', '< 5 s', null);
    report.check('Neo4j restarted by the server', '–', 'yes', null);
  }
  report.check(
    'partial writes',
    writes ? `${writes.partial} (${writes.inFlight} documents in flight at a kill, ${writes.documents} sent)` : '–',
    '0',
    measured(writes, (w) => w.partial === 0),
  );
  report.check(
    'acknowledged documents missing after a kill',
    writes ? writes.acknowledgedLost : '–',
    '0',
    measured(writes, (w) => w.acknowledgedLost === 0),
  );
  report.check(
    'duplicates (concurrent minus sequential)',
    concurrent ? concurrent.duplicates : '–',
    '0',
    measured(concurrent, (c) => c.duplicates === 0),
  );
  report.check(
    'lost citations (concurrent vs sequential)',
    concurrent ? concurrent.lostCitations : '–',
    '0',
    measured(concurrent, (c) => c.lostCitations === 0),
  );
  report.check(
    'concurrent and sequential (same order) checksums equal',
    concurrent ? (concurrent.checksumsMatch ? 'yes' : 'no') : '–',
    'yes',
    measured(concurrent, (c) => c.checksumsMatch),
  );
  // Not a race: event resolution compares a new event with each stored one, and "the same event"
  // is not transitive (three bulletins two days apart chain in one order and not in another).
  // Reported for the resolution rules; the writer's target is the row above.
  report.check('one at a time in two orders: same checksum (event resolution; for information)', concurrent ? (concurrent.orderIndependent ? 'yes' : 'no') : '–', '–', null);
  report.check(
    'same document sent 4 times at once: newDocument: true',
    concurrent ? `${concurrent.newDocumentTrue} of 4` : '–',
    'exactly 1',
    measured(concurrent, (c) => c.newDocumentTrue === 1),
  );
  report.check(
    'same document sent 4 times: graph as after one send',
    concurrent ? (concurrent.sameAsOneSend ? 'yes' : 'no') : '–',
    'yes',
    measured(concurrent, (c) => c.sameAsOneSend),
  );
  const readOnly: string[] = [];
  let readOnlyOk: boolean | null = null;
  if (fuzz) {
    const { before: b, after: a } = fuzz.checksums;
    const eq = !!a && sameGraph(b, a);
    readOnly.push(`fuzz ${eq ? 'equal' : 'different'}`);
    readOnlyOk = eq;
  }
  if (oneHostile) {
    readOnly.push(`one-hostile ${oneHostile.same ? 'equal' : 'different'}`);
    readOnlyOk = (readOnlyOk ?? true) && oneHostile.same;
  }
  if (reads) {
    const eq = !!reads.after && sameGraph(reads.before, reads.after);
    readOnly.push(`kill-reads ${reads.after ? (eq ? 'equal' : 'different') : 'not taken'}`);
    readOnlyOk = (readOnlyOk ?? true) && eq;
  }
  report.check('graph checksum equal before/after the read-only phases', readOnly.join(', ') || '–', 'yes', readOnlyOk);
  if (failure || interruptions.length) report.check('the suite ran to its end, undisturbed', failure ? 'no' : `servers stopped from outside: ${interruptions.join(', ')}`, 'yes', false);

  const header = [
    `${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC; ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; Node.js ${process.version}.`,
    `Repository at ${gitDescription()}. Options: --requests ${opts.requests} --seed ${opts.seed} --only ${[...opts.only].join(',')}${opts.nlp ? '' : ' --no-nlp'}. Took ${secs(Date.now() - started)}.`,
    crashes.length ? `Server exits nobody asked for: ${crashes.join('; ')}.` : '',
  ].filter(Boolean);
  const text = report.markdown(header, tally);
  process.stdout.write(text);
  if (opts.out) writeFileSync(opts.out, text);
  return report.passed && !failure ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`chaos: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
