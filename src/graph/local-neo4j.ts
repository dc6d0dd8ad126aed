/**
 * Launcher for the Docker-free local Neo4j (neo4j-local/: an embedded Neo4j 5.26
 * Community DBMS, Bolt only, on 127.0.0.1, AUTH DISABLED: local development only).
 *
 * Needs only Java 17+ on PATH (or JAVA_HOME): the jar is built on demand with the
 * Maven Wrapper in neo4j-local/ (which downloads Maven itself), or `mvn` if the
 * wrapper is missing.
 *
 * Environment:
 *   NEO4J_LOCAL_PORT       default Bolt port (7687; 0 = pick a free port)
 *   NEO4J_LOCAL_DATA       default data folder (<repo>/.neo4j/data)
 *   NEO4J_LOCAL_JAVA_OPTS  JVM options (default "-Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError")
 *   JAVA_HOME              Java to use (else `java` on PATH)
 */
import { buildProject, freePort, javaCommand, portFromEnv, serviceStopper, setChildRef, type MavenProject } from '../config/java-service.js';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../config/paths.js';

export interface LocalNeo4j {
  /** bolt://127.0.0.1:<port> (no auth: connect with any or no credentials). */
  uri: string;
  /** The Java process's id (operators and tests signal it: SIGSTOP stands for a hung database). */
  pid: number;
  /** SIGTERM, then SIGKILL after 30s; resolves when the Java process has exited. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the Java process has exited, for whatever reason (never rejects). */
  exited: Promise<LocalNeo4jExit>;
}

export interface LocalNeo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Whether stop() asked for this exit. */
  stopped: boolean;
}

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1; 0 picks a free one. Default: $NEO4J_LOCAL_PORT or 7687. */
  port?: number;
  /** Data folder (relative paths resolve against the cwd). Default: $NEO4J_LOCAL_DATA or <repo>/.neo4j/data. */
  dataDir?: string;
  /** Receives launcher messages, build output and the Java process's stderr, line by line. */
  log?: (line: string) => void;
  /** How long to wait for the READY line (default 180000 ms). */
  startTimeoutMs?: number;
  /** Cancels a start in progress: the Java process is stopped and the start rejects. No effect once ready. */
  signal?: AbortSignal;
}

const PROJECT_DIR = path.join(REPO_ROOT, 'neo4j-local');
const TARGET_DIR = path.join(PROJECT_DIR, 'target');
const JAR = path.join(TARGET_DIR, 'neo4j-local.jar');

const READY_PREFIX = 'NEO4J_LOCAL_READY ';
const DEFAULT_PORT = 7687;
const DEFAULT_START_TIMEOUT_MS = 180_000;
const BUILD_LOCK_STALE_MS = 15 * 60_000;
/** Lines of the server's own output kept for an error message. */
const TAIL_LINES = 40;
const PROJECT: MavenProject = {
  download: '~170 MB',
  label: 'neo4j-local',
  dir: PROJECT_DIR,
  jar: JAR,
  libsComplete: (files) => files.some((f) => f.startsWith('neo4j-') && f.endsWith('.jar')),
  staleLockMs: BUILD_LOCK_STALE_MS,
};
const DEFAULT_JAVA_OPTS = ['-Xms256m', '-Xmx1g', '-XX:+ExitOnOutOfMemoryError'];

const noop = (): void => {};

/** Builds neo4j-local/ when needed (java-service.ts). */
async function buildLocalNeo4j(log: (l: string) => void = noop): Promise<void> {
  return buildProject(PROJECT, log);
}

/** The Bolt port asked for (0 = pick a free one): the option, else $NEO4J_LOCAL_PORT, else 7687. */
export function localNeo4jPort(opts: LocalNeo4jOptions = {}): number {
  const port = opts.port ?? portFromEnv('NEO4J_LOCAL_PORT') ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);
  return port;
}

/** The data folder, as an absolute path: the option, else $NEO4J_LOCAL_DATA, else <repo>/.neo4j/data. */
export function localNeo4jDataDir(opts: LocalNeo4jOptions = {}): string {
  return path.resolve(opts.dataDir ?? process.env.NEO4J_LOCAL_DATA?.trim() ?? path.join(REPO_ROOT, '.neo4j', 'data'));
}

