/**
 * The product as a user starts it: `node --import tsx src/cli/kg.ts serve` in the repository,
 * with its own local Neo4j on a free port and a fresh data folder, an editor key, and LOG_LEVEL
 * warn. The suite watches its output for the lines announcing each (re)start of the local Neo4j
 * and finds the Neo4j process (and any other Java service the server started) through /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, readlinkSync, type WriteStream } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../config/paths.js';
import { sleep, until } from './util.js';

/** `[kg] neo4j-local: ready at bolt://127.0.0.1:7687 (pid 1234)`, printed on each (re)start. */
const NEO4J_READY = /neo4j-local: ready at bolt:\/\/[^\s:]+:(\d+)(?: \(pid (\d+)\))?/;
const TAIL = 200;

export interface ServerStartOptions {
  /** shown in progress lines */
  label: string;
  /** folder for this server's data and log; its `data` subfolder is NEO4J_LOCAL_DATA */
  dir: string;
  /** KG_NLP=off when false (ingestion with the rules alone) */
  nlp: boolean;
  /** KG_RESPONSE_CACHE=off when false (default: off) */
  responseCache?: boolean;
  log: (line: string) => void;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export interface Neo4jStart {
  pid: number | null;
  port: number;
  at: number;
}

/** A port nothing listens on now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether a TCP connection to 127.0.0.1:port is accepted within `timeoutMs`. */
export function acceptsTcp(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function numericDirs(dir: string): number[] {
  try {
    return readdirSync(dir)
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
}

/** The parent pid of a process, from /proc/<pid>/stat; null when it is gone. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(after[1]);
  } catch {
    return null;
  }
}

/** CPU seconds (user and system) a process has used, from /proc/<pid>/stat; null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux)
    return (Number(after[11]) + Number(after[12])) / 100;
  } catch {
    return null;
  }
}

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/** Every live descendant of `root`, from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of numericDirs('/proc')) {
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const visit = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      visit(c);
    }
  };
  visit(root);
  return out;
}

/**
 * Ends every process whose arguments name `folder` (the servers' Java children hold their data
 * folder in theirs), waiting up to `graceMs` for them to exit by themselves first, so that the
 * folder can be removed without a process writing into it again.
 */
export async function endProcessesUsing(folder: string, graceMs = 15_000): Promise<void> {
  const using = () => numericDirs('/proc').filter((pid) => pid !== process.pid && cmdline(pid).some((a) => a.includes(folder)));
  if (using().length) await until(() => using().length === 0, graceMs, 200);
  for (const pid of using()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  await until(() => using().length === 0, 5000, 100);
}

/** Inodes of the sockets listening on TCP `port` (IPv4 and IPv6), from /proc/net. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is col 1 (ADDR:PORT), st col 3 (0A = LISTEN), inode col 9
      if (cols.length > 9 && cols[1]!.endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/** The process listening on TCP `port`, found through its socket's inode; null when none. */
function pidListeningOn(port: number): number | null {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const pid of numericDirs('/proc')) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return pid;
      } catch {
        // the fd closed meanwhile
      }
    }
  }
  return null;
}

/** The local Neo4j started for Bolt port `port`: the Java process whose arguments say so. */
function neo4jByCommandLine(port: number): number | null {
  for (const pid of numericDirs('/proc')) {
    const args = cmdline(pid);
    const i = args.indexOf('--port');
    if (args.some((a) => a.endsWith('neo4j-local.jar')) && i >= 0 && args[i + 1] === String(port)) return pid;
  }
  return null;
}

export class ServerProcess {
  readonly token = randomBytes(24).toString('base64url');
  readonly dataDir: string;
  /** every line the server wrote, also kept in <dir>/server.log */
  readonly tail: string[] = [];
  readonly neo4jStarts: Neo4jStart[] = [];
  exit: ExitInfo | null = null;
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;
  private readonly logFile: WriteStream;
  private readonly listeners = new Set<(s: Neo4jStart) => void>();
  /** descendants seen while it ran (the local Neo4j, the NLP engine) with their command lines, to end them if the server leaves them behind */
  private readonly seenDescendants = new Map<number, string>();
  /** whether a Neo4j start line carried the pid */
  pidAnnounced = false;
  /** the server began its shutdown (SIGINT or SIGTERM) without the suite asking: another process sent it */
  stoppedFromOutside = false;
  private stopping = false;

