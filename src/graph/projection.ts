import { DATE_INDEXED, INTERNAL_PROPS, type RelType } from '../domain/model.js';
import { startDaysOverlapping } from '../domain/dates.js';
import { parseCitationKey, type Citation } from '../domain/citation.js';
import type { CommitmentFacts } from '../domain/commitments.js';
import { cypher } from './cypher.js';
import { toNode, toRel, type Edge, type GraphNode } from './records.js';

/**
 * A projection: what a GraphQL request reads below a set of nodes it already holds, as data. The
 * API builds one from the request's selection (src/api/lookahead.ts); `projectionQuery` turns it
 * into one Cypher query that returns every level at once, with the cited passages; `attach` hangs
 * the answer on the nodes, where the field resolvers find it instead of asking Neo4j level by
 * level.
 *
 * This is the one query of the project that is written by code rather than kept in a file under
 * cypher/: its shape follows the client's selection (which relationships, how deep, which window
 * of dated items, which properties), so no fixed text can express it. The generated text holds
 * only relationship types from the model's RelType list, property names of the schema's fields,
 * variable names it makes itself, and, for a list read with its projection, the text of the named
 * list query it wraps; every value (ids, dates, limits) travels as a parameter, and edge lists
 * come back in the projection's order rather than under their keys (which hold values). The same
 * request shape gives the same text, so Neo4j's plan cache serves it.
 */
export interface Projection {
  /**
   * The nodes' stored properties the request reads (lookahead.ts: those of the fields selected,
   * and the dates lists sort and filter by); null: all of them but the internal ones. Absent: no
   * selection seen yet (reads all; merging with it keeps the other side).
   */
  props?: string[] | null;
  /** the node's own citations, and what of them the request reads */
  citations: CitationNeeds | null;
  /** Statement.quote: a single citation key in the `quote` property */
  quote: CitationNeeds | null;
  /** a commitment's status: the facts it is derived from (cypher/fragments/commitment-status), kept as the node's `statusFacts` */
  statusFacts?: boolean;
  edges: EdgeProjection[];
}

export interface CitationNeeds {
  document: boolean;
  excerpt: boolean;
  /** the document's stored properties the request reads; null: all of them (but the text) */
  documentProps?: string[] | null;
}

/** Dated neighbours kept by overlap with [from, to], ordered by date, the first `first` of them. */
export interface Window {
  from: string | null;
  to: string | null;
  desc: boolean;
  first: number | null;
}

export interface Step {
  dir: 'out' | 'in';
  type: RelType;
}

export interface EdgeProjection extends Step {
  /** where the answer is kept on the parent: see edgeKey */
  key: string;
  window: Window | null;
  /** the relationship's own citations */
  relCitations: CitationNeeds | null;
  node: Projection;
}

/** The name an edge list is kept under: its step, plus its window when it has one. */
export function edgeKey(step: Step, window: Window | null = null): string {
  const base = `${step.dir}:${step.type}`;
  return window ? `${base}|${window.from ?? ''}|${window.to ?? ''}|${window.desc ? 'desc' : 'asc'}|${window.first ?? ''}` : base;
}

export const emptyProjection = (): Projection => ({ citations: null, quote: null, edges: [] });

export function isEmpty(p: Projection): boolean {
  return !p.citations && !p.quote && !p.statusFacts && p.edges.length === 0;
}

export function mergeNeeds(a: CitationNeeds | null, b: CitationNeeds | null): CitationNeeds | null {
  if (!a || !b) return a ?? b;
  const props = a.documentProps === null || b.documentProps === null ? null : [...new Set([...(a.documentProps ?? []), ...(b.documentProps ?? [])])];
  return { document: a.document || b.document, excerpt: a.excerpt || b.excerpt, documentProps: props };
}

/** Properties read by either side: null (all) wins, absent (nothing seen yet) gives way. */
export function mergeProps(a: string[] | null | undefined, b: string[] | null | undefined): string[] | null | undefined {
  if (a === undefined || b === undefined) return a === undefined ? b : a;
  return a === null || b === null ? null : [...new Set([...a, ...b])];
}

