/**
 * The `kg` command line: every command with its options, on commander. Each action loads the
 * module doing its work when it runs, so that `--help` and usage errors answer without loading
 * the server, the pipeline or the Neo4j driver (only `key`'s module loads at once: its options
 * check against the API's roles and key names), and without side effects.
 *
 * Commands that read the environment check all of it first (src/config/env.ts), before any of
 * them starts Neo4j: a bad value is a failure of configuration, exit code 1.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { Config } from '../config/env.js';
import { DEFAULT_INGEST_CONCURRENCY } from '../ingest/many-defaults.js';
import { keyCommands } from './keys.js';
import { EXIT, exitCodeFor, logTo, applySettings, stdio, usageError, type Io } from './usage.js';

/** A whole-number option value of at least `min`; "100_000" and "100,000" read as 100000. */
const wholeNumber =
  (min: number) =>
  (raw: string): number => {
    const n = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`Expected a whole number of at least ${min}.`);
    return n;
  };

/** An option value that must be one of `choices`. */
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (raw: string): T => {
    if (!(choices as readonly string[]).includes(raw)) throw new InvalidArgumentError(`Expected one of ${choices.join(', ')}.`);
    return raw as T;
  };

/** The formats of kg export (src/export/formats.ts), named here so that --help loads no exporter. */
const EXPORT_FORMAT_NAMES = ['csv', 'jsonl', 'ftm', 'popolo', 'graphml'] as const;

const BATCH_TIMEOUT_MS = '600000';

/**
 * The environment, checked. The 5 s read limit protects the API from expensive requests; batch
 * commands run their own work and may meet a cold database, so unless the variables say
 * otherwise they get ten minutes per transaction.
 */
async function environment(kind: 'server' | 'batch'): Promise<Config> {
  if (kind === 'batch') {
    process.env.KG_QUERY_TIMEOUT_MS ??= BATCH_TIMEOUT_MS;
    process.env.KG_WRITE_TIMEOUT_MS ??= BATCH_TIMEOUT_MS;
  }
  const { loadConfig } = await import('../config/env.js');
  return loadConfig();
}

const HELP_AFTER = `
Exit codes: 0 success; 1 failure, a bad environment value included; 2 bad usage (unknown command
or option, missing or malformed argument).
Environment: \`kg config\` lists every variable with its default and meaning. Commands that use
the environment check all of it before they start.`;

