import { parseCitationKey } from '../domain/citation.js';
import { foldName } from '../domain/names.js';
import { ENTITY_KINDS, type GraphBatch, type NodeRecord } from '../domain/model.js';
import type { WriteTx } from './db.js';

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
 * Writes a batch inside the caller's transaction: nodes, then relationships, then the
 * SOURCED_FROM links derived from citations. Batched (UNWIND), idempotent (MERGE by id).
 */
export async function writeBatch(tx: WriteTx, batch: GraphBatch, onProgress: (done: number, total: number) => void = () => {}, mode: 'replace' | 'add' = 'replace'): Promise<void> {
  const total = batch.nodes.length + batch.rels.length;
  let done = 0;
  for (const rows of chunks(batch.nodes)) {
    await tx.run('write/upsert-nodes', { rows: rows.map((n) => ({ id: n.id, labels: labels(n), props: { ...n.props, fold: folded(n) }, cites: n.cites })) });
    onProgress((done += rows.length), total);
  }
  for (const rows of chunks(batch.rels)) {
    await tx.run(mode === 'add' ? 'write/add-relationships' : 'write/upsert-relationships', { rows: rows.map((r) => ({ ...r, key: r.key ?? '' })) });
    onProgress((done += rows.length), total);
  }
  const sourced = batch.nodes
    .filter((n) => n.cites.length)
    .map((n) => ({ id: n.id, documents: [...new Set(n.cites.map((c) => parseCitationKey(c).documentId))] }));
  for (const rows of chunks(sourced)) await tx.run('write/link-sources', { rows });
}

/**
 * Nodes the graph already holds that a new document names or states again: each gains the
 * document's citations (and, for entities, the names it gives them), and the document lists it.
 */
export async function addCitations(tx: WriteTx, nodes: { id: string; cites: string[]; aliases: string[]; fillFrom?: Record<string, unknown>; fillTo?: Record<string, unknown>; fillDate?: Record<string, unknown> }[]): Promise<void> {
  const rows = nodes.filter((n) => n.cites.length);
  for (const part of chunks(rows)) {
    await tx.run('write/add-citations', { rows: part.map((n) => ({ fillFrom: {}, fillTo: {}, fillDate: {}, ...n })) });
    await tx.run('write/link-sources', { rows: part.map((n) => ({ id: n.id, documents: [...new Set(n.cites.map((c) => parseCitationKey(c).documentId))] })) });
  }
}
