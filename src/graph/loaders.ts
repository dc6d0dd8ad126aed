import DataLoader from 'dataloader';
import type { RelType } from '../domain/model.js';
import type { Db } from './db.js';
import { undoable } from './edits.js';
import {
  attach,
  edgeKey,
  emptyProjection,
  isEmpty,
  lookedUp,
  projectionQuery,
  type LookupStart,
  type Prefetched,
  type Projection,
  type ProjectionRow,
  type StatusFacts,
  type Step,
  type Window,
} from './projection.js';

interface LookupKey {
  start: { id: string } | { slug: string; kind: string };
  projection: Projection;
  /** lookups with the same projection share a query */
  signature: string;
}
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

  constructor(
    private readonly db: Db,
    private readonly opts: { lookahead: boolean } = { lookahead: true },
  ) {}

  /** Whether this request fetches ahead (off: every level through the batch loaders). */
  get lookahead(): boolean {
    return this.opts.lookahead;
  }

  readonly node = new DataLoader<string, GraphNode | null>(async (ids) => {
    const rows = await this.db.read<NodeRow>('read/nodes-by-id', { ids });
    const by = new Map(rows.map((r) => [r.id, rowToNode(r)]));
    return ids.map((id) => by.get(id) ?? null);
  });

  /**
   * A citation's document and passage, by citation key (`<documentId>@<start>:<end>`): a
   * citation's `document` and `excerpt` share one lookup, and only the passage is read out.
   */
  readonly citedPassage = new DataLoader<string, { document: GraphNode; excerpt: string | null } | null>(async (keys) => {
    const rows = await this.db.read<NodeRow & { key: string; excerpt: string | null }>('read/cited-passages', { keys });
    const by = new Map(rows.map((r) => [r.key, { document: rowToNode(r), excerpt: r.excerpt ?? null }]));
    return keys.map((key) => by.get(key) ?? null);
  });

  /** What projections fetched ahead for this request's nodes (see lookahead.ts), per node and edge key. */
  readonly prefetched: Prefetched = new WeakMap();

  /**
   * Runs one projection below `nodes` and keeps the answer for their field resolvers; `read`: the
   * projection's rows, already read with the nodes (Repository.list, timeline). Nothing to fetch
   * ahead, or no nodes, costs no query; with look-ahead off (tests compare both ways) every level
   * goes through the batch loaders.
   */
  async prefetch(nodes: GraphNode[], projection: Projection, read?: ProjectionRow[]): Promise<void> {
    if (!this.opts.lookahead || !nodes.length || isEmpty(projection)) return;
    if (read) return attach(nodes, read, projection, this.prefetched);
    const ids = [...new Set(nodes.map((n) => n.id))];
    const { text, params } = projectionQuery(projection, { ids });
    attach(nodes, await this.db.readText<ProjectionRow>(text, params), projection, this.prefetched);
  }

  /** The projection a list reads its nodes with (Repository.list, timeline): none with look-ahead off (nodes read whole). */
  listing(projection: Projection): Projection | null {
    return this.opts.lookahead ? projection : null;
  }

  /**
   * A node by id, or an entity by slug and kind, with the projection below it: one query. The
   * lookups a request makes at once (its root fields, aliases included) are batched: one query per
   * distinct projection, so a thousand aliases of `person(slug:)` asking for the same fields cost
   * one round trip, not a thousand. With look-ahead off, the lookup alone (the levels below go
   * through the batch loaders).
   */
  async lookup(start: LookupKey['start'], projection: Projection): Promise<GraphNode | null> {
    if (!this.opts.lookahead) {
      if ('id' in start) return this.node.load(start.id);
      const [row] = await this.db.read<NodeRow>('read/entity-by-slug', start);
      return row ? rowToNode(row) : null;
    }
    return this.lookups.load({ start, projection, signature: JSON.stringify(projection) });
  }

  // not cached: two lookups of one node get two objects, each with what its own field fetched
  private readonly lookups = new DataLoader<LookupKey, GraphNode | null>(
    async (keys) => {
      const out: (GraphNode | null)[] = new Array(keys.length).fill(null);
      const groups = new Map<string, number[]>();
      keys.forEach((k, i) => groups.set(k.signature, [...(groups.get(k.signature) ?? []), i]));
      await Promise.all(
        [...groups.values()].map(async (indexes) => {
          const projection = keys[indexes[0]!]!.projection;
          if (indexes.length === 1) {
            const { text, params } = projectionQuery(projection, keys[indexes[0]!]!.start);
            const [row] = await this.db.readText<ProjectionRow>(text, params);
            out[indexes[0]!] = lookedUp(row, projection, this.prefetched);
            return;
          }
          // the same node asked for under several aliases is read once; each alias gets its own object
          const askers = new Map<string, number[]>();
          for (const i of indexes) {
            const s = keys[i]!.start;
            const at = 'id' in s ? `id:${s.id}` : `${s.kind}:${s.slug}`;
            const same = askers.get(at);
            if (same) same.push(i);
            else askers.set(at, [i]);
          }
          // a row's `i` is the position of its node among the distinct ones asked for
          const nodes = [...askers.values()];
          const lookups: LookupStart[] = nodes.map((same, i) => {
            const s = keys[same[0]!]!.start;
            return 'id' in s ? { i, id: s.id, slug: null, kind: null } : { i, id: null, slug: s.slug, kind: s.kind };
          });
          const { text, params } = projectionQuery(projection, { lookups });
          for (const row of await this.db.readText<ProjectionRow>(text, params)) {
            for (const i of nodes[row.i!] ?? []) out[i] = lookedUp(row, projection, this.prefetched);
          }
        }),
      );
      return out;
    },
    { cache: false },
  );

  /** Each node's edits (Edit nodes linked by EDITED), oldest first. */
  readonly history = new DataLoader<string, Record<string, unknown>[]>(async (ids) => {
    const rows = await this.db.read<{ id: string; edit: Record<string, unknown> }>('read/edit-history', { ids });
    const by = new Map<string, Record<string, unknown>[]>(ids.map((id) => [id, []]));
    for (const r of rows) by.get(r.id)?.push({ ...r.edit, undoable: undoable(r.edit) });
    return ids.map((id) => by.get(id)!);
  });

  readonly personCommitments = this.query('read/person-commitments');
  readonly figurePeers = this.query('read/figure-peers');
  /** What commitments' statuses are derived from, one query per batch (the projection's fragment, for those no projection fetched ahead). */
  readonly commitmentStatusFacts = new DataLoader<string, StatusFacts>(async (ids) => {
    const { text, params } = projectionQuery({ ...emptyProjection(), statusFacts: true }, { ids: [...ids] });
    const rows = await this.db.readText<ProjectionRow>(text, params);
    const by = new Map(rows.map((r) => [r.id, r.below.status]));
    return ids.map((id) => by.get(id) ?? { statements: 0, inaugurated: null, done: null, progress: null });
  });

  /**
   * A node's neighbours over one step: from what a projection fetched ahead when it did, else
   * through the batch loader of that step (filtered to the window here, as the projection would).
   */
  async follow(node: GraphNode, step: Step, window: Window | null = null): Promise<Edge[]> {
    const ahead = this.prefetched.get(node)?.get(edgeKey(step, window));
    if (ahead) return ahead;
    const all = await this.edges(step.dir, step.type).load(node.id);
    return window ? inWindow(all, window) : all;
  }

  /** Neighbours over one relationship type in one direction. */
  edges(direction: 'out' | 'in', type: RelType): DataLoader<string, Edge[]> {
    const key = `${direction}:${type}`;
    let loader = this.edgeLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => groupEdges(ids, await this.db.read<EdgeRow>(direction === 'out' ? 'read/edges-out' : 'read/edges-in', { ids, type })));
      this.edgeLoaders.set(key, loader);
    }
    return loader;
  }

  private query(name: string): DataLoader<string, Edge[]> {
    return new DataLoader(async (ids) => groupEdges(ids, await this.db.read<EdgeRow>(name, { ids })));
  }
}

const startOf = (n: GraphNode) => (n.date as { start?: string } | null)?.start ?? null;
const endOf = (n: GraphNode) => (n.date as { end?: string } | null)?.end ?? null;

/**
 * Dated neighbours in a window, as projectionQuery selects them: overlapping [from, to] (undated
 * ones kept), undated last, then by date (newest first when desc) and id, the first `first`.
 */
export function inWindow(edges: Edge[], w: Window): Edge[] {
  const kept = edges.filter(({ node }) => {
    const start = startOf(node);
    const end = endOf(node);
    return (!w.from || end === null || end >= w.from) && (!w.to || start === null || start <= w.to);
  });
  kept.sort((a, b) => {
    const sa = startOf(a.node);
    const sb = startOf(b.node);
    if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
    const byDate = sa === sb ? 0 : (sa! < sb! ? -1 : 1) * (w.desc ? -1 : 1);
    return byDate || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);
  });
  return w.first === null ? kept : kept.slice(0, w.first);
}
