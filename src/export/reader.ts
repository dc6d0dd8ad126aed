/**
 * The graph read page by page for exports, never whole: each page is one short read (Db.read,
 * through the server's read gate and its timeout) of up to `batch` nodes in id order, and the
 * next page starts after the last id seen (a cursor the node_id index serves, no SKIP). The
 * consumer takes each page before the next is asked for, so memory holds one page at a time.
 *
 * Pages are separate reads: a graph that changes while an export runs is exported as each page
 * found it. Backups, which must be consistent, read under the writers' lock instead (backup.ts).
 */
import type { Db } from '../graph/db.js';
import { DATE_INDEX_PROPS, PERSON_INDEXED, type NodeKind, type RelType } from '../domain/model.js';

const DEFAULT_BATCH = 1000;

/** A relationship of a node, with its other end (nodes-page's `links`). */
export interface Link {
  type: string;
  /** true when the node is the start of the relationship */
  out: boolean;
  id: string;
  kind: NodeKind | null;
  name: string | null;
  /** the other end's url (documents) */
  url: string | null;
  props: Record<string, unknown>;
}

export interface NodeRow {
  id: string;
  kind: NodeKind | null;
  props: Record<string, unknown>;
  links: Link[];
}

export interface RelRow {
  type: RelType | string;
  from: string;
  fromKind: NodeKind | null;
  to: string;
  toKind: NodeKind | null;
  props: Record<string, unknown>;
}

export interface ReadOptions {
  batch?: number;
  /** called after each page with the number of rows it held */
  onPage?: (rows: number) => void;
}

/**
 * A relationship's properties as data: without what the person date index derives from its ends
 * (migrations/004, 006, 007), which backups keep (they read their own queries) and exports leave out.
 */
function relProps(type: string, props: Record<string, unknown>): Record<string, unknown> {
  if (!(PERSON_INDEXED as readonly string[]).includes(type)) return props;
  const out = { ...props };
  for (const k of DATE_INDEX_PROPS) delete out[k];
  return out;
}

/** The id range of one kind: ids are "<kind>:<key>", so those of a kind sort together. */
function kindRange(kind: NodeKind): { after: string; until: string } {
  const prefix = `${kind.toLowerCase()}:`;
  return { after: prefix, until: `${kind.toLowerCase()};` };
}

const ALL = { after: '', until: '\uffff' };

/**
 * Nodes in id order, one page at a time: all of them, or those of `kinds` (each kind's id range
 * in turn). `links` names relationship types to bring with each node (see cypher/export/nodes-page).
 */
export async function* readNodes(db: Db, opts: ReadOptions & { kinds?: readonly NodeKind[]; links?: readonly string[] } = {}): AsyncGenerator<NodeRow[]> {
  const batch = opts.batch ?? DEFAULT_BATCH;
  const ranges = opts.kinds ? opts.kinds.map((k) => ({ kind: k, ...kindRange(k) })) : [{ kind: null, ...ALL }];
  for (const range of ranges) {
    let after = range.after;
    for (;;) {
      const rows = await db.read<NodeRow>('export/nodes-page', { after, until: range.until, limit: batch, links: opts.links ?? [] });
      if (!rows.length) break;
      after = rows[rows.length - 1]!.id;
      opts.onPage?.(rows.length);
      // an id of the kind's range whose label says otherwise is not of the kind
      for (const r of rows) for (const l of r.links) l.props = relProps(l.type, l.props);
      yield range.kind ? rows.filter((r) => r.kind === range.kind) : rows;
      if (rows.length < batch) break;
    }
  }
}

/**
 * Relationships between nodes, grouped by start node in id order, one page of start nodes at a
 * time; only `types` when given. `onPage` counts start nodes.
 */
export async function* readRelationships(db: Db, opts: ReadOptions & { types?: readonly string[] } = {}): AsyncGenerator<RelRow[]> {
  const batch = opts.batch ?? DEFAULT_BATCH;
  let after = '';
  for (;;) {
    const rows = await db.read<{ id: string; kind: NodeKind | null; rels: { type: string; to: string; toKind: NodeKind | null; props: Record<string, unknown> }[] }>('export/relationships-page', {
      after,
      limit: batch,
      types: opts.types ? [...opts.types] : null,
    });
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    opts.onPage?.(rows.length);
    yield rows.flatMap((r) => r.rels.map((rel) => ({ type: rel.type, from: r.id, fromKind: r.kind, to: rel.to, toKind: rel.toKind, props: relProps(rel.type, rel.props) })));
    if (rows.length < batch) break;
  }
}

/** Nodes and relationships of the whole graph (graph-size: count-store lookups, no scan). */
export async function graphSize(db: Db): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodes: number; relationships: number }>('read/graph-size');
  return row ?? { nodes: 0, relationships: 0 };
}
