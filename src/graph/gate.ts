import { availableParallelism } from 'node:os';
import pLimit, { type LimitFunction } from 'p-limit';
import { positiveIntFromEnv } from '../config/numbers.js';

/**
 * How many Neo4j reads may run at once. Neo4j serves each running query with one of its worker
 * threads; a request that sends hundreds at once (a page of aliases, a fan-out of batch loaders)
 * used to take every one of them, so a concurrent user's one-node lookup waited seconds behind it
 * and parts of both answered errors. Reads now pass two gates: the request's own (REQUEST_READS
 * at a time: its other reads queue behind its own) and the server's (a few dozen at a time, first
 * come first served). A read that waits longer than `queueMs` for the server's gate is refused with
 * DatabaseBusyError: the database is saturated, the client should retry shortly.
 */
export interface ReadConcurrency {
  /** reads of all requests running at once; KG_DB_CONCURRENCY, default 16 */
  overall: number;
  /** reads of one request running at once; KG_DB_REQUEST_CONCURRENCY, default half the machine's cores (REQUEST_READS) */
  perRequest: number;
  /** how long a heavy request's step waits at most for light requests in flight (LightFirst); default 50 */
  lightWaitMs: number;
  /** how long a read may wait for the server's gate before DATABASE_BUSY; KG_DB_QUEUE_MS, default 5000 */
  queueMs: number;
}

/**
 * Reads one request may run at once by default: half the machine's cores, at least 1. A request
 * whose reads take every core leaves none to the other clients' queries when Neo4j runs on the
 * same machine (the local one `npm start` launches): on the 2-core machine, 2 at a time made a concurrent
 * one-person lookup's p95 2.15 to 2.74 times its usual beside 20 searches, 20 timelines, 16 pages
 * of 100 events or 60 lookups sent back to back; 1 at a time, 1.59 to 1.75 times, while those
 * requests took longer alone (20 searches 75 -> 188 ms median, 16 pages 187 -> 279 ms).
 */
export const REQUEST_READS = Math.max(1, Math.floor(availableParallelism() / 2));

export const DEFAULT_READ_CONCURRENCY: ReadConcurrency = { overall: 16, perRequest: REQUEST_READS, lightWaitMs: 50, queueMs: 5_000 };

export function readConcurrencyFromEnv(env: NodeJS.ProcessEnv = process.env): ReadConcurrency {
  return {
    overall: positiveIntFromEnv(env, 'KG_DB_CONCURRENCY', DEFAULT_READ_CONCURRENCY.overall),
    perRequest: positiveIntFromEnv(env, 'KG_DB_REQUEST_CONCURRENCY', DEFAULT_READ_CONCURRENCY.perRequest),
    queueMs: positiveIntFromEnv(env, 'KG_DB_QUEUE_MS', DEFAULT_READ_CONCURRENCY.queueMs),
    lightWaitMs: DEFAULT_READ_CONCURRENCY.lightWaitMs,
  };
}

/** The database is saturated: a read waited too long for its turn. Retryable (DATABASE_BUSY, HTTP 503). */
export class DatabaseBusyError extends Error {
  override readonly name = 'DatabaseBusyError';
  constructor(
    readonly waitedMs: number,
    readonly retryAfterSeconds = 1,
  ) {
    super(`The graph database is busy: a query waited ${waitedMs} ms for its turn`);
  }
}

/**
 * A concurrency gate (p-limit's queue, first come first served) whose waiters give up after
 * `queueMs` (p-limit has no such bound: a waiter would wait behind any flood). A waiter that gave
 * up is skipped when its turn comes.
 */
export class Gate {
  private readonly limit: LimitFunction;

  constructor(
    concurrency: number,
    private readonly queueMs: number | null = null,
  ) {
    this.limit = pLimit(concurrency);
  }

  get running(): number {
    return this.limit.activeCount;
  }

  get waiting(): number {
    return this.limit.pendingCount;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.queueMs === null) return this.limit(work);
    const queued = Date.now();
    let gaveUp = false;
    let timer: NodeJS.Timeout | undefined;
    const turn = this.limit(async () => {
      if (gaveUp) return undefined as T;
      clearTimeout(timer);
      return work();
    });
    // only the first to settle counts; the other is ignored
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(new DatabaseBusyError(Date.now() - queued));
      }, this.queueMs!);
    });
    turn.catch(() => {});
    return Promise.race([turn, timeout]);
  }
}

/**
 * Light requests first. A light request (a few lookups, the page a person opens; see isLight in
 * api/priority.ts) marks itself in flight for as long as it runs; a heavy one
 * (pages of a hundred items, dozens of aliases, searches, path searches) waits, before it starts
 * executing and before each of its reads, until no light request is in flight, or `maxWaitMs`
 * at most, so that a steady stream of light requests slows heavy ones without stopping them.
 *
 * Why: Node runs one request's work at a time, and Neo4j shares two cores with it here. A client
 * sending heavy requests back to back kept the server busy between each of a concurrent lookup's
 * steps (its arrival, its read, its answer): the lookup's p95 grew 1.3 to 2.7 times its usual
 * (`npm run chaos -- --only one-hostile`). Deferring the heavy request's next step while a light
 * one is in flight leaves the light one to wait only for the step already running: beside 60
 * aliased lookups sent back to back, 2.51 -> 1.83 times (with the root fields' turns, priority.ts).
 */
export class LightFirst {
  private light = 0;
  private readonly waiters = new Set<() => void>();

  constructor(readonly maxWaitMs: number) {}

  /** Light requests in flight. */
  get inFlight(): number {
    return this.light;
  }

  /** Heavy requests' steps waiting for them. */
  get waiting(): number {
    return this.waiters.size;
  }

  /** A light request starts; call the function returned when it ends (again: no effect). */
  enter(): () => void {
    this.light++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (--this.light === 0) {
        const waiting = [...this.waiters];
        this.waiters.clear();
        for (const w of waiting) w();
      }
    };
  }

  /** Resolves once no light request is in flight, or after maxWaitMs. */
  yieldToLight(): Promise<void> {
    if (this.light === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.maxWaitMs);
      this.waiters.add(done);
    });
  }
}
