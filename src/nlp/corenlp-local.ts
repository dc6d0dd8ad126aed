/**
 * Launcher for the local Stanford CoreNLP 4.5.10 server with the Spanish models (corenlp-local/).
 *
 * CoreNLP is GPL-3.0: it runs as its own Java process and we only talk to it over HTTP
 * (./corenlp.ts). It listens on 127.0.0.1 only, without authentication: local use only.
 *
 * Needs only Java 17+ on PATH (or JAVA_HOME): corenlp-local/target/ is built on demand with the
 * Maven Wrapper in corenlp-local/ (which downloads Maven itself), or `mvn` if the wrapper is
 * missing. The first build downloads ~255 MB from Maven Central (222 MB of it the Spanish models).
 *
 * The server starts with the properties shipped in the models jar
 * (-serverProperties StanfordCoreNLP-spanish.properties) and SUTime and the numeric classifiers
 * off (-ner.useSUTime false -ner.applyNumericClassifiers false: the Spanish SUTime rules are not
 * in the jars, and with SUTime on every ner request fails). start resolves once a real
 * annotation (tokenize,ssplit,mwt,pos,ner) has come back, so the models are loaded by then.
 *
 * Environment:
 *   CORENLP_PORT        port on 127.0.0.1 (default: a free one; 0 = a free one)
 *   CORENLP_JAVA_OPTS   JVM options (default "-Xms256m -Xmx2g -XX:+ExitOnOutOfMemoryError")
 *   JAVA_HOME           Java to use (else `java` on PATH)
 */
import { buildProject, freePort, javaCommand, portFromEnv, serviceStopper, setChildRef, sleep, type MavenProject } from '../config/java-service.js';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../config/paths.js';
import { coreNlpClient, CoreNlpError, DEFAULT_TIMEOUT_MS, type CoreNlp, type CoreNlpClientOptions } from './corenlp.js';

export interface LocalCoreNlp {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** A client for this server (with the options given to startLocalCoreNlp). */
  client: CoreNlp;
  /** The Java process id. */
  pid: number;
  /** SIGTERM, then SIGKILL after 30s; resolves when the Java process has exited. Idempotent. */
  stop(): Promise<void>;
}

export interface LocalCoreNlpOptions {
  /** Port on 127.0.0.1; 0 picks a free one. Default: $CORENLP_PORT, else a free one. */
  port?: number;
  /** Receives launcher messages, build output and the server's log lines, line by line. */
  log?: (line: string) => void;
  /** How long the started server may take to answer its first annotation (default 300000 ms; the build is not counted). */
  startTimeoutMs?: number;
  /** JVM options (default: $CORENLP_JAVA_OPTS split on spaces, else -Xms256m -Xmx2g -XX:+ExitOnOutOfMemoryError). */
  javaOpts?: string[];
  /** Server worker threads (CoreNLP's default: the number of cores). */
  threads?: number;
  /** Longest text the server accepts, in characters (CoreNLP's default 100000; longer ones get a 400). */
  maxCharLength?: number;
  /** Options of the returned client (and of the warm-up request). */
  client?: CoreNlpClientOptions;
}

const PROJECT_DIR = path.join(REPO_ROOT, 'corenlp-local');
const TARGET_DIR = path.join(PROJECT_DIR, 'target');
const JAR = path.join(TARGET_DIR, 'corenlp-local.jar');

const DEFAULT_START_TIMEOUT_MS = 300_000;
const BUILD_LOCK_STALE_MS = 20 * 60_000;
/** Lines of the server's own output kept for an error message. */
const TAIL_LINES = 40;
const PROJECT: MavenProject = {
  download: '~255 MB (CoreNLP 4.5.10 and its Spanish models)',
  label: 'corenlp-local',
  dir: PROJECT_DIR,
  jar: JAR,
  libsComplete: (files) => files.some((f) => /^stanford-corenlp-[\d.]+\.jar$/.test(f)) && files.some((f) => /^stanford-corenlp-[\d.]+-models-spanish\.jar$/.test(f)),
  staleLockMs: BUILD_LOCK_STALE_MS,
};
const DEFAULT_JAVA_OPTS = ['-Xms256m', '-Xmx2g', '-XX:+ExitOnOutOfMemoryError'];
/** Warm-up text: makes the server load every model of the pipeline before start resolves. */
const WARM_UP_TEXT = 'La gobernadora Ana Ruiz visitó Mérida.';

const noop = (): void => {};

/** Builds corenlp-local/ when needed (java-service.ts). */
async function buildLocalCoreNlp(log: (l: string) => void = noop): Promise<void> {
  return buildProject(PROJECT, log);
}

