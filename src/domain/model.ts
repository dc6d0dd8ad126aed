/**
 * The graph's vocabulary, independent of storage and API.
 *
 * Every node carries a global `id` of the form `<kind>:<key>` ("person:tomas-garibay-luna",
 * "event:2024-01-12-tecamac-federalization-meeting", "document:001_08e50318fca64ce1.txt"),
 * so `node(id)` works over all kinds. Entities also have a `slug` (the key part).
 */
export const ENTITY_KINDS = ['Person', 'Organization', 'Place', 'Facility', 'Program'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const FACT_KINDS = ['Post', 'Event', 'Statement', 'Commitment', 'Figure'] as const;
type FactKind = (typeof FACT_KINDS)[number];

export type NodeKind = EntityKind | FactKind | 'Document';
export const NODE_KINDS: readonly NodeKind[] = [...ENTITY_KINDS, ...FACT_KINDS, 'Document'];

/** Relationship types, each read as "(from) TYPE (to)". */
export const REL_TYPES = [
  'PART_OF', // Organization->Organization, Place->Place
  'GOVERNS', // Organization->Place (a government and its territory), Post->Place
  'LOCATED_IN', // Facility->Place
  'OPERATED_BY', // Facility->Organization
  'RUN_BY', // Program->Organization
  'HOLDS', // Person->Post
  'POST_IN', // Post->Organization
  'PARTICIPATED_IN', // Person->Event
  'HELD_IN', // Event->Place
  'HELD_AT', // Event->Facility
  'INVOLVES', // Event->Entity, with a role
  'STATED', // Person->Statement
  'AT_EVENT', // Statement->Event
  'ABOUT', // Statement->Entity
  'REPORTS', // Statement->Figure
  'COMMITS', // Statement->Commitment, role makes|repeats
  'CONCERNS', // Commitment->Entity
  'TARGETS', // Commitment->Figure
  'MEASURES', // Figure->Entity
  'CITES', // Document->Document
  'SOURCED_FROM', // fact or entity -> Document it is cited in (derived from citations)
  'POSSIBLY_SAME_AS', // extracted entity -> existing entity it may be; kept apart for an editor to review
] as const;
export type RelType = (typeof REL_TYPES)[number];

/**
 * A person's dated items: each of these relationships also carries `person` (the id of the
 * person at its start), `day` (the first day of the item at its end, its dateStart; absent when
 * undated) and `undated: true` when the item has no date, kept by every writer (cypher/write/*)
 * and indexed on (person, day) and (person, undated) (cypher/migrations/004), so a person's
 * latest items or items in a date range are ordered index seeks.
 */
export const DATE_INDEXED = ['PARTICIPATED_IN', 'STATED'] as const satisfies readonly RelType[];

/**
 * Node properties internal to the graph: search keys the writer derives (`fold`, `aliasText`), a
 * document's text and its offsets (`text`, `astral`, `bodyEnd`). No API answer and no export
 * carries them; the look-ahead's projections (graph/projection.ts) leave them out.
 */
export const INTERNAL_PROPS = ['fold', 'text', 'aliasText', 'astral', 'bodyEnd'] as const;

/**
 * The properties the person date index adds to DATE_INDEXED relationships (migrations/004) and to
 * COMMITS (007), and the flag of a speaker's committing statements on STATED (006): derived, kept
 * by the writers, never exported as data.
 */
export const DATE_INDEX_PROPS = ['person', 'day', 'undated', 'commits'] as const;

/** Relationships that carry DATE_INDEX_PROPS: a person's events and statements (004), and their statements' commitments (007). */
export const PERSON_INDEXED = [...DATE_INDEXED, 'COMMITS'] as const satisfies readonly RelType[];

/** Relationships that connect people, bodies, places and facts; paths never go through documents. */
export const PATH_REL_TYPES: readonly RelType[] = REL_TYPES.filter((t) => t !== 'SOURCED_FROM' && t !== 'CITES' && t !== 'POSSIBLY_SAME_AS');

/**
 * What kind of occasion an event is. The extraction lexicon (ingest/extract/lexicon.ts) and the
 * seed data use only these; the API serves them as the EventKind enum.
 */
export const EVENT_KINDS = ['meeting', 'press-conference', 'session', 'publication', 'agreement', 'inauguration', 'appointment', 'report', 'visit'] as const;

/** What kind of statement: said, reported, announced, quoted, or recalled. */
export const STATEMENT_KINDS = ['declaration', 'report', 'announcement', 'quote', 'recollection'] as const;

export type PropValue = string | number | boolean | null | string[] | number[];

/** A node to write: properties are flat (Neo4j properties), citations are citation keys. */
export interface NodeRecord {
  id: string;
  kind: NodeKind;
  props: Record<string, PropValue>;
  cites: string[];
}

export interface RelRecord {
  type: RelType;
  from: string;
  to: string;
  /** distinguishes parallel relationships of one type between the same nodes (e.g. INVOLVES roles) */
  key?: string;
  props: Record<string, PropValue>;
  cites: string[];
}

export interface GraphBatch {
  nodes: NodeRecord[];
  rels: RelRecord[];
}

export function nodeId(kind: NodeKind, key: string): string {
  return `${kind.toLowerCase()}:${key}`;
}

export function kindOfId(id: string): NodeKind | undefined {
  const prefix = id.slice(0, id.indexOf(':')).toLowerCase();
  return NODE_KINDS.find((k) => k.toLowerCase() === prefix);
}
