/**
 * Phase 1b, read-only: one hostile client at a time. For each kind of hostile request (the
 * heaviest the cost limit accepts, and the ones it refuses), the canary asks its simple query every
 * few tens of milliseconds for `secondsEach` × 2, while one client sends the hostile request back
 * to back in blocks of BLOCK_MS with pauses of BLOCK_MS between them. The canary's answers sent
 * and answered inside a block are "beside" the hostile client; those inside a pause (from
 * GUARD_MS after the block's last answer) are "alone". The two kinds of window alternate every
 * second, so that a machine whose speed drifts (other work on it, a slow spell) weighs on both
 * alike: with one long window of each, the ratio of a kind moved by a third of its value from run
 * to run. The canary's p95 beside each kind, over its p95 alone, is the figure the fairness target
 * judges ("a concurrent simple query during any hostile request answers within 2x its usual
 * latency"). The 8-way fuzz before it is a stronger load (eight clients saturating two cores),
 * reported for information.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../config/paths.js';
import type { Canary } from './canary.js';
import type { HostileBlock, HostileLine } from './hostile-process.js';
import { post, type RawRequest } from './http.js';
import type { FuzzContext } from './fuzz-families.js';
import type { Report, Tally } from './report.js';
import type { ServerProcess } from './server-process.js';
import { bump, histogramText, ms, progress, sleep, summarize, type LatencySummary } from './util.js';

const lit = (s: string): string => JSON.stringify(s);
const q = (query: string, variables?: unknown): RawRequest => post(variables === undefined ? { query } : { query, variables });
const aliases = (n: number, field: (i: number) => string): string => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

/** The hostile requests, heaviest accepted first, then the refused ones. */
function hostileKinds(ctx: FuzzContext): { name: string; request: RawRequest }[] {
  const people = ctx.people;
  const person = (i: number) => people[i % people.length]!;
  const word = (i: number) => ctx.words[i % ctx.words.length]!;
  return [
    {
      name: '16 × events(first: 100) with participants and citations',
      request: q(aliases(16, () => 'events(first: 100) { nodes { title date { iso } participants { person { name } } citations { excerpt } } }')),
    },
    { name: '20 × search(first: 20)', request: q(aliases(20, (i) => `search(query: ${lit(word(i))}, first: 20) { score node { id } }`)) },
    { name: '3 × paths(maxHops: 6, first: 10)', request: q(aliases(3, (i) => `paths(from: ${lit(person(i))}, to: ${lit(person(i + 1))}, maxHops: 6, first: 10) { length hops { relationship } }`)) },
    { name: '60 × person(slug:) with posts and events', request: q(aliases(60, (i) => `person(slug: ${lit(person(i))}) { name posts { role } events(first: 20) { title } }`)) },
    { name: '20 × timeline(entity:)', request: q(aliases(20, (i) => `timeline(entity: ${lit(person(i))}) { date kind }`)) },
    { name: '2,000 fragment spreads', request: q(`{ person(slug: ${lit(person(0))}) { ${'...F '.repeat(2000)} } } fragment F on Person { name aliases id }`) },
    {
      name: 'fragments spreading each other twice, 40 levels',
      request: q(
        `{ person(slug: ${lit(person(0))}) { ...F0 } } ${Array.from({ length: 40 }, (_, i) => (i === 39 ? 'fragment F39 on Person { name }' : `fragment F${i} on Person { ...F${i + 1} ...F${i + 1} }`)).join(' ')}`,
      ),
    },
    { name: '1,000 × person(slug:) (refused)', request: q(aliases(1000, () => `person(slug: ${lit(person(0))}) { name }`)) },
    {
      name: 'fragments expanding to 2^30 fields (refused)',
      request: q(
        `{ person(slug: ${lit(person(0))}) { ...L30 } } fragment L0 on Person { name } ${Array.from({ length: 30 }, (_, j) => `fragment L${j + 1} on Person { ...A${j + 1} ...B${j + 1} } fragment A${j + 1} on Person { ...L${j} } fragment B${j + 1} on Person { ...L${j} }`).join(' ')}`,
      ),
    },
    { name: 'nesting of 5,000 levels (refused)', request: q(`${'{ a '.repeat(5000)}${'}'.repeat(5000)}`) },
    { name: 'search of 40,000 characters (refused)', request: q('query S($q: String!) { search(query: $q) { score } }', { q: 'x'.repeat(40_000) }) },
  ];
}

/** How long the hostile client sends back to back, then pauses, in turn. */
const BLOCK_MS = 1000;
/** Canary answers sent within this long after a block's last answer count in neither window. */
const GUARD_MS = 50;

export interface CanarySample {
  /** when it was sent (Date.now()) */
  at: number;
  ms: number;
}

/**
 * Splits the canary's answers by the hostile client's blocks (its `on` and `off` lines, in order):
 * an answer sent and answered between an `on` and the next `off` is beside the client; one sent at
 * least `guardMs` after an `off` and answered before the next `on` is alone; the rest (straddling a
 * change, or before the first block) count in neither.
 */
