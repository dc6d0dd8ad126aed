/**
 * What every export format reads off a node or relationship: plain JSON values, its display name,
 * its dates, its citations and the documents they are in.
 */
import { parseCitationKey, type Citation } from '../domain/citation.js';
import { INTERNAL_PROPS as INTERNAL, type NodeKind } from '../domain/model.js';

/** Properties that are internal to the graph (search keys, offsets): no export carries them. */
export const INTERNAL_PROPS: ReadonlySet<string> = new Set(INTERNAL);

/** A driver value as plain JSON: temporal values and points as their ISO / WKT-like text. */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    // neo4j temporal and spatial types print themselves in ISO 8601
    const s = (value as { toString(): string }).toString();
    return s === '[object Object]' ? JSON.stringify(value) : s;
  }
  return value;
}

/** Properties without nulls and internal ones, as plain JSON. */
export function plainProps(props: Record<string, unknown>, drop: ReadonlySet<string> = INTERNAL_PROPS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined && !drop.has(k)) out[k] = plain(v);
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** What a node is called: an entity's name, an event's or document's title, a post's role... */
export function displayName(kind: NodeKind | null, props: Record<string, unknown>): string {
  const byKind: Record<string, string[]> = {
    Event: ['title'],
    Document: ['title', 'fileName'],
    Post: ['role'],
    Figure: ['label', 'metric'],
    Statement: ['summary'],
    Commitment: ['summary'],
  };
  for (const k of [...(byKind[kind ?? ''] ?? []), 'name', 'title', 'label', 'summary']) {
    const v = str(props[k]);
    if (v) return v;
  }
  return String(props.id ?? '');
}

/** A date of a node (prefix "date", "from", "asOf"...), as the graph stores it in flat properties. */
export interface NodeDate {
  iso: string;
  precision: string | null;
  inferred: boolean;
  note: string | null;
  start: string | null;
  end: string | null;
}

export function dateOf(props: Record<string, unknown>, prefix: string): NodeDate | null {
  const iso = str(props[`${prefix}Iso`]);
  if (!iso) return null;
  return {
    iso,
    precision: str(props[`${prefix}Precision`]),
    inferred: props[`${prefix}Inferred`] === true,
    note: str(props[`${prefix}Note`]),
    start: str(props[`${prefix}Start`]),
    end: str(props[`${prefix}End`]),
  };
}

/** A post's start or end: the one documents give, else the inferred tenure (see domain/tenure.ts). */
export function postBound(props: Record<string, unknown>, which: 'from' | 'to'): NodeDate | null {
  return dateOf(props, which) ?? dateOf(props, which === 'from' ? 'tenureFrom' : 'tenureTo');
}

/** The date fields each kind has. */
export const DATE_FIELDS: Partial<Record<NodeKind, string[]>> = {
  Post: ['from', 'to', 'tenureFrom', 'tenureTo'],
  Event: ['date'],
  Statement: ['date'],
  Commitment: ['start', 'deadline'],
  Figure: ['asOf'],
  Document: ['published'],
};

/** Property names that make up the dates of `prefixes`. */
export function dateKeys(prefixes: readonly string[]): string[] {
  return prefixes.flatMap((p) => ['Iso', 'Precision', 'Inferred', 'Note', 'Start', 'End'].map((s) => `${p}${s}`));
}

/** Citation keys of a node or relationship ("<documentId>@<start>:<end>"). */
export function citeKeys(props: Record<string, unknown>): string[] {
  return Array.isArray(props.cites) ? props.cites.filter((c): c is string => typeof c === 'string') : [];
}

export function citations(props: Record<string, unknown>): Citation[] {
  const out: Citation[] = [];
  for (const key of citeKeys(props)) {
    try {
      out.push(parseCitationKey(key));
    } catch {
      // a malformed key is left out of the parsed list (the raw keys stay in the export)
    }
  }
  return out;
}

/** The documents a node or relationship cites, each once, in order of first citation. */
export function citedDocuments(props: Record<string, unknown>): string[] {
  return [...new Set(citations(props).map((c) => c.documentId))];
}
