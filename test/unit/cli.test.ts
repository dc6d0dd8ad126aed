/**
 * The `kg` command, no database. The first runs are child processes as a user starts them (they
 * start together, before the tests, and may each take 10 s or more on a busy machine); the rest
 * run the same program in this process (runKg), which is quicker. None of them may start Neo4j:
 * it would print "starting the local Neo4j".
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeVariables } from '../../src/config/env.js';
import { ingestExitCode, type IngestSummary } from '../../src/cli/ingest.js';
import { runKg } from '../../src/cli/program.js';

// a loaded two-core machine may take 10 s or more to start one tsx process
vi.setConfig({ testTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMA = `${ROOT}schema/schema.graphql`;
const STARTS_NEO4J = /starting the local Neo4j|waiting for Neo4j/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of the runs: this one without any variable kg reads, plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const out = { ...process.env };
  for (const v of describeVariables()) delete out[v.name];
  return { ...out, ...env };
}

function kg(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/kg.ts', ...args], { cwd: ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const RUNS = {
  help: [['--help']],
  schemaHelp: [['schema', '--help']],
  ingestHelp: [['ingest', '--help']],
  evalHelp: [['eval', '--help']],
  unknownCommand: [['summon']],
  badOption: [['serve', '--port', '80']],
  portAbc: [['serve'], { PORT: 'abc' }],
  readsMaybe: [['serve'], { KG_READS: 'maybe' }],
  missingFile: [['ingest', 'no-such-article.txt']],
} satisfies Record<string, [string[], Record<string, string>?]>;

/** runKg in this process, with the environment variables kg reads set to `env` only. */
async function inProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  for (const v of describeVariables()) vi.stubEnv(v.name, env[v.name]);
  let stdout = '';
  let stderr = '';
  const code = await runKg(args, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

afterEach(() => vi.unstubAllEnvs());

let runs: Record<keyof typeof RUNS, Run>;
let schemaBefore: { mtimeMs: number; text: string };

beforeAll(async () => {
  schemaBefore = { mtimeMs: statSync(SCHEMA).mtimeMs, text: readFileSync(SCHEMA, 'utf8') };
  const entries = await Promise.all(Object.entries(RUNS).map(async ([name, [args, env]]) => [name, await kg(args, env)] as const));
  runs = Object.fromEntries(entries) as typeof runs;
}, 180_000);

describe('kg help', () => {
  it('--help lists every command on stdout and exits 0', () => {
    const r = runs.help;
    expect(r.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'schema', 'cite', 'eval', 'ingest', 'key', 'generate', 'config']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(r.stdout).toMatch(/Exit codes: 0 success; 1 failure/);
  });

  it('no command: the help on stderr, exit 2', async () => {
    const r = await inProcess([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: kg <command> [options]');
  });

  it('schema --help exits 0 and leaves schema/schema.graphql as it was', () => {
    expect(runs.schemaHelp.code).toBe(0);
    expect(runs.schemaHelp.stdout).toContain('--check');
    expect(statSync(SCHEMA).mtimeMs).toBe(schemaBefore.mtimeMs);
    expect(readFileSync(SCHEMA, 'utf8')).toBe(schemaBefore.text);
  });

  it.each(['ingestHelp', 'evalHelp'] as const)('%s exits 0 with the options, starting nothing', (name) => {
    const r = runs[name];
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kg \w+/);
    expect(r.stderr).not.toMatch(STARTS_NEO4J);
  });

  it.each([
    ['serve', '--help'],
    ['help', 'generate'],
    ['key', 'create', '--help'],
    ['config', '-h'],
  ])('%s %s exits 0', async (...args) => {
    const r = await inProcess(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kg \w+/);
    expect(r.stderr).toBe('');
  });

  it('eval --help names its flags', () => {
    for (const flag of ['--gold <file>', '--texts <dir>', '--details', '--no-seed', '--no-nlp']) expect(runs.evalHelp.stdout).toContain(flag);
  });
});

describe('kg bad usage: exit 2, the usage on stderr', () => {
  it.each([
    ['unknownCommand', /error: unknown command 'summon'/],
    ['badOption', /error: unknown option '--port'/],
  ] as const)('%s', (name, message) => {
    const r = runs[name];
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^usage: kg/m);
    expect(r.stdout).toBe('');
  });

  it.each<[string[], RegExp]>([
    [['generate', '--scale', 'lots'], /error: option '--scale <N>' argument 'lots' is invalid. Expected a whole number of at least 100/],
    [['generate', '--scale', '1000', '--chunk', '10'], /error: option '--chunk <C>' argument '10' is invalid/],
    [['generate'], /error: required option '--scale <N>' not specified/],
    [['ingest'], /error: missing required argument 'paths'/],
    [['ingest', '--concurrency', '0', 'a.txt'], /error: option '--concurrency <n>' argument '0' is invalid. Expected a whole number of at least 1/],
    [['cite', 'a.txt'], /error: missing required argument 'phrase'/],
    [['cite', 'a.txt', ' '], /error: the phrase is empty/],
    [['eval', '--gold', 'dev.yaml'], /error: --gold and --texts go together/],
    [['eval', '--texts'], /error: option '--texts <dir>' argument missing/],
    [['schema', '--check', 'extra'], /error: too many arguments for 'schema'/],
    [['key'], /Usage: kg key/],
    [['key', 'list'], /error: unknown command 'list'/],
    [['key', 'create', '--name', 'ana'], /error: required option '--role <role>' not specified/],
    [['key', 'create', '--name', 'ana', '--role', 'boss'], /Allowed choices are editor, reader/],
    [['key', 'create', '--name', 'a b', '--role', 'editor'], /error: option '--name <name>' argument 'a b' is invalid/],
  ])('%j', async (args, message) => {
    const r = await inProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^usage: kg|^Usage: kg/m);
    expect(r.stdout).toBe('');
  });
});

