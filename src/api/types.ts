import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { COMMITMENT_STATUSES } from '../domain/commitments.js';
import { EVENT_KINDS, STATEMENT_KINDS } from '../domain/model.js';
import type { GraphNode } from '../graph/records.js';

// Every @Field names its type explicitly: esbuild (tsx, vitest) emits no decorator metadata.

export enum DatePrecision {
  DAY = 'day',
  MONTH = 'month',
  YEAR = 'year',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How much of a date the sources give.',
  valuesConfig: {
    DAY: { description: 'The day is known: YYYY-MM-DD.' },
    MONTH: { description: 'Only the month is known: YYYY-MM.' },
    YEAR: { description: 'Only the year is known: YYYY.' },
  },
});

export enum NodeKind {
  PERSON = 'Person',
  ORGANIZATION = 'Organization',
  PLACE = 'Place',
  FACILITY = 'Facility',
  PROGRAM = 'Program',
  POST = 'Post',
  EVENT = 'Event',
  STATEMENT = 'Statement',
  COMMITMENT = 'Commitment',
  FIGURE = 'Figure',
  DOCUMENT = 'Document',
}
registerEnumType(NodeKind, {
  name: 'NodeKind',
  description: 'The kinds of node: five of entities, five of facts, and documents.',
  valuesConfig: {
    PERSON: { description: 'A person.' },
    ORGANIZATION: { description: 'A government body, institution or company.' },
    PLACE: { description: 'A country, state, municipality, city, building or room.' },
    FACILITY: { description: 'A hospital, health centre or other installation.' },
    PROGRAM: { description: 'A public program.' },
    POST: { description: 'A post held by a person.' },
    EVENT: { description: 'An event.' },
    STATEMENT: { description: 'A statement.' },
    COMMITMENT: { description: 'A commitment.' },
    FIGURE: { description: 'A reported figure.' },
    DOCUMENT: { description: 'A document.' },
  },
});

export enum ReviewStatus {
  EXTRACTED = 'extracted',
  CONFIRMED = 'confirmed',
  REJECTED = 'rejected',
}
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'Whether a fact was extracted by the pipeline, confirmed or rejected by an editor (curated facts are confirmed).',
  valuesConfig: {
    EXTRACTED: { description: 'Read from a document by the pipeline; no editor has reviewed it.' },
    CONFIRMED: { description: 'Confirmed by an editor, or curated.' },
    REJECTED: {
      description: 'Rejected by an editor: kept in the graph and found by id, but left out of nested lists and paths, and of top-level lists and timelines unless reviewStatuses asks for it.',
    },
  },
});

export enum EditAction {
  CONFIRM = 'confirm',
  REJECT = 'reject',
  MERGE = 'merge',
  UNMERGE = 'unmerge',
  SPLIT = 'split',
  DISMISS_DUPLICATE = 'dismiss-duplicate',
  UNDO = 'undo',
}
registerEnumType(EditAction, {
  name: 'EditAction',
  description: 'What an editor did: confirmed or rejected a fact, merged two entities or undid a merge, split one, said two look-alikes are not one, or undid an edit.',
  valuesConfig: {
    CONFIRM: { description: 'Confirmed a fact.' },
    REJECT: { description: 'Rejected a fact.' },
    MERGE: { description: 'Merged one entity into another.' },
    UNMERGE: { description: 'Undid a merge: the merged entity is back with its relationships.' },
    SPLIT: { description: 'Split names off an entity into a new one.' },
    DISMISS_DUPLICATE: { description: 'Said two look-alike entities are not one.' },
    UNDO: { description: 'Undid an earlier edit (see undoEdit).' },
  },
});

export enum DateOrder {
  DATE_ASC = 'asc',
  DATE_DESC = 'desc',
}
registerEnumType(DateOrder, {
  name: 'DateOrder',
  description: 'Order of a dated list.',
  valuesConfig: {
    DATE_ASC: { description: 'Oldest first; undated items last.' },
    DATE_DESC: { description: 'Newest first; undated items last.' },
  },
});

