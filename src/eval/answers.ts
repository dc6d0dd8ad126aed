/**
 * What the GraphQL API answers about one ingested document, in the shape the scorer reads. Only
 * citations into that document are kept: a fact the seed graph already held is judged by the
 * passage the new document gives for it.
 */
export interface ACite {
  start: number;
  end: number;
  excerpt: string | null;
}

export interface ADate {
  iso: string;
  start: string;
  end: string;
  precision: 'DAY' | 'MONTH' | 'YEAR';
  inferred: boolean;
}

export interface AEntity {
  id: string;
  /** Person, Organization, Place, Facility, Program */
  kind: string;
  /** name, aliases and acronym */
  names: string[];
  cites: ACite[];
}

export interface APost {
  id: string;
  role: string;
  holder: AEntity | null;
  /** names of the organization and of the jurisdiction */
  of: string[];
  from: ADate | null;
  to: ADate | null;
  cites: ACite[];
}

interface AEvent {
  id: string;
  kind: string;
  date: ADate | null;
  /** names of the place and of the venue */
  places: string[];
  /** each participant's names */
  participants: string[][];
  cites: ACite[];
}

interface AStatement {
  id: string;
  speaker: string[] | null;
  cites: ACite[];
}

interface AFigure {
  id: string;
  value: number;
  unit: string;
  label: string | null;
  cites: ACite[];
}

interface ACommitment {
  id: string;
  makers: string[][];
  deadline: ADate | null;
  cites: ACite[];
}

export interface DocAnswer {
  /** false when the API knows no document of that file name (the ingest failed or skipped it) */
  found: boolean;
  /** the file as ingested: citations are offsets into it */
  text: string;
  entities: AEntity[];
  posts: APost[];
  events: AEvent[];
  statements: AStatement[];
  figures: AFigure[];
  commitments: ACommitment[];
}

export interface Answers {
  /** article id -> what the API answers for its document */
  documents: Map<string, DocAnswer>;
  /** a time question (holdersKey) -> the people `holders(role, of, at)` answers, or null when the API names no such body */
  holders: Map<string, AEntity[] | null>;
  /** a name -> ids of the entities whose name or alias is that name (accents and case ignored) */
  entitiesNamed: Map<string, string[]>;
  /** pairs of entity ids that possibleDuplicates lists */
  duplicates: [string, string][];
}

export const emptyDoc = (text = ''): DocAnswer => ({ found: false, text, entities: [], posts: [], events: [], statements: [], figures: [], commitments: [] });

export const holdersKey = (q: { role: string; of: string; at: string }) => `${q.role}|${q.of}|${q.at}`;
