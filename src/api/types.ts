import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import type { GraphNode } from '../graph/records.js';

// Every @Field names its type explicitly: esbuild (tsx, vitest) emits no decorator metadata.

export enum DatePrecision { DAY = 'day', MONTH = 'month', YEAR = 'year' }
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How much of a date the sources give.' });

export enum NodeKind {
  PERSON = 'Person', ORGANIZATION = 'Organization', PLACE = 'Place', FACILITY = 'Facility', PROGRAM = 'Program',
  POST = 'Post', EVENT = 'Event', STATEMENT = 'Statement', COMMITMENT = 'Commitment', FIGURE = 'Figure', DOCUMENT = 'Document',
}
registerEnumType(NodeKind, { name: 'NodeKind' });

export enum ReviewStatus { EXTRACTED = 'extracted', CONFIRMED = 'confirmed', REJECTED = 'rejected' }
registerEnumType(ReviewStatus, { name: 'ReviewStatus', description: 'Whether a fact was extracted by the pipeline, confirmed or rejected by an editor (curated facts are confirmed).' });

export enum EditAction { CONFIRM = 'confirm', REJECT = 'reject', MERGE = 'merge', SPLIT = 'split', DISMISS_DUPLICATE = 'dismiss-duplicate' }
registerEnumType(EditAction, { name: 'EditAction', description: 'What an editor did: confirmed or rejected a fact, merged two entities, split one, or said two look-alikes are not one.' });

export enum DateOrder { DATE_ASC = 'asc', DATE_DESC = 'desc' }
registerEnumType(DateOrder, { name: 'DateOrder' });

const resolveType = (value: GraphNode) => value.__typename;

@ObjectType({ description: 'A date at the precision the sources give, with whether it was inferred.' })
export class FuzzyDate {
  @Field(() => String, { description: 'ISO 8601 at its precision: 2024-01-12, 2024-05 or 2024.' }) iso!: string;
  @Field(() => DatePrecision) precision!: DatePrecision;
  @Field(() => Boolean, { description: 'True when no source states this date for the fact (taken from a publication date or from context).' }) inferred!: boolean;
  @Field(() => String, { nullable: true, description: 'How the date was obtained, when inferred.' }) note?: string;
  @Field(() => String, { description: 'First day the date covers.' }) start!: string;
  @Field(() => String, { description: 'Last day the date covers.' }) end!: string;
}

@ObjectType({ description: 'A passage of a document that supports a fact. Offsets are UTF-16 code units (JavaScript string indices), end exclusive.' })
export class Citation {
  // document and excerpt are resolved from documentId (see CitationResolver)
  documentId!: string;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
}

@ObjectType({ description: 'One change an editor made to the graph, kept with the node it changed (see `history`).' })
export class Edit {
  @Field(() => ID) id!: string;
  @Field(() => EditAction) action!: EditAction;
  @Field(() => String, { description: 'Name of the API key that made the change.' }) by!: string;
  @Field(() => String, { description: 'When, as an ISO 8601 date-time in UTC.' }) at!: string;
  @Field(() => String, { nullable: true, description: 'The editor\'s note, if any.' }) note?: string;
  @Field(() => String, { nullable: true, description: 'For merges and splits: the other entity, by id and name.' }) details?: string;
  @Field(() => ID, { description: 'Id of the node changed, as it was then.' }) target!: string;
}

@InterfaceType({ resolveType, description: 'Anything with a global id.' })
export abstract class Node {
  @Field(() => ID, { description: 'Global id: <kind>:<key>.' }) id!: string;
}

@InterfaceType({ implements: Node, resolveType, description: 'A person, organization, place, facility or program.' })
export abstract class Entity extends Node {
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'Other names seen for the same entity.' }) aliases!: string[];
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => [Citation], { description: 'Where the entity is named.' }) citations!: Citation[];
  // history: EntityHistoryResolver (resolvers/history.ts)
}

@InterfaceType({ implements: Node, resolveType, description: 'A fact read from documents: post, event, statement, commitment or figure.' })
export abstract class Fact extends Node {
  @Field(() => [Citation]) citations!: Citation[];
  @Field(() => ReviewStatus) reviewStatus!: ReviewStatus;
  @Field(() => Float, { description: '1 for curated facts; the pipeline\'s confidence otherwise.' }) confidence!: number;
  @Field(() => String, { nullable: true, description: 'Name of the API key that last confirmed or rejected the fact.' }) reviewedBy?: string;
  @Field(() => String, { nullable: true, description: 'When the fact was last confirmed or rejected (ISO 8601 date-time, UTC).' }) reviewedAt?: string;
  // history: FactHistoryResolver (resolvers/history.ts)
}

@ObjectType({ implements: [Node, Entity] })
export class Person extends Entity {}

@ObjectType({ implements: [Node, Entity] })
export class Organization extends Entity {
  @Field(() => String, { nullable: true }) acronym?: string;
  @Field(() => String, { nullable: true, name: 'kind' }) category?: string;
}