export enum EntityOrder {
  NAME_ASC = 'name',
  MENTIONS_DESC = 'mentions',
}
registerEnumType(EntityOrder, {
  name: 'EntityOrder',
  description: 'Order of a list of entities.',
  valuesConfig: {
    NAME_ASC: { description: 'By name, accents and case ignored.' },
    MENTIONS_DESC: { description: 'Named in the most documents first, then by name.' },
  },
});

/**
 * A closed vocabulary of the domain (lower-case, hyphenated values) as a GraphQL enum: the name is
 * the value in capitals with underscores ("press-conference" is PRESS_CONFERENCE); resolvers and
 * Cypher keep working with the stored values.
 */
function vocabularyEnum<V extends string>(name: string, description: string, values: readonly V[], meanings: Record<V, string>): Record<string, V> {
  const e = Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), v])) as Record<string, V>;
  registerEnumType(e, { name, description, valuesConfig: Object.fromEntries(Object.entries(e).map(([k, v]) => [k, { description: meanings[v] }])) });
  return e;
}

export const EventKind = vocabularyEnum('EventKind', 'What kind of occasion an event is.', EVENT_KINDS, {
  meeting: 'A meeting, working session, tour or assembly.',
  'press-conference': 'A press conference, the morning conference included.',
  session: 'A formal session of a body, or an appearance before one.',
  publication: 'A publication in an official gazette.',
  agreement: 'The signing of an agreement or covenant.',
  inauguration: 'An opening or start of works or services.',
  appointment: 'An appointment or swearing-in.',
  report: "An official's report or a government report (informe).",
  visit: 'A visit or inspection.',
});

export const StatementKind = vocabularyEnum('StatementKind', 'What kind of statement.', STATEMENT_KINDS, {
  declaration: 'A position or opinion someone stated.',
  report: 'Something someone reported as fact (figures, progress).',
  announcement: 'Something someone announced: a plan, a measure, a promise.',
  quote: 'A passage quoted from someone.',
  recollection: 'Something someone recalled from the past.',
});

export const CommitmentStatus = vocabularyEnum('CommitmentStatus', 'Where a commitment stands (see Commitment.status).', COMMITMENT_STATUSES, {
  announced: 'One statement made it (or the graph holds none that does).',
  repeated: 'More than one statement made or repeated it.',
  overdue: 'Its deadline passed and nothing records it fulfilled.',
  'in-progress': 'A statement reports the work under way, or an editor recorded it so.',
  fulfilled: 'A facility it concerns was inaugurated after it was made, a statement reports it done, or an editor recorded it so.',
  abandoned: 'An editor recorded it abandoned.',
});

const resolveType = (value: GraphNode) => value.__typename;

const COMMITS_ROLE = 'How the statement bears on the commitment: makes (made it first), repeats, reports-progress (reports the work under way) or reports-done (reports it done).';

@ObjectType({ description: 'A date at the precision the sources give, with whether it was inferred.' })
export class FuzzyDate {
  @Field(() => String, { description: 'ISO 8601 at its precision: 2024-01-12, 2024-05 or 2024.' }) iso!: string;
  @Field(() => DatePrecision, { description: 'Whether the day, only the month, or only the year is known.' }) precision!: DatePrecision;
  @Field(() => Boolean, { description: 'True when no source states this date for the fact (taken from a publication date or from context).' }) inferred!: boolean;
  @Field(() => String, { nullable: true, description: 'How the date was obtained, when inferred.' }) note?: string;
  @Field(() => String, { description: 'First day the date covers, as YYYY-MM-DD (2024-05 starts on 2024-05-01).' }) start!: string;
  @Field(() => String, { description: 'Last day the date covers, as YYYY-MM-DD (2024-05 ends on 2024-05-31).' }) end!: string;
}

