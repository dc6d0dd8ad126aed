import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Info, InputType, Int, Query, Resolver } from 'type-graphql';
import { ENTITY_KINDS, kindOfId, type EntityKind, type NodeKind as Kind } from '../../domain/model.js';
import type { ListFilters, ListName } from '../../graph/list-filters.js';
import type { GraphNode } from '../../graph/records.js';
import type { Context } from '../context.js';
import { badInput, dateArg, notFoundArg as notFound } from '../errors.js';
import { connection, pageArgs } from '../pagination.js';
import { roleAnswers, roleKey } from '../../domain/roles.js';
import { lookahead, selects } from '../lookahead.js';
import { resolveRefs, type EntityRef } from '../refs.js';
import { searchTextProblem } from '../../graph/search.js';
import {
  Commitment,
  CommitmentConnection,
  CommitmentStatus,
  DateOrder,
  Document,
  DocumentConnection,
  EntityOrder,
  Event,
  EventConnection,
  EventKind,
  Facility,
  FacilityConnection,
  Figure,
  FigureConnection,
  Node,
  NodeKind,
  Organization,
  OrganizationConnection,
  Path,
  Person,
  PersonConnection,
  Place,
  PlaceConnection,
  PossibleDuplicateConnection,
  Post,
  PostConnection,
  Program,
  ProgramConnection,
  ReviewStatus,
  SearchHit,
  Statement,
  StatementConnection,
  StatementKind,
  TimelineEntry,
} from '../types.js';

const MAX_SEARCH = 50;
const MAX_HOPS = 6;
const MAX_PATHS = 10;
const MAX_TIMELINE = 500;

const FIRST_DESCRIPTION = 'Page size, at most 100 (default 20).';
const AFTER_DESCRIPTION = 'The cursor of the item after which the page starts (pageInfo.endCursor).';

/** Review statuses lists keep when the client names none: rejected facts are left out. */
const SHOWN_STATUSES = [ReviewStatus.EXTRACTED, ReviewStatus.CONFIRMED];
const REVIEW_DESCRIPTION = 'Only facts with these review statuses; default EXTRACTED and CONFIRMED (rejected facts are left out unless asked for).';

function reviewStatuses(argument: string, value: ReviewStatus[] | null | undefined): string[] {
  if (value && value.length === 0) throw badInput(argument, 'give at least one review status, or leave it out for EXTRACTED and CONFIRMED');
  return value ?? SHOWN_STATUSES;
}

@InputType({
  description:
    'Filters of the event list; all given must hold. Dates are YYYY, YYYY-MM or YYYY-MM-DD; a range keeps items whose date overlaps it. Entities are named by slug, id, or exact name or alias.',
})
class EventFilter {
  @Field(() => [String], { nullable: true, description: 'People who all took part.' }) participants?: string[];
  @Field(() => String, { nullable: true, description: 'A place or facility: held there or somewhere inside it.' }) place?: string;
  @Field(() => String, { nullable: true, description: 'An organization, place or program involved.' }) involves?: string;
  @Field(() => [EventKind], { nullable: true, description: 'Only events of these kinds.' }) kinds?: string[];
  @Field(() => String, { nullable: true, description: 'Dated on or after this date.' }) from?: string;
  @Field(() => String, { nullable: true, description: 'Dated on or before this date.' }) to?: string;
  @Field(() => String, { nullable: true, description: 'Words in the title (accents and case ignored).' }) text?: string;
  @Field(() => String, { nullable: true, description: 'A document (id or file name) that reports it.' }) document?: string;
  @Field(() => [ReviewStatus], { nullable: true, description: REVIEW_DESCRIPTION }) reviewStatuses?: ReviewStatus[];
}

@InputType({ description: 'Filters of the statement list; all given must hold. Entities are named by slug, id, or exact name or alias.' })
class StatementFilter {
  @Field(() => String, { nullable: true, description: 'The person who made it.' }) speaker?: string;
  @Field(() => String, { nullable: true, description: 'An entity the statement is about, directly or through its figures and commitments.' }) about?: string;
  @Field(() => ID, { nullable: true, description: 'The event it was made at (id).' }) event?: string;
  @Field(() => [StatementKind], { nullable: true, description: 'Only statements of these kinds.' }) kinds?: string[];
  @Field(() => String, { nullable: true, description: 'Dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).' }) from?: string;
  @Field(() => String, { nullable: true, description: 'Dated on or before this date.' }) to?: string;
  @Field(() => String, { nullable: true, description: 'Words in the summary (accents and case ignored).' }) text?: string;
  @Field(() => String, { nullable: true, description: 'A document (id or file name) that reports it.' }) document?: string;
  @Field(() => [ReviewStatus], { nullable: true, description: REVIEW_DESCRIPTION }) reviewStatuses?: ReviewStatus[];
}

