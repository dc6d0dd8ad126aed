/**
 * What the graph holds, read over Bolt directly (not through the API under test):
 *
 * - `graphChecksum`: counts per label and per relationship type, a sha256 over every node id
 *   with its sorted citations and every relationship (type, from id, to id, sorted citations),
 *   and a sha256 over every property: equal before and after a phase that only reads.
 * - `entityChecksum`: a summary that does not depend on the order documents arrived in (ids and
 *   names may: the first name form seen gives the id): nodes per kind, POSSIBLY_SAME_AS links,
 *   and each entity's set of citation keys.
 * - `documentFootprint`: everything that cites one document, by kind and passage, to compare a
 *   document with a clean ingest of the same text.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { createHash } from 'node:crypto';
import { ENTITY_KINDS, FACT_KINDS, NODE_KINDS } from '../domain/model.js';
import { canonicalJson as canonical } from '../graph/canonical-json.js';

export function boltDriver(uri: string): Driver {
  return neo4j.driver(uri, undefined, { disableLosslessIntegers: true, connectionTimeout: 5000, connectionAcquisitionTimeout: 10_000 });
}

async function rows<T>(driver: Driver, text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const res = await session.run(text, params);
    return res.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

const sha256 = (lines: string[]): string => {
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return h.digest('hex');
};

const sortedCites = (cites: unknown): string[] => (Array.isArray(cites) ? cites.map(String).sort() : []);

export interface GraphChecksum {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** ids with citations, relationships with citations */
  structure: string;
  /** every label and property of every node and relationship */
  properties: string;
}