/** Adds `b` into `a` (same edges merge by key). */
export function mergeProjection(a: Projection, b: Projection): Projection {
  a.props = mergeProps(a.props, b.props);
  a.citations = mergeNeeds(a.citations, b.citations);
  a.quote = mergeNeeds(a.quote, b.quote);
  if (b.statusFacts) a.statusFacts = true;
  for (const e of b.edges) addEdge(a, e);
  return a;
}

export function addEdge(p: Projection, e: EdgeProjection): void {
  const same = p.edges.find((x) => x.key === e.key);
  if (!same) {
    p.edges.push(e);
    return;
  }
  same.relCitations = mergeNeeds(same.relCitations, e.relCitations);
  mergeProjection(same.node, e.node);
}

// ---- Cypher ----

/**
 * A node's stored properties but the internal ones (INTERNAL_PROPS): on the seed graph, a person's
 * search keys are a third of its bytes and an event's a fifth, read out and decoded for nothing.
 */
const STORED = `.*, ${INTERNAL_PROPS.map((p) => `${p}: null`).join(', ')}`;

/**
 * The map projection of a node's properties: the ones the selection reads when the look-ahead
 * knows them, else STORED. Property names come from the schema's field names (lookahead.ts),
 * checked against a plain identifier so nothing else reaches the text.
 */
function nodeProps(props: string[] | null | undefined): string {
  if (!props) return STORED;
  // sorted: one set of properties gives one text, and so one plan (a new text is planned anew:
  // about a second for a large projection on a 2-core machine)
  const names = ['id', ...[...new Set(props)].filter((p) => p !== 'id').sort()];
  for (const p of names) if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(p)) throw new Error(`not a property name: ${p}`);
  return names.map((p) => `.${p}`).join(', ');
}

/**
 * Where a projection starts: nodes the request already holds (by id); one node to look up with it;
 * or the nodes a named query lists (Listed), read in the same query.
 */
export type Start = { ids: string[] } | { id: string } | { slug: string; kind: string } | { lookups: LookupStart[] } | { listed: Listed };

/**
 * A named query (cypher/read/*) whose answer lists nodes by `id` and `labels`: `page` when it
 * returns one row with `total` and a `page` of them (the list-* queries), `rows` when it returns a
 * row per node with these columns (the timeline, search), or rows whose column `nodesIn` holds
 * lists of them (paths). The projection wrapping it reads the nodes' properties (those the
 * selection reads) and everything below them: a list costs one round trip, and no node is read
 * whole. The answer is one row, `ListedRow`.
 */
export interface Listed {
  text: string;
  params: Record<string, unknown>;
  shape: 'page' | { rows: string[]; nodesIn?: string };
}

/** One of several lookups in one query: by id, or by slug and kind; `i` tells the rows apart. */
export interface LookupStart {
  i: number;
  id: string | null;
  slug: string | null;
  kind: string | null;
}

/**
 * One query for a projection below its start nodes: one row per node found, with the node's
 * resolved citations and, per edge key, its neighbours (relationship, node, and their own levels).
 * A lookup start (one id, or a slug and kind, or several of them) also returns the node itself,
 * so lookups and everything below them cost one round trip.
 */