/**
 * Builds the jar if needed, starts the local Neo4j and resolves once Bolt accepts connections.
 * The Java process exits when this Node process dies (it watches its stdin pipe), and a running
 * instance does not by itself keep Node alive.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const log = opts.log ?? noop;
  let port = localNeo4jPort(opts);
  if (port === 0) port = await freePort();
  const dataDir = localNeo4jDataDir(opts);
  const timeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  const cancelled = (): Error => new Error(`neo4j-local: start cancelled (port ${port})`);
  await buildLocalNeo4j(log);
  if (opts.signal?.aborted) throw cancelled();
  mkdirSync(dataDir, { recursive: true });

  const javaOptsEnv = process.env.NEO4J_LOCAL_JAVA_OPTS?.trim();
  const javaOpts = javaOptsEnv ? javaOptsEnv.split(/\s+/) : DEFAULT_JAVA_OPTS;
  const java = javaCommand();
  const args = [...javaOpts, '-jar', JAR, '--port', String(port), '--data', dataDir, '--exit-on-stdin-eof'];
  log(`neo4j-local: starting ${java} ${args.join(' ')}`);

  const child = spawn(java, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  const stderrTail: string[] = [];
  let exited = false;
  let stopRequested = false;
  // Best effort for a normal Node exit; a crash/SIGKILL of Node is covered by stdin EOF.
  const onParentExit = (): void => {
    if (!exited) child.kill('SIGTERM');
  };
  process.once('exit', onParentExit);
  const exitInfo = new Promise<LocalNeo4jExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      process.off('exit', onParentExit);
      resolve({ code, signal, stopped: stopRequested });
    });
    // A process that could not be spawned emits "error" and no "exit".
    child.once('error', () => {
      if (child.pid === undefined && !exited) {
        exited = true;
        process.off('exit', onParentExit);
        resolve({ code: null, signal: null, stopped: stopRequested });
      }
    });
  });
  const exitPromise = exitInfo.then(noop);

  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > TAIL_LINES) stderrTail.shift();
    log(line);
  });
  // Swallow EPIPE if Java dies while we hold stdin open.
  child.stdin!.on('error', noop);

  let aborted = false;
  const uri = await new Promise<string>((resolve, reject) => {
    const describe = (what: string): string =>
      `neo4j-local: ${what} (port ${port}, data ${dataDir}; Neo4j logs in ${path.join(dataDir, 'logs')}).` +
      (stderrTail.length ? ` Last stderr lines:\n${stderrTail.join('\n')}` : ' No stderr output.');
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(describe(`Neo4j was not ready after ${Math.round(timeoutMs / 1000)}s`)));
    }, timeoutMs);
    const onLine = (line: string): void => {
      if (line.startsWith(READY_PREFIX)) {
        cleanup();
        resolve(line.slice(READY_PREFIX.length).trim());
      } else if (line.trim()) {
        log(line);
      }
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(new Error(`neo4j-local: could not run ${java}: ${e.message}. Install Java 17+ or set JAVA_HOME.`));
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      cleanup();
      // Give the stderr reader a moment to drain the last lines.
      setTimeout(() => reject(new Error(describe(`Neo4j exited before it was ready (${code ?? signal})`))), 50);
    };
    const onAbort = (): void => {
      cleanup();
      aborted = true;
      reject(cancelled());
    };
    const rl = createInterface({ input: child.stdout! });
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onEarlyExit);
      opts.signal?.removeEventListener('abort', onAbort);
      rl.off('line', onLine);
      // Keep draining stdout afterwards (NEO4J_LOCAL_STOPPED etc.) so the pipe never fills.
      rl.on('line', (l) => {
        if (l.trim()) log(l);
      });
    };
    rl.on('line', onLine);
    child.once('error', onError);
    child.once('exit', onEarlyExit);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
  }).catch(async (e: unknown) => {
    process.off('exit', onParentExit);
    if (!exited) {
      // A cancelled start gets the chance to shut down cleanly; a failed one is killed.
      stopRequested = aborted;
      child.kill(aborted ? 'SIGTERM' : 'SIGKILL');
      const killTimer = aborted ? setTimeout(() => child.kill('SIGKILL'), 30_000) : undefined;
      await exitPromise;
      clearTimeout(killTimer);
    }
    throw e;
  });

  log(`neo4j-local: ready at ${uri} (pid ${child.pid})`);
  // Running Neo4j must not keep Node alive; if Node exits, Java sees stdin EOF and shuts down.
  setChildRef(child, false);

  const stopper = serviceStopper(child, { name: 'neo4j-local', log, exited: () => exited, exitPromise, onParentExit });
  const stop = (): Promise<void> => {
    stopRequested = true;
    return stopper();
  };

  return { uri, pid: child.pid!, stop, exited: exitInfo };
}
