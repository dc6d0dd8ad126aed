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
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface LocalNeo4j {
  /** bolt://127.0.0.1:<port> (no auth: connect with any or no credentials). */
  uri: string;
  /** SIGTERM, then SIGKILL after 30s; resolves when the Java process has exited. Idempotent. */
  stop(): Promise<void>;
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
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PROJECT_DIR = path.join(REPO_ROOT, "neo4j-local");
const TARGET_DIR = path.join(PROJECT_DIR, "target");
const JAR = path.join(TARGET_DIR, "neo4j-local.jar");
const LIB_DIR = path.join(TARGET_DIR, "lib");
const BUILD_LOCK = path.join(TARGET_DIR, ".build-lock");

const READY_PREFIX = "NEO4J_LOCAL_READY ";
const DEFAULT_PORT = 7687;
const DEFAULT_START_TIMEOUT_MS = 180_000;
const STOP_KILL_AFTER_MS = 30_000;
const BUILD_LOCK_STALE_MS = 15 * 60_000;
const TAIL_LINES = 40;
const DEFAULT_JAVA_OPTS = ["-Xms256m", "-Xmx1g", "-XX:+ExitOnOutOfMemoryError"];

const noop = (): void => {};

/** Newest mtime (ms) of the files that the jar is built from. */
function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) visit(path.join(p, name));
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  visit(path.join(PROJECT_DIR, "pom.xml"));
  visit(path.join(PROJECT_DIR, "src"));
  return newest;
}

function buildNeeded(): boolean {
  if (!existsSync(JAR) || !existsSync(LIB_DIR)) return true;
  if (!readdirSync(LIB_DIR).some((f) => f.startsWith("neo4j-") && f.endsWith(".jar"))) return true;
  return statSync(JAR).mtimeMs < newestSourceMtime();
}

function mavenCommand(): { cmd: string; args: string[]; shell: boolean } {
  const win = process.platform === "win32";
  for (const dir of [PROJECT_DIR, REPO_ROOT]) {
    const wrapper = path.join(dir, win ? "mvnw.cmd" : "mvnw");
    if (existsSync(wrapper)) return { cmd: wrapper, args: [], shell: win };
  }
  return { cmd: win ? "mvn.cmd" : "mvn", args: [], shell: win };
}

