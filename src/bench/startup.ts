/**
 * The first minute after `npm start`: `npm run bench:startup -- [--runs N] [--seconds S] [--clients C] [--no-nlp] [--out report.md]`.
 *
 * Each run starts `kg serve` as a user does (src/chaos/server-process.ts: its own local Neo4j on a
 * fresh data folder, the seed graph loaded, the warm-up), and from the moment it is launched, C
 * clients (default 2) ask the acceptance questions (test/acceptance/*.graphql) and the
 * playground's examples in turn, one at a time each, for S seconds (default 60). Before the port
 * opens a refused connection is retried after 100 ms; a GraphQL request that arrives while the
 * server warms waits for the warm-up, as a user's would. Every answer is classified: a
 * QUERY_TIMEOUT, a DATABASE_* error or a 5xx is what the target counts ("no query timeout in the
 * first minute after `npm start`"); NOT_FOUND is an answer (an example may name what the graph
 * lacks). Prints a Markdown report on stdout (or --out), progress on stderr. A benchmark, not a
 * test: it reports the target met or not, and its exit code is 0 either way unless a run could
 * not start.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXAMPLES } from '../api/examples.js';
import { REPO_ROOT } from '../config/paths.js';
import { agent, classify, post, send } from '../chaos/http.js';
import { defectsOf } from '../chaos/report.js';
import { ServerProcess } from '../chaos/server-process.js';
import { quantile, sleep } from '../chaos/util.js';

const USAGE = `usage: npm run bench:startup -- [--runs N] [--seconds S] [--clients C] [--no-nlp] [--out report.md]

  --runs N      cold starts, each on a fresh data folder (default 2)
  --seconds S   how long after the launch the clients ask (default 60)
  --clients C   clients asking at once, one question at a time each (default 2)
  --no-nlp      start the server with KG_NLP=off (the NLP engine is not needed for reads)
  --out FILE    write the report there instead of stdout`;

/** Error codes that fail the target, beside the reliability suite's defects: the database did not answer in time, or at all. */
const FAILING = /^(QUERY_TIMEOUT|DATABASE_)/;

interface Answer {
  /** ms since the launch when the answer came */
  at: number;
  ms: number;
  key: string;
  failing: boolean;
}

interface Run {
  /** ms from launch to the port's first HTTP answer (/ready, warming), and to /ready 200 */
  listening: number | null;
  ready: number | null;
  answers: Answer[];
  refused: number;
}

function questions(): { name: string; query: string }[] {
  const dir = path.join(REPO_ROOT, 'test', 'acceptance');
  const acceptance = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f.replace(/\.graphql$/, ''), query: readFileSync(path.join(dir, f), 'utf8') }));
  return [...acceptance, ...EXAMPLES.map((e) => ({ name: `example: ${e.name}`, query: e.query }))];
}