@InputType({ description: 'Filters of the commitment list; all given must hold. Entities are named by slug, id, or exact name or alias.' })
class CommitmentFilter {
  @Field(() => String, { nullable: true, description: 'An entity concerned, or one containing what is concerned (a place contains its facilities).' }) concerning?: string;
  @Field(() => [CommitmentStatus], { nullable: true, description: 'Only commitments with one of these derived statuses (Commitment.status).' }) statuses?: string[];
  @Field(() => String, { nullable: true, description: 'Deadline on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).' }) deadlineFrom?: string;
  @Field(() => String, { nullable: true, description: 'Deadline on or before this date.' }) deadlineTo?: string;
  @Field(() => String, { nullable: true, description: 'A person who made or repeated it.' }) madeBy?: string;
  @Field(() => String, { nullable: true, description: 'Words in the summary (accents and case ignored).' }) text?: string;
  @Field(() => String, { nullable: true, description: 'A document (id or file name) that reports it.' }) document?: string;
  @Field(() => [ReviewStatus], { nullable: true, description: REVIEW_DESCRIPTION }) reviewStatuses?: ReviewStatus[];
}

@InputType({ description: 'Filters of the figure list; all given must hold.' })
class FigureFilter {
  @Field(() => String, { nullable: true, description: "The measure's key (Figure.metric)." }) metric?: string;
  @Field(() => String, { nullable: true, description: 'The unit (Figure.unit): MXN, percent, people...' }) unit?: string;
  @Field(() => String, { nullable: true, description: 'The entity measured, or one containing it (slug, id, or exact name or alias).' }) subject?: string;
  @Field(() => String, { nullable: true, description: 'Words in the label or metric (accents and case ignored).' }) text?: string;
  @Field(() => String, { nullable: true, description: 'A document (id or file name) that reports it.' }) document?: string;
  @Field(() => [ReviewStatus], { nullable: true, description: REVIEW_DESCRIPTION }) reviewStatuses?: ReviewStatus[];
}

@InputType({ description: 'Filters of the document list; all given must hold.' })
class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'The publisher, as the document gives it.' }) publisher?: string;
  @Field(() => [String], { nullable: true, description: 'article, bulletin, external...' }) kinds?: string[];
  @Field(() => String, { nullable: true, description: 'Published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).' }) from?: string;
  @Field(() => String, { nullable: true, description: 'Published on or before this date.' }) to?: string;
  @Field(() => String, { nullable: true, description: 'Words in the title (accents and case ignored).' }) text?: string;
}

@InputType({ description: 'Filters of the post list; all given must hold. Entities are named by slug, id, or exact name or alias.' })
class PostFilter {
  @Field(() => String, { nullable: true, description: 'The person who holds or held it.' }) person?: string;
  @Field(() => String, { nullable: true, description: 'The organization, or a body it contains.' }) organization?: string;
  @Field(() => String, { nullable: true, description: 'The territory the post governs.' }) jurisdiction?: string;
  @Field(() => String, { nullable: true, description: 'Posts held at some time in this date: a day, or any day of a month or year (unknown bounds count as open), as Person.posts(at:).' }) at?: string;
  @Field(() => String, { nullable: true, description: 'Words in the role.' }) text?: string;
  @Field(() => [ReviewStatus], { nullable: true, description: REVIEW_DESCRIPTION }) reviewStatuses?: ReviewStatus[];
}

@InputType({ description: 'Filters of a list of entities; all given must hold.' })
class EntityFilter {
  @Field(() => String, { nullable: true, description: 'Words in the name or an alias (accents and case ignored).' }) text?: string;
  @Field(() => [String], { nullable: true, description: 'Only these categories (the `kind` of organizations, places and facilities: state, municipality, hospital...).' }) kinds?: string[];
  @Field(() => String, {
    nullable: true,
    description:
      'An entity they belong to (slug, id, or exact name or alias): people holding a post in it or in a body inside it; bodies, places and facilities inside it or operated by it; programs run by it.',
  })
  within?: string;
  @Field(() => String, { nullable: true, description: 'A document (id or file name) that names them.' }) document?: string;
}

