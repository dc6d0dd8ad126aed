/**
 * `kg eval`: ingests the seed corpus through the pipeline into an empty database (a throw-away
 * local Neo4j, or EVAL_NEO4J_URI, which must be empty), reads the graph back and compares it
 * with the curated seed graph: precision, recall and F1 per fact type.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { GraphBatch, NodeKind, PropValue, RelType } from '../domain/model.js';
import { Db } from '../graph/db.js';
import { startLocalNeo4j } from '../graph/local-neo4j.js';
import { migrate } from '../graph/migrate.js';
import { evaluate, formatDetails, formatScores } from '../ingest/eval.js';
import { compileSeedFromDisk, CORPUS_DIR, loadSeed } from '../ingest/seed/load.js';
import { formatSummary, ingestFiles, articleFiles } from './ingest.js';
import { authConfig } from '../api/auth.js';
import { startServer } from '../api/server.js';
import { collectAnswers } from '../eval/collect.js';
import { nlpEngine } from '../nlp/engine.js';
import { parseGold } from '../eval/gold.js';
import { formatReport, scoreRealset } from '../eval/score.js';

async function dump(db: Db): Promise<GraphBatch> {
  const nodes = await db.read<{ id: string; kind: NodeKind; props: Record<string, PropValue> & { cites?: string[] } }>('read/dump-nodes');
  const rels = await db.read<{ type: RelType; from: string; to: string; props: Record<string, PropValue> & { cites?: string[] } }>('read/dump-relationships');
  return {
    nodes: nodes.map((n) => ({ id: n.id, kind: n.kind, props: n.props, cites: n.props.cites ?? [] })),
    rels: rels.map((r) => ({ type: r.type, from: r.from, to: r.to, props: r.props, cites: r.props.cites ?? [] })),
  };
}

/** A throw-away database: EVAL_NEO4J_URI (which must be empty), else a local Neo4j in a temporary folder. */
async function throwAway<T>(log: (line: string) => void, work: (db: Db) => Promise<T>): Promise<T> {
  const uri = process.env.EVAL_NEO4J_URI;
  const dataDir = uri ? null : mkdtempSync(join(tmpdir(), 'kg-eval-'));
  const local = dataDir ? await startLocalNeo4j({ port: 0, dataDir, log }) : null;
  const db = Db.connect({
    uri: uri ?? local!.uri,
    ...(process.env.EVAL_NEO4J_USER ? { user: process.env.EVAL_NEO4J_USER } : {}),
    ...(process.env.EVAL_NEO4J_PASSWORD ? { password: process.env.EVAL_NEO4J_PASSWORD } : {}),
  });
  try {
    await migrate(db, log);
    const before = await dump(db);
    if (before.nodes.length) throw new Error(`the evaluation database is not empty (${before.nodes.length} nodes)`);
    return await work(db);
  } finally {
    await db.close();
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Ingests the files with the NLP engine (unless `nlp` is false), logs the summary and says which engine ran. */
async function ingestForEval(db: Db, paths: string[], log: (line: string) => void, nlp: boolean): Promise<void> {
  const engine = nlp ? nlpEngine(log) : null;
  let used: boolean;
  try {
    const client = (await engine?.get()) ?? null;
    used = !!client;
    log(formatSummary(await ingestFiles(db, paths, log, { nlp: client })));
  } finally {
    await engine?.stop();
  }
  process.stdout.write(`NLP engine: ${used ? 'CoreNLP (Spanish NER) beside the rules' : 'none (rules and gazetteer only)'}\n\n`);
}

export interface RealsetOptions {
  gold: string;
  texts: string;
  details?: boolean;
  seed?: boolean;
  nlp?: boolean;
}

/**
 * `kg eval --gold <file> --texts <dir>`: the seed graph into a throw-away Neo4j, then every text
 * of the folder named `<id>.txt` after a gold entry through the pipeline, then the GraphQL API's
 * answers about each document scored against the gold (src/eval/score.ts states the rules).
 */
export async function evalRealset(log: (line: string) => void, opts: RealsetOptions): Promise<number> {
  const gold = parseGold(readFileSync(opts.gold, 'utf8'), opts.gold);
  const { files } = articleFiles([opts.texts]);
  const byId = new Map(files.map((f) => [basename(f).replace(/\.[^.]+$/, ''), f]));
  const missing = gold.filter((g) => !byId.has(g.id)).map((g) => g.id);
  if (missing.length === gold.length) throw new Error(`no text in ${opts.texts} is named after a gold entry (<id>.txt); retrieve them first (README: evaluation on real articles)`);
  if (missing.length) log(`no text for ${missing.length} gold entries (scored as missed): ${missing.join(', ')}`);
  const wanted = gold.filter((g) => byId.has(g.id)).map((g) => byId.get(g.id)!);
  return throwAway(log, async (db) => {
    if (opts.seed !== false) await loadSeed(db, { log });
    await ingestForEval(db, wanted, log, opts.nlp !== false);
    // the report goes to stdout: the server's per-operation log lines stay out of it
    const server = await startServer({ db, port: 0, host: '127.0.0.1', auth: authConfig([]), limits: { maxDepth: 50, maxComplexity: 10_000_000 }, logLevel: 'warn' });
    try {
      const texts = new Map(gold.filter((g) => byId.has(g.id)).map((g) => [g.id, { fileName: basename(byId.get(g.id)!), text: readFileSync(byId.get(g.id)!, 'utf8') }]));
      const answers = await collectAnswers(server.url, gold, texts);
      process.stdout.write(`${formatReport(scoreRealset(gold, answers), { details: opts.details })}\n`);
      return 0;
    } finally {
      await server.stop();
    }
  });
}

export async function evalCommand(log: (line: string) => void, opts: { details?: boolean; corpusDir?: string; nlp?: boolean } = {}): Promise<number> {
  const corpusDir = opts.corpusDir ?? CORPUS_DIR;
  return throwAway(log, async (db) => {
    await ingestForEval(db, [corpusDir], log, opts.nlp !== false);
    const found = await dump(db);
    const { batch: truth } = compileSeedFromDisk(undefined, corpusDir);
    const scores = evaluate(truth, found);
    if (opts.details) process.stdout.write(`${formatDetails(scores)}\n\n`);
    process.stdout.write(`${formatScores(scores)}\n`);
    return 0;
  });
}