export function splitByBlocks(samples: readonly CanarySample[], blocks: readonly HostileBlock[], guardMs = GUARD_MS): { alone: number[]; beside: number[] } {
  const windows: { from: number; to: number; beside: boolean }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    if (b.block === 'on') windows.push({ from: b.at, to: next, beside: true });
    else windows.push({ from: b.at + guardMs, to: next, beside: false });
  }
  const alone: number[] = [];
  const beside: number[] = [];
  for (const s of samples) {
    const w = windows.find((w) => s.at >= w.from && s.at < w.to);
    if (!w || s.at + s.ms > w.to) continue;
    (w.beside ? beside : alone).push(s.ms);
  }
  return { alone, beside };
}

/** False once the hostile client could not be given the lowest CPU priority (the report says so). */
let lowPriority = true;

/**
 * Runs hostile-process.ts for `seconds` at the lowest CPU priority (see there), sending `request`
 * back to back in blocks of BLOCK_MS with pauses of BLOCK_MS; `answer` gets each of its answers,
 * `block` each start and end of a block. Stopped early if the server stops.
 */
function hostileClient(server: ServerProcess, request: RawRequest, seconds: number, answer: (line: HostileLine) => void, block: (line: HostileBlock) => void): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/chaos/hostile-process.ts'), server.base, String(seconds), String(BLOCK_MS), String(BLOCK_MS)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    if (child.pid !== undefined) setPriority(child.pid, 19);
  } catch {
    // not allowed here: the client runs at the priority it inherited, and the report says so
    lowPriority = false;
  }
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: HostileLine | HostileBlock;
    try {
      line = JSON.parse(text) as HostileLine | HostileBlock;
    } catch {
      return; // not an answer line
    }
    if ('block' in line) block(line);
    else answer(line);
  });
  child.stdin!.end(JSON.stringify(request));
  const watch = setInterval(() => {
    if (!server.running) child.kill();
  }, 250);
  return new Promise((resolve) =>
    child.once('exit', () => {
      clearInterval(watch);
      resolve();
    }),
  );
}

interface OneHostileRow {
  name: string;
  alone: LatencySummary;
  sent: number;
  hostileMedian: number;
  outcomes: string;
  canary: LatencySummary;
  ratio: number;
}

export interface OneHostileResult {
  rows: OneHostileRow[];
  /** the largest canary p95 ratio over all kinds */
  worst: number;
}

export async function runOneHostile(server: ServerProcess, ctx: FuzzContext, canary: Canary, secondsEach: number, report: Report, tally: Tally): Promise<OneHostileResult> {
  const section = report.section('Phase 1b: one hostile client at a time (read-only)');
  const rows: OneHostileRow[] = [];
  for (const kind of hostileKinds(ctx)) {
    if (!server.running) break;
    progress(`one-hostile: ${kind.name} for ${secondsEach * 2} s`);
    const outcomes = new Map<string, number>();
    const latencies: number[] = [];
    const blocks: HostileBlock[] = [];
    canary.start();
    await hostileClient(
      server,
      kind.request,
      secondsEach * 2,
      (line) => {
        tally.add(`one-hostile: ${kind.name}`, kind.request, { status: line.outcome.status, body: line.body, ms: line.ms }, line.outcome);
        bump(outcomes, line.outcome.key);
        latencies.push(line.ms);
      },
      (line) => blocks.push(line),
    );
    // a last pause, so that the last block has its quiet window after it too
    await sleep(BLOCK_MS);
    await canary.stop();
    const split = splitByBlocks(canary.samples, blocks);
    const alone = summarize(split.alone);
    const during = summarize(split.beside);
    rows.push({ name: kind.name, alone, sent: latencies.length, hostileMedian: summarize(latencies).median, outcomes: histogramText(outcomes, 4), canary: during, ratio: during.p95 / alone.p95 });
  }
  section.line(
    `For each hostile request, for ${secondsEach * 2} s: one client sends it back to back for ${BLOCK_MS / 1000} s, then pauses ${BLOCK_MS / 1000} s, in turn; the canary asks every ${canary.everyMs} ms on its own connection, and its answers inside the client's blocks are compared with those inside its pauses (from ${GUARD_MS} ms after the block's last answer). ` +
      (lowPriority
        ? 'The hostile client runs in a process of its own at the lowest CPU priority (nice 19), standing in for a client on another machine: on this machine its own CPU would otherwise be counted against the server.'
        : 'The hostile client could not be given a lower CPU priority here: its own CPU counts against the server in these figures.'),
  );
  section.table(
    ['hostile request', 'sent', 'its median', 'its answers', 'canary alone: median, p95', 'beside it: median, p95', 'p95 / alone'],
    rows.map((r) => [r.name, r.sent, ms(r.hostileMedian), r.outcomes, `${ms(r.alone.median)}, ${ms(r.alone.p95)}`, `${ms(r.canary.median)}, ${ms(r.canary.p95)}`, `${r.ratio.toFixed(2)}×`]),
  );
  const worst = rows.length ? Math.max(...rows.map((r) => r.ratio)) : Number.NaN;
  return { rows, worst };
}