@ObjectType({ description: 'A passage of a document that supports a fact. Offsets are UTF-16 code units (JavaScript string indices), end exclusive.' })
export class Citation {
  // document and excerpt are resolved from documentId (see CitationResolver)
  documentId!: string;
  @Field(() => Int, { description: "Offset of the passage's first character in the document text." }) start!: number;
  @Field(() => Int, { description: "Offset just after the passage's last character (exclusive)." }) end!: number;
}

@ObjectType({ description: 'One change an editor made to the graph, kept with the node it changed (see `history`).' })
export class Edit {
  @Field(() => ID, { description: 'Id of the edit: edit:<uuid>.' }) id!: string;
  @Field(() => EditAction, { description: 'What the editor did.' }) action!: EditAction;
  @Field(() => String, { description: 'Name of the API key that made the change.' }) by!: string;
  @Field(() => String, { description: 'When, as an ISO 8601 date-time in UTC.' }) at!: string;
  @Field(() => String, { nullable: true, description: "The editor's note, if any." }) note?: string;
  @Field(() => String, { nullable: true, description: 'For merges and splits: the other entity, by id and name.' }) details?: string;
  @Field(() => ID, { description: 'Id of the node changed, as it was then.' }) target!: string;
  @Field(() => String, { nullable: true, description: 'When the edit was undone (undoEdit, unmergeEntities), as an ISO 8601 date-time in UTC; null while it stands.' }) undoneAt?: string;
  @Field(() => String, { nullable: true, description: 'Name of the API key that undid the edit.' }) undoneBy?: string;
  @Field(() => Boolean, {
    description: 'True while the edit stands and undoEdit can undo it (confirmations, rejections, merges, splits and dismissals can; undos and unmerges are undone by editing again).',
  })
  undoable!: boolean;
}

@InterfaceType({ resolveType, description: 'Anything with a global id.' })
export abstract class Node {
  @Field(() => ID, { description: 'Global id: <kind>:<key>.' }) id!: string;
}

@InterfaceType({ implements: Node, resolveType, description: 'A person, organization, place, facility or program.' })
export abstract class Entity extends Node {
  @Field(() => String, { description: 'The key of its id (person:<slug>), unique across every kind of entity: what lookups such as `person(slug:)` take.' }) slug!: string;
  @Field(() => String, { description: 'The name the graph gives it.' }) name!: string;
  @Field(() => [String], { description: 'Other names seen for the same entity.' }) aliases!: string[];
  @Field(() => String, { nullable: true, description: 'A short description from the curated graph; null when it has none (the pipeline writes none).' }) description?: string;
  @Field(() => [Citation], { description: 'Where the entity is named.' }) citations!: Citation[];
  @Field(() => String, {
    nullable: true,
    description: 'When the lookup named an entity that was merged into this one: the id or slug it gave. Null otherwise.',
  })
  redirectedFrom?: string;
  // history: EntityHistoryResolver (resolvers/history.ts)
}

@InterfaceType({ implements: Node, resolveType, description: 'A fact read from documents: post, event, statement, commitment or figure.' })
export abstract class Fact extends Node {
  @Field(() => [Citation], { description: 'Passages of documents that state the fact.' }) citations!: Citation[];
  @Field(() => ReviewStatus, { description: 'Whether the pipeline extracted it or an editor confirmed or rejected it.' }) reviewStatus!: ReviewStatus;
  @Field(() => Float, { description: "1 for curated facts; the pipeline's confidence otherwise." }) confidence!: number;
  @Field(() => String, { nullable: true, description: 'Name of the API key that last confirmed or rejected the fact.' }) reviewedBy?: string;
  @Field(() => String, { nullable: true, description: 'When the fact was last confirmed or rejected (ISO 8601 date-time, UTC).' }) reviewedAt?: string;
  // history: FactHistoryResolver (resolvers/history.ts)
}

@ObjectType({ implements: [Node, Entity], description: 'A person named in the documents: an official, a speaker, a participant.' })
export class Person extends Entity {}