export function projectionQuery(p: Projection, start: Start): { text: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = 'listed' in start ? { ...start.listed.params } : { ...start };
  let n = 0;
  const param = (value: unknown) => {
    const name = `p${n++}`;
    if (name in params) throw new Error(`parameter $${name} of a listing query would be shadowed`);
    params[name] = value;
    return `$${name}`;
  };
  let v = 0;
  const fresh = (prefix: string) => `${prefix}${v++}`;

  // `{key, doc: {labels, props, excerpt}}` for each citation key `<documentId>@<start>:<end>` in `keys` (a list expression)
  const citations = (keys: string, needs: CitationNeeds): string => {
    if (!needs.document && !needs.excerpt) return keys;
    const k = fresh('k');
    const d = fresh('d');
    const fields = [
      needs.document ? `labels: labels(${d}), props: ${d} {${needs.documentProps ? ['id', ...needs.documentProps].map((f) => `.${f}`).join(', ') : STORED}}` : null,
      needs.excerpt
        ? `excerpt: substring(${d}.text, span[0] - size([p IN coalesce(${d}.astral, []) WHERE p < span[0]]), span[1] - span[0] - size([p IN coalesce(${d}.astral, []) WHERE p >= span[0] AND p < span[1]]))`
        : null,
    ].filter(Boolean);
    return (
      `[${k} IN ${keys} | {key: ${k}, doc: COLLECT { MATCH (${d}:Node {id: left(${k}, size(${k}) - size(last(split(${k}, '@'))) - 1)}) ` +
      `WITH ${d}, [x IN split(last(split(${k}, '@')), ':') | toInteger(x)] AS span RETURN {${fields.join(', ')}} }[0]}]`
    );
  };

  const below = (x: string, proj: Projection): string[] => {
    const parts: string[] = [];
    if (proj.citations) parts.push(`cites: ${citations(`coalesce(${x}.cites, [])`, proj.citations)}`);
    if (proj.quote) parts.push(`quote: ${citations(`CASE WHEN ${x}.quote IS NULL THEN [] ELSE [${x}.quote] END`, proj.quote)}`);
    // the named fragment, with the commitment bound as `c` (none of its variables, c s r e made
    // statements facts, is bound where it is embedded: the names made here end in a digit)
    if (proj.statusFacts) parts.push(`status: CASE WHEN ${x}:Commitment THEN COLLECT { WITH ${x} AS c ${cypher('fragments/commitment-status')}\n}[0] END`);
    // one list per edge of the projection, in its order (keys hold values, so never go in the text)
    if (proj.edges.length) parts.push(`edges: [${proj.edges.map((e) => edges(x, e)).join(', ')}]`);
    return parts;
  };

  const edges = (x: string, e: EdgeProjection): string => {
    if (e.window && e.dir === 'out' && (DATE_INDEXED as readonly string[]).includes(e.type)) return datedEdges(x, e, e.window);
    const r = fresh('r');
    const m = fresh('m');
    const pattern = e.dir === 'out' ? `(${x})-[${r}:${e.type}]->(${m}:Node)` : `(${x})<-[${r}:${e.type}]-(${m}:Node)`;
    // a fact an editor rejected is left out of every nested list (root lists filter on reviewStatuses)
    const where: string[] = [`coalesce(${m}.reviewStatus, '') <> 'rejected'`];
    let order = '';
    if (e.window) {
      if (e.window.from) where.push(`(${m}.dateEnd IS NULL OR ${m}.dateEnd >= ${param(e.window.from)})`);
      if (e.window.to) where.push(`(${m}.dateStart IS NULL OR ${m}.dateStart <= ${param(e.window.to)})`);
      order = ` WITH ${r}, ${m} ORDER BY ${m}.dateStart IS NULL, ${m}.dateStart ${e.window.desc ? 'DESC' : 'ASC'}, ${m}.id` + (e.window.first !== null ? ` LIMIT ${param(e.window.first)}` : '');
    }
    return `COLLECT { MATCH ${pattern} WHERE ${where.join(' AND ')}${order} RETURN {${edgeFields(r, m, e).join(', ')}} }`;
  };

  // a relationship's `role` is the one property the API reads (its citations come as relCites)
  const edgeFields = (r: string, m: string, e: EdgeProjection): string[] => [
    `rel: ${r} {.role}`,
    ...(e.relCitations ? [`relCites: ${citations(`coalesce(${r}.cites, [])`, e.relCitations)}`] : []),
    `id: ${m}.id, labels: labels(${m}), props: ${m} {${nodeProps(e.node.props)}}`,
    ...below(m, e.node),
  ];

  // A person's events or statements in a window, through the person date index (migrations/004):
  // the dated ones by an ordered seek on (person, day) that stops after `first` (ties on a day
  // by id); a window [from, to] seeks first days in [from, to], and the first days of from's
  // month and year (dates.ts startDaysOverlapping), whose last days must reach from; then, only
  // when fewer than `first` are dated, the undated ones (last, by id) by a seek of their own.
  // Same items and order as the expand-and-sort above, without reading every item of a busy person.
  const datedEdges = (x: string, e: EdgeProjection, w: Window): string => {
    const r = fresh('r');
    const m = fresh('m');
    const dated = fresh('dated');
    const undated = fresh('undated');
    const hit = fresh('h');
    const dir = w.desc ? 'DESC' : 'ASC';
    const first = w.first !== null ? param(w.first) : null;
    const limit = first ? ` LIMIT ${first}` : '';
    const days = startDaysOverlapping(w.from, w.to);
    const from = w.from ? param(w.from) : null;
    const to = w.to ? param(days.dayTo) : null;
    const pattern = `()-[${r}:${e.type}]->(${m}:Node)`;
    const reviewed = `coalesce(${m}.reviewStatus, '') <> 'rejected'`;
    const reaches = from ? [`(${m}.dateEnd IS NULL OR ${m}.dateEnd >= ${from})`] : [];
    // the hint keeps the plan a seek of the person's entries whatever the statistics say
    const pick = (index: 'day' | 'undated', where: string[], order: string) =>
      `COLLECT { MATCH ${pattern} USING INDEX ${r}:${e.type}(person, ${index}) WHERE ${[`${r}.person = ${x}.id`, ...where, reviewed].join(' AND ')} WITH ${r}, ${m} ORDER BY ${order}${limit} RETURN {r: ${r}, m: ${m}} }`;
    // ordering by the constant person first lets the index give the order (a partial top, not a sort)
    const inRange = pick('day', [from ? `${r}.day >= ${from}` : to ? '' : `${r}.day IS NOT NULL`, to ? `${r}.day <= ${to}` : ''].filter(Boolean), `${r}.person ${dir}, ${r}.day ${dir}, ${m}.id`);
    const datedList = from
      ? `COLLECT { UNWIND ${inRange} + ${pick('day', [`${r}.day IN ${param(days.startsBefore)}`, ...(to ? [`${m}.dateStart <= ${to}`] : []), ...reaches], `${m}.id`)} AS ${hit} ` +
        `WITH ${hit} ORDER BY ${hit}.r.day ${dir}, ${hit}.m.id${limit} RETURN ${hit} }`
      : inRange;
    return (
      `COLLECT { ` +
      `WITH ${datedList} AS ${dated} ` +
      `OPTIONAL CALL (${x}, ${dated}) { ${first ? `WITH * WHERE size(${dated}) < ${first} ` : ''}` +
      `RETURN ${pick('undated', [`${r}.undated = true`, ...reaches], `${m}.id`)} AS ${undated} } ` +
      `UNWIND (${dated} + coalesce(${undated}, []))${first ? `[0..${first}]` : ''} AS ${hit} WITH ${hit}.r AS ${r}, ${hit}.m AS ${m} ` +
      `RETURN {${edgeFields(r, m, e).join(', ')}} }`
    );
  };

  const belowMap = `{${below('n', p).join(', ')}}`;
  const root = `${belowMap} AS below`;
  const node = `labels(n) AS labels, n {${nodeProps(p.props)}} AS props`;
  // each listed node's properties and what is below it, by id (the rows keep the named query's order)
  const listedBelow = (scope: string, nodes: string) =>
    `CALL (${scope}) { UNWIND ${nodes} AS row WITH DISTINCT row.id AS id MATCH (n:Node {id: id}) RETURN collect({id: n.id, props: n {${nodeProps(p.props)}}, below: ${belowMap}}) AS below }`;
  const listedRows = (shape: { rows: string[]; nodesIn?: string }) =>
    `WITH collect({${shape.rows.map((c) => `${c}: ${c}`).join(', ')}}) AS rows ` +
    listedBelow('rows', shape.nodesIn ? `reduce(all = [], r IN rows | all + r.${shape.nodesIn})` : 'rows') +
    ' RETURN rows, below';
  const text =
    'listed' in start
      ? start.listed.shape === 'page'
        ? `CALL () { ${start.listed.text}\n} ${listedBelow('page', 'page')} RETURN total, page, below`
        : `CALL () { ${start.listed.text}\n} ${listedRows(start.listed.shape)}`
      : 'ids' in start
        ? `UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN id, ${root}`
        : 'lookups' in start
          ? 'UNWIND $lookups AS l CALL (l) { MATCH (n:Node {id: l.id}) RETURN n UNION MATCH (n:Entity {slug: l.slug}) WHERE l.kind IN labels(n) RETURN n } ' +
            `RETURN l.i AS i, n.id AS id, ${node}, ${root}`
          : 'id' in start
            ? `MATCH (n:Node {id: $id}) RETURN n.id AS id, ${node}, ${root}`
            : `MATCH (n:Entity {slug: $slug}) WHERE $kind IN labels(n) RETURN n.id AS id, ${node}, ${root}`;
  return { text, params };
}

