import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaSdl } from '../api/schema.js';
import { startServer } from '../api/server.js';
import { migrate } from '../graph/migrate.js';
import { Repository } from '../graph/repository.js';
import { loadSeed } from '../ingest/seed/load.js';
import { SeedError } from '../ingest/seed/compile.js';
import { citeCommand } from './cite.js';
import { evalCommand, evalRealset } from './eval.js';
import { formatSummary, ingestFiles } from './ingest.js';
import { generateCommand } from './generate.js';
import { connectGraph } from './graph.js';
import { keyCommand } from './keys.js';
import { nlpEngine } from '../nlp/engine.js';

const log = (line: string) => process.stderr.write(`[kg] ${line}\n`);
const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

const USAGE = `usage: kg <command>
  serve            start Neo4j if needed, migrate, load the seed graph into an empty database, serve GraphQL
  migrate          apply the constraints and indexes in cypher/migrations
  seed             check the curated seed data against the corpus and load it (idempotent)
  schema [--check] write schema/schema.graphql from the code (--check: fail if it differs)
  cite <file> <phrase>  print seed citation strings for a phrase in a corpus document
  eval [--details] [--no-nlp]  ingest the seed corpus into a throw-away Neo4j and score it against the curated graph
  eval --gold <file> --texts <dir> [--details] [--no-seed] [--no-nlp]
                   seed graph, then the real articles <dir>/<id>.txt, into a throw-away Neo4j; score the API's answers
  ingest <paths...>  extract facts from articles (.txt, .md, .html; metadata in front matter or <name>.json) into the graph
  key create --name <n> --role <editor|reader>  make an API key: prints its token once and the config entry (its sha256)
  generate --scale N [--seed S] [--replace]  write a synthetic graph of about N nodes (benchmarks; data in .neo4j/scale-<N>)
environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (else a local Neo4j is started),
             NEO4J_LOCAL_PORT (7687), PORT (4000), HOST (127.0.0.1), CORPUS_DIR (../shared/corpus),
             KG_API_KEYS, KG_API_KEYS_FILE, KG_READS (open),
             KG_NLP (auto; off: ingest with the rules alone), CORENLP_URL (else a local CoreNLP is started for ingest)`;

async function serve(): Promise<number> {
  const graph = await connectGraph(log);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  // started on the first ingestDocument, so the API answers at once
  const nlp = nlpEngine(log);
  const shutdown = async () => {
    log('stopping');
    await server?.stop();
    await nlp.stop();
    await graph.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await migrate(graph.db, log);
  const count = await new Repository(graph.db).countNodes();
  if (count === 0) {
    log('database is empty: loading the seed graph');
    await loadSeed(graph.db, { log });
  } else {
    log(`database holds ${count} nodes: seed not reloaded (npm run seed reloads it)`);
  }
  server = await startServer({ db: graph.db, port: Number(process.env.PORT ?? 4000), host: process.env.HOST ?? '127.0.0.1', nlp });
  log(`GraphQL API and playground at ${server.url}; health at ${server.url.replace('/graphql', '/health')}`);
  return new Promise(() => {}); // runs until a signal
}

async function withGraph(work: (g: Awaited<ReturnType<typeof connectGraph>>) => Promise<void>): Promise<number> {
  const graph = await connectGraph(log);
  try {
    await work(graph);
    return 0;
  } finally {
    await graph.close();
  }
}

async function main(command: string | undefined, args: string[]): Promise<number> {
  // The 5 s per-query limit protects the API from expensive requests; batch commands (ingest, seed,
  // eval, generate) run their own work and may meet a cold database: they get ten minutes.
  if (command !== 'serve') {
    process.env.KG_QUERY_TIMEOUT_MS ??= '600000';
    process.env.KG_WRITE_TIMEOUT_MS ??= '600000';
  }
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      return withGraph(async (g) => { log(`${await migrate(g.db, log)} schema statements applied`); });
    case 'seed':
      return withGraph(async (g) => { await migrate(g.db, log); await loadSeed(g.db, { log }); });
    case 'schema': {
      const sdl = await schemaSdl();
      if (args.includes('--check')) {
        const { readFileSync } = await import('node:fs');
        const current = readFileSync(SCHEMA_FILE, 'utf8');
        if (current !== sdl) { log('schema/schema.graphql is out of date: run npm run schema'); return 1; }
        return 0;
      }
      writeFileSync(SCHEMA_FILE, sdl);
      log(`wrote ${SCHEMA_FILE}`);
      return 0;
    }
    case 'cite':
      return citeCommand(args);
    case 'eval': {
      const value = (flag: string) => {
        const i = args.indexOf(flag);
        if (i < 0) return undefined;
        const v = args[i + 1];
        if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value`);
        return v;
      };
      const gold = value('--gold');
      const texts = value('--texts');
      if (!!gold !== !!texts) { log('usage: kg eval --gold <file> --texts <dir> [--details] [--no-seed] [--no-nlp]   (or kg eval [--details] [--no-nlp] for the seed corpus)'); return 2; }
      if (gold && texts) return evalRealset(log, { gold, texts, details: args.includes('--details'), seed: !args.includes('--no-seed'), nlp: !args.includes('--no-nlp') });
      return evalCommand(log, { details: args.includes('--details'), nlp: !args.includes('--no-nlp') });
    }
    case 'ingest': {
      if (args.length === 0) { log('usage: kg ingest <files or folders>'); return 2; }
      let failed = false;
      await withGraph(async (g) => {
        await migrate(g.db, log);
        const nlp = nlpEngine(log);
        try {
          const summary = await ingestFiles(g.db, args, log, { nlp: await nlp.get() });
          process.stdout.write(`${formatSummary(summary)}\n`);
          failed = summary.results.length === 0 && summary.skipped.length > 0;
        } finally {
          await nlp.stop();
        }
      });
      return failed ? 1 : 0;
    }
    case 'key':
      return keyCommand(args);
    case 'generate':
      return generateCommand(args, log);
    default:
      process.stderr.write(`${USAGE}\n`);
      return command ? 2 : 0;
  }
}

const [command, ...args] = process.argv.slice(2);
main(command, args).then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof SeedError ? err.message : `error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
