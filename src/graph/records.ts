import { parseCitationKey, type Citation } from '../domain/citation.js';
import type { DatePrecision, FuzzyDate } from '../domain/dates.js';
import { NODE_KINDS, type NodeKind } from '../domain/model.js';

interface DateValue extends FuzzyDate {
  start: string;
  end: string;
}

/** A node as the API sees it: its kind, id, flat properties, dates rebuilt, citations parsed. */
export interface GraphNode {
  __typename: NodeKind;
  id: string;
  citations: Citation[];
  [prop: string]: unknown;
}

export interface GraphRel {
  type?: string;
  props: Record<string, unknown>;
  citations: Citation[];
}

export interface Edge {
  rel: GraphRel;
  node: GraphNode;
}

const DATE_FIELDS = ['date', 'from', 'to', 'start', 'deadline', 'asOf', 'published'];

/** A post's bounds: the ones documents give, else the inferred tenure (ingest/tenures.ts). */
const TENURE: Record<string, string> = { from: 'tenureFrom', to: 'tenureTo' };

/** How a fuzzy date `f` is stored: flat properties `<f>Iso`, `<f>Precision`... (see toNode). */
const stored = (f: string) => ({ iso: `${f}Iso`, precision: `${f}Precision`, inferred: `${f}Inferred`, note: `${f}Note`, start: `${f}Start`, end: `${f}End` });

/** The stored properties toNode reads to rebuild the date field `f` (a post's bounds with their inferred tenure). */
export function datePropsOf(f: string): string[] {
  return [f, ...(TENURE[f] ? [TENURE[f]!] : [])].flatMap((p) => Object.values(stored(p)));
}

export function toNode(id: string, labels: string[], props: Record<string, unknown>): GraphNode {
  const kind = NODE_KINDS.find((k) => labels.includes(k));
  if (!kind) throw new Error(`node ${id} has no known kind (${labels.join(', ')})`);
  const node: GraphNode = { ...props, __typename: kind, id, citations: citationsOf(props) };
  for (const f of DATE_FIELDS) {
    const tenure = TENURE[f];
    const p = stored(typeof props[`${f}Iso`] !== 'string' && tenure && typeof props[`${tenure}Iso`] === 'string' ? tenure : f);
    const iso = props[p.iso];
    node[f] =
      typeof iso === 'string'
        ? ({
            iso,
            precision: props[p.precision] as DatePrecision,
            inferred: Boolean(props[p.inferred]),
            ...(props[p.note] ? { note: props[p.note] as string } : {}),
            start: props[p.start] as string,
            end: props[p.end] as string,
          } satisfies DateValue)
        : null;
  }
  return node;
}

function citationsOf(props: Record<string, unknown>): Citation[] {
  const keys = props.cites;
  return Array.isArray(keys) ? keys.map((k) => parseCitationKey(String(k))) : [];
}

export function toRel(props: Record<string, unknown>, type?: string): GraphRel {
  return { ...(type ? { type } : {}), props, citations: citationsOf(props) };
}

export interface NodeRow {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}

export function rowToNode(r: NodeRow): GraphNode {
  return toNode(r.id, r.labels, r.props);
}