function runLogged(
  cmd: string,
  args: string[],
  opts: { cwd: string; shell: boolean },
  log: (l: string) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; tail: string[] }> {
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    const child = spawn(cmd, args, { cwd: opts.cwd, shell: opts.shell, stdio: ["ignore", "pipe", "pipe"] });
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      log(line);
    };
    createInterface({ input: child.stdout! }).on("line", onLine);
    createInterface({ input: child.stderr! }).on("line", onLine);
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, tail }));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Cross-process lock (mkdir is atomic) so parallel test workers don't run Maven twice at once. */
async function withBuildLock<T>(log: (l: string) => void, fn: () => Promise<T>): Promise<T> {
  mkdirSync(TARGET_DIR, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > BUILD_LOCK_STALE_MS) {
          log(`neo4j-local: removing stale build lock ${BUILD_LOCK}`);
          rmSync(BUILD_LOCK, { recursive: true, force: true });
          continue;
        }
      } catch {
        continue; // lock vanished between mkdir and stat
      }
      if (!announced) {
        log("neo4j-local: another process is building neo4j-local, waiting...");
        announced = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

let inFlightBuild: Promise<void> | undefined;

/**
 * Builds neo4j-local/target/neo4j-local.jar (+ target/lib/) with the Maven Wrapper (or mvn),
 * only when the jar is missing or older than pom.xml / the Java sources.
 */
export async function buildLocalNeo4j(log: (l: string) => void = noop): Promise<void> {
  if (!buildNeeded()) return;
  inFlightBuild ??= withBuildLock(log, async () => {
    if (!buildNeeded()) return; // someone else built it while we waited
    const mvn = mavenCommand();
    const args = [...mvn.args, "-q", "-B", "package"];
    log(`neo4j-local: building (${path.relative(REPO_ROOT, mvn.cmd) || mvn.cmd} ${args.join(" ")}); the first build downloads ~170 MB from Maven Central...`);
    const started = Date.now();
    let result;
    try {
      result = await runLogged(mvn.cmd, args, { cwd: PROJECT_DIR, shell: mvn.shell }, log);
    } catch (e) {
      throw new Error(
        `neo4j-local: could not run ${mvn.cmd}: ${(e as Error).message}. ` +
          "Install Java 17+ (the Maven Wrapper in neo4j-local/ fetches Maven itself).",
      );
    }
    if (result.code !== 0 || !existsSync(JAR)) {
      throw new Error(
        `neo4j-local: build failed (${mvn.cmd} exited with ${result.code ?? result.signal}). Last output:\n` +
          result.tail.join("\n"),
      );
    }
    log(`neo4j-local: built ${path.relative(REPO_ROOT, JAR)} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }).finally(() => {
    inFlightBuild = undefined;
  });
  return inFlightBuild;
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error("could not pick a free port"))));
    });
  });
}

function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  if (home) {
    const exe = path.join(home, "bin", process.platform === "win32" ? "java.exe" : "java");
    if (existsSync(exe)) return exe;
  }
  return "java";
}

function parsePortEnv(): number | undefined {
  const raw = process.env.NEO4J_LOCAL_PORT?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`NEO4J_LOCAL_PORT is not a valid port: ${raw}`);
  return n;
}

type Unrefable = { ref?: () => void; unref?: () => void };

/** Let (or stop letting) the child and its pipes keep the Node event loop alive. */
function setChildRef(child: ChildProcess, ref: boolean): void {
  for (const h of [child, child.stdin, child.stdout, child.stderr] as Array<Unrefable | null>) {
    if (!h) continue;
    if (ref) h.ref?.();
    else h.unref?.();
  }
}

/**
 * Builds the jar if needed, starts the local Neo4j and resolves once Bolt accepts connections.
 * The Java process exits when this Node process dies (it watches its stdin pipe), and a running
 * instance does not by itself keep Node alive.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const log = opts.log ?? noop;
  let port = opts.port ?? parsePortEnv() ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);
  if (port === 0) port = await freePort();
  const dataDir = path.resolve(opts.dataDir ?? process.env.NEO4J_LOCAL_DATA?.trim() ?? path.join(REPO_ROOT, ".neo4j", "data"));
  const timeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  await buildLocalNeo4j(log);
  mkdirSync(dataDir, { recursive: true });

  const javaOptsEnv = process.env.NEO4J_LOCAL_JAVA_OPTS?.trim();
  const javaOpts = javaOptsEnv ? javaOptsEnv.split(/\s+/) : DEFAULT_JAVA_OPTS;
  const java = javaCommand();
  const args = [...javaOpts, "-jar", JAR, "--port", String(port), "--data", dataDir, "--exit-on-stdin-eof"];
  log(`neo4j-local: starting ${java} ${args.join(" ")}`);

  const child = spawn(java, args, { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
  const stderrTail: string[] = [];
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => {
    child.once("exit", () => {
      exited = true;
      resolve();
    });
  });
  // Best effort for a normal Node exit; a crash/SIGKILL of Node is covered by stdin EOF.
  const onParentExit = (): void => {
    if (!exited) child.kill("SIGTERM");
  };
  process.once("exit", onParentExit);

  createInterface({ input: child.stderr! }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > TAIL_LINES) stderrTail.shift();
    log(line);
  });
  // Swallow EPIPE if Java dies while we hold stdin open.
  child.stdin!.on("error", noop);

  const uri = await new Promise<string>((resolve, reject) => {
    const describe = (what: string): string =>
      `neo4j-local: ${what} (port ${port}, data ${dataDir}; Neo4j logs in ${path.join(dataDir, "logs")}).` +
      (stderrTail.length ? ` Last stderr lines:\n${stderrTail.join("\n")}` : " No stderr output.");
    const timer = setTimeout(() => {
      cleanup();
      child.kill("SIGKILL");
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
    const rl = createInterface({ input: child.stdout! });
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off("error", onError);
      child.off("exit", onEarlyExit);
      rl.off("line", onLine);
      // Keep draining stdout afterwards (NEO4J_LOCAL_STOPPED etc.) so the pipe never fills.
      rl.on("line", (l) => {
        if (l.trim()) log(l);
      });
    };
    rl.on("line", onLine);
    child.once("error", onError);
    child.once("exit", onEarlyExit);
  }).catch(async (e: unknown) => {
    process.off("exit", onParentExit);
    if (!exited) {
      child.kill("SIGKILL");
      await exitPromise;
    }
    throw e;
  });

  log(`neo4j-local: ready at ${uri}`);
  // Running Neo4j must not keep Node alive; if Node exits, Java sees stdin EOF and shuts down.
  setChildRef(child, false);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off("exit", onParentExit);
      if (exited) return;
      // Hold the event loop open until the child is gone, so `await stop()` always settles.
      setChildRef(child, true);
      const killTimer = setTimeout(() => {
        if (!exited) {
          log("neo4j-local: no exit 30s after SIGTERM, sending SIGKILL");
          child.kill("SIGKILL");
        }
      }, STOP_KILL_AFTER_MS);
      child.kill("SIGTERM");
      await exitPromise;
      clearTimeout(killTimer);
      child.stdin?.destroy();
      setChildRef(child, false);
    })();
    return stopping;
  };

  return { uri, stop };
}