@ObjectType({ implements: [Node, Entity], description: 'A government, a government body, an institution or a company.' })
export class Organization extends Entity {
  @Field(() => String, { nullable: true, description: 'The acronym it goes by (e.g. IMSS), if any.' }) acronym?: string;
  @Field(() => String, {
    nullable: true,
    name: 'kind',
    description: "What kind of body, in the curators' words: government, state government, social security institute, internal unit...; null when unknown (the pipeline does not classify bodies).",
  })
  category?: string;
}

@ObjectType({ implements: [Node, Entity], description: 'A country, state, region, municipality, city, building or room.' })
export class Place extends Entity {
  @Field(() => String, { nullable: true, name: 'kind', description: 'What kind of place: country, state, region, municipality, city, building, room; null when unknown.' }) category?: string;
}

@ObjectType({ implements: [Node, Entity], description: 'A hospital, clinic, health centre, school or other installation.' })
export class Facility extends Entity {
  @Field(() => String, { nullable: true, name: 'kind', description: 'What kind of installation: hospital, clinic, health-centre, training-centre, school...; null when unknown.' }) category?: string;
}

@ObjectType({ implements: [Node, Entity], description: 'A public program, such as a grant or a pension.' })
export class Program extends Entity {}

@ObjectType({ implements: [Node, Fact], description: 'A post held by a person over time, in an organization or over a jurisdiction.' })
export class Post extends Fact {
  @Field(() => String, { description: 'The post as the documents name it, e.g. "Director General" or "Gobernadora".' }) role!: string;
  @Field(() => FuzzyDate, {
    nullable: true,
    description:
      'Start of the tenure: as a document gives it, else inferred (inferred: true, with a note) when an earlier holder of a post held by one person at a time precedes this one; null when unknown.',
  })
  from?: FuzzyDate;
  @Field(() => FuzzyDate, {
    nullable: true,
    description: 'End of the tenure: as a document gives it, else inferred (inferred: true, with a note) from the start of the next holder; null while the graph knows no end.',
  })
  to?: FuzzyDate;
}

@ObjectType({ implements: [Node, Fact], description: 'A meeting, press conference, session, publication, agreement...' })
export class Event extends Fact {
  @Field(() => EventKind, { name: 'kind', description: 'What kind of occasion it is.' }) category!: string;
  @Field(() => String, { description: 'A short title: the curators\', or for extracted events one made from its kind, place and date ("Reunión en Toluca (2024-01-12)").' }) title!: string;
  @Field(() => FuzzyDate, { nullable: true, description: 'When it took place; null when no document dates it.' }) date?: FuzzyDate;
}

@ObjectType({ implements: [Node, Fact], description: 'Something a person said or a document reported.' })
export class Statement extends Fact {
  @Field(() => StatementKind, { name: 'kind', description: 'What kind of statement it is.' }) category!: string;
  @Field(() => String, { description: "What was said: the curators' own summary, or for extracted statements the sentence or clause of the document (at most 600 characters)." }) summary!: string;
  @Field(() => FuzzyDate, { nullable: true, description: 'When it was said; null when unknown.' }) date?: FuzzyDate;
}

@ObjectType({ implements: [Node, Fact], description: 'A promise: what, by when, from when, concerning what.' })
export class Commitment extends Fact {
  @Field(() => String, { description: "What was promised: the curators' own summary, or for extracted commitments the clause or sentence of the document (at most 400 characters)." }) summary!: string;
  // status and statusReason are derived (domain/commitments.ts, see CommitmentResolver)
  @Field(() => FuzzyDate, { nullable: true, description: 'When the promised work is to start; null when not given.' }) start?: FuzzyDate;
  @Field(() => FuzzyDate, { nullable: true, description: 'By when it is to be done; null when not given. Past its last day with nothing recording it fulfilled, the status is OVERDUE.' })
  deadline?: FuzzyDate;
}

