import { parseCitationKey } from '../domain/citation.js';
import { foldName } from '../domain/names.js';
import { ENTITY_KINDS, type GraphBatch, type NodeRecord } from '../domain/model.js';
import type { Statement, WriteTx } from './db.js';

const CHUNK = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

function labels(n: NodeRecord): string[] {
  return [n.kind, (ENTITY_KINDS as readonly string[]).includes(n.kind) ? 'Entity' : n.kind === 'Document' ? 'Source' : 'Fact'];
}

/** Accent- and case-folded text of a node's title, for `text` filters that ignore accents. */
function folded(n: NodeRecord): string | null {
  const p = n.props;
  const parts = [p.name, p.title, p.summary, p.role, p.label, p.aliasText].filter((v): v is string => typeof v === 'string');
  return parts.length ? foldName(parts.join(' ')) : null;
}

/**
 * Statements a batch gives a STATED or a COMMITS: write/index-person-commitments brings their
 * STATED's `commits` and their COMMITS's speaker and day up to date (migrations/006, 007).
 */
export function committingCandidates(rels: GraphBatch['rels']): string[] {
  return [...new Set(rels.flatMap((r) => (r.type === 'STATED' ? [r.to] : r.type === 'COMMITS' ? [r.from] : [])))];
}

/** The statements that write a batch, in order, each with the nodes and relationships it writes (for progress). */
export function batchStatements(batch: GraphBatch, mode: 'replace' | 'add' = 'replace'): { statement: Statement; records: number }[] {
  const out: { statement: Statement; records: number }[] = [];
  for (const rows of chunks(batch.nodes)) {
    out.push({
      statement: { name: 'write/upsert-nodes', params: { rows: rows.map((n) => ({ id: n.id, labels: labels(n), props: { ...n.props, fold: folded(n) }, cites: n.cites })) } },
      records: rows.length,
    });
  }
  for (const rows of chunks(batch.rels)) {
    out.push({ statement: { name: mode === 'add' ? 'write/add-relationships' : 'write/upsert-relationships', params: { rows: rows.map((r) => ({ ...r, key: r.key ?? '' })) } }, records: rows.length });
  }
  const sourced = batch.nodes.filter((n) => n.cites.length).map((n) => ({ id: n.id, documents: [...new Set(n.cites.map((c) => parseCitationKey(c).documentId))] }));
  for (const rows of chunks(sourced)) out.push({ statement: { name: 'write/link-sources', params: { rows } }, records: 0 });
  for (const rows of chunks(committingCandidates(batch.rels))) out.push({ statement: { name: 'write/index-person-commitments', params: { statements: rows } }, records: 0 });
  return out;
}

/**
 * Writes a batch inside the caller's transaction: nodes, then relationships, then the
 * SOURCED_FROM links derived from citations. Batched (UNWIND), idempotent (MERGE by id).
 */
export async function writeBatch(tx: WriteTx, batch: GraphBatch, onProgress: (done: number, total: number) => void = () => {}, mode: 'replace' | 'add' = 'replace'): Promise<void> {
  const total = batch.nodes.length + batch.rels.length;
  let done = 0;
  for (const { statement, records } of batchStatements(batch, mode)) {
    await tx.run(statement.name, statement.params);
    if (records) onProgress((done += records), total);
  }
}

/** A node the graph already holds, named or stated again by a new document (write/add-citations.cypher). */
export interface KnownNode {
  id: string;
  cites: string[];
  aliases: string[];
  fillFrom?: Record<string, unknown>;
  fillTo?: Record<string, unknown>;
  fillDate?: Record<string, unknown>;
}

/**
 * The statements by which nodes the graph already holds that a new document names or states
 * again gain the document's citations (and, for entities, the names it gives them), and the
 * document lists them.
 */
export function citationStatements(nodes: KnownNode[]): Statement[] {
  const rows = nodes.filter((n) => n.cites.length);
  return chunks(rows).flatMap((part) => [
    { name: 'write/add-citations', params: { rows: part.map((n) => ({ fillFrom: {}, fillTo: {}, fillDate: {}, ...n })) } },
    { name: 'write/link-sources', params: { rows: part.map((n) => ({ id: n.id, documents: [...new Set(n.cites.map((c) => parseCitationKey(c).documentId))] })) } },
  ]);
}