// ---- answers ----

/** A citation key with its document and passage, as projections and read/paths return them. */
export interface CiteRow {
  key: string;
  doc: { labels?: string[]; props?: Record<string, unknown>; excerpt?: string | null } | null;
}

interface Below {
  cites?: CiteRow[] | string[];
  quote?: CiteRow[] | string[];
  status?: StatusFacts | null;
  /** in the order of the projection's edges */
  edges?: EdgeRow[][];
}

interface EdgeRow extends Below {
  rel: Record<string, unknown>;
  relCites?: CiteRow[] | string[];
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}

/** The one row of a Listed start: the named query's answer, and the projection's rows. */
export interface ListedRow<T> {
  total?: number;
  page?: T[];
  rows?: T[];
  below: ProjectionRow[];
}

export interface ProjectionRow {
  id: string;
  /** several lookups in one query: which one the row answers */
  i?: number;
  below: Below;
  /** lookups: the node's labels */
  labels?: string[];
  /** lookups and Listed starts: the node's properties the projection reads */
  props?: Record<string, unknown>;
}

/** What a commitment's status is derived from (cypher/fragments/commitment-status; domain/commitments.ts). */
export type StatusFacts = Pick<CommitmentFacts, 'statements'> & Required<Pick<CommitmentFacts, 'inaugurated' | 'done' | 'progress'>>;

