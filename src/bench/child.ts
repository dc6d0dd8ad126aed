/**
 * What the benchmark's server processes share: the messages the parent sends them over the IPC
 * channel (stats, capture on/off) and how captured query parameters travel (Neo4j integers kept).
 */
import neo4j from 'neo4j-driver';

export interface CapturedQuery {
  /** our server: the cypher/ file name; @neo4j/graphql: "generated" */
  name: string;
  query: string;
  params: unknown;
}

export interface ChildStats {
  requests: number;
  /** database queries sent (our Db's round trips; @neo4j/graphql: transaction runs) */
  queries: number;
  /** driver sessions opened (@neo4j/graphql only; ours opens one per query) */
  sessions: number;
}

export type ToChild = { type: 'stats' } | { type: 'capture'; on: boolean };
export type FromChild = { type: 'ready'; url: string } | { type: 'stats'; stats: ChildStats } | { type: 'captured'; queries: CapturedQuery[] };

/** Neo4j integers become {$int: "n"} so that JSON over IPC keeps them; decodeParams undoes it. */
export function encodeParams(v: unknown): unknown {
  if (neo4j.isInt(v)) return { $int: v.toString() };
  if (Array.isArray(v)) return v.map(encodeParams);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeParams(x)]));
  return v;
}

export function decodeParams(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeParams);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Object.keys(o).length === 1 && typeof o.$int === 'string') return neo4j.int(o.$int);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeParams(x)]));
  }
  return v;
}

/** Answers the parent's messages; `capture` turns query capture on (returns nothing) or off (returns what it caught). */
export function serveParent(stats: () => ChildStats, capture: (on: boolean) => CapturedQuery[]): void {
  process.on('message', (m: ToChild) => {
    if (m.type === 'stats') process.send!({ type: 'stats', stats: stats() } satisfies FromChild);
    else if (m.type === 'capture') process.send!({ type: 'captured', queries: capture(m.on) } satisfies FromChild);
  });
  process.on('disconnect', () => process.exit(0));
}

export function neo4jAuthFromEnv() {
  return process.env.BENCH_NEO4J_USER ? neo4j.auth.basic(process.env.BENCH_NEO4J_USER, process.env.BENCH_NEO4J_PASSWORD ?? '') : undefined;
}