@ObjectType({ implements: [Node, Entity] })
export class Place extends Entity {
  @Field(() => String, { nullable: true, name: 'kind', description: 'country, state, municipality, city, building, room' }) category?: string;
}

@ObjectType({ implements: [Node, Entity] })
export class Facility extends Entity {
  @Field(() => String, { nullable: true, name: 'kind', description: 'hospital, health-centre, training-centre, ...' }) category?: string;
}

@ObjectType({ implements: [Node, Entity] })
export class Program extends Entity {}

@ObjectType({ implements: [Node, Fact], description: 'A post held by a person over time, in an organization or over a jurisdiction.' })
export class Post extends Fact {
  @Field(() => String) role!: string;
  @Field(() => FuzzyDate, { nullable: true, description: 'Start of the tenure: as a document gives it, else inferred (inferred: true, with a note) when an earlier holder of a post held by one person at a time precedes this one; null when unknown.' }) from?: FuzzyDate;
  @Field(() => FuzzyDate, { nullable: true, description: 'End of the tenure: as a document gives it, else inferred (inferred: true, with a note) from the start of the next holder; null while the graph knows no end.' }) to?: FuzzyDate;
}

@ObjectType({ implements: [Node, Fact], description: 'A meeting, press conference, session, publication, agreement...' })
export class Event extends Fact {
  @Field(() => String, { name: 'kind' }) category!: string;
  @Field(() => String) title!: string;
  @Field(() => FuzzyDate, { nullable: true }) date?: FuzzyDate;
}

@ObjectType({ implements: [Node, Fact], description: 'Something a person said or a document reported, in the project\'s own summary.' })
export class Statement extends Fact {
  @Field(() => String, { name: 'kind' }) category!: string;
  @Field(() => String) summary!: string;
  @Field(() => FuzzyDate, { nullable: true }) date?: FuzzyDate;
}

@ObjectType({ implements: [Node, Fact], description: 'A promise: what, by when, from when, concerning what.' })
export class Commitment extends Fact {
  @Field(() => String) summary!: string;
  // status and statusReason are derived (domain/commitments.ts, see CommitmentResolver)
  @Field(() => FuzzyDate, { nullable: true }) start?: FuzzyDate;
  @Field(() => FuzzyDate, { nullable: true }) deadline?: FuzzyDate;
}

@ObjectType({ implements: [Node, Fact], description: 'A reported quantity.' })
export class Figure extends Fact {
  @Field(() => Float) value!: number;
  @Field(() => String, { description: 'MXN, percent, people, workers, hospitals, ...' }) unit!: string;
  @Field(() => String, { description: 'What is measured: the key shared by every report of the same measure.' }) metric!: string;
  @Field(() => String, { nullable: true }) label?: string;
  @Field(() => String, { nullable: true }) period?: string;
  @Field(() => Float, { nullable: true, description: 'Reported change, in percent.' }) changePercent?: number;
  @Field(() => String, { nullable: true, description: 'A qualifier written with the value: "more than", "about".' }) qualifier?: string;
  @Field(() => FuzzyDate, { nullable: true }) asOf?: FuzzyDate;
}

@ObjectType({ implements: [Node], description: 'A corpus document, or an outside source a document cites.' })
export class Document extends Node {
  @Field(() => String, { nullable: true }) fileName?: string;
  @Field(() => String, { nullable: true, description: 'sha256 of the file' }) contentHash?: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) publisher?: string;
  @Field(() => String, { nullable: true }) author?: string;
  @Field(() => String, { name: 'kind', description: 'article, bulletin, external...' }) category!: string;
  @Field(() => FuzzyDate, { nullable: true }) published?: FuzzyDate;
  @Field(() => String, { nullable: true }) url?: string;
}

// ---- relationship views ----

@ObjectType({ description: 'A person present at an event, with the posts they held at its date.' })
export class Participant {
  @Field(() => Person) person!: GraphNode;
  @Field(() => [Citation]) citations!: Citation[];
  eventDate!: { start: string; end: string } | null;
}

@ObjectType()
export class Involvement {
  @Field(() => Entity) entity!: GraphNode;
  @Field(() => String, { description: 'e.g. issuer, created, joins' }) role!: string;
  @Field(() => [Citation]) citations!: Citation[];
}

@ObjectType({ description: 'A statement that made or repeated a commitment.' })
export class CommitmentStatement {
  @Field(() => Statement) statement!: GraphNode;
  @Field(() => String, { description: 'makes or repeats' }) role!: string;
}

@ObjectType({ description: 'A commitment a statement made or repeated.' })
export class StatementCommitment {
  @Field(() => Commitment) commitment!: GraphNode;
  @Field(() => String, { description: 'makes or repeats' }) role!: string;
}

@ObjectType({ description: 'Whether the reports of one measure agree.' })
export class FigureAgreement {
  @Field(() => Boolean, { description: 'True when every report lies within the rounding of the least precise one.' }) consistent!: boolean;
  @Field(() => Int) reports!: number;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
  @Field(() => String) explanation!: string;
}

