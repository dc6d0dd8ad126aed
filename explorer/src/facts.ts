// The shapes of the API's answers the views read, and how a fact is named in one line.
import { type Citation, type DocRef, type FuzzyDate } from './common.js';

export interface Ref {
  id: string;
  name: string;
}

export interface Figure {
  id: string;
  value: number;
  unit: string;
  label?: string | null;
  metric: string;
  qualifier?: string | null;
  period?: string | null;
  asOf?: FuzzyDate | null;
  agreement: { consistent: boolean; explanation: string; reports: number; min?: number; max?: number };
  sources?: DocRef[];
  citations: Citation[];
}

export interface Post {
  id: string;
  role: string;
  reviewStatus?: string;
  from?: FuzzyDate | null;
  to?: FuzzyDate | null;
  holder?: Ref | null;
  organization?: Ref | null;
  jurisdiction?: Ref | null;
  citations: Citation[];
}

export interface Fact {
  __typename: 'Event' | 'Statement' | 'Commitment' | 'Post' | 'Figure';
  id: string;
  reviewStatus: string;
  confidence: number;
  citations: Citation[];
  title?: string;
  kind?: string;
  date?: FuzzyDate | null;
  summary?: string;
  speaker?: Ref | null;
  figures?: Figure[];
  status?: string;
  statusReason?: string;
  deadline?: FuzzyDate | null;
  start?: FuzzyDate | null;
  role?: string;
  from?: FuzzyDate | null;
  to?: FuzzyDate | null;
  holder?: Ref | null;
  organization?: Ref | null;
  jurisdiction?: Ref | null;
  value?: number;
  unit?: string;
  label?: string | null;
  metric?: string;
  asOf?: FuzzyDate | null;
  agreement?: { consistent: boolean; explanation: string; reports: number };
}

export interface TimelineEntry {
  date: string | null;
  kind: string;
  roles: string[];
  node: Fact;
}

/** A one-line description of a fact. */
export function factTitle(f: Fact): string {
  switch (f.__typename) {
    case 'Event':
      return f.title ?? f.id;
    case 'Statement':
    case 'Commitment':
      return f.summary ?? f.id;
    case 'Post':
      return `${f.holder ? `${f.holder.name}: ` : ''}${[f.role, f.organization?.name ?? f.jurisdiction?.name].filter(Boolean).join(', ')}`;
    case 'Figure':
      return `${formatNumber(f.value ?? 0)} ${f.unit ?? ''}${f.label ? ` (${f.label})` : ''}`;
    default:
      return (f as { id: string }).id;
  }
}

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
