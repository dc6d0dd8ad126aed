/**
 * The curated seed format (data/seed/*.yaml).
 *
 * Every file holds any of the top-level sections below; the loader concatenates them.
 * References between records use entity slugs (unique across all entity kinds) or record ids.
 *
 * Citations are strings `<docKey>:<start>-<end>:<hash8>`:
 *   - docKey: the `key` of a corpus document (e.g. "001");
 *   - start/end: UTF-16 offsets (JavaScript string indices) into the document text, end exclusive;
 *   - hash8: the first 8 hex characters of sha256(text.slice(start, end)), so the loader can
 *     verify that the span still reads what the curator saw, without the repo copying the text.
 * `npm run kg -- cite <file> "<phrase>"` prints the citation string for a phrase.
 *
 * Dates are `{ value, precision?, inferred?, note? }` or a plain ISO string:
 *   value "2024-01-12" (day), "2024-05" (month), "2024" (year); precision defaults to the
 *   value's shape; `inferred: true` when the date is not written in the text for that fact
 *   (a meeting dated by its bulletin's publication date, a year taken from context).
 */
import type { DatePrecision } from '../../domain/dates.js';

export type CitationRef = string;

export type SeedDate = string | { value: string; precision?: DatePrecision; inferred?: boolean; note?: string };

interface SeedDocument {
  key: string;
  /** file name in the corpus folder */
  file: string;
  /** sha256 of the file's bytes, hex */
  sha256: string;
  title: string;
  publisher?: string;
  /** kind of document: article, bulletin, ... */
  kind?: string;
  published?: SeedDate;
  url?: string;
  /** ids of sources (see `sources`) this document cites */
  cites?: { source: string; cite?: CitationRef[] }[];
  /** where the article ends: offsets past it are not part of the article (related links). */
  bodyEnd?: number;
}

/** Outside documents that corpus documents cite (no text available). */
interface SeedSource {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  published?: SeedDate;
  url?: string;
}

interface SeedEntityBase {
  slug: string;
  name: string;
  aliases?: string[];
  description?: string;
  cite?: CitationRef[];
}

type SeedPerson = SeedEntityBase;

interface SeedOrganization extends SeedEntityBase {
  acronym?: string;
  kind?: string;
  /** slug of the parent organization */
  parent?: string;
  /** slug of the place whose government this body belongs to */
  jurisdiction?: string;
}

interface SeedPlace extends SeedEntityBase {
  /** country, state, municipality, city, building, room, region */
  kind: string;
  /** slug of the enclosing place */
  partOf?: string;
}

interface SeedFacility extends SeedEntityBase {
  /** hospital, health-centre, training-centre, office ... */
  kind: string;
  /** slug of the place it is in */
  place?: string;
  /** slug of the operating organization */
  operator?: string;
}

interface SeedProgram extends SeedEntityBase {
  /** slug of the running organization */
  organization?: string;
}

interface SeedPost {
  id: string;
  person: string;
  role: string;
  organization?: string;
  jurisdiction?: string;
  from?: SeedDate;
  to?: SeedDate;
  cite: CitationRef[];
}

interface SeedEvent {
  id: string;
  /** meeting, press-conference, session, publication, inauguration, agreement */
  kind: string;
  title: string;
  date?: SeedDate;
  /** slug of a place */
  place?: string;
  /** slug of a facility where it happened */
  venue?: string;
  participants?: { person: string; cite: CitationRef[] }[];
  /** organizations, places, programs involved, with a role (e.g. "issuer", "created", "joins") */
  involves?: { entity: string; role: string; cite: CitationRef[] }[];
  cite: CitationRef[];
}

interface SeedStatement {
  id: string;
  /** announcement, report, declaration, quote, recollection */
  kind: string;
  speaker?: string;
  event?: string;
  date?: SeedDate;
  /** own-words summary, never a copied sentence */
  summary: string;
  /** span of a direct quote, if any */
  quote?: CitationRef;
  about?: string[];
  figures?: string[];
  commitments?: { commitment: string; role: 'makes' | 'repeats' }[];
  cite: CitationRef[];
}

interface SeedCommitment {
  id: string;
  summary: string;
  /** announced, in-progress, fulfilled, overdue, abandoned */
  status: string;
  start?: SeedDate;
  deadline?: SeedDate;
  /** slugs of facilities, programs, organizations, places concerned */
  concerns?: string[];
  /** ids of target figures */
  targets?: string[];
  cite: CitationRef[];
}

interface SeedFigure {
  id: string;
  value: number;
  /** normalized unit in English: MXN, percent, people, workers, hospitals, ... */
  unit: string;
  /** what is measured, a stable key shared by every report of the same measure */
  metric: string;
  /** human label in the document's language */
  label?: string;
  /** slug of the entity measured */
  subject?: string;
  asOf?: SeedDate;
  /** period the value covers, e.g. "2022/2023" */
  period?: string;
  changePercent?: number;
  /** "more than", "about": the qualifier written with the value */
  qualifier?: string;
  cite: CitationRef[];
}

export interface SeedFile {
  documents?: SeedDocument[];
  sources?: SeedSource[];
  people?: SeedPerson[];
  organizations?: SeedOrganization[];
  places?: SeedPlace[];
  facilities?: SeedFacility[];
  programs?: SeedProgram[];
  posts?: SeedPost[];
  events?: SeedEvent[];
  statements?: SeedStatement[];
  commitments?: SeedCommitment[];
  figures?: SeedFigure[];
}