@ObjectType({ description: 'The reports of one measure as of one date.' })
export class FigureSeriesEntry {
  @Field(() => FuzzyDate, { nullable: true, description: 'The date the reports give the value as of (null for reports without one).' }) asOf!: unknown;
  @Field(() => [Figure], { description: 'Every report of the measure as of that date, each with its sources.' }) reports!: GraphNode[];
  @Field(() => FigureAgreement, { description: 'Whether the reports of that date agree.' }) agreement!: FigureAgreement;
}

@ObjectType({ description: 'One item of an entity\'s timeline.' })
export class TimelineEntry {
  @Field(() => String, { nullable: true, description: 'First day of the item\'s date (ISO), null when undated.' }) date!: string | null;
  @Field(() => NodeKind) kind!: NodeKind;
  @Field(() => [String], { description: 'How the entity takes part: participant, involved, speaker, subject, committed, concerned, holder, post.' }) roles!: string[];
  @Field(() => Fact) node!: GraphNode;
}

@ObjectType({ description: 'One step of a path: a relationship between two nodes and its evidence.' })
export class Hop {
  @Field(() => Node) from!: GraphNode;
  @Field(() => Node) to!: GraphNode;
  @Field(() => String, { description: 'Relationship type, read from its start node to its end node.' }) relationship!: string;
  @Field(() => Boolean, { description: 'True when the relationship points from `from` to `to`.' }) forward!: boolean;
  @Field(() => [Citation]) citations!: Citation[];
}

@ObjectType()
export class Path {
  @Field(() => Int) length!: number;
  @Field(() => [Node]) nodes!: GraphNode[];
  @Field(() => [Hop]) hops!: Hop[];
}

@ObjectType()
export class SearchHit {
  @Field(() => Float, { description: 'Higher is better: an exact name or alias match ranks above partial ones.' }) score!: number;
  @Field(() => Node) node!: GraphNode;
}

// ---- mutation results ----

@ObjectType({ description: 'An entity named in an ingested document and the graph entity it was matched to.' })
export class EntityMatch {
  @Field(() => String, { description: 'The name as the document gives it.' }) name!: string;
  @Field(() => ID) id!: string;
  @Field(() => Float, { description: 'How well the names matched (resolution score).' }) score!: number;
}

@ObjectType({ description: 'How many new facts of each kind a document added.' })
export class FactCounts {
  @Field(() => Int) posts!: number;
  @Field(() => Int) events!: number;
  @Field(() => Int) statements!: number;
  @Field(() => Int) commitments!: number;
  @Field(() => Int) figures!: number;
}

@ObjectType({ description: 'What ingesting one document did to the graph.' })
export class IngestResult {
  // document, newEntities, linkedEvents and repeatedCommitments are resolved from these ids (see IngestResultResolver)
  documentId!: string;
  newEntityIds!: string[];
  linkedEventIds!: string[];
  repeatedCommitmentIds!: string[];
  @Field(() => String) title!: string;
  @Field(() => Boolean, { description: 'False when the graph already held this document: nothing new was written for it.' }) newDocument!: boolean;
  @Field(() => [EntityMatch], { description: 'Names in the document matched to entities the graph already held.' }) linkedEntities!: EntityMatch[];
  @Field(() => [EntityMatch], {
    description: 'Names kept as new entities that may be the same as an existing one (POSSIBLY_SAME_AS): candidates for mergeEntities.',
  }) candidateMatches!: EntityMatch[];
  @Field(() => FactCounts, { description: 'New facts written.' }) facts!: FactCounts;
}

@ObjectType({ description: 'Two entities kept apart whose names look alike: for an editor to merge (mergeEntities) or leave apart.' })
export class PossibleDuplicate {
  @Field(() => Entity, { description: 'The entity a document added.' }) a!: GraphNode;
  @Field(() => Entity, { description: 'The entity it may be.' }) b!: GraphNode;
  @Field(() => Float, { description: 'How alike the names are, 0..1 (1 would have merged them).' }) score!: number;
  @Field(() => String, { description: 'Why they were kept apart: what tells the names apart.' }) evidence!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

type Class<T = object> = new (...args: never[]) => T;

/** Relay connection and edge types for one node type. */
export function connectionTypes(name: string, nodeType: Class) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: GraphNode;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => [nodeType]) nodes!: GraphNode[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType;
}

export const EventConnection = connectionTypes('Event', Event);
export const StatementConnection = connectionTypes('Statement', Statement);
export const CommitmentConnection = connectionTypes('Commitment', Commitment);
export const FigureConnection = connectionTypes('Figure', Figure);
export const DocumentConnection = connectionTypes('Document', Document);
export const PostConnection = connectionTypes('Post', Post);

@ObjectType({ description: 'A page of possible duplicates.' })
export class PossibleDuplicateConnection {
  @Field(() => [PossibleDuplicate]) nodes!: PossibleDuplicate[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