/** The program; `done` receives each action's exit code. */
function program(io: Io, done: (code: number) => void): Command {
  const log = logTo(io);
  const kg = new Command('kg').description('knowledge graph of public officials, served over GraphQL with a citation for every fact').usage('<command> [options]').addHelpText('after', HELP_AFTER);
  const act =
    <A extends unknown[]>(work: (...args: A) => Promise<number> | number) =>
    async (...args: A): Promise<void> =>
      done(await work(...args));

  kg.command('serve')
    .description('start Neo4j if needed, migrate, load the seed graph into an empty database, serve GraphQL')
    .addHelpText('after', '\nListens on HOST:PORT (127.0.0.1:4000); Neo4j from NEO4J_URI, else the local one.\n`kg config` lists every variable.')
    .action(
      act(async () => {
        const config = await environment('server');
        const { serve } = await import('./serve.js');
        return serve(config, log);
      }),
    );

  kg.command('migrate')
    .description('apply the constraints and indexes in cypher/migrations (idempotent)')
    .action(
      act(async () => {
        await environment('batch');
        const [{ withGraph }, { migrate }] = await Promise.all([import('./graph.js'), import('../graph/migrate.js')]);
        return withGraph(log, async (g) => {
          log(`${await migrate(g.db, log)} schema statements applied`);
          return EXIT.ok;
        });
      }),
    );

  kg.command('seed')
    .description('check the curated seed data against the corpus and load it (idempotent)')
    .action(
      act(async () => {
        await environment('batch');
        const [{ withGraph }, { migrate }, { loadSeed }] = await Promise.all([import('./graph.js'), import('../graph/migrate.js'), import('../ingest/seed/load.js')]);
        return withGraph(log, async (g) => {
          await migrate(g.db, log);
          await loadSeed(g.db, { log });
          return EXIT.ok;
        });
      }),
    );

  kg.command('schema')
    .description('write schema/schema.graphql from the code')
    .option('--check', 'write nothing; fail when schema/schema.graphql differs from the code', false)
    .action(
      act(async (opts: { check: boolean }) => {
        const { schemaCommand } = await import('./schema.js');
        return schemaCommand(opts, log);
      }),
    );

  kg.command('cite')
    .description('print seed citation strings for every occurrence of a phrase in a corpus document')
    .argument('<file>', 'the document')
    .argument('<phrase...>', 'the words of the phrase')
    .action(
      act(async (file: string, words: string[], _opts: unknown, cmd: Command) => {
        const phrase = words.join(' ');
        if (phrase.trim() === '') usageError(cmd, 'the phrase is empty');
        const { citeCommand } = await import('./cite.js');
        return citeCommand(file, phrase);
      }),
    );

  kg.command('eval')
    .summary('score the pipeline: the seed corpus against the curated graph, or real articles against gold facts')
    .description(
      'ingest the seed corpus into a throw-away Neo4j and score it against the curated graph; with --gold and --texts, the seed graph then the real articles <texts>/<id>.txt, scoring what the API answers against the gold',
    )
    .option('--gold <file>', 'gold facts of real articles (with --texts)')
    .option('--texts <dir>', 'folder of the articles, one <id>.txt per gold entry (with --gold)')
    .option('--details', 'list every miss and every wrong fact', false)
    .option('--no-seed', 'with --gold: do not load the seed graph first')
    .option('--no-nlp', 'ingest with the rules and the gazetteer alone (no CoreNLP)')
    .action(
      act(async (opts: { gold?: string; texts?: string; details: boolean; seed: boolean; nlp: boolean }, cmd: Command) => {
        if (!opts.gold !== !opts.texts) usageError(cmd, '--gold and --texts go together');
        await environment('batch');
        const { evalCommand, evalRealset } = await import('./eval.js');
        if (opts.gold && opts.texts) return evalRealset(log, { gold: opts.gold, texts: opts.texts, details: opts.details, seed: opts.seed, nlp: opts.nlp });
        return evalCommand(log, { details: opts.details, nlp: opts.nlp });
      }),
    );

  kg.command('ingest')
    .summary('extract facts from articles into the graph')
    .description('extract facts from articles (.txt, .md, .html; metadata in front matter or <name>.json) into the graph; fails when any file is skipped')
    .argument('<paths...>', 'files or folders')
    .option('--concurrency <n>', 'documents read and annotated at once while an earlier one is written, in order (1: one after the other)', wholeNumber(1), DEFAULT_INGEST_CONCURRENCY)
    .action(
      act(async (paths: string[], opts: { concurrency: number }) => {
        await environment('batch');
        const { ingestCommand } = await import('./ingest.js');
        return ingestCommand(paths, log, opts);
      }),
    );

  kg.addCommand(keyCommands(io));

  kg.command('generate')
    .summary('write a synthetic graph of about N nodes, for benchmarks')
    .description('write a synthetic graph of about N nodes for benchmarks (NEO4J_URI, else the local Neo4j with its data in NEO4J_LOCAL_DATA or .neo4j/scale-<N>)')
    .requiredOption('--scale <N>', 'about how many nodes to make (10000, 100000, 1000000...; at least 100)', wholeNumber(100))
    .option('--seed <S>', 'seed of the generator; same seed, same graph', wholeNumber(0), 1)
    .option('--chunk <C>', 'about how many nodes per write transaction', wholeNumber(200), 5000)
    .option('--replace', 'clear a database that holds nodes first (otherwise it is refused)', false)
    .option('--via-writer', "write with the ingestion's writeBatch (MERGE) instead of the bulk CREATE queries", false)
    .action(
      act(async (opts: { scale: number; seed: number; chunk: number; replace: boolean; viaWriter: boolean }) => {
        await environment('batch');
        const { generateCommand } = await import('./generate.js');
        return generateCommand(opts, log);
      }),
    );

  kg.command('export')
    .summary('write the graph as CSV, JSON Lines, FollowTheMoney, Popolo JSON-LD or GraphML')
    .description(
      'write the graph in an export format, read page by page: csv (one table per kind and per relationship type, with citations), jsonl, ftm (FollowTheMoney entities), popolo (Popolo JSON-LD) or graphml (for Gephi)',
    )
    .requiredOption('--format <format>', `one of ${EXPORT_FORMAT_NAMES.join(', ')}`, oneOf(EXPORT_FORMAT_NAMES))
    .option('--out <dir>', 'folder to write into (CSV: one file per table); default: standard output')
    .option('--table <name>', 'with --format csv and no --out: the one table to write (person, holds, ...)')
    .action(
      act(async (opts: { format: (typeof EXPORT_FORMAT_NAMES)[number]; out?: string; table?: string }, cmd: Command) => {
        if (opts.table !== undefined && (opts.format !== 'csv' || opts.out !== undefined)) usageError(cmd, '--table goes with --format csv without --out');
        if (opts.format === 'csv' && opts.out === undefined && opts.table === undefined)
          usageError(cmd, 'CSV is one table per file: give --out DIR for every table, or --table <name> for one on standard output');
        if (opts.table !== undefined) {
          const { csvTable, CSV_TABLES } = await import('../export/csv.js');
          if (!csvTable(opts.table)) usageError(cmd, `no CSV table "${opts.table}"; the tables: ${CSV_TABLES.map((t) => t.name).join(', ')}`);
        }
        await environment('batch');
        const { exportCommand } = await import('./export.js');
        return exportCommand(opts, log);
      }),
    );

  kg.command('backup')
    .summary('write every node and relationship to a compressed, versioned backup file')
    .description('write every node and relationship with all its properties (typed) to <file>, gzip-compressed JSON Lines; writers wait while it runs')
    .argument('<file>', 'the backup file to write (conventionally .jsonl.gz)')
    .action(
      act(async (file: string) => {
        await environment('batch');
        const { backupCommand } = await import('./backup.js');
        return backupCommand(file, log);
      }),
    );

  kg.command('restore')
    .summary('restore a backup into an empty database')
    .description('check the whole backup <file>, then write it into the database; refuses a database that holds any node unless --replace')
    .argument('<file>', 'a file written by kg backup')
    .option('--replace', 'delete every node and relationship the database holds first (constraints and indexes stay)', false)
    .action(
      act(async (file: string, opts: { replace: boolean }) => {
        await environment('batch');
        const { restoreCommand } = await import('./backup.js');
        return restoreCommand(file, opts, log);
      }),
    );

  kg.command('config')
    .summary('list the environment variables and check the current environment')
    .description('list the environment variables with their defaults and meaning, and check the current environment')
    .option('--markdown', 'print the list as a Markdown table', false)
    .action(
      act(async (opts: { markdown: boolean }) => {
        const { configCommand } = await import('./config.js');
        return configCommand(opts, io);
      }),
    );

  return applySettings(kg, io);
}

/** Runs `kg <argv>`: the exit code, after any error has been reported on stderr. */
export async function runKg(argv: string[], io: Io = stdio): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    return exitCodeFor(e, io);
  }
}