@ObjectType({ implements: [Node, Fact], description: 'A reported quantity.' })
export class Figure extends Fact {
  @Field(() => Float, { description: 'The quantity, written out in full ("9.1 millones" is 9100000) and in `unit`.' }) value!: number;
  @Field(() => String, { description: 'MXN, percent, people, workers, hospitals, ...' }) unit!: string;
  @Field(() => String, { description: 'What is measured: the key shared by every report of the same measure.' }) metric!: string;
  @Field(() => String, { nullable: true, description: 'What the document calls the quantity, in its own language ("unidades médicas a transferir").' }) label?: string;
  @Field(() => String, { nullable: true, description: 'The period the value covers, as the source writes it (e.g. "2022/2023"); null when not given.' }) period?: string;
  @Field(() => Float, { nullable: true, description: 'Reported change, in percent.' }) changePercent?: number;
  @Field(() => String, { nullable: true, description: 'A qualifier written with the value: "more than", "about".' }) qualifier?: string;
  @Field(() => FuzzyDate, { nullable: true, description: 'The date the value is given as of; null when not given.' }) asOf?: FuzzyDate;
}

@ObjectType({ implements: [Node], description: 'A corpus document, or an outside source a document cites.' })
export class Document extends Node {
  @Field(() => String, { nullable: true, description: 'The corpus file name, also the key of its id (document:<fileName>); null for outside sources.' }) fileName?: string;
  @Field(() => String, { nullable: true, description: 'sha256 of the file, in hex; null for outside sources.' }) contentHash?: string;
  @Field(() => String, { description: 'Its title; the file name when the metadata gives none.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Who published it, as the metadata gives it.' }) publisher?: string;
  @Field(() => String, { nullable: true, description: 'Its author or authors (comma-separated), when known.' }) author?: string;
  @Field(() => String, { name: 'kind', description: 'article, bulletin, external (an outside source a document cites)...' }) category!: string;
  @Field(() => FuzzyDate, { nullable: true, description: 'When it was published: from its metadata, else from the date line of its text; null when unknown.' }) published?: FuzzyDate;
  @Field(() => String, { nullable: true, description: 'Address of the original, when known.' }) url?: string;
}

// ---- relationship views ----

@ObjectType({ description: 'A person present at an event, with the posts they held at its date.' })
export class Participant {
  @Field(() => Person, { description: 'The person.' }) person!: GraphNode;
  @Field(() => [Citation], { description: 'Passages that say the person took part.' }) citations!: Citation[];
  eventDate!: { start: string; end: string } | null;
}

@ObjectType({ description: 'An entity an event involves, and how.' })
export class Involvement {
  @Field(() => Entity, { description: 'The entity involved.' }) entity!: GraphNode;
  @Field(() => String, { description: "How it is involved, in the curators' words: subject, participant, convener, publisher, created, joins..." }) role!: string;
  @Field(() => [Citation], { description: 'Passages that say it is involved.' }) citations!: Citation[];
}

@ObjectType({ description: 'A statement that made, repeated or reported on a commitment.' })
export class CommitmentStatement {
  @Field(() => Statement, { description: 'The statement.' }) statement!: GraphNode;
  @Field(() => String, { description: COMMITS_ROLE }) role!: string;
}

@ObjectType({ description: 'A commitment a statement made, repeated or reported on.' })
export class StatementCommitment {
  @Field(() => Commitment, { description: 'The commitment.' }) commitment!: GraphNode;
  @Field(() => String, { description: COMMITS_ROLE }) role!: string;
}

@ObjectType({ description: 'Whether the reports of one measure agree.' })
export class FigureAgreement {
  @Field(() => Boolean, { description: 'True when every report lies within the rounding of the least precise one.' }) consistent!: boolean;
  @Field(() => Int, { description: 'How many reports were compared (1: only this one).' }) reports!: number;
  @Field(() => Float, { description: 'The lowest value reported.' }) min!: number;
  @Field(() => Float, { description: 'The highest value reported.' }) max!: number;
  @Field(() => String, { description: 'Why they agree or not, in words: the difference and the rounding unit it was held to.' }) explanation!: string;
}