  private constructor(
    readonly opts: ServerStartOptions,
    readonly port: number,
    readonly boltPort: number,
  ) {
    this.dataDir = path.join(opts.dir, 'data');
    mkdirSync(this.dataDir, { recursive: true });
    this.logFile = createWriteStream(path.join(opts.dir, 'server.log'), { flags: 'a' });
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'KG_API_KEYS_FILE', 'KG_READS', 'NODE_ENV']) delete env[k];
    Object.assign(env, {
      NEO4J_LOCAL_PORT: String(boltPort),
      NEO4J_LOCAL_DATA: this.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      KG_API_KEYS: `chaos:editor:${createHash('sha256').update(this.token, 'utf8').digest('hex')}`,
      LOG_LEVEL: 'warn',
      // the reliability suite measures what requests cost the database and each other: answered
      // from the response cache, a repeated hostile request (or the canary's lookup) costs one read
      KG_RESPONSE_CACHE: opts.responseCache ? 'on' : 'off',
    });
    if (!opts.nlp) env.KG_NLP = 'off';
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/kg.ts', 'serve'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal, at: Date.now() };
        resolve(this.exit);
      });
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) createInterface({ input: stream }).on('line', (line) => this.onLine(line));
  }

  /** Starts a server on fresh ports; resolves once the process runs (see waitReady). */
  static launch(opts: ServerStartOptions): Promise<ServerProcess> {
    return Promise.all([freePort(), freePort()]).then(([port, bolt]) => new ServerProcess(opts, port, bolt === port ? port + 1 : bolt));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get url(): string {
    return `${this.base}/graphql`;
  }

  get boltUri(): string {
    return `bolt://127.0.0.1:${this.boltPort}`;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** Whether it exited without being asked to and without a signal from outside (a crash). */
  get crashed(): boolean {
    return this.exit !== null && !this.stopping && !this.stoppedFromOutside;
  }

  private onLine(line: string): void {
    this.logFile.write(`${line}\n`);
    if (/^\[kg\] stopping$/.test(line) && !this.stopping) this.stoppedFromOutside = true;
    this.tail.push(line);
    if (this.tail.length > TAIL) this.tail.shift();
    const m = NEO4J_READY.exec(line);
    if (m) {
      const start: Neo4jStart = { port: Number(m[1]), pid: m[2] ? Number(m[2]) : null, at: Date.now() };
      if (start.pid !== null) this.pidAnnounced = true;
      else start.pid = pidListeningOn(start.port) ?? neo4jByCommandLine(start.port);
      this.neo4jStarts.push(start);
      for (const l of this.listeners) l(start);
      this.noteDescendants(true);
    } else {
      this.noteDescendants();
    }
  }

  private lastScan = 0;

  private noteDescendants(force = false): void {
    if (!this.running || (!force && Date.now() - this.lastScan < 2000)) return;
    this.lastScan = Date.now();
    for (const pid of descendants(this.pid)) if (!this.seenDescendants.has(pid)) this.seenDescendants.set(pid, cmdline(pid).join(' '));
  }

  /** Calls `listener` on each later (re)start of the local Neo4j the server announces; returns the unsubscribe. */
  onNeo4jStart(listener: (s: Neo4jStart) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Polls GET /ready until 200; false when the server exits or `timeoutMs` passes first. */
  async waitReady(timeoutMs: number): Promise<boolean> {
    const ok = await until(
      async () => {
        if (!this.running) return true;
        try {
          const res = await fetch(`${this.base}/ready`, { signal: AbortSignal.timeout(3000) });
          await res.arrayBuffer();
          return res.status === 200;
        } catch {
          return false;
        }
      },
      timeoutMs,
      500,
    );
    this.noteDescendants(true);
    return ok && this.running;
  }

  /**
   * The pid of the local Neo4j now: the one the server announced last if it is alive, else the
   * process listening on the Bolt port, else the Java process started for that port.
   */
  neo4jPid(): number | null {
    const announced = this.neo4jStarts.at(-1)?.pid;
    if (announced && isAlive(announced)) return announced;
    return pidListeningOn(this.boltPort) ?? neo4jByCommandLine(this.boltPort);
  }

  /** The last lines of its output, for a diagnosis. */
  lastLines(n = 20): string {
    return this.tail.slice(-n).join('\n');
  }

  /**
   * Stops the server as Ctrl-C would (SIGTERM), then SIGKILL after `graceMs`; then ends any
   * process it started that is still alive (the local Neo4j, the NLP engine), by pid.
   */
  async stop(graceMs = 30_000): Promise<void> {
    if (this.stopping) {
      await this.exited;
      return;
    }
    this.stopping = true;
    this.noteDescendants(true);
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    // a Java child sees its stdin close and exits by itself; give it a moment, then end it
    const left = () => [...this.seenDescendants].filter(([pid, cmd]) => isAlive(pid) && cmdline(pid).join(' ') === cmd).map(([pid]) => pid);
    if (left().length) await until(() => left().length === 0, 10_000, 200);
    for (const pid of left()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    await sleep(50);
    await new Promise<void>((resolve) => this.logFile.end(resolve));
  }

  /** Ends it at once, without waiting (process exit). */
  killNow(): void {
    this.noteDescendants(true);
    const mine = [...this.seenDescendants].filter(([pid, cmd]) => cmdline(pid).join(' ') === cmd).map(([pid]) => pid);
    for (const pid of this.running ? [this.pid, ...mine] : mine) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
}
