/**
 * The canary: one simple query at a time on its own connection, every `everyMs`, sent from a
 * process of its own (canary-process.ts) so that its latencies are the server's and not the
 * event loop of the fuzzer beside it. Its answers join the tally like any other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../config/paths.js';
import { classify, post, type Answer } from './http.js';
import type { Tally } from './report.js';
import type { ServerProcess } from './server-process.js';
import { bump, summarize, type LatencySummary } from './util.js';

export const CANARY_QUERY = 'query Canary($s: String!) { person(slug: $s) { name } }';

/** One answer, as the canary process writes it on a line of its stdout. */
export interface CanaryLine {
  /** when the request was sent (Date.now(), the machine's clock: the one-hostile phase lines it up with the hostile client's blocks) */
  at: number;
  ms: number;
  status: number | null;
  body: string;
  error?: string;
}

/** Runs canary-process.ts and gathers its answers. */
export class Canary {
  readonly latencies: number[] = [];
  /** the answered requests of `latencies`, with when each was sent */
  readonly samples: { at: number; ms: number }[] = [];
  readonly outcomes = new Map<string, number>();
  failures = 0;
  private child: ChildProcess | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly server: ServerProcess,
    private readonly slug: string,
    private readonly tally: Tally,
    readonly everyMs = 100,
  ) {}

  private spawn(count: number): void {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/chaos/canary-process.ts'), this.server.base, this.slug, String(this.everyMs), String(count)], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child = child;
    const request = post({ query: CANARY_QUERY, variables: { s: this.slug } });
    createInterface({ input: child.stdout! }).on('line', (text) => {
      let line: CanaryLine;
      try {
        line = JSON.parse(text) as CanaryLine;
      } catch {
        return;
      }
      const a: Answer = { status: line.status, body: line.body, ms: line.ms, ...(line.error ? { error: line.error } : {}) };
      const o = classify(a);
      this.tally.add('canary', request, a, o);
      bump(this.outcomes, o.key);
      if (a.status === 200 && o.codes.length === 0) {
        this.latencies.push(a.ms);
        this.samples.push({ at: line.at, ms: a.ms });
      } else this.failures++;
    });
    this.done = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** `count` requests, one every `everyMs`, with nothing else running: the usual latency. */
  async baseline(count: number): Promise<LatencySummary> {
    this.spawn(count);
    await this.done;
    const s = summarize(this.latencies);
    this.latencies.length = 0;
    this.samples.length = 0;
    this.outcomes.clear();
    this.failures = 0;
    return s;
  }

  /** Asks until stop(); the figures start afresh. */
  start(): void {
    this.latencies.length = 0;
    this.samples.length = 0;
    this.outcomes.clear();
    this.failures = 0;
    this.spawn(0);
  }

  async stop(): Promise<LatencySummary> {
    this.child?.stdin?.end();
    await this.done;
    return summarize(this.latencies);
  }
}