/** A citation with its document and passage already read, when a projection fetched them. */
export interface ResolvedCitation extends Citation {
  resolved?: { document: GraphNode | null; excerpt: string | null };
}

/** Where a request keeps what projections fetched: per node, its edge lists by key. */
export type Prefetched = WeakMap<GraphNode, Map<string, Edge[]>>;

export function resolveCites(rows: CiteRow[] | string[]): ResolvedCitation[] {
  return rows.map((row) => {
    if (typeof row === 'string') return parseCitationKey(row);
    const c: ResolvedCitation = parseCitationKey(row.key);
    const doc = row.doc;
    c.resolved = {
      document: doc?.labels && doc.props ? toNode(String(doc.props.id), doc.labels, doc.props) : null,
      excerpt: doc?.excerpt ?? null,
    };
    return c;
  });
}

function fill(node: GraphNode, below: Below, projection: Projection, store: Prefetched): void {
  if (below.cites) node.citations = resolveCites(below.cites);
  if (below.quote) node.quoteCitation = resolveCites(below.quote)[0] ?? null;
  if (below.status) node.statusFacts = below.status;
  if (!below.edges) return;
  const lists = store.get(node) ?? new Map<string, Edge[]>();
  for (const [i, edge] of projection.edges.entries()) {
    const rows = below.edges[i] ?? [];
    lists.set(
      edge.key,
      rows.map((row) => {
        const target = toNode(row.id, row.labels, row.props);
        fill(target, row, edge.node, store);
        const rel = toRel(row.rel);
        if (row.relCites) rel.citations = resolveCites(row.relCites);
        return { rel, node: target };
      }),
    );
  }
  store.set(node, lists);
}

/** A lookup's row: the node, with what was fetched below it hung on it. */
export function lookedUp(row: ProjectionRow | undefined, projection: Projection, store: Prefetched): GraphNode | null {
  if (!row?.labels || !row.props) return null;
  const node = toNode(row.id, row.labels, row.props);
  fill(node, row.below, projection, store);
  return node;
}

/** Hangs a projection's rows on the nodes they belong to (by id; a node listed twice gets both). */
export function attach(nodes: GraphNode[], rows: ProjectionRow[], projection: Projection, store: Prefetched): void {
  const byId = new Map(rows.map((r) => [r.id, r.below]));
  for (const node of nodes) {
    const below = byId.get(node.id);
    if (below) fill(node, below, projection, store);
  }
}
