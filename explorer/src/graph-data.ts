// What the graph view draws: nodes and relationships read from the API one node at a time
// (`node(id:)` and the fields that walk each relationship), named as the graph names them
// (HOLDS, POST_IN, PARTICIPATED_IN...: the names `paths` gives its hops).
import { gql } from './api.js';
import { NEIGHBOURS } from './queries.js';

export interface GNode {
  id: string;
  type: string;
  label: string;
}

export interface GEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface Neighbourhood {
  center: GNode;
  nodes: GNode[];
  edges: GEdge[];
}

type Raw = { __typename: string; id: string; name?: string; title?: string; summary?: string; role?: string; value?: number; unit?: string } & Record<string, unknown>;

/** field -> [relationship, direction (out: from this node), wrapper field holding the node] */
const FIELDS: Record<string, Record<string, [string, 'out' | 'in', string?]>> = {
  Person: { posts: ['HOLDS', 'out'], events: ['PARTICIPATED_IN', 'out'], statements: ['STATED', 'out'] },
  Organization: { parent: ['PART_OF', 'out'], parts: ['PART_OF', 'in'], jurisdiction: ['GOVERNS', 'out'], posts: ['POST_IN', 'in'], facilities: ['OPERATED_BY', 'in'], events: ['INVOLVES', 'in'] },
  Place: { partOf: ['PART_OF', 'out'], parts: ['PART_OF', 'in'], facilities: ['LOCATED_IN', 'in'], events: ['HELD_IN', 'in'] },
  Facility: { place: ['LOCATED_IN', 'out'], operator: ['OPERATED_BY', 'out'], commitments: ['CONCERNS', 'in'], statements: ['ABOUT', 'in'], events: ['HELD_AT', 'in'] },
  Program: { organization: ['RUN_BY', 'out'] },
  Post: { holder: ['HOLDS', 'in'], organization: ['POST_IN', 'out'], jurisdiction: ['GOVERNS', 'out'] },
  Event: { place: ['HELD_IN', 'out'], venue: ['HELD_AT', 'out'], participants: ['PARTICIPATED_IN', 'in', 'person'], involves: ['INVOLVES', 'out', 'entity'], statements: ['AT_EVENT', 'in'] },
  Statement: { speaker: ['STATED', 'in'], event: ['AT_EVENT', 'out'], about: ['ABOUT', 'out'], figures: ['REPORTS', 'out'], commitments: ['COMMITS', 'out', 'commitment'] },
  Commitment: { concerns: ['CONCERNS', 'out'], targets: ['TARGETS', 'out'], statements: ['COMMITS', 'in', 'statement'] },
  Figure: { subject: ['MEASURES', 'out'], reportedBy: ['REPORTS', 'in'] },
};

export function toGNode(raw: Raw): GNode {
  const label =
    raw.name ??
    raw.title ??
    raw.role ??
    (raw.summary !== undefined ? shorten(raw.summary, 60) : undefined) ??
    (raw.value !== undefined ? `${raw.value.toLocaleString('en-US')} ${raw.unit ?? ''}` : raw.id);
  return { id: raw.id, type: raw.__typename, label };
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function edgeId(source: string, label: string, target: string): string {
  return `${source}|${label}|${target}`;
}

/** The node and everything one relationship away from it. */
export async function neighbourhood(id: string): Promise<Neighbourhood> {
  const data = await gql<{ node: Raw | null }>(NEIGHBOURS, { id });
  if (!data.node) throw new Error(`Nothing has the id ${id}.`);
  const center = toGNode(data.node);
  const nodes = new Map<string, GNode>();
  const edges = new Map<string, GEdge>();
  for (const [field, [rel, dir, wrapper]] of Object.entries(FIELDS[data.node.__typename] ?? {})) {
    const value = data.node[field];
    const items = (Array.isArray(value) ? value : value ? [value] : []) as Raw[];
    for (const item of items) {
      const raw = (wrapper ? item[wrapper] : item) as Raw | null | undefined;
      if (!raw?.id) continue;
      const n = toGNode(raw);
      nodes.set(n.id, n);
      const [source, target] = dir === 'out' ? [center.id, n.id] : [n.id, center.id];
      edges.set(edgeId(source, rel, target), { id: edgeId(source, rel, target), source, target, label: rel });
    }
  }
  return { center, nodes: [...nodes.values()], edges: [...edges.values()] };
}

const SYNTHETIC_TYPES = ['Person', 'Organization', 'Place', 'Facility', 'Program', 'Event', 'Statement', 'Commitment', 'Post'];
const SYNTHETIC_RELS = ['PARTICIPATED_IN', 'HOLDS', 'STATED', 'INVOLVES', 'ABOUT', 'PART_OF', 'CONCERNS'];

/**
 * A generated neighbourhood of `size` nodes (the centre and size - 1 neighbours, with a few
 * relationships among the neighbours too), for the render benchmark: no graph in the seed has a
 * node with that many neighbours. Deterministic: the same size gives the same graph.
 */
export function syntheticNeighbourhood(size: number): Neighbourhood {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const center: GNode = { id: 'synthetic:0', type: 'Person', label: 'Centre' };
  const nodes: GNode[] = [];
  const edges: GEdge[] = [];
  for (let i = 1; i < size; i++) {
    const type = SYNTHETIC_TYPES[i % SYNTHETIC_TYPES.length]!;
    nodes.push({ id: `synthetic:${i}`, type, label: `${type} ${i}` });
    const label = SYNTHETIC_RELS[i % SYNTHETIC_RELS.length]!;
    edges.push({ id: edgeId(center.id, label, `synthetic:${i}`), source: center.id, target: `synthetic:${i}`, label });
  }
  for (let k = 0; k < size / 4; k++) {
    const a = 1 + Math.floor(rand() * (size - 1));
    const b = 1 + Math.floor(rand() * (size - 1));
    if (a === b) continue;
    const label = SYNTHETIC_RELS[k % SYNTHETIC_RELS.length]!;
    edges.push({ id: edgeId(`synthetic:${a}`, label, `synthetic:${b}`), source: `synthetic:${a}`, target: `synthetic:${b}`, label });
  }
  return { center, nodes, edges: [...new Map(edges.map((e) => [e.id, e])).values()] };
}