describe('kg with a bad environment: exit 1 before Neo4j starts', () => {
  const failsFirst = (r: Run, message: string) => {
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`[kg] bad environment: ${message}`);
    expect(r.stderr).not.toMatch(STARTS_NEO4J);
    expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
  };

  it.each([
    ['portAbc', 'PORT: expected a port, a whole number from 1 to 65535 (got "abc")'],
    ['readsMaybe', 'KG_READS: must be "open" or "key" (got "maybe")'],
  ] as const)('%s', (name, message) => failsFirst(runs[name], message));

  it.each<[string[], Record<string, string>, string]>([
    [['ingest', 'no-such-article.txt'], { NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI: expected a URL with a host'],
    [['migrate'], { KG_WRITE_TIMEOUT_MS: '-1' }, 'KG_WRITE_TIMEOUT_MS: must be a whole number of milliseconds above 0'],
    [['seed'], { NEO4J_LOCAL_PORT: 'x' }, 'NEO4J_LOCAL_PORT: is not a valid port: x'],
    [['eval'], { KG_NLP: 'no' }, 'KG_NLP: expected one of auto, off'],
    [['generate', '--scale', '1000'], { KG_BOLT_NODELAY: 'on' }, 'KG_BOLT_NODELAY: expected one of 0, 1'],
  ])('%j with %j', async (args, env, message) => failsFirst(await inProcess(args, env), message));
});

describe('kg ingest', () => {
  it('of a missing file: the summary, exit 1, without starting Neo4j', () => {
    const r = runs.missingFile;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('documents: 0 ingested (0 new), 1 skipped');
    expect(r.stdout).toContain('skipped no-such-article.txt: no such file or folder');
    expect(r.stderr).not.toMatch(STARTS_NEO4J);
  });

  const summary = (ingested: number, skipped: number): IngestSummary => ({
    results: Array.from({ length: ingested }, () => ({}) as IngestSummary['results'][number]),
    skipped: Array.from({ length: skipped }, (_, i) => ({ file: `f${i}.txt`, reason: 'not Spanish' })),
  });

  it('fails when any file was skipped, not only when all were', () => {
    expect(ingestExitCode(summary(3, 0))).toBe(0);
    expect(ingestExitCode(summary(0, 0))).toBe(0);
    expect(ingestExitCode(summary(3, 1))).toBe(1);
    expect(ingestExitCode(summary(0, 2))).toBe(1);
  });
});

describe('kg config', () => {
  it('lists every variable and passes a good environment', async () => {
    const r = await inProcess(['config'], { PORT: '8080' });
    expect(r.code).toBe(0);
    for (const v of describeVariables()) expect(r.stdout).toContain(`${v.name} (default: ${v.default})\n    ${v.description}\n`);
    expect(r.stdout).toMatch(/the current environment passes the check\n$/);
  });

  it('--markdown: a table row for every variable', async () => {
    const r = await inProcess(['config', '--markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| variable \| default \| meaning \|$/m);
    for (const v of describeVariables()) expect(r.stdout).toContain(`| \`${v.name}\` | `);
  });

  it('names a bad value and exits 1', async () => {
    const r = await inProcess(['config'], { LOG_LEVEL: 'loud' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[kg] bad environment: LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
  });
});