/**
 * Builds corenlp-local/ if needed, starts the server on 127.0.0.1 and resolves once it has
 * annotated a first Spanish sentence (so its models are loaded). The Java process exits when this
 * Node process dies (it watches its stdin pipe), and a running server does not by itself keep
 * Node alive.
 */
export async function startLocalCoreNlp(opts: LocalCoreNlpOptions = {}): Promise<LocalCoreNlp> {
  const log = opts.log ?? noop;
  let port = opts.port ?? portFromEnv('CORENLP_PORT') ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);
  if (port === 0) port = await freePort();
  const timeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const clientOpts = opts.client ?? {};
  const requestTimeoutMs = clientOpts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  await buildLocalCoreNlp(log);

  const javaOptsEnv = process.env.CORENLP_JAVA_OPTS?.trim();
  const javaOpts = opts.javaOpts ?? (javaOptsEnv ? javaOptsEnv.split(/\s+/) : DEFAULT_JAVA_OPTS);
  const java = javaCommand();
  const args = [
    ...javaOpts,
    '-jar',
    JAR,
    '--exit-on-stdin-eof',
    '-port',
    String(port),
    '-serverProperties',
    'StanfordCoreNLP-spanish.properties',
    '-ner.useSUTime',
    'false',
    '-ner.applyNumericClassifiers',
    'false',
    // The server's own per-request limit (CoreNLP's default is 15 s); requests may ask for another.
    '-timeout',
    String(requestTimeoutMs),
    // Own shutdown-key file name in the temp folder, so two servers don't share one.
    '-server_id',
    `kg-corenlp-${port}`,
    // Don't echo every annotated text to the log.
    '-quiet',
    'true',
    ...(opts.threads !== undefined ? ['-threads', String(opts.threads)] : []),
    ...(opts.maxCharLength !== undefined ? ['-maxCharLength', String(opts.maxCharLength)] : []),
  ];
  log(`corenlp-local: starting ${java} ${args.join(' ')}`);

  const child = spawn(java, args, { cwd: TARGET_DIR, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  const tail: string[] = [];
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  child.once('error', (e) => {
    spawnError = e;
    // 'exit' may never come for a process that could not be spawned.
    exited ??= { code: null, signal: null };
  });
  // Best effort for a normal Node exit; a crash/SIGKILL of Node is covered by stdin EOF.
  const onParentExit = (): void => {
    if (!exited) child.kill('SIGTERM');
  };
  process.once('exit', onParentExit);

  const onLine = (line: string): void => {
    if (!line.trim()) return;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    log(line);
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  // Swallow EPIPE if Java dies while we hold stdin open.
  child.stdin!.on('error', noop);

  const url = `http://127.0.0.1:${port}`;
  const client = coreNlpClient(url, clientOpts);
  const describe = (what: string): string => `corenlp-local: ${what} (port ${port}).` + (tail.length ? ` Last log lines:\n${tail.join('\n')}` : ' No log output.');

  const started = Date.now();
  const deadline = started + timeoutMs;
  try {
    for (;;) {
      if (spawnError) throw new Error(`corenlp-local: could not run ${java}: ${spawnError.message}. Install Java 17+ or set JAVA_HOME.`);
      if (exited) {
        await sleep(50); // let the log readers drain the last lines
        throw new Error(describe(`the server exited before it was ready (${exited.code ?? exited.signal})`));
      }
      if (Date.now() > deadline) throw new Error(describe(`the server was not ready after ${Math.round(timeoutMs / 1000)}s`));
      if (!(await client.ready())) {
        await sleep(500);
        continue;
      }
      try {
        // The first annotation loads the models (~5 s idle, much longer on a busy machine).
        await client.annotate(WARM_UP_TEXT);
        break;
      } catch (e) {
        // An error answer from the server (a missing model, bad properties) will not go away by waiting.
        if (e instanceof CoreNlpError && e.status !== undefined) throw new Error(describe(`the warm-up annotation failed: ${e.message}`), { cause: e });
        if (exited || Date.now() > deadline) continue; // reported at the top of the loop
        await sleep(1000);
      }
    }
  } catch (e) {
    process.off('exit', onParentExit);
    if (!exited) {
      child.kill('SIGKILL');
      await exitPromise;
    }
    throw e;
  }
  log(`corenlp-local: ready at ${url} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
  // A running server must not keep Node alive; if Node exits, Java sees stdin EOF and shuts down.
  setChildRef(child, false);

  const stop = serviceStopper(child, { name: 'corenlp-local', log, exited: () => !!exited, exitPromise, onParentExit });

  return { url, port, client, pid: child.pid ?? -1, stop };
}
