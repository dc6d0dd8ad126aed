import DataLoader from 'dataloader';
import type { RelType } from '../domain/model.js';
import type { Db } from './db.js';
import { rowToNode, toNode, toRel, type Edge, type GraphNode, type NodeRow } from './records.js';

interface EdgeRow {
  id: string;
  rel: Record<string, unknown>;
  targetId: string;
  labels: string[];
  props: Record<string, unknown>;
}

function groupEdges(ids: readonly string[], rows: EdgeRow[]): Edge[][] {
  const by = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  for (const r of rows) by.get(r.id)?.push({ rel: toRel(r.rel), node: toNode(r.targetId, r.labels, r.props) });
  return ids.map((id) => by.get(id)!);
}

/**
 * Per-request batch loaders: every field that walks from a list of parents to their neighbours
 * goes through one of these, so a nested level costs one query, not one per parent.
 */
export class Loaders {
  private readonly edgeLoaders = new Map<string, DataLoader<string, Edge[]>>();

  constructor(private readonly db: Db) {}

  readonly node = new DataLoader<string, GraphNode | null>(async (ids) => {
    const rows = await this.db.read<NodeRow>('read/nodes-by-id', { ids });
    const by = new Map(rows.map((r) => [r.id, rowToNode(r)]));
    return ids.map((id) => by.get(id) ?? null);
  });

  /** A cited document and its text together: citations ask for both at once. */
  readonly citedDocument = new DataLoader<string, { node: GraphNode; text: string | null } | null>(async (ids) => {
    const rows = await this.db.read<NodeRow & { text: string | null }>('read/cited-documents', { ids });
    const by = new Map(rows.map((r) => [r.id, { node: rowToNode(r), text: r.text ?? null }]));
    return ids.map((id) => by.get(id) ?? null);
  });

  /** Each node's edits (Edit nodes linked by EDITED), oldest first. */
  readonly history = new DataLoader<string, Record<string, unknown>[]>(async (ids) => {
    const rows = await this.db.read<{ id: string; edit: Record<string, unknown> }>('read/edit-history', { ids });
    const by = new Map<string, Record<string, unknown>[]>(ids.map((id) => [id, []]));
    for (const r of rows) by.get(r.id)?.push(r.edit);
    return ids.map((id) => by.get(id)!);
  });

  readonly personCommitments = this.query('read/person-commitments');
  readonly figurePeers = this.query('read/figure-peers');

  /** Neighbours over one relationship type in one direction. */
  edges(direction: 'out' | 'in', type: RelType): DataLoader<string, Edge[]> {
    const key = `${direction}:${type}`;
    let loader = this.edgeLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) =>
        groupEdges(ids, await this.db.read<EdgeRow>(direction === 'out' ? 'read/edges-out' : 'read/edges-in', { ids, type })),
      );
      this.edgeLoaders.set(key, loader);
    }
    return loader;
  }

  private query(name: string): DataLoader<string, Edge[]> {
    return new DataLoader(async (ids) => groupEdges(ids, await this.db.read<EdgeRow>(name, { ids })));
  }
}
