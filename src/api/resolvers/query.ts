import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, InputType, Int, Query, Resolver } from 'type-graphql';
import { kindOfId, type EntityKind, type NodeKind as Kind } from '../../domain/model.js';
import type { ListName } from '../../graph/repository.js';
import type { GraphNode } from '../../graph/records.js';
import type { Context } from '../context.js';
import { badInput, dateArg, encodeCursor, notFoundArg, pageArgs } from '../errors.js';
import { foldName } from '../../domain/names.js';
import { roleAnswers, roleKey } from '../../domain/roles.js';
import { lookahead, selects } from '../lookahead.js';
import {
  Commitment, CommitmentConnection, DateOrder, Document, DocumentConnection, Event, EventConnection, Facility, Figure,
  FigureConnection, Node, NodeKind, Organization, Path, Person, Place, PossibleDuplicateConnection, Post, PostConnection, Program, SearchHit, Statement,
  StatementConnection, TimelineEntry,
} from '../types.js';

export const MAX_SEARCH = 50;
export const MAX_HOPS = 6;
export const MAX_PATHS = 10;
export const MAX_TIMELINE = 500;

@InputType({ description: 'Dates are YYYY, YYYY-MM or YYYY-MM-DD; a range keeps items whose date overlaps it.' })
class EventFilter {
  @Field(() => [String], { nullable: true, description: 'People (slug or id) who all took part.' }) participants?: string[];
  @Field(() => String, { nullable: true, description: 'A place (slug or id): held there or somewhere inside it.' }) place?: string;
  @Field(() => String, { nullable: true, description: 'An organization, place or program involved.' }) involves?: string;
  @Field(() => [String], { nullable: true, description: 'meeting, press-conference, session, publication, agreement...' }) kinds?: string[];
  @Field(() => String, { nullable: true }) from?: string;
  @Field(() => String, { nullable: true }) to?: string;
  @Field(() => String, { nullable: true, description: 'Words in the title (accents and case ignored).' }) text?: string;
  @Field(() => String, { nullable: true, description: 'A document (id or file name) that reports it.' }) document?: string;
}

@InputType()
class StatementFilter {
  @Field(() => String, { nullable: true, description: 'Speaker (slug or id).' }) speaker?: string;
  @Field(() => String, { nullable: true, description: 'An entity the statement is about, directly or through its figures and commitments.' }) about?: string;
  @Field(() => ID, { nullable: true }) event?: string;
  @Field(() => [String], { nullable: true }) kinds?: string[];
  @Field(() => String, { nullable: true }) from?: string;
  @Field(() => String, { nullable: true }) to?: string;
  @Field(() => String, { nullable: true, description: 'Words in the summary (accents and case ignored).' }) text?: string;
  @Field(() => String, { nullable: true }) document?: string;
}

@InputType()
class CommitmentFilter {
  @Field(() => String, { nullable: true, description: 'An entity concerned, or one containing what is concerned (a place contains its facilities).' }) concerning?: string;
  @Field(() => [String], { nullable: true, description: 'Derived statuses (Commitment.status): announced, repeated, overdue, in-progress, fulfilled, abandoned.' }) statuses?: string[];
  @Field(() => String, { nullable: true }) deadlineFrom?: string;
  @Field(() => String, { nullable: true }) deadlineTo?: string;
  @Field(() => String, { nullable: true, description: 'A person who made or repeated it.' }) madeBy?: string;
  @Field(() => String, { nullable: true }) text?: string;
  @Field(() => String, { nullable: true }) document?: string;
}

@InputType()
class FigureFilter {
  @Field(() => String, { nullable: true }) metric?: string;
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => String, { nullable: true, description: 'The entity measured, or one containing it.' }) subject?: string;
  @Field(() => String, { nullable: true }) text?: string;
  @Field(() => String, { nullable: true }) document?: string;
}

@InputType()
class DocumentFilter {
  @Field(() => String, { nullable: true }) publisher?: string;
  @Field(() => [String], { nullable: true, description: 'article, bulletin, external...' }) kinds?: string[];
  @Field(() => String, { nullable: true }) from?: string;
  @Field(() => String, { nullable: true }) to?: string;
  @Field(() => String, { nullable: true }) text?: string;
}

@InputType()
class PostFilter {
  @Field(() => String, { nullable: true }) person?: string;
  @Field(() => String, { nullable: true, description: 'The organization, or a body it contains.' }) organization?: string;
  @Field(() => String, { nullable: true }) jurisdiction?: string;
  @Field(() => String, { nullable: true, description: 'Posts held at some time in this date: a day, or any day of a month or year (unknown bounds count as open), as Person.posts(at:).' }) at?: string;
  @Field(() => String, { nullable: true, description: 'Words in the role.' }) text?: string;
}

