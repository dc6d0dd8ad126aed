import type { ListFilters, ListName } from './list-filters.js';
import { foldName } from '../domain/names.js';
import { startDaysOverlapping } from '../domain/dates.js';
import { ENTITY_KINDS, type EntityKind, type NodeKind } from '../domain/model.js';
import { cypher } from './cypher.js';
import type { Db } from './db.js';
import { emptyProjection, projectionQuery, resolveCites, type CiteRow, type Listed, type ListedRow, type Projection, type ProjectionRow } from './projection.js';
import { rowToNode, toNode, toRel, type Edge, type GraphNode, type NodeRow } from './records.js';
import { luceneQuery, nameMatchRank } from './search.js';

export interface Page {
  skip: number;
  limit: number;
}

export interface ListResult {
  total: number;
  nodes: GraphNode[];
  /** what a projection read below the nodes, when one was given (Loaders.prefetch hangs it on them) */
  below?: ProjectionRow[];
}

export interface SearchHit {
  score: number;
  node: GraphNode;
}

export interface TimelineEntry {
  node: GraphNode;
  roles: string[];
  date: string | null;
}

/** Nodes a named query lists, and what a projection read below them in the same query. */
export interface Listing<T> {
  items: T[];
  below?: ProjectionRow[];
}

export interface PathResult {
  nodes: GraphNode[];
  hops: { from: GraphNode; to: GraphNode; type: string; forward: boolean; rel: Edge['rel'] }[];
}

/** A node as a list query names it; its properties come from the projection that wraps the query. */
type ListedNode = Pick<NodeRow, 'id' | 'labels'>;

/** An entity an argument may name: found by id or slug, through a merge's redirect, or by the full-text index. */
export interface RefCandidate {
  ref: string;
  how: 'key' | 'redirect' | 'name';
  score: number;
  id: string;
  kind: EntityKind;
  name: string;
  slug: string;
  /** name, aliases and acronym */
  names: string[];
}

/** Graph reads that are not per-parent batches (those are in loaders.ts). */
export class Repository {
  constructor(private readonly db: Db) {}

  /**
   * One page of a filtered list and the total count, in one query, with what `projection` reads
   * below the page's nodes when one is given. Text filters are folded here.
   */
  async list<N extends ListName>(name: N, filters: ListFilters[N] & { desc?: boolean }, page: Page, projection: Projection | null = null): Promise<ListResult> {
    const params: Record<string, unknown> = { ...filters, text: typeof filters.text === 'string' ? foldName(filters.text) : null, ...page };
    // A list filtered by a person starts from that person (an index seek) rather than from every item.
    let file = `read/list-${name}`;
    const participant = name === 'events' ? (filters as ListFilters['events']).participants[0] : undefined;
    const speaker = name === 'statements' ? (filters as ListFilters['statements']).speaker : null;
    if (participant !== undefined) {
      file = 'read/list-events-of-participant';
      params.anchor = participant;
    } else if (speaker !== null) {
      file = 'read/list-statements-of-speaker';
      params.anchor = speaker;
    }
    const { row, node } = await this.listed<ListedNode>(file, params, 'page', projection);
    return { total: row?.total ?? 0, nodes: (row?.page ?? []).map(node), below: row?.below ?? [] };
  }

  /** Look-alike entities kept apart, best score first; one page and the total. */
  async possibleDuplicates(kind: NodeKind | null, page: Page): Promise<{ total: number; pairs: { a: GraphNode; b: GraphNode; score: number; evidence: string }[] }> {
    type Pair = { a: NodeRow; b: NodeRow; score: number; evidence: string | null };
    const [row] = await this.db.read<{ total: number; page: Pair[] }>('read/possible-duplicates', { kind, ...page });
    return {
      total: row?.total ?? 0,
      pairs: (row?.page ?? []).map((p) => ({ a: rowToNode(p.a), b: rowToNode(p.b), score: Number(p.score), evidence: p.evidence ?? 'names close in spelling' })),
    };
  }

  /**
   * Every entity each text may name; the API decides which one it is. Ids, slugs and redirects
   * first (index seeks); the full-text index (`lucene` of the text, fuzzy for suggestions) only
   * for the texts they find nothing for: a filter by slug stays one cheap query.
   */
  async refCandidates(refs: string[], lucene: (text: string) => string): Promise<RefCandidate[]> {
    type Row = Omit<RefCandidate, 'kind' | 'names'> & { labels: string[]; aliases: string[]; acronym: string | null };
    const candidates = (rows: Row[]) =>
      rows.flatMap(({ labels, aliases, acronym, ...r }) => {
        const kind = ENTITY_KINDS.find((k) => labels.includes(k));
        return kind ? [{ ...r, kind, names: [r.name, ...aliases, ...(acronym ? [acronym] : [])] }] : [];
      });
    const texts = [...new Set(refs)];
    const keyed = candidates(await this.db.read<Row>('read/resolve-entity-keys', { refs: texts }));
    const rest = texts
      .filter((t) => !keyed.some((c) => c.ref === t))
      .map((ref) => ({ ref, lucene: lucene(ref) }))
      .filter((r) => r.lucene);
    return rest.length ? [...keyed, ...candidates(await this.db.read<Row>('read/resolve-entity-names', { refs: rest }))] : keyed;
  }