@ArgsType()
class EntityListArgs {
  @Field(() => EntityFilter, { nullable: true, description: 'What the entities must match.' }) filter?: EntityFilter;
  @Field(() => EntityOrder, { defaultValue: EntityOrder.NAME_ASC, description: 'By name (default) or by mentions.' }) orderBy: EntityOrder = EntityOrder.NAME_ASC;
  @Field(() => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number;
  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string;
}

/** Posts of one body held at one date that holders() reads: far more than any body has. */
const HOLDERS_SCAN = 10_000;

/** Accepts "event:2024-01-12-x" or just "2024-01-12-x" for an id argument of a known kind. */
function globalId(kind: Kind, id: string): string {
  return kindOfId(id) ? id : `${kind.toLowerCase()}:${id}`;
}

/** An entity argument of a list filter: which filter key it fills (and which item of a list filter). */
interface FilterRef extends EntityRef {
  key: string;
  index?: number;
}

function filterRef(key: string, value: string | null | undefined, kinds: readonly EntityKind[]): FilterRef[] {
  return value ? [{ key, argument: `filter.${key}`, ref: value, kinds }] : [];
}

/** Root lists are nullable so that one failing field of a request leaves the others' answers. */
const ERROR_NULL = 'Null only with an error: a bad argument, or a name that matches no entity (NOT_FOUND, with the closest names) or several (BAD_USER_INPUT).';

const ORDER_ARG = { defaultValue: DateOrder.DATE_ASC, description: 'Oldest first (default) or newest first.' };
const ENTITY_ARG = 'Its slug, id, or exact name or alias (accents and case ignored); an id or slug of an entity merged into another leads to that one (redirectedFrom says so).';

@Resolver()
export class QueryResolver {
  // ---- lookups ----
  @Query(() => Person, { nullable: true, description: 'A person. A name that matches nothing is a NOT_FOUND error with the closest names; one that matches several, BAD_USER_INPUT listing them.' })
  person(@Arg('slug', () => String, { description: ENTITY_ARG }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entity(ctx, info, 'Person', slug);
  }
  @Query(() => Organization, { nullable: true, description: 'An organization, as `person` finds a person.' })
  organization(@Arg('slug', () => String, { description: ENTITY_ARG }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entity(ctx, info, 'Organization', slug);
  }
  @Query(() => Place, { nullable: true, description: 'A place, as `person` finds a person.' })
  place(@Arg('slug', () => String, { description: ENTITY_ARG }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entity(ctx, info, 'Place', slug);
  }
  @Query(() => Facility, { nullable: true, description: 'A facility, as `person` finds a person.' })
  facility(@Arg('slug', () => String, { description: ENTITY_ARG }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entity(ctx, info, 'Facility', slug);
  }
  @Query(() => Program, { nullable: true, description: 'A program, as `person` finds a person.' })
  program(@Arg('slug', () => String, { description: ENTITY_ARG }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entity(ctx, info, 'Program', slug);
  }

  @Query(() => Event, { nullable: true, description: 'An event by id (with or without its "event:" prefix); an id that names no event is a NOT_FOUND error.' })
  event(@Arg('id', () => ID, { description: 'Global id, or its key alone.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.byId(ctx, info, 'Event', id);
  }
  @Query(() => Statement, { nullable: true, description: 'A statement by id, as `event`.' })
  statement(@Arg('id', () => ID, { description: 'Global id, or its key alone.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.byId(ctx, info, 'Statement', id);
  }
  @Query(() => Commitment, { nullable: true, description: 'A commitment by id, as `event`.' })
  commitment(@Arg('id', () => ID, { description: 'Global id, or its key alone.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.byId(ctx, info, 'Commitment', id);
  }
  @Query(() => Figure, { nullable: true, description: 'A figure by id, as `event`.' })
  figure(@Arg('id', () => ID, { description: 'Global id, or its key alone.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.byId(ctx, info, 'Figure', id);
  }
  @Query(() => Post, { nullable: true, description: 'A post by id, as `event`.' })
  post(@Arg('id', () => ID, { description: 'Global id, or its key alone.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.byId(ctx, info, 'Post', id);
  }
  @Query(() => Document, { nullable: true, description: 'A document by id, or by the file name of a corpus document; NOT_FOUND when none has it.' })
  document(@Arg('id', () => ID, { description: 'Global id, its key alone, or a file name.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.byId(ctx, info, 'Document', id);
  }

  @Query(() => Node, { nullable: true, description: 'Any node by its global id; NOT_FOUND when none has it. The id of an entity merged into another leads to that one.' })
  async node(@Arg('id', () => ID, { description: 'Global id: <kind>:<key>.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const found = await ctx.loaders.lookup({ id }, lookahead(info));
    if (found) return found;
    const kind = kindOfId(id);
    if (kind && (ENTITY_KINDS as readonly string[]).includes(kind)) return this.resolvedEntity(ctx, info, kind as EntityKind, id, 'id');
    throw notFound('id', `no node has the id "${id}"`);
  }

  // ---- search ----
  @Query(() => [SearchHit], {
    description:
      'People, organizations, places, facilities and programs by name or alias, and events, statements, commitments and documents by title or summary; accents and case ignored; best first.',
  })
  async search(
    @Arg('query', () => String, { description: 'Words to look for.' }) query: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('types', () => [NodeKind], { nullable: true, description: 'Only nodes of these kinds (default: all searched kinds; posts and figures are not searched).' }) types?: NodeKind[],
    @Arg('first', () => Int, { defaultValue: 10, description: `How many hits, at most ${MAX_SEARCH}.` }) first = 10,
  ) {
    if (!query.trim()) throw badInput('query', 'must not be empty');
    const problem = searchTextProblem(query);
    if (problem) throw badInput('query', problem);
    if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH) throw badInput('first', `must be from 1 to ${MAX_SEARCH}`);
    const projection = lookahead(info);
    // the candidates are read with their properties only: what is below them is read for the
    // `first` kept after the re-rank, not for every candidate
    const hits = await ctx.repo.search(query, (types ?? []) as Kind[], first, ctx.loaders.listing(projection)?.props ?? null);
    await ctx.loaders.prefetch(
      hits.map((h) => h.node),
      projection,
    );
    return hits;
  }

  // ---- lists of entities ----
  @Query(() => PersonConnection, { nullable: true, description: 'People, by name (default) or by how many documents name them. ' + ERROR_NULL })
  people(@Args(() => EntityListArgs) a: EntityListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entities(ctx, info, 'Person', a);
  }

  @Query(() => OrganizationConnection, { nullable: true, description: 'Organizations, as `people` lists people. ' + ERROR_NULL })
  organizations(@Args(() => EntityListArgs) a: EntityListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entities(ctx, info, 'Organization', a);
  }

  @Query(() => PlaceConnection, { nullable: true, description: 'Places, as `people` lists people. ' + ERROR_NULL })
  places(@Args(() => EntityListArgs) a: EntityListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entities(ctx, info, 'Place', a);
  }

  @Query(() => FacilityConnection, { nullable: true, description: 'Facilities, as `people` lists people. ' + ERROR_NULL })
  facilities(@Args(() => EntityListArgs) a: EntityListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entities(ctx, info, 'Facility', a);
  }

  @Query(() => ProgramConnection, { nullable: true, description: 'Programs, as `people` lists people. ' + ERROR_NULL })
  programs(@Args(() => EntityListArgs) a: EntityListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return this.entities(ctx, info, 'Program', a);
  }

  // ---- lists of facts ----
  @Query(() => EventConnection, { nullable: true, description: 'Events, oldest first by default. ' + ERROR_NULL })
  events(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'What the events must match.' }) f?: EventFilter,
    @Arg('orderBy', () => DateOrder, ORDER_ARG) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string,
  ) {
    const refs: FilterRef[] = [
      ...(f?.participants ?? []).map((ref, index) => ({ key: 'participants', index, argument: `filter.participants[${index}]`, ref, kinds: ['Person'] as EntityKind[] })),
      ...filterRef('place', f?.place, ['Place', 'Facility']),
      ...filterRef('involves', f?.involves, ENTITY_KINDS),
    ];
    return this.list(
      ctx,
      info,
      'events',
      {
        participants: f?.participants ?? [],
        place: f?.place ?? null,
        involves: f?.involves ?? null,
        kinds: f?.kinds ?? [],
        from: dateArg('filter.from', f?.from, 'start'),
        to: dateArg('filter.to', f?.to, 'end'),
        text: f?.text ?? null,
        document: docRef(f?.document),
        reviewStatuses: reviewStatuses('filter.reviewStatuses', f?.reviewStatuses),
      },
      refs,
      orderBy,
      first,
      after,
    );
  }

  @Query(() => StatementConnection, { nullable: true, description: 'Statements, oldest first by default. ' + ERROR_NULL })
  statements(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => StatementFilter, { nullable: true, description: 'What the statements must match.' }) f?: StatementFilter,
    @Arg('orderBy', () => DateOrder, ORDER_ARG) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string,
  ) {
    return this.list(
      ctx,
      info,
      'statements',
      {
        speaker: f?.speaker ?? null,
        about: f?.about ?? null,
        event: f?.event ? globalId('Event', f.event) : null,
        kinds: f?.kinds ?? [],
        from: dateArg('filter.from', f?.from, 'start'),
        to: dateArg('filter.to', f?.to, 'end'),
        text: f?.text ?? null,
        document: docRef(f?.document),
        reviewStatuses: reviewStatuses('filter.reviewStatuses', f?.reviewStatuses),
      },
      [...filterRef('speaker', f?.speaker, ['Person']), ...filterRef('about', f?.about, ENTITY_KINDS)],
      orderBy,
      first,
      after,
    );
  }

  @Query(() => CommitmentConnection, { nullable: true, description: 'Commitments, by deadline (else start date), soonest first by default. ' + ERROR_NULL })
  commitments(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => CommitmentFilter, { nullable: true, description: 'What the commitments must match.' }) f?: CommitmentFilter,
    @Arg('orderBy', () => DateOrder, ORDER_ARG) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string,
  ) {
    return this.list(
      ctx,
      info,
      'commitments',
      {
        concerning: f?.concerning ?? null,
        statuses: f?.statuses ?? [],
        madeBy: f?.madeBy ?? null,
        today: new Date().toISOString().slice(0, 10),
        deadlineFrom: dateArg('filter.deadlineFrom', f?.deadlineFrom, 'start'),
        deadlineTo: dateArg('filter.deadlineTo', f?.deadlineTo, 'end'),
        text: f?.text ?? null,
        document: docRef(f?.document),
        reviewStatuses: reviewStatuses('filter.reviewStatuses', f?.reviewStatuses),
      },
      [...filterRef('concerning', f?.concerning, ENTITY_KINDS), ...filterRef('madeBy', f?.madeBy, ['Person'])],
      orderBy,
      first,
      after,
    );
  }

  @Query(() => FigureConnection, { nullable: true, description: 'Figures, by the date they are given as of, oldest first by default. ' + ERROR_NULL })
  figures(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => FigureFilter, { nullable: true, description: 'What the figures must match.' }) f?: FigureFilter,
    @Arg('orderBy', () => DateOrder, ORDER_ARG) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string,
  ) {
    return this.list(
      ctx,
      info,
      'figures',
      {
        metric: f?.metric ?? null,
        unit: f?.unit ?? null,
        subject: f?.subject ?? null,
        text: f?.text ?? null,
        document: docRef(f?.document),
        reviewStatuses: reviewStatuses('filter.reviewStatuses', f?.reviewStatuses),
      },
      filterRef('subject', f?.subject, ENTITY_KINDS),
      orderBy,
      first,
      after,
    );
  }

  @Query(() => DocumentConnection, { nullable: true, description: 'Documents, by publication date, oldest first by default. ' + ERROR_NULL })
  documents(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => DocumentFilter, { nullable: true, description: 'What the documents must match.' }) f?: DocumentFilter,
    @Arg('orderBy', () => DateOrder, ORDER_ARG) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string,
  ) {
    return this.list(
      ctx,
      info,
      'documents',
      {
        publisher: f?.publisher ?? null,
        kinds: f?.kinds ?? [],
        from: dateArg('filter.from', f?.from, 'start'),
        to: dateArg('filter.to', f?.to, 'end'),
        text: f?.text ?? null,
      },
      [],
      orderBy,
      first,
      after,
    );
  }

  @Query(() => PostConnection, { nullable: true, description: "Posts, by holder's name, then start date. " + ERROR_NULL })
  posts(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PostFilter, { nullable: true, description: 'What the posts must match.' }) f?: PostFilter,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string,
  ) {
    const at = dateArg('filter.at', f?.at, 'start');
    const atEnd = dateArg('filter.at', f?.at, 'end');
    return this.list(
      ctx,
      info,
      'posts',
      {
        person: f?.person ?? null,
        organization: f?.organization ?? null,
        jurisdiction: f?.jurisdiction ?? null,
        at,
        atEnd,
        text: f?.text ?? null,
        reviewStatuses: reviewStatuses('filter.reviewStatuses', f?.reviewStatuses),
      },
      [...filterRef('person', f?.person, ['Person']), ...filterRef('organization', f?.organization, ['Organization']), ...filterRef('jurisdiction', f?.jurisdiction, ['Place'])],
      DateOrder.DATE_ASC,
      first,
      after,
    );
  }

  @Query(() => [Post], {
    nullable: true,
    description:
      'Who held a post at a date: the posts of that role (compared by its key: "directora general", "titular" and "director" are one; a role whose words are all in the other matches: "secretario de Educación" finds "Secretario de Educación Pública") in that body or territory, held at some time in `at`, with their citations. A post one person holds at a time ends where the next holder starts (inferred when no document says so: see `from`/`to`.inferred and .note). Rejected posts are left out. ' +
      ERROR_NULL,
  })
  async holders(
    @Arg('role', () => String, { description: 'The post, e.g. "secretario de Salud".' }) role: string,
    @Arg('of', () => String, { description: `The body or territory. ${ENTITY_ARG}` }) of: string,
    @Arg('at', () => String, { description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }) at: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (!roleKey(role)) throw badInput('role', 'must name a post, e.g. "secretario de Salud"');
    const start = dateArg('at', at, 'start');
    const end = dateArg('at', at, 'end');
    const [body] = await resolveRefs(ctx.repo, [{ argument: 'of', ref: of, kinds: ['Organization', 'Place'] }]);
    const filters = {
      person: null,
      organization: body!.kind === 'Organization' ? body!.id : null,
      jurisdiction: body!.kind === 'Place' ? body!.id : null,
      at: start,
      atEnd: end,
      text: null,
      reviewStatuses: SHOWN_STATUSES,
    };
    // one query: every post of the body held then (list-posts collects them all before it pages)
    const { nodes: posts } = await ctx.repo.list('posts', filters, { skip: 0, limit: HOLDERS_SCAN });
    const held = posts.filter((p) => roleAnswers(role, String(p.role ?? '')));
    await ctx.loaders.prefetch(held, lookahead(info));
    return held;
  }

  @Query(() => PossibleDuplicateConnection, {
    description:
      'Entities kept apart whose names look alike (a qualifier, a number or another place tells them apart, or a spelling close but not the same), best score first: for an editor to merge or leave apart.',
  })
  async possibleDuplicates(
    @Ctx() ctx: Context,
    @Arg('kind', () => NodeKind, { nullable: true, description: 'Only entities of this kind (PERSON, ORGANIZATION, PLACE, FACILITY, PROGRAM).' }) kind?: NodeKind,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string,
  ) {
    const k: string | null = kind ?? null;
    if (k && !(ENTITY_KINDS as readonly string[]).includes(k)) throw badInput('kind', 'must be an entity kind: PERSON, ORGANIZATION, PLACE, FACILITY or PROGRAM');
    const page = pageArgs(first, after);
    const r = await ctx.repo.possibleDuplicates(k as Kind | null, page);
    return connection({ nodes: r.pairs, total: r.total }, page.skip);
  }

  // ---- traversals ----
  @Query(() => [TimelineEntry], { nullable: true, description: 'Events, statements, commitments and posts of one entity, oldest first; undated items last. ' + ERROR_NULL })
  async timeline(
    @Arg('entity', () => String, { description: ENTITY_ARG }) entity: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('from', () => String, { nullable: true, description: 'Items dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated items are kept.' }) from?: string,
    @Arg('to', () => String, { nullable: true, description: 'Items dated on or before this date.' }) to?: string,
    @Arg('kinds', () => [NodeKind], { nullable: true, description: 'Only items of these kinds (EVENT, STATEMENT, COMMITMENT, POST).' }) kinds?: NodeKind[],
    @Arg('reviewStatuses', () => [ReviewStatus], { nullable: true, description: REVIEW_DESCRIPTION }) review?: ReviewStatus[],
  ) {
    const window = [dateArg('from', from, 'start'), dateArg('to', to, 'end')] as const;
    const statuses = reviewStatuses('reviewStatuses', review);
    const projection = lookahead(info);
    const run = (ref: string) => ctx.repo.timeline(ref, window[0], window[1], (kinds ?? []) as Kind[], statuses, MAX_TIMELINE, ctx.loaders.listing(projection));
    let listed = await run(entity);
    if (!listed.items.length) {
      const [r] = await resolveRefs(ctx.repo, [{ argument: 'entity', ref: entity, kinds: ENTITY_KINDS }]);
      if (r!.how !== 'key') listed = await run(r!.id);
    }
    await ctx.loaders.prefetch(
      listed.items.map((r) => r.node),
      projection,
      listed.below,
    );
    return listed.items.map((r) => ({ date: r.date, kind: r.node.__typename, roles: r.roles, node: r.node }));
  }

  @Query(() => [Path], {
    nullable: true,
    description:
      'Shortest connections between two entities, each hop with its relationship and citations; never through a rejected fact. An empty list means the two are not connected within maxHops. ' +
      ERROR_NULL,
  })
  async paths(
    @Arg('from', () => String, { description: ENTITY_ARG }) from: string,
    @Arg('to', () => String, { description: ENTITY_ARG }) to: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('maxHops', () => Int, { defaultValue: 4, description: `Longest path, in hops, at most ${MAX_HOPS}.` }) maxHops = 4,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many paths, at most ${MAX_PATHS}.` }) first = 5,
  ) {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) throw badInput('maxHops', `must be from 1 to ${MAX_HOPS}`);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PATHS) throw badInput('first', `must be from 1 to ${MAX_PATHS}`);
    // cited hops: their passages come with the paths (one round trip instead of two)
    const passages = ctx.loaders.lookahead && (selects(info, ['hops', 'citations', 'document']) || selects(info, ['hops', 'citations', 'excerpt']));
    const projection = lookahead(info);
    const run = (a: string, b: string) => ctx.repo.paths(a, b, maxHops, first, passages, ctx.loaders.listing(projection));
    let listed = await run(from, to);
    if (!listed.items.length) {
      const [a, b] = await resolveRefs(ctx.repo, [
        { argument: 'from', ref: from, kinds: ENTITY_KINDS },
        { argument: 'to', ref: to, kinds: ENTITY_KINDS },
      ]);
      if (a!.how !== 'key' || b!.how !== 'key') listed = await run(a!.id, b!.id);
    }
    const paths = listed.items;
    await ctx.loaders.prefetch(
      paths.flatMap((p) => p.nodes),
      projection,
      listed.below,
    );
    return paths.map((p) => ({
      length: p.hops.length,
      nodes: p.nodes,
      hops: p.hops.map((h) => ({ from: h.from, to: h.to, relationship: h.type, forward: h.forward, citations: h.rel.citations })),
    }));
  }

  /**
   * An entity lookup: by slug first (one query with everything the request selects below it), else
   * by what the text names (id, redirect, name or alias), else the NOT_FOUND or ambiguity error.
   */
  private async entity(ctx: Context, info: GraphQLResolveInfo, kind: EntityKind, ref: string): Promise<GraphNode> {
    return (await ctx.loaders.lookup({ slug: ref, kind }, lookahead(info))) ?? this.resolvedEntity(ctx, info, kind, ref, 'slug');
  }

  /** An entity by what the text names (id, redirect, name or alias), with the request's projection; else the argument's error. */
  private async resolvedEntity(ctx: Context, info: GraphQLResolveInfo, kind: EntityKind, ref: string, argument: string): Promise<GraphNode> {
    const [r] = await resolveRefs(ctx.repo, [{ argument, ref, kinds: [kind] }]);
    const node = await ctx.loaders.lookup({ id: r!.id }, lookahead(info));
    if (!node) throw notFound(argument, `"${ref}" was removed while it was read; retry`);
    if (r!.how === 'redirect') node.redirectedFrom = ref;
    return node;
  }

  private async byId(ctx: Context, info: GraphQLResolveInfo, kind: Kind, id: string): Promise<GraphNode> {
    const node = await ctx.loaders.lookup({ id: globalId(kind, id) }, lookahead(info));
    if (node && node.__typename === kind) return node;
    if (node) throw badInput('id', `"${id}" is ${/^[AEIOU]/.test(node.__typename) ? 'an' : 'a'} ${node.__typename}, not ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`);
    throw notFound('id', `no ${kind.toLowerCase()} has the id "${id}"`);
  }

  /** Node filters (a document, an event) of an empty page: NOT_FOUND when one names nothing. */
  private async mustExist(ctx: Context, args: [string, unknown][]): Promise<void> {
    const given = args.filter((a): a is [string, string] => typeof a[1] === 'string');
    if (!given.length) return;
    const found = await ctx.loaders.node.loadMany(given.map(([, id]) => id));
    given.forEach(([argument, id], i) => {
      const node = found[i];
      if (!node || node instanceof Error) throw notFound(argument, `no ${argument === 'filter.event' ? 'event' : 'document'} has the id "${id.replace(/^document:/, '')}"`);
    });
  }

  private async entities(ctx: Context, info: GraphQLResolveInfo, kind: EntityKind, { filter: f, orderBy: order, first, after }: EntityListArgs) {
    if (f?.kinds?.length && (kind === 'Person' || kind === 'Program')) throw badInput('filter.kinds', `${kind === 'Person' ? 'people' : 'programs'} have no kind`);
    const page = pageArgs(first, after);
    // `within` names an entity: resolved first, so a typo is an error and not an empty page
    const [within] = f?.within ? await resolveRefs(ctx.repo, [{ argument: 'filter.within', ref: f.within, kinds: ENTITY_KINDS }]) : [];
    const projection = lookahead(info);
    const result = await ctx.repo.list(
      'entities',
      {
        kind,
        text: f?.text ?? null,
        categories: f?.kinds ?? [],
        within: within?.id ?? null,
        document: docRef(f?.document),
        order,
      },
      page,
      ctx.loaders.listing(projection),
    );
    if (result.total === 0) await this.mustExist(ctx, [['filter.document', docRef(f?.document)]]);
    await ctx.loaders.prefetch(result.nodes, projection, result.below);
    return connection(result, page.skip);
  }

  /**
   * A filtered list. Entity filters are matched by slug or id in the list query itself; only when
   * the page comes back empty are they looked up (one more query): a name, an alias or a merged
   * entity's id is then replaced by the entity's id and the list read again, and a text that names
   * nothing is a NOT_FOUND error rather than an empty page.
   */
  private async list<N extends ListName>(ctx: Context, info: GraphQLResolveInfo, name: N, filters: ListFilters[N], refs: FilterRef[], order: DateOrder, first?: number, after?: string) {
    const page = pageArgs(first, after);
    const projection = lookahead(info);
    const read = (f: ListFilters[N]) => ctx.repo.list(name, { ...f, desc: order === DateOrder.DATE_DESC }, page, ctx.loaders.listing(projection));
    let result = await read(filters);
    const given = filters as Partial<Record<string, unknown>>;
    if (result.total === 0)
      await this.mustExist(ctx, [
        ['filter.document', given.document],
        ['filter.event', given.event],
      ]);
    if (result.total === 0 && refs.length) {
      const resolved = await resolveRefs(ctx.repo, refs);
      if (resolved.some((r) => r.how !== 'key')) {
        const again: Record<string, unknown> = { ...filters };
        refs.forEach((r, i) => {
          const id = resolved[i]!.id;
          if (r.index === undefined) again[r.key] = id;
          else again[r.key] = (again[r.key] as string[]).map((v, j) => (j === r.index ? id : v));
        });
        result = await read(again as ListFilters[N]);
      }
    }
    await ctx.loaders.prefetch(result.nodes, projection, result.below);
    return connection(result, page.skip);
  }
}

function docRef(ref: string | undefined): string | null {
  if (!ref) return null;
  return kindOfId(ref) ? ref : `document:${ref}`;
}