function connection<T>(result: { nodes: T[]; total: number }, skip: number) {
  const edges = result.nodes.map((node, i) => ({ cursor: encodeCursor(skip + i), node }));
  return {
    edges,
    nodes: result.nodes,
    totalCount: result.total,
    pageInfo: {
      hasNextPage: skip + result.nodes.length < result.total,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Posts of one body held at one date that holders() reads: far more than any body has. */
const HOLDERS_SCAN = 10_000;

/** Accepts "event:2024-01-12-x" or just "2024-01-12-x" for an id argument of a known kind. */
function globalId(kind: Kind, id: string): string {
  return kindOfId(id) ? id : `${kind.toLowerCase()}:${id}`;
}

@Resolver()
export class QueryResolver {
  // ---- lookups ----
  @Query(() => Person, { nullable: true }) person(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.entity(ctx, info, 'Person', slug); }
  @Query(() => Organization, { nullable: true }) organization(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.entity(ctx, info, 'Organization', slug); }
  @Query(() => Place, { nullable: true }) place(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.entity(ctx, info, 'Place', slug); }
  @Query(() => Facility, { nullable: true }) facility(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.entity(ctx, info, 'Facility', slug); }
  @Query(() => Program, { nullable: true }) program(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.entity(ctx, info, 'Program', slug); }

  @Query(() => Event, { nullable: true }) event(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.byId(ctx, info, 'Event', id); }
  @Query(() => Statement, { nullable: true }) statement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.byId(ctx, info, 'Statement', id); }
  @Query(() => Commitment, { nullable: true }) commitment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.byId(ctx, info, 'Commitment', id); }
  @Query(() => Figure, { nullable: true }) figure(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.byId(ctx, info, 'Figure', id); }
  @Query(() => Post, { nullable: true }) post(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.byId(ctx, info, 'Post', id); }
  @Query(() => Document, { nullable: true, description: 'A document by id, or by the file name of a corpus document.' })
  document(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return this.byId(ctx, info, 'Document', id); }

  @Query(() => Node, { nullable: true, description: 'Any node by its global id.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) { return ctx.loaders.lookup({ id }, lookahead(info)); }

  // ---- search ----
  @Query(() => [SearchHit], { description: 'Entities and facts by name, alias, title or summary; accents, case and aliases ignored; best first.' })
  async search(
    @Arg('query', () => String) query: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('types', () => [NodeKind], { nullable: true }) types?: NodeKind[],
    @Arg('first', () => Int, { defaultValue: 10 }) first = 10,
  ) {
    if (!query.trim()) throw badInput('query', 'must not be empty');
    if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH) throw badInput('first', `must be from 1 to ${MAX_SEARCH}`);
    const hits = await ctx.repo.search(query, (types ?? []) as Kind[], first);
    await ctx.loaders.prefetch(hits.map((h) => h.node), lookahead(info));
    return hits;
  }

  // ---- lists ----
  @Query(() => EventConnection)
  events(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('filter', () => EventFilter, { nullable: true }) f?: EventFilter,
    @Arg('orderBy', () => DateOrder, { defaultValue: DateOrder.DATE_ASC }) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true }) first?: number, @Arg('after', () => String, { nullable: true }) after?: string) {
    return this.list(ctx, info, 'events', {
      participants: f?.participants ?? [], place: f?.place ?? null, involves: f?.involves ?? null, kinds: f?.kinds ?? [],
      from: dateArg('filter.from', f?.from, 'start'), to: dateArg('filter.to', f?.to, 'end'), text: f?.text ?? null, document: docRef(f?.document),
    }, orderBy, first, after);
  }

  @Query(() => StatementConnection)
  statements(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('filter', () => StatementFilter, { nullable: true }) f?: StatementFilter,
    @Arg('orderBy', () => DateOrder, { defaultValue: DateOrder.DATE_ASC }) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true }) first?: number, @Arg('after', () => String, { nullable: true }) after?: string) {
    return this.list(ctx, info, 'statements', {
      speaker: f?.speaker ?? null, about: f?.about ?? null, event: f?.event ? globalId('Event', f.event) : null, kinds: f?.kinds ?? [],
      from: dateArg('filter.from', f?.from, 'start'), to: dateArg('filter.to', f?.to, 'end'), text: f?.text ?? null, document: docRef(f?.document),
    }, orderBy, first, after);
  }

  @Query(() => CommitmentConnection)
  commitments(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('filter', () => CommitmentFilter, { nullable: true }) f?: CommitmentFilter,
    @Arg('orderBy', () => DateOrder, { defaultValue: DateOrder.DATE_ASC }) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true }) first?: number, @Arg('after', () => String, { nullable: true }) after?: string) {
    return this.list(ctx, info, 'commitments', {
      concerning: f?.concerning ?? null, statuses: f?.statuses ?? [], madeBy: f?.madeBy ?? null, today: new Date().toISOString().slice(0, 10),
      deadlineFrom: dateArg('filter.deadlineFrom', f?.deadlineFrom, 'start'), deadlineTo: dateArg('filter.deadlineTo', f?.deadlineTo, 'end'),
      text: f?.text ?? null, document: docRef(f?.document),
    }, orderBy, first, after);
  }

  @Query(() => FigureConnection)
  figures(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('filter', () => FigureFilter, { nullable: true }) f?: FigureFilter,
    @Arg('orderBy', () => DateOrder, { defaultValue: DateOrder.DATE_ASC }) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true }) first?: number, @Arg('after', () => String, { nullable: true }) after?: string) {
    return this.list(ctx, info, 'figures', {
      metric: f?.metric ?? null, unit: f?.unit ?? null, subject: f?.subject ?? null, text: f?.text ?? null, document: docRef(f?.document),
    }, orderBy, first, after);
  }

  @Query(() => DocumentConnection)
  documents(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('filter', () => DocumentFilter, { nullable: true }) f?: DocumentFilter,
    @Arg('orderBy', () => DateOrder, { defaultValue: DateOrder.DATE_ASC }) orderBy = DateOrder.DATE_ASC,
    @Arg('first', () => Int, { nullable: true }) first?: number, @Arg('after', () => String, { nullable: true }) after?: string) {
    return this.list(ctx, info, 'documents', {
      publisher: f?.publisher ?? null, kinds: f?.kinds ?? [], from: dateArg('filter.from', f?.from, 'start'), to: dateArg('filter.to', f?.to, 'end'), text: f?.text ?? null,
    }, orderBy, first, after);
  }

  @Query(() => PostConnection)
  posts(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('filter', () => PostFilter, { nullable: true }) f?: PostFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number, @Arg('after', () => String, { nullable: true }) after?: string) {
    const at = dateArg('filter.at', f?.at, 'start');
    const atEnd = dateArg('filter.at', f?.at, 'end');
    return this.list(ctx, info, 'posts', {
      person: f?.person ?? null, organization: f?.organization ?? null, jurisdiction: f?.jurisdiction ?? null, at, atEnd, text: f?.text ?? null,
    }, DateOrder.DATE_ASC, first, after);
  }

  @Query(() => [Post], {
    description: 'Who held a post at a date: the posts of that role (compared by its key: "directora general", "titular" and "director" are one; a role whose words are all in the other matches: "secretario de Educación" finds "Secretario de Educación Pública") in that body or territory (its slug, id, or exact name or alias), held at some time in `at`, with their citations. A post one person holds at a time ends where the next holder starts (inferred when no document says so: see `from`/`to`.inferred and .note).',
  })
  async holders(
    @Arg('role', () => String) role: string,
    @Arg('of', () => String, { description: 'The body or territory: slug, id, or exact name or alias.' }) of: string,
    @Arg('at', () => String, { description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }) at: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (!roleKey(role)) throw badInput('role', 'must name a post, e.g. "secretario de Salud"');
    const start = dateArg('at', at, 'start');
    const end = dateArg('at', at, 'end');
    const body = await this.body(ctx, of);
    const filters = { person: null, organization: body.kind === 'Organization' ? body.id : null, jurisdiction: body.kind === 'Place' ? body.id : null, at: start, atEnd: end, text: null };
    // one query: every post of the body held then (list-posts collects them all before it pages)
    const { nodes: posts } = await ctx.repo.list('posts', filters, { skip: 0, limit: HOLDERS_SCAN });
    const held = posts.filter((p) => roleAnswers(role, String(p.role ?? '')));
    await ctx.loaders.prefetch(held, lookahead(info));
    return held;
  }

  /** A body or territory named by slug, id, or exact name or alias: NOT_FOUND with the closest names, BAD_USER_INPUT when several match. */
  private async body(ctx: Context, ref: string): Promise<{ id: string; kind: string }> {
    const hits = await ctx.repo.search(ref, ['Organization', 'Place'] as Kind[], 10);
    const f = foldName(ref);
    const named = (n: GraphNode) => n.id === ref || n.slug === ref || [n.name, n.acronym, ...((n.aliases as string[] | undefined) ?? [])].some((x) => typeof x === 'string' && foldName(x) === f);
    const exact = [...new Map(hits.map((h) => h.node).filter(named).map((n) => [n.id, n])).values()];
    if (exact.length === 1) return { id: exact[0]!.id, kind: exact[0]!.__typename };
    if (exact.length > 1) throw badInput('of', `"${ref}" names ${exact.length} bodies or places: ${exact.map((n) => `${String(n.name)} (${n.id})`).join(', ')}; give one's id or slug`);
    const near = hits.slice(0, 5).map((h) => String(h.node.name));
    throw notFoundArg('of', `no organization or place is named "${ref}"${near.length ? `; closest: ${near.join(', ')}` : ''}`);
  }

  @Query(() => PossibleDuplicateConnection, { description: 'Entities kept apart whose names look alike (a qualifier, a number or another place tells them apart, or a spelling close but not the same), best score first: for an editor to merge or leave apart.' })
  async possibleDuplicates(
    @Ctx() ctx: Context,
    @Arg('kind', () => NodeKind, { nullable: true, description: 'Only entities of this kind (PERSON, ORGANIZATION, PLACE, FACILITY, PROGRAM).' }) kind?: NodeKind,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const k: string | null = kind ?? null;
    if (k && !['Person', 'Organization', 'Place', 'Facility', 'Program'].includes(k)) throw badInput('kind', 'must be an entity kind: PERSON, ORGANIZATION, PLACE, FACILITY or PROGRAM');
    const page = pageArgs(first, after);
    const r = await ctx.repo.possibleDuplicates(k as Kind | null, page);
    return connection({ nodes: r.pairs, total: r.total }, page.skip);
  }

  // ---- traversals ----
  @Query(() => [TimelineEntry], { description: 'Events, statements, commitments and posts of one entity, oldest first; undated items last.' })
  async timeline(
    @Arg('entity', () => String, { description: 'Slug or id.' }) entity: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('from', () => String, { nullable: true }) from?: string,
    @Arg('to', () => String, { nullable: true }) to?: string,
    @Arg('kinds', () => [NodeKind], { nullable: true, description: 'Only items of these kinds (Event, Statement, Commitment, Post).' }) kinds?: NodeKind[],
  ) {
    const rows = await ctx.repo.timeline(entity, dateArg('from', from, 'start'), dateArg('to', to, 'end'), (kinds ?? []) as Kind[], MAX_TIMELINE);
    await ctx.loaders.prefetch(rows.map((r) => r.node), lookahead(info));
    return rows.map((r) => ({ date: r.date, kind: r.node.__typename, roles: r.roles, node: r.node }));
  }

  @Query(() => [Path], { description: 'Shortest connections between two entities, each hop with its relationship and citations.' })
  async paths(
    @Arg('from', () => String, { description: 'Slug or id.' }) from: string,
    @Arg('to', () => String, { description: 'Slug or id.' }) to: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('maxHops', () => Int, { defaultValue: 4 }) maxHops = 4,
    @Arg('first', () => Int, { defaultValue: 5 }) first = 5,
  ) {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) throw badInput('maxHops', `must be from 1 to ${MAX_HOPS}`);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PATHS) throw badInput('first', `must be from 1 to ${MAX_PATHS}`);
    // cited hops: their passages come with the paths (one round trip instead of two)
    const passages = ctx.loaders.lookahead && (selects(info, ['hops', 'citations', 'document']) || selects(info, ['hops', 'citations', 'excerpt']));
    const paths = await ctx.repo.paths(from, to, maxHops, first, passages);
    await ctx.loaders.prefetch(paths.flatMap((p) => p.nodes), lookahead(info));
    return paths.map((p) => ({
      length: p.hops.length,
      nodes: p.nodes,
      hops: p.hops.map((h) => ({ from: h.from, to: h.to, relationship: h.type, forward: h.forward, citations: h.rel.citations })),
    }));
  }

  private async entity(ctx: Context, info: GraphQLResolveInfo, kind: EntityKind, slug: string): Promise<GraphNode | null> {
    return ctx.loaders.lookup({ slug, kind }, lookahead(info));
  }

  private async byId(ctx: Context, info: GraphQLResolveInfo, kind: Kind, id: string): Promise<GraphNode | null> {
    const node = await ctx.loaders.lookup({ id: globalId(kind, id) }, lookahead(info));
    return node && node.__typename === kind ? node : null;
  }

  private async list(ctx: Context, info: GraphQLResolveInfo, name: ListName, filters: Record<string, unknown>, order: DateOrder, first?: number, after?: string) {
    const page = pageArgs(first, after);
    const result = await ctx.repo.list(name, { ...filters, desc: order === DateOrder.DATE_DESC }, page);
    await ctx.loaders.prefetch(result.nodes, lookahead(info));
    return connection(result, page.skip);
  }
}

function docRef(ref: string | undefined): string | null {
  if (!ref) return null;
  return kindOfId(ref) ? ref : `document:${ref}`;
}