export async function graphChecksum(driver: Driver): Promise<GraphChecksum> {
  const nodes = await rows<{ id: unknown; labels: string[]; cites: unknown; props: Record<string, unknown> }>(
    driver,
    // the writers' lock node (it holds the graph's version) and the response cache are no part of the graph
    'MATCH (n) WHERE NOT n:GraphLock AND NOT n:CachedResponse RETURN n.id AS id, labels(n) AS labels, n.cites AS cites, properties(n) AS props',
  );
  const rels = await rows<{ type: string; from: unknown; to: unknown; props: Record<string, unknown> }>(
    driver,
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props',
  );
  const labels: Record<string, number> = {};
  for (const n of nodes) for (const l of n.labels) labels[l] = (labels[l] ?? 0) + 1;
  const types: Record<string, number> = {};
  for (const r of rels) types[r.type] = (types[r.type] ?? 0) + 1;
  const structure = sha256(
    [...nodes.map((n) => `N ${String(n.id)} ${sortedCites(n.cites).join(' ')}`), ...rels.map((r) => `R ${r.type} ${String(r.from)} ${String(r.to)} ${sortedCites(r.props.cites).join(' ')}`)].sort(),
  );
  const properties = sha256([...nodes.map((n) => canonical({ labels: [...n.labels].sort(), props: n.props })), ...rels.map((r) => canonical(r))].sort());
  return { nodes: nodes.length, relationships: rels.length, labels: sortKeys(labels), types: sortKeys(types), structure, properties };
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

export const sameGraph = (a: GraphChecksum, b: GraphChecksum): boolean => a.structure === b.structure && a.properties === b.properties;

/** What differs between two checksums, in words (empty when equal). */
export function graphDifference(a: GraphChecksum, b: GraphChecksum): string {
  const out: string[] = [];
  if (a.nodes !== b.nodes) out.push(`nodes ${a.nodes} → ${b.nodes}`);
  if (a.relationships !== b.relationships) out.push(`relationships ${a.relationships} → ${b.relationships}`);
  for (const k of new Set([...Object.keys(a.labels), ...Object.keys(b.labels)])) if (a.labels[k] !== b.labels[k]) out.push(`:${k} ${a.labels[k] ?? 0} → ${b.labels[k] ?? 0}`);
  for (const k of new Set([...Object.keys(a.types), ...Object.keys(b.types)])) if (a.types[k] !== b.types[k]) out.push(`[:${k}] ${a.types[k] ?? 0} → ${b.types[k] ?? 0}`);
  if (!out.length && a.structure !== b.structure) out.push('same counts, different ids or citations');
  if (!out.length && a.properties !== b.properties) out.push('same structure, different properties');
  return out.join(', ');
}

// ---------------------------------------------------------------------------------------------

/** A node with the citation keys it holds. */
export interface Holder {
  kind: string;
  name: string;
  cites: string[];
}

export interface EntityChecksum {
  /** nodes per kind */
  counts: Record<string, number>;
  possiblySameAs: number;
  /** sha256 over the sorted list of each entity's sorted citation keys */
  entityDigest: string;
  /** the same over facts (extra information, not part of `digest`) */
  factDigest: string;
  /** counts, links and entity digest together */
  digest: string;
  /** every entity: kind, name, its citation keys */
  entities: Holder[];
  /** every fact (event, statement, commitment, figure, post), the same way */
  facts: Holder[];
  /** "Kind|citation key" over every node, one line per held key */
  nodeCites: string[];
  /** "TYPE|citation key" over every relationship */
  relCites: string[];
  /** nodes linked SOURCED_FROM a document of which they hold no citation */
  sourcedWithoutCitation: { kind: string; name: string; document: string }[];
}

export async function entityChecksum(driver: Driver): Promise<EntityChecksum> {
  const nodes = await rows<{ labels: string[]; name: unknown; cites: unknown; docs: string[] }>(
    driver,
    'MATCH (n) WHERE NOT n:GraphLock AND NOT n:CachedResponse OPTIONAL MATCH (n)-[:SOURCED_FROM]->(d) RETURN labels(n) AS labels, coalesce(n.name, n.title, n.summary, n.id) AS name, n.cites AS cites, collect(d.id) AS docs',
  );
  const rels = await rows<{ type: string; cites: unknown }>(driver, 'MATCH ()-[r]->() WHERE r.cites IS NOT NULL RETURN type(r) AS type, r.cites AS cites');
  const [{ links }] = (await rows<{ links: number }>(driver, 'MATCH ()-[r:POSSIBLY_SAME_AS]->() RETURN count(r) AS links')) as [{ links: number }];
  const counts: Record<string, number> = Object.fromEntries(NODE_KINDS.map((k) => [k, 0]));
  const entities: Holder[] = [];
  const facts: Holder[] = [];
  const nodeCites: string[] = [];
  const sourcedWithoutCitation: EntityChecksum['sourcedWithoutCitation'] = [];
  for (const n of nodes) {
    const kind = NODE_KINDS.find((k) => n.labels.includes(k)) ?? n.labels.filter((l) => l !== 'Node').join(':');
    counts[kind] = (counts[kind] ?? 0) + 1;
    const cites = sortedCites(n.cites);
    for (const c of cites) nodeCites.push(`${kind}|${c}`);
    if ((ENTITY_KINDS as readonly string[]).includes(kind)) entities.push({ kind, name: String(n.name), cites });
    else if ((FACT_KINDS as readonly string[]).includes(kind)) facts.push({ kind, name: String(n.name), cites });
    for (const d of n.docs) if (!cites.some((c) => c.startsWith(`${d}@`))) sourcedWithoutCitation.push({ kind, name: String(n.name), document: d });
  }
  const relCites = rels.flatMap((r) => sortedCites(r.cites).map((c) => `${r.type}|${c}`));
  const entityDigest = sha256(entities.map((e) => `${e.kind} ${e.cites.join(' ')}`).sort());
  const factDigest = sha256(facts.map((f) => `${f.kind} ${f.cites.join(' ')}`).sort());
  const digest = sha256([canonical(counts), `POSSIBLY_SAME_AS ${links}`, entityDigest]);
  return { counts, possiblySameAs: links, entityDigest, factDigest, digest, entities, facts, nodeCites: nodeCites.sort(), relCites: relCites.sort(), sourcedWithoutCitation };
}

/**
 * Holders of `a` whose exact set of citations no holder of `b` has, each with the holder of `b`
 * of the same kind that shares most of its citations: "Person Eduardo Valtierra: 2 citations
 * more, 1 fewer than Eduardo Valtierra Monroy". Empty when the two agree.
 */
export function unmatchedHolders(a: readonly Holder[], b: readonly Holder[]): string[] {
  const key = (h: Holder) => `${h.kind}|${h.cites.join(' ')}`;
  const left = multisetMinus(a.map(key), b.map(key));
  const out: string[] = [];
  for (const k of left) {
    const h = a.find((x) => key(x) === k)!;
    const mine = new Set(h.cites);
    let best: Holder | null = null;
    let bestShared = -1;
    for (const other of b) {
      if (other.kind !== h.kind) continue;
      const shared = other.cites.filter((c) => mine.has(c)).length;
      if (shared > bestShared) {
        best = other;
        bestShared = shared;
      }
    }
    const n = (k: number) => `${k} citation${k === 1 ? '' : 's'}`;
    if (!best || bestShared === 0) out.push(`${h.kind} "${h.name}" (${n(h.cites.length)}): nothing like it in the other graph`);
    else out.push(`${h.kind} "${h.name}": ${n(h.cites.length - bestShared)} more and ${best.cites.length - bestShared} fewer than "${best.name}"`);
  }
  return out;
}

/** Items of the multiset `a` that `b` lacks (as many times as they are missing). */
export function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export interface DocumentFootprint {
  documentId: string;
  exists: boolean;
  /** "Kind|start:end" for each citation of the document a node holds */
  nodes: string[];
  /** "TYPE|start:end" for each citation of the document a relationship holds */
  relationships: string[];
  /** SOURCED_FROM links to the document */
  sourcedFrom: number;
  /** nodes citing the document without a SOURCED_FROM link to it, and the reverse */
  unlinked: number;
}

const documentId = (fileName: string): string => `document:${fileName}`;

export async function documentFootprint(driver: Driver, fileName: string): Promise<DocumentFootprint> {
  const id = documentId(fileName);
  const prefix = `${id}@`;
  const span = (c: string) => c.slice(prefix.length);
  const [{ exists, sourced }] = (await rows<{ exists: boolean; sourced: number }>(
    driver,
    'OPTIONAL MATCH (d:Document {id: $id}) OPTIONAL MATCH (n)-[s:SOURCED_FROM]->(d) RETURN d IS NOT NULL AS exists, count(s) AS sourced',
    { id },
  )) as [{ exists: boolean; sourced: number }];
  const nodes = await rows<{ labels: string[]; cites: string[]; linked: boolean }>(
    driver,
    `MATCH (n) WHERE any(c IN coalesce(n.cites, []) WHERE c STARTS WITH $prefix)
     RETURN labels(n) AS labels, [c IN n.cites WHERE c STARTS WITH $prefix] AS cites, exists { (n)-[:SOURCED_FROM]->(:Document {id: $id}) } AS linked`,
    { prefix, id },
  );
  const linkedWithout = await rows<{ n: number }>(
    driver,
    'MATCH (n)-[:SOURCED_FROM]->(:Document {id: $id}) WHERE NOT any(c IN coalesce(n.cites, []) WHERE c STARTS WITH $prefix) RETURN count(n) AS n',
    { prefix, id },
  );
  const rels = await rows<{ type: string; cites: string[] }>(
    driver,
    'MATCH ()-[r]->() WHERE any(c IN coalesce(r.cites, []) WHERE c STARTS WITH $prefix) RETURN type(r) AS type, [c IN r.cites WHERE c STARTS WITH $prefix] AS cites',
    { prefix },
  );
  const kind = (labels: string[]) => NODE_KINDS.find((k) => labels.includes(k)) ?? labels.filter((l) => l !== 'Node').join(':');
  return {
    documentId: id,
    exists,
    nodes: nodes.flatMap((n) => n.cites.map((c) => `${kind(n.labels)}|${span(c)}`)).sort(),
    relationships: rels.flatMap((r) => r.cites.map((c) => `${r.type}|${span(c)}`)).sort(),
    sourcedFrom: sourced,
    unlinked: nodes.filter((n) => !n.linked).length + (linkedWithout[0]?.n ?? 0),
  };
}

/** Whether the graph holds nothing of the document: no Document node and nothing citing it. */
export const absent = (f: DocumentFootprint): boolean => !f.exists && f.nodes.length === 0 && f.relationships.length === 0 && f.sourcedFrom === 0;

/** How `f` differs from the reference footprint of a clean ingest of the same text (empty: complete). */
export function footprintDifference(f: DocumentFootprint, reference: DocumentFootprint): string {
  const out: string[] = [];
  if (!f.exists) out.push('no Document node, yet passages cite it');
  const missingNodes = multisetMinus(reference.nodes, f.nodes);
  const extraNodes = multisetMinus(f.nodes, reference.nodes);
  const missingRels = multisetMinus(reference.relationships, f.relationships);
  const extraRels = multisetMinus(f.relationships, reference.relationships);
  if (missingNodes.length) out.push(`${missingNodes.length} node citations missing (${missingNodes.slice(0, 4).join(', ')})`);
  if (extraNodes.length) out.push(`${extraNodes.length} node citations extra (${extraNodes.slice(0, 4).join(', ')})`);
  if (missingRels.length) out.push(`${missingRels.length} relationship citations missing (${missingRels.slice(0, 4).join(', ')})`);
  if (extraRels.length) out.push(`${extraRels.length} relationship citations extra (${extraRels.slice(0, 4).join(', ')})`);
  if (f.sourcedFrom !== reference.sourcedFrom) out.push(`SOURCED_FROM ${f.sourcedFrom} (clean ingest: ${reference.sourcedFrom})`);
  if (f.unlinked) out.push(`${f.unlinked} nodes cite it without SOURCED_FROM, or the reverse`);
  return out.join('; ');
}