async function oneRun(n: number, opts: { seconds: number; clients: number; nlp: boolean }): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-startup-'));
  const launched = Date.now();
  // as `npm start` runs it: the response cache on
  const server = await ServerProcess.launch({ label: `run ${n}`, dir, nlp: opts.nlp, responseCache: true, log: () => {} });
  current = server;
  const run: Run = { listening: null, ready: null, answers: [], refused: 0 };
  const until = launched + opts.seconds * 1000;
  const qs = questions();
  let next = 0;
  const watchReady = (async () => {
    while (Date.now() < until && server.running && run.ready === null) {
      try {
        const res = await fetch(`${server.base}/ready`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        run.listening ??= Date.now() - launched;
        if (res.status === 200) run.ready = Date.now() - launched;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
  })();
  const client = async () => {
    const via = agent(1);
    while (Date.now() < until && server.running) {
      const q = qs[next++ % qs.length]!;
      const a = await send(server.base, post({ query: q.query }), via, Math.max(1000, until - Date.now() + 30_000));
      if (a.status === null && /ECONNREFUSED/.test(a.error ?? '')) {
        run.refused++;
        await sleep(100);
        continue;
      }
      const at = Date.now() - launched;
      const o = classify(a);
      const failing = defectsOf(o).length > 0 || o.codes.some((c) => FAILING.test(c));
      run.answers.push({ at, ms: a.ms, key: `${q.name}: ${o.key}`, failing });
    }
    via.destroy();
  };
  try {
    await Promise.all([watchReady, ...Array.from({ length: opts.clients }, client)]);
  } finally {
    await server.stop();
    current = null;
    rmSync(dir, { recursive: true, force: true });
  }
  return run;
}

const secs = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const msText = (ms: number) => (Number.isNaN(ms) ? '–' : ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`);

function report(runs: Run[], opts: { seconds: number; clients: number; nlp: boolean }, tookMs: number): string {
  const lines: string[] = [];
  lines.push('# The first minute after `npm start`', '');
  lines.push(
    `${new Date().toISOString()}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.versions.node}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end. ` +
      `${runs.length} cold start(s) on fresh data folders, ${opts.clients} client(s) asking the ${questions().length} acceptance questions and playground examples in turn from the launch for ${opts.seconds} s${opts.nlp ? '' : ', KG_NLP=off'}. Took ${(tookMs / 1000).toFixed(0)} s.`,
    '',
  );
  lines.push(
    'Times are from the launch. Questions sent before `/ready` wait for the warm-up (their wait is the "slowest, sent before ready" column); the latencies after it are those of a warmed server.',
    '',
  );
  lines.push('| run | port answers | /ready | answers | failing (timeouts, database errors, 5xx) | slowest, sent before ready | sent after ready: median, p95, slowest |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  runs.forEach((r, i) => {
    const ready = r.ready ?? Number.POSITIVE_INFINITY;
    const before = r.answers.filter((a) => a.at - a.ms < ready).map((a) => a.ms);
    const after = r.answers.filter((a) => a.at - a.ms >= ready).map((a) => a.ms);
    const max = (xs: number[]) => (xs.length ? Math.max(...xs) : Number.NaN);
    lines.push(
      `| ${i + 1} | ${secs(r.listening)} | ${secs(r.ready)} | ${r.answers.length} | ${r.answers.filter((a) => a.failing).length} | ${msText(max(before))} (${before.length}) | ${msText(quantile(after, 0.5))}, ${msText(quantile(after, 0.95))}, ${msText(max(after))} |`,
    );
  });
  const failing = runs.flatMap((r) => r.answers.filter((a) => a.failing));
  if (failing.length) {
    lines.push('', 'Failing answers:', '');
    const by = new Map<string, number>();
    for (const a of failing) by.set(a.key, (by.get(a.key) ?? 0) + 1);
    for (const [k, c] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`- ${k} ×${c}`);
  }
  const answered = runs.every((r) => r.answers.length > 0);
  const ready = runs.every((r) => r.ready !== null);
  const met = answered && ready && failing.length === 0;
  lines.push(
    '',
    `Target, no query timeout in the first minute after \`npm start\`: ${met ? 'met' : 'not met'} (${failing.length} failing answer(s) in ${runs.reduce((n, r) => n + r.answers.length, 0)}` +
      `${answered ? '' : '; a run got no answer at all'}${ready ? '' : '; a run was not ready within the window'}).`,
  );
  return `${lines.join('\n')}\n`;
}

/** The server of the run under way, ended with the process on Ctrl-C. */
let current: ServerProcess | null = null;

async function main(): Promise<void> {
  process.once('SIGINT', () => {
    current?.killNow();
    process.exit(130);
  });
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: 'string', default: '2' },
        seconds: { type: 'string', default: '60' },
        clients: { type: 'string', default: '2' },
        'no-nlp': { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const whole = (name: string, raw: string, min: number): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`--${name} needs a whole number of at least ${min}, not "${raw}"\n\n${USAGE}\n`);
      process.exit(2);
    }
    return n;
  };
  const opts = { seconds: whole('seconds', values.seconds, 5), clients: whole('clients', values.clients, 1), nlp: !values['no-nlp'] };
  const runs = whole('runs', values.runs, 1);
  const started = Date.now();
  const done: Run[] = [];
  for (let i = 1; i <= runs; i++) {
    process.stderr.write(`[startup] run ${i} of ${runs}: launching kg serve, asking for ${opts.seconds} s\n`);
    const r = await oneRun(i, opts);
    process.stderr.write(`[startup] run ${i}: port answers ${secs(r.listening)}, ready ${secs(r.ready)}, ${r.answers.length} answers, ${r.answers.filter((a) => a.failing).length} failing\n`);
    done.push(r);
  }
  const text = report(done, opts, Date.now() - started);
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:startup: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