  /** Hits re-ranked on their names; each node with the properties `props` names (null: all but the internal ones). */
  async search(text: string, kinds: NodeKind[], limit: number, props: string[] | null = null): Promise<SearchHit[]> {
    const lucene = luceneQuery(text);
    if (!lucene) return [];
    const entityKinds = kinds.filter((k) => (ENTITY_KINDS as readonly string[]).includes(k));
    const factKinds = kinds.filter((k) => ['Event', 'Statement', 'Commitment', 'Document'].includes(k));
    const wantEntities = !kinds.length || entityKinds.length > 0;
    const wantFacts = !kinds.length || factKinds.length > 0;
    // the index ranks exact phrases first (a boost); re-ranking a few more than asked puts exact names and aliases on top
    const candidates = Math.max(limit * 2, 20);
    type Hit = ListedNode & { score: number; names: (string | null)[] };
    const projection = { ...emptyProjection(), props };
    const read = async (file: string, kinds: NodeKind[]) => {
      const { row, node } = await this.listed<Hit>(file, { lucene, kinds, limit: candidates }, { rows: ['id', 'labels', 'score', 'names'] }, projection);
      return (row?.rows ?? []).map((hit) => ({ hit, node }));
    };
    const [entities, facts] = await Promise.all([wantEntities ? read('read/search-entities', entityKinds) : [], wantFacts ? read('read/search-facts', factKinds) : []]);
    // Ranked on the rows' names; only the hits kept become nodes.
    const ranked = [...entities, ...facts].map((r) => ({
      ...r,
      rank: nameMatchRank(
        text,
        r.hit.names.filter((v): v is string => typeof v === 'string'),
      ),
    }));
    ranked.sort((a, b) => b.rank - a.rank || b.hit.score - a.hit.score || a.hit.id.localeCompare(b.hit.id));
    return ranked.slice(0, limit).map(({ hit, node, rank }) => ({ node: node(hit), score: rank + Math.min(hit.score / 100, 0.99) }));
  }

  /** An entity's dated items, with what `projection` reads below them when one is given (one query either way). */
  async timeline(
    ref: string,
    from: string | null,
    to: string | null,
    kinds: NodeKind[],
    reviewStatuses: string[],
    limit: number,
    projection: Projection | null = null,
  ): Promise<Listing<TimelineEntry>> {
    type Row = ListedNode & { roles: string[]; start: string | null };
    const params = { ref, from, to, ...startDaysOverlapping(from, to), kinds, reviewStatuses, limit };
    const { row, node } = await this.listed<Row>('read/timeline', params, { rows: ['id', 'labels', 'roles', 'start'] }, projection);
    return { items: (row?.rows ?? []).map((r) => ({ node: node(r), roles: r.roles, date: r.start })), below: row?.below ?? [] };
  }

  /**
   * A list query read inside its projection (projection.ts, Listed): the nodes come with the
   * properties the selection reads (all but the internal ones without one), and what is below
   * them. One query, with or without a selection below the nodes.
   */
  private async listed<R>(file: string, params: Record<string, unknown>, shape: Listed['shape'], projection: Projection | null) {
    const q = projectionQuery(projection ?? emptyProjection(), { listed: { text: cypher(file), params, shape } });
    const [row] = await this.db.readText<ListedRow<R>>(q.text, q.params);
    const props = new Map((row?.below ?? []).map((b) => [b.id, b.props ?? {}]));
    return { row, node: (r: ListedNode) => toNode(r.id, r.labels, props.get(r.id) ?? {}) };
  }

  /**
   * With `passages`, each hop citation comes with its document and passage (no later lookup). The
   * nodes come with what `projection` reads of them and below them (none: all their properties
   * but the internal ones), in the same query.
   */
  async paths(from: string, to: string, maxHops: number, limit: number, passages = false, projection: Projection | null = null): Promise<Listing<PathResult>> {
    type RelRow = { type: string; from: string; to: string; props: Record<string, unknown>; passages: CiteRow[] | null };
    type Row = { nodes: (ListedNode & { reviewStatus: string | null })[]; rels: RelRow[] };
    const params = { from, to, maxHops, limit, passages };
    const { row, node } = await this.listed<Row>('read/paths', params, { rows: ['nodes', 'rels'], nodesIn: 'nodes' }, projection);
    const rows = row?.rows ?? [];
    // no path goes through a fact an editor rejected (dropped, not replaced by a longer one)
    const items = rows
      .filter((r) => !r.nodes.some((n) => n.reviewStatus === 'rejected'))
      .map((r) => {
        const nodes = r.nodes.map(node);
        return {
          nodes,
          hops: r.rels.map((rel, i) => {
            const graphRel = toRel(rel.props, rel.type);
            if (rel.passages) graphRel.citations = resolveCites(rel.passages);
            return { from: nodes[i]!, to: nodes[i + 1]!, type: rel.type, forward: rel.from === nodes[i]!.id, rel: graphRel };
          }),
        };
      });
    return { items, below: row?.below ?? [] };
  }

  async countNodes(): Promise<number> {
    const [row] = await this.db.read<{ count: number }>('read/count-nodes');
    return row?.count ?? 0;
  }
}