@ObjectType({ description: 'The reports of one measure as of one date.' })
export class FigureSeriesEntry {
  @Field(() => FuzzyDate, { nullable: true, description: 'The date the reports give the value as of (null for reports without one).' }) asOf!: unknown;
  @Field(() => [Figure], { description: 'Every report of the measure as of that date, each with its sources.' }) reports!: GraphNode[];
  @Field(() => FigureAgreement, { description: 'Whether the reports of that date agree.' }) agreement!: FigureAgreement;
}

@ObjectType({ description: "One item of an entity's timeline." })
export class TimelineEntry {
  @Field(() => String, {
    nullable: true,
    description: "First day of the item's date, as YYYY-MM-DD: an event's or statement's date, a commitment's deadline (else its start), a post's start as documents give it; null when undated.",
  })
  date!: string | null;
  @Field(() => NodeKind, { description: 'EVENT, STATEMENT, COMMITMENT or POST.' }) kind!: NodeKind;
  @Field(() => [String], { description: 'How the entity takes part: participant, involved, speaker, subject, committed, concerned, holder, post.' }) roles!: string[];
  @Field(() => Fact, { description: 'The event, statement, commitment or post.' }) node!: GraphNode;
}

@ObjectType({ description: 'One step of a path: a relationship between two nodes and its evidence.' })
export class Hop {
  @Field(() => Node, { description: "The node the hop leaves: the path's `from` entity, or the node the previous hop reached." }) from!: GraphNode;
  @Field(() => Node, { description: 'The node the hop reaches.' }) to!: GraphNode;
  @Field(() => String, { description: 'Relationship type, read from its start node to its end node.' }) relationship!: string;
  @Field(() => Boolean, { description: 'True when the relationship points from `from` to `to`.' }) forward!: boolean;
  @Field(() => [Citation], { description: 'Passages that state the relationship.' }) citations!: Citation[];
}

@ObjectType({ description: 'A chain of relationships from one entity to another, through people, bodies, places and facts (never documents).' })
export class Path {
  @Field(() => Int, { description: 'Number of hops.' }) length!: number;
  @Field(() => [Node], { description: 'The nodes along the path, from `from` to `to` (length + 1 of them).' }) nodes!: GraphNode[];
  @Field(() => [Hop], { description: 'The relationships between consecutive nodes, in order.' }) hops!: Hop[];
}

@ObjectType({ description: 'A node that answers a search, with how well it does.' })
export class SearchHit {
  @Field(() => Float, { description: 'Higher is better: an exact name or alias match ranks above partial ones.' }) score!: number;
  @Field(() => Node, { description: 'The entity, event, statement, commitment or document found.' }) node!: GraphNode;
}

// ---- mutation results ----

@ObjectType({ description: 'An entity named in an ingested document and the graph entity it was matched to.' })
export class EntityMatch {
  @Field(() => String, { description: 'The name as the document gives it.' }) name!: string;
  @Field(() => ID, { description: 'Id of the graph entity it was matched to.' }) id!: string;
  @Field(() => Float, { description: 'How well the names matched (resolution score).' }) score!: number;
}

@ObjectType({ description: 'How many new facts of each kind a document added.' })
export class FactCounts {
  @Field(() => Int, { description: 'New posts.' }) posts!: number;
  @Field(() => Int, { description: 'New events (events the graph already held are in linkedEvents).' }) events!: number;
  @Field(() => Int, { description: 'New statements.' }) statements!: number;
  @Field(() => Int, { description: 'New commitments (ones the document repeats are in repeatedCommitments).' }) commitments!: number;
  @Field(() => Int, { description: 'New figures.' }) figures!: number;
}

