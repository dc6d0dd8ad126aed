/**
 * A supervised local Neo4j: the launcher of local-neo4j.ts, restarted whenever its Java process
 * exits without being asked to (a crash, an out-of-memory exit, a kill). Each restart uses the
 * same port and data folder, so clients reconnect to the same address and find the same data
 * (Neo4j recovers its store from its transaction log on start).
 *
 * Restarts wait a backoff first: 1 s, then 2, 4, 8... up to 30 s; an instance that stayed up
 * for 15 s counts as healthy (a crash loop exits within seconds of its start), and the next crash waits 1 s again. A restart that fails is
 * logged and tried again after the next backoff, for as long as the supervisor runs.
 */
import { freePort } from '../config/java-service.js';
import { localNeo4jDataDir, localNeo4jPort, startLocalNeo4j, type LocalNeo4j, type LocalNeo4jExit, type LocalNeo4jOptions } from './local-neo4j.js';

export interface SupervisedNeo4j {
  /** bolt://127.0.0.1:<port>, the same across restarts. */
  readonly uri: string;
  /** The Java process serving now; undefined between an unexpected exit and the next ready, and after stop(). */
  readonly pid: number | undefined;
  /** How many times the database was started again after an unexpected exit. */
  readonly restarts: number;
  /** Stops supervising and stops the running instance, also during a backoff or a restart. Idempotent. */
  stop(): Promise<void>;
}

const RESTART_BACKOFF_FIRST_MS = 1_000;
const RESTART_BACKOFF_MAX_MS = 30_000;
/** An instance up this long was healthy: the backoff starts over at its next exit. */
const RESTART_STABLE_AFTER_MS = 15_000;

/** The wait before restart attempt `attempt` (0-based) since the last healthy instance: 1 s, 2 s, 4 s... capped at 30 s. */
export function restartBackoffMs(attempt: number): number {
  return Math.min(RESTART_BACKOFF_FIRST_MS * 2 ** Math.max(0, attempt), RESTART_BACKOFF_MAX_MS);
}

/** The attempt count to continue from after an instance ran `uptimeMs`: 0 when it was healthy. */
export function attemptsAfterExit(attempts: number, uptimeMs: number): number {
  return uptimeMs >= RESTART_STABLE_AFTER_MS ? 0 : attempts;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

function describeExit(e: LocalNeo4jExit): string {
  if (e.signal) return `signal ${e.signal}`;
  return e.code === null ? 'unknown status' : `exit code ${e.code}`;
}

export interface SupervisorHooks {
  /** called once a restarted Neo4j accepts connections (the server warms it again) */
  onRestarted?: () => void;
}

/**
 * Starts the local Neo4j (as startLocalNeo4j does: rejects when this first start fails) and keeps
 * it running until stop(). Port 0 picks a free port once; every restart uses that same port.
 */
export async function startSupervisedNeo4j(opts: LocalNeo4jOptions = {}, hooks: SupervisorHooks = {}): Promise<SupervisedNeo4j> {
  const log = opts.log ?? ((): void => {});
  let port = localNeo4jPort(opts);
  if (port === 0) port = await freePort();
  const startOpts: LocalNeo4jOptions = { ...opts, port, dataDir: localNeo4jDataDir(opts) };

  let current: LocalNeo4j | undefined = await startLocalNeo4j(startOpts);
  const uri = current.uri;
  let readyAt = Date.now();
  let restarts = 0;
  let stopped = false;
  const cancel = new AbortController();
  let wake: (() => void) | undefined;

  /** Waits `ms`, or less when stop() is called; never keeps Node alive by itself. */
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      wake = done;
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
    });

  const supervise = async (): Promise<void> => {
    let attempts = 0;
    while (current) {
      const running: LocalNeo4j = current;
      const exit = await running.exited;
      if (stopped || exit.stopped) return;
      current = undefined;
      const downSince = Date.now();
      const uptime = downSince - readyAt;
      attempts = attemptsAfterExit(attempts, uptime);
      log(`neo4j-local: Neo4j (pid ${running.pid}) exited unexpectedly (${describeExit(exit)}) after ${seconds(uptime)} up; restarting in ${seconds(restartBackoffMs(attempts))}`);
      while (!current) {
        await pause(restartBackoffMs(attempts++));
        if (stopped) return;
        try {
          const started = await startLocalNeo4j({ ...startOpts, signal: cancel.signal });
          if (stopped) {
            await started.stop();
            return;
          }
          current = started;
        } catch (e) {
          if (stopped) return;
          // The launcher's stderr lines are in the log already: keep the first line of the reason.
          const reason = String((e as Error)?.message ?? e)
            .split('\n')[0]!
            .replace(/^neo4j-local: /, '')
            .replace(/\s*Last stderr lines:$/, '');
          log(`neo4j-local: restart failed: ${reason}; retrying in ${seconds(restartBackoffMs(attempts))}`);
        }
      }
      readyAt = Date.now();
      restarts++;
      log(`neo4j-local: restarted (restart ${restarts}, pid ${current.pid}) after ${seconds(readyAt - downSince)} down`);
      hooks.onRestarted?.();
    }
  };
  const supervising = supervise().catch((e: unknown) => {
    log(`neo4j-local: supervision ended by an error: ${String((e as Error)?.message ?? e)}`);
  });

  let stopping: Promise<void> | undefined;
  return {
    uri,
    get pid() {
      return current?.pid;
    },
    get restarts() {
      return restarts;
    },
    stop() {
      stopping ??= (async () => {
        stopped = true;
        cancel.abort();
        wake?.();
        await current?.stop();
        await supervising;
        current = undefined;
      })();
      return stopping;
    },
  };
}
