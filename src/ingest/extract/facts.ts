/**
 * Stage 5: facts from mentions, dates and quantities: posts, events with participants,
 * statements with speakers, commitments and figures, each with the spans it rests on and a
 * confidence. Pure: the document's text and the earlier stages' output in, facts out.
 *
 * One module per fact type over a shared discourse state (discourse.ts): entities.ts, posts.ts,
 * events.ts, statements.ts (with commitments), figures.ts; the words they key on are the
 * lexicon's (lexicon.ts), the seam for another language.
 *
 * Keys are local to the document (slug of the canonical name for entities, `<doc>-<n>` for
 * facts); the resolution stage maps them onto the graph.
 */
import type { DateMention } from '../../text/dates.js';
import type { Quantity } from '../../text/numbers.js';
import type { Span } from '../../text/sentences.js';
import { discourseOf } from './discourse.js';
import { findEvents } from './events.js';
import { replacedFacilities } from './entities.js';
import { oneFigurePerMeasure } from './figures.js';
import type { MentionKind, Mentions } from './mentions.js';
import { findStatements } from './statements.js';

export interface Cite {
  start: number;
  end: number;
}

export interface XDate {
  iso: string;
  precision: 'day' | 'month' | 'year';
  inferred: boolean;
  note: string | null;
}

export interface XEntity {
  key: string;
  kind: MentionKind;
  name: string;
  aliases: string[];
  acronym: string | null;
  category: string | null;
  cites: Cite[];
  confidence: number;
}

/** A post as one document states it; `from`/`to` where the text dates the tenure (or says it is new or over). */
export interface XPost {
  key: string;
  person: string;
  role: string;
  organization: string | null;
  jurisdiction: string | null;
  from: XDate | null;
  to: XDate | null;
  cites: Cite[];
  confidence: number;
}
interface XParticipant {
  person: string;
  cites: Cite[];
}
export interface XEvent {
  key: string;
  kind: string;
  title: string;
  date: XDate | null;
  place: string | null;
  venue: string | null;
  participants: XParticipant[];
  cites: Cite[];
  confidence: number;
}
export interface XFigure {
  key: string;
  value: number;
  unit: string;
  counted: string | null;
  label: string;
  metric: string;
  qualifier: string | null;
  changePercent: number | null;
  asOf: XDate | null;
  subject: string | null;
  cites: Cite[];
  confidence: number;
}
export interface XCommitment {
  key: string;
  summary: string;
  start: XDate | null;
  deadline: XDate | null;
  concerns: string[];
  targets: string[];
  cites: Cite[];
  confidence: number;
  /** the passage reports the work done or under way ("quedó concluido", "lleva un avance de 40 %") */
  report?: 'done' | 'progress' | null;
  /** a report about a promise, not a promise: it only adds to a commitment the graph holds */
  reportOnly?: boolean;
}
export interface XStatement {
  key: string;
  kind: string;
  speaker: string | null;
  event: string | null;
  date: XDate | null;
  summary: string;
  quote: Cite | null;
  about: string[];
  figures: string[];
  commitments: string[];
  cites: Cite[];
  confidence: number;
}

/** Two entities of the document an editor should compare: kept apart, listed as a possible duplicate. */
export interface XLookalike {
  a: string;
  b: string;
  evidence: string;
}

export interface Extraction {
  entities: XEntity[];
  /** entities the text relates so that one may be taken for the other (a facility and the one it replaces) */
  lookalikes?: XLookalike[];
  posts: XPost[];
  events: XEvent[];
  statements: XStatement[];
  commitments: XCommitment[];
  figures: XFigure[];
}

export interface FactInput {
  /** short key of the document, used in fact keys */
  docKey: string;
  text: string;
  sentences: Span[];
  mentions: Mentions;
  dates: DateMention[];
  quantities: Quantity[];
  /** publication date of the document (ISO day) */
  published: string | null;
  /** the gazetteer's name for a place name */
  canonicalPlace?: (name: string) => string | null;
  /** the gazetteer's kind of a place name ('state', 'municipality', 'country'...) */
  placeKind?: (name: string) => string | null;
  /** the gazetteer's name of the country */
  country?: string;
  /** the title of a state's head of executive where it is not "gobernador" (Ciudad de México: "jefe de Gobierno") */
  executiveOf?: (state: string) => { masculine: string; feminine: string } | null;
}

export function extractFacts(input: FactInput): Extraction {
  const d = discourseOf(input);
  const { events, eventOfSentence } = findEvents(d);
  const { statements, commitments, figures } = findStatements(d, eventOfSentence);
  return { entities: d.entities, lookalikes: replacedFacilities(d), posts: d.posts, events, statements, commitments, ...oneFigurePerMeasure(figures, statements, commitments) };
}
