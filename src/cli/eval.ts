/**
 * `kg eval`: ingests the seed corpus through the pipeline into an empty database (a throw-away
 * local Neo4j, or EVAL_NEO4J_URI, which must be empty), reads the graph back and compares it
 * with the curated seed graph: precision, recall and F1 per fact type.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphBatch, NodeKind, PropValue, RelType } from '../domain/model.js';
import { Db } from '../graph/db.js';
import { startLocalNeo4j } from '../graph/local-neo4j.js';
import { migrate } from '../graph/migrate.js';
import { evaluate, formatDetails, formatScores } from '../ingest/eval.js';
import { compileSeedFromDisk, CORPUS_DIR } from '../ingest/seed/load.js';
import { formatSummary, ingestFiles } from './ingest.js';

async function dump(db: Db): Promise<GraphBatch> {
  const nodes = await db.read<{ id: string; kind: NodeKind; props: Record<string, PropValue> & { cites?: string[] } }>('read/dump-nodes');
  const rels = await db.read<{ type: RelType; from: string; to: string; props: Record<string, PropValue> & { cites?: string[] } }>('read/dump-relationships');
  return {
    nodes: nodes.map((n) => ({ id: n.id, kind: n.kind, props: n.props, cites: n.props.cites ?? [] })),
    rels: rels.map((r) => ({ type: r.type, from: r.from, to: r.to, props: r.props, cites: r.props.cites ?? [] })),
  };
}

export async function evalCommand(log: (line: string) => void, opts: { details?: boolean; corpusDir?: string } = {}): Promise<number> {
  const corpusDir = opts.corpusDir ?? CORPUS_DIR;
  const uri = process.env.EVAL_NEO4J_URI;
  const dataDir = uri ? null : mkdtempSync(join(tmpdir(), 'kg-eval-'));
  const local = dataDir ? await startLocalNeo4j({ port: 0, dataDir, log }) : null;
  const db = Db.connect({ uri: uri ?? local!.uri, ...(process.env.EVAL_NEO4J_USER ? { user: process.env.EVAL_NEO4J_USER } : {}), ...(process.env.EVAL_NEO4J_PASSWORD ? { password: process.env.EVAL_NEO4J_PASSWORD } : {}) });
  try {
    await migrate(db, log);
    const before = await dump(db);
    if (before.nodes.length) throw new Error(`the evaluation database is not empty (${before.nodes.length} nodes)`);
    const summary = await ingestFiles(db, [corpusDir], log);
    log(formatSummary(summary));
    const found = await dump(db);
    const { batch: truth } = compileSeedFromDisk(undefined, corpusDir);
    const scores = evaluate(truth, found);
    if (opts.details) process.stdout.write(`${formatDetails(scores)}\n\n`);
    process.stdout.write(`${formatScores(scores)}\n`);
    return 0;
  } finally {
    await db.close();
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
