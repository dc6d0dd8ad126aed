// Pieces every view shares: kinds and their colours, dates, source links, a query hook.
import { useEffect, useState, type ReactNode } from 'react';
import { gql } from './api.js';
import { link } from './route.js';

/** Colour and cytoscape shape of each kind of node (GraphQL __typename). */
export const KINDS: Record<string, { label: string; color: string; shape: string }> = {
  Person: { label: 'People', color: '#2f6fd6', shape: 'ellipse' },
  Organization: { label: 'Organizations', color: '#d2691e', shape: 'round-rectangle' },
  Place: { label: 'Places', color: '#2e8b57', shape: 'triangle' },
  Facility: { label: 'Facilities', color: '#8b5a2b', shape: 'rectangle' },
  Program: { label: 'Programs', color: '#9b30c8', shape: 'hexagon' },
  Event: { label: 'Events', color: '#c0392b', shape: 'diamond' },
  Statement: { label: 'Statements', color: '#607d8b', shape: 'round-tag' },
  Commitment: { label: 'Commitments', color: '#e0a800', shape: 'star' },
  Post: { label: 'Posts', color: '#00838f', shape: 'barrel' },
  Figure: { label: 'Figures', color: '#5d4037', shape: 'vee' },
  Document: { label: 'Documents', color: '#455a64', shape: 'rectangle' },
};

export const ENTITY_TYPES = ['Person', 'Organization', 'Place', 'Facility', 'Program'];

export function kindOf(typename: string | undefined): { label: string; color: string; shape: string } {
  return KINDS[typename ?? ''] ?? { label: typename ?? 'Other', color: '#777', shape: 'ellipse' };
}

export function KindBadge({ type }: { type: string }) {
  const k = kindOf(type);
  return (
    <span className="badge" style={{ background: k.color }}>
      {type}
    </span>
  );
}

export interface FuzzyDate {
  iso: string;
  start: string;
  end: string;
  inferred: boolean;
  note?: string | null;
}

export function DateText({ date }: { date: FuzzyDate | null | undefined }) {
  if (!date) return <span className="muted">undated</span>;
  return (
    <span title={date.inferred ? `inferred${date.note ? `: ${date.note}` : ''}` : undefined}>
      {date.iso}
      {date.inferred ? '*' : ''}
    </span>
  );
}

export interface DocRef {
  id: string;
  title: string;
  url?: string | null;
}

export interface Citation {
  start: number;
  end: number;
  excerpt?: string | null;
  document: DocRef;
}

/** The "source" links of a fact: each cited passage opens in the document view; the original's address too. */
export function Sources({ citations, fact }: { citations: Citation[]; fact?: string }) {
  if (!citations.length) return <span className="muted">no citation</span>;
  return (
    <span className="sources">
      {citations.map((c, i) => (
        <span key={i} className="source">
          <a className="source-link" href={link('document', c.document.id, { at: `${c.start}-${c.end}`, fact })} title={c.excerpt ?? c.document.title}>
            source
          </a>
          {c.document.url ? (
            <a className="external" href={c.document.url} target="_blank" rel="noreferrer noopener" title={c.document.url}>
              ↗
            </a>
          ) : null}
        </span>
      ))}
    </span>
  );
}

export function EntityLink({ node }: { node: { id: string; name?: string | null; title?: string | null; summary?: string | null; __typename?: string } }) {
  const label = node.name ?? node.title ?? node.summary ?? node.id;
  const entity = ENTITY_TYPES.includes(node.__typename ?? '');
  const href = node.__typename === 'Document' ? link('document', node.id) : entity ? link('entity', node.id) : link('fact', node.id);
  return <a href={href}>{label}</a>;
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Runs a query when its key changes; `null` query: nothing to load. */
export function useQuery<T>(query: string | null, variables: Record<string, unknown>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: query !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (query === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    gql<T>(query, variables).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => {
      live = false;
    };
    // the key stands for the variables
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function Status({ loading, error, children }: { loading: boolean; error: string | null; children?: ReactNode }) {
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (loading) return <p className="muted loading">Loading…</p>;
  return <>{children}</>;
}
