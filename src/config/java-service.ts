/**
 * What the two local Java services (neo4j-local/, corenlp-local/) share: a Maven project built
 * on demand with its Maven Wrapper under a cross-process lock, a free port on 127.0.0.1, the Java
 * to run and child processes that do not keep Node alive. Each launcher keeps what is its own:
 * its jar, its readiness check, its options.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

const TAIL_LINES = 40;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface MavenProject {
  /** e.g. "neo4j-local", used in log lines */
  label: string;
  /** what the first build downloads, for the log line ("~170 MB") */
  download: string;
  dir: string;
  /** the jar the build makes (in dir/target) */
  jar: string;
  /** whether target/lib holds what the jar needs */
  libsComplete(files: string[]): boolean;
  /** a lock older than this is taken as left behind by a dead build */
  staleLockMs: number;
}

/** Newest mtime (ms) of the files the jar is built from: pom.xml and src/. */
function newestSourceMtime(p: MavenProject): number {
  let newest = 0;
  const visit = (f: string): void => {
    if (!existsSync(f)) return;
    const st = statSync(f);
    if (st.isDirectory()) for (const name of readdirSync(f)) visit(path.join(f, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  visit(path.join(p.dir, 'pom.xml'));
  visit(path.join(p.dir, 'src'));
  return newest;
}

/** Whether the jar is missing, older than its sources, or without its libraries. */
function buildNeeded(p: MavenProject): boolean {
  const lib = path.join(p.dir, 'target', 'lib');
  if (!existsSync(p.jar) || !existsSync(lib)) return true;
  if (!p.libsComplete(readdirSync(lib))) return true;
  return statSync(p.jar).mtimeMs < newestSourceMtime(p);
}

/** The project's Maven Wrapper, else mvn on PATH. */
function mavenCommand(p: MavenProject): { cmd: string; shell: boolean } {
  const win = process.platform === 'win32';
  const wrapper = path.join(p.dir, win ? 'mvnw.cmd' : 'mvnw');
  if (existsSync(wrapper)) return { cmd: wrapper, shell: win };
  return { cmd: win ? 'mvn.cmd' : 'mvn', shell: win };
}

/** Runs a command, logging its output line by line and keeping the last lines for an error message. */
function runLogged(cmd: string, args: string[], opts: { cwd: string; shell: boolean }, log: (l: string) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; tail: string[] }> {
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    const child = spawn(cmd, args, { cwd: opts.cwd, shell: opts.shell, stdio: ['ignore', 'pipe', 'pipe'] });
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      log(line);
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, tail }));
  });
}

/** Cross-process lock (mkdir is atomic) so that parallel callers (test workers, CLIs) do not run Maven twice at once. */
async function withBuildLock<T>(p: MavenProject, log: (l: string) => void, fn: () => Promise<T>): Promise<T> {
  const target = path.join(p.dir, 'target');
  const lock = path.join(target, '.build-lock');
  mkdirSync(target, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > p.staleLockMs) {
          log(`${p.label}: removing stale build lock ${lock}`);
          rmSync(lock, { recursive: true, force: true });
          continue;
        }
      } catch {
        continue; // the lock vanished between mkdir and stat
      }
      if (!announced) {
        log(`${p.label}: another process is building ${p.label}, waiting...`);
        announced = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** $JAVA_HOME/bin/java, else java on PATH. */
export function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  if (home) {
    const exe = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (existsSync(exe)) return exe;
  }
  return 'java';
}

type Unrefable = { ref?: () => void; unref?: () => void };

/** Let (or stop letting) a child and its pipes keep the Node event loop alive. */
export function setChildRef(child: ChildProcess, ref: boolean): void {
  for (const h of [child, child.stdin, child.stdout, child.stderr] as Array<Unrefable | null>) {
    if (!h) continue;
    if (ref) h.ref?.();
    else h.unref?.();
  }
}

const STOP_KILL_AFTER_MS = 30_000;

/**
 * An idempotent stop for a running service: SIGTERM, then SIGKILL when the process has not exited
 * 30 s later; settles once it has exited. The event loop is held open until then, so `await
 * stop()` always settles.
 */
export function serviceStopper(
  child: ChildProcess,
  o: {
    name: string;
    log: (l: string) => void;
    exited: () => boolean;
    exitPromise: Promise<void>;
    onParentExit: () => void;
  },
): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      process.off('exit', o.onParentExit);
      if (o.exited()) return;
      setChildRef(child, true);
      const killTimer = setTimeout(() => {
        if (!o.exited()) {
          o.log(`${o.name}: no exit 30s after SIGTERM, sending SIGKILL`);
          child.kill('SIGKILL');
        }
      }, STOP_KILL_AFTER_MS);
      child.kill('SIGTERM');
      await o.exitPromise;
      clearTimeout(killTimer);
      child.stdin?.destroy();
      setChildRef(child, false);
    })();
    return stopping;
  };
}

const inFlight = new Map<string, Promise<void>>();

/**
 * Builds the project with its Maven Wrapper (or mvn) when its jar is missing or older than pom.xml
 * and src/; concurrent callers, in this process or others, share one build.
 */
export async function buildProject(p: MavenProject, log: (l: string) => void): Promise<void> {
  if (!buildNeeded(p)) return;
  let build = inFlight.get(p.dir);
  if (!build) {
    build = withBuildLock(p, log, async () => {
      if (!buildNeeded(p)) return; // someone else built it while we waited
      const mvn = mavenCommand(p);
      const args = ['-q', '-B', '-DskipTests', 'package'];
      log(`${p.label}: building (${mvn.cmd} ${args.join(' ')}); the first build downloads ${p.download} from Maven Central...`);
      const started = Date.now();
      let result;
      try {
        result = await runLogged(mvn.cmd, args, { cwd: p.dir, shell: mvn.shell }, log);
      } catch (e) {
        throw new Error(`${p.label}: could not run ${mvn.cmd}: ${(e as Error).message}. Install Java 17+ (the Maven Wrapper in ${p.label}/ fetches Maven itself).`, { cause: e });
      }
      if (result.code !== 0 || buildNeeded(p)) {
        throw new Error(`${p.label}: build failed (${mvn.cmd} exited with ${result.code ?? result.signal}). Last output:\n${result.tail.join('\n')}`);
      }
      log(`${p.label}: built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }).finally(() => inFlight.delete(p.dir));
    inFlight.set(p.dir, build);
  }
  return build;
}

/** A port from an environment variable, checked; undefined when unset. 0 asks for a free port. */
export function portFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} is not a valid port: ${raw}`);
  return n;
}