@ObjectType({ description: 'What ingesting one document did to the graph.' })
export class IngestResult {
  // document, newEntities, linkedEvents and repeatedCommitments are resolved from these ids (see IngestResultResolver)
  documentId!: string;
  newEntityIds!: string[];
  linkedEventIds!: string[];
  repeatedCommitmentIds!: string[];
  @Field(() => String, { description: "The document's title (its file name when the metadata gives none)." }) title!: string;
  @Field(() => Boolean, { description: 'False when the graph already held this document: nothing new was written for it.' }) newDocument!: boolean;
  @Field(() => [EntityMatch], { description: 'Names in the document matched to entities the graph already held.' }) linkedEntities!: EntityMatch[];
  @Field(() => [EntityMatch], {
    description: 'Names kept as new entities that may be the same as an existing one (POSSIBLY_SAME_AS): candidates for mergeEntities.',
  })
  candidateMatches!: EntityMatch[];
  @Field(() => FactCounts, { description: 'New facts written.' }) facts!: FactCounts;
}

@ObjectType({ description: 'Two entities kept apart whose names look alike: for an editor to merge (mergeEntities) or leave apart.' })
export class PossibleDuplicate {
  @Field(() => Entity, { description: 'The entity a document added.' }) a!: GraphNode;
  @Field(() => Entity, { description: 'The entity it may be.' }) b!: GraphNode;
  @Field(() => Float, { description: 'How alike the names are, 0..1 (1 would have merged them).' }) score!: number;
  @Field(() => String, { description: 'Why they were kept apart: what tells the names apart.' }) evidence!: string;
}

@ObjectType({ description: 'Where a page sits in its list, and the cursors to page on.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'True when items come before this page (it was asked for `after` a cursor).' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page: pass it as `after` for the next page; null when the page is empty.' }) endCursor!: string | null;
}

type Class<T = object> = new (...args: never[]) => T;

/** Relay connection and edge types for one node type. */
function connectionTypes(name: string, nodeType: Class) {
  const one = name.toLowerCase();
  const many = ({ Person: 'people', Facility: 'facilities' } as Record<string, string>)[name] ?? `${one}s`;
  const article = /^[aeiou]/.test(one) ? 'An' : 'A';
  @ObjectType(`${name}Edge`, { description: `${article} ${one} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: `Opaque position of this ${one} in the list: pass it as \`after\` for the page that follows it.` }) cursor!: string;
    @Field(() => nodeType, { description: `The ${one}.` }) node!: GraphNode;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${many}, with their total and the cursors to page on.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: `The ${many} of this page, each with its cursor.` }) edges!: EdgeType[];
    @Field(() => [nodeType], { description: `The ${many} of this page (as edges, without the cursors).` }) nodes!: GraphNode[];
    @Field(() => PageInfo, { description: `Whether more ${many} follow, and the cursors to page on.` }) pageInfo!: PageInfo;
    @Field(() => Int, { description: `How many ${many} match, over all pages.` }) totalCount!: number;
  }
  return ConnectionType;
}

export const EventConnection = connectionTypes('Event', Event);
export const StatementConnection = connectionTypes('Statement', Statement);
export const CommitmentConnection = connectionTypes('Commitment', Commitment);
export const FigureConnection = connectionTypes('Figure', Figure);
export const DocumentConnection = connectionTypes('Document', Document);
export const PostConnection = connectionTypes('Post', Post);
export const PersonConnection = connectionTypes('Person', Person);
export const OrganizationConnection = connectionTypes('Organization', Organization);
export const PlaceConnection = connectionTypes('Place', Place);
export const FacilityConnection = connectionTypes('Facility', Facility);
export const ProgramConnection = connectionTypes('Program', Program);

@ObjectType({ description: 'A page of possible duplicates.' })
export class PossibleDuplicateConnection {
  @Field(() => [PossibleDuplicate], { description: 'The pairs of this page, best score first.' }) nodes!: PossibleDuplicate[];
  @Field(() => PageInfo, { description: 'Whether more pairs follow, and the cursors to page on.' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many pairs there are, over all pages.' }) totalCount!: number;
}
