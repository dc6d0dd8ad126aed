import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { parseCitationKey, citationKey, type Citation as CitationValue } from '../../domain/citation.js';
import { commitmentStatus } from '../../domain/commitments.js';
import { agreement } from '../../domain/figures.js';
import { ENTITY_KINDS, FACT_KINDS } from '../../domain/model.js';
import type { ResolvedCitation, StatusFacts, Window } from '../../graph/projection.js';
import type { Edge, GraphNode } from '../../graph/records.js';
import type { Context } from '../context.js';
import { badInput, dateArg } from '../errors.js';
import { RELATIONS, SOURCES, windowOf, type Relation } from '../relations.js';
import {
  Citation,
  Commitment,
  CommitmentStatement,
  CommitmentStatus,
  DateOrder,
  Document,
  Entity,
  Event,
  Facility,
  Fact,
  Figure,
  FigureAgreement,
  FigureSeriesEntry,
  Involvement,
  NodeKind,
  Organization,
  Participant,
  Person,
  Place,
  Post,
  Program,
  Statement,
  StatementCommitment,
} from '../types.js';

// Field resolvers: each walks one relationship (relations.ts) from what the request fetched ahead
// (lookahead.ts), or else through a batch loader (one query per level).

const isFact = (kind: string) => (FACT_KINDS as readonly string[]).includes(kind);
const walk = (ctx: Context, n: GraphNode, rel: Relation, window: Window | null = null) => ctx.loaders.follow(n, rel, window);
const nodes = (edges: Edge[]) => edges.map((e) => e.node);
const first = (edges: Edge[]) => edges[0]?.node ?? null;
const byDate = (a: GraphNode, b: GraphNode) =>
  String((a.date as { start?: string } | null)?.start ?? '9999').localeCompare(String((b.date as { start?: string } | null)?.start ?? '9999')) || a.id.localeCompare(b.id);
const sources = async (ctx: Context, n: GraphNode) => nodes(await walk(ctx, n, SOURCES));

/** Does a post's interval contain a day? Unknown bounds are open. */
function postCovers(post: GraphNode, day: { start: string; end: string }): boolean {
  const from = post.from as { start: string } | null;
  const to = post.to as { end: string } | null;
  return (!from || from.start <= day.end) && (!to || to.end >= day.start);
}

/** A citation's document and passage: as fetched ahead with its node, or through the batch loader. */
async function passage(c: ResolvedCitation, ctx: Context) {
  return c.resolved ?? (await ctx.loaders.citedPassage.load(citationKey(c)));
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Document, { description: 'The document the passage is in.' })
  async document(@Root() c: ResolvedCitation, @Ctx() ctx: Context) {
    return (await passage(c, ctx))?.document ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The cited passage, read from the document text; null when the graph holds no text for it (outside sources).' })
  async excerpt(@Root() c: ResolvedCitation, @Ctx() ctx: Context) {
    return (await passage(c, ctx))?.excerpt ?? null;
  }
}

/** A window over a person's dated items (relations.ts windowOf). */
@ArgsType()
class WindowArgs {
  @Field(() => String, { nullable: true, description: 'Only items dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated items are kept.' }) from?: string;
  @Field(() => String, { nullable: true, description: 'Only items dated on or before this date; undated items are kept.' }) to?: string;
  @Field(() => DateOrder, { defaultValue: DateOrder.DATE_ASC, description: 'Oldest first (default) or newest first; undated items last either way.' }) orderBy: DateOrder = DateOrder.DATE_ASC;
  @Field(() => Int, { nullable: true, description: 'How many items, at most 500 (default: all).' }) first?: number;
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Post], { description: 'Posts held, optionally only those covering a date (YYYY, YYYY-MM or YYYY-MM-DD).' })
  async posts(
    @Root() p: GraphNode,
    @Ctx() ctx: Context,
    @Arg('at', () => String, { nullable: true, description: 'Only posts held at some time in this date: a day, or any day of a month or year (unknown bounds count as open).' }) at?: string,
  ) {
    const start = dateArg('at', at, 'start');
    const end = dateArg('at', at, 'end');
    const posts = nodes(await walk(ctx, p, RELATIONS.Person.posts));
    return start && end ? posts.filter((post) => postCovers(post, { start, end })) : posts;
  }

  @FieldResolver(() => [Event], { description: 'Events the person took part in, overlapping [from, to]; oldest first (orderBy DATE_DESC: newest first), undated last; the first `first` of them.' })
  async events(@Root() p: GraphNode, @Ctx() ctx: Context, @Args(() => WindowArgs) w: WindowArgs) {
    return nodes(await walk(ctx, p, RELATIONS.Person.events, windowOf(w)));
  }

  @FieldResolver(() => [Statement], { description: 'Statements the person made, overlapping [from, to]; oldest first (orderBy DATE_DESC: newest first), undated last; the first `first` of them.' })
  async statements(@Root() p: GraphNode, @Ctx() ctx: Context, @Args(() => WindowArgs) w: WindowArgs) {
    return nodes(await walk(ctx, p, RELATIONS.Person.statements, windowOf(w)));
  }

  @FieldResolver(() => [Commitment], { description: 'Commitments the person made, repeated or reported on, through their statements.' })
  async commitments(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return nodes(await ctx.loaders.personCommitments.load(p.id));
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The body this one belongs to.' })
  async parent(@Root() o: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, o, RELATIONS.Organization.parent));
  }

  @FieldResolver(() => [Organization], { description: 'Bodies that belong to this one (directly).' }) async parts(@Root() o: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, o, RELATIONS.Organization.parts));
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The territory this government governs.' })
  async jurisdiction(@Root() o: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, o, RELATIONS.Organization.jurisdiction));
  }

  @FieldResolver(() => [Post], { description: 'Posts in this organization (not in the bodies inside it), past and present.' }) async posts(@Root() o: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, o, RELATIONS.Organization.posts));
  }

  @FieldResolver(() => [Facility], { description: 'Facilities this organization operates.' }) async facilities(@Root() o: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, o, RELATIONS.Organization.facilities));
  }

  @FieldResolver(() => [Event], { description: 'Events the organization is involved in, oldest first (undated last).' })
  async events(@Root() o: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, o, RELATIONS.Organization.events)).sort(byDate);
  }
}

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => Place, { nullable: true, description: "The place this one is part of (a municipality's state, a state's country)." }) async partOf(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, p, RELATIONS.Place.partOf));
  }
  @FieldResolver(() => [Place], { description: 'Places that are part of this one (directly).' }) async parts(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, p, RELATIONS.Place.parts));
  }
  @FieldResolver(() => [Facility], { description: 'Facilities located in this place (not in the places inside it).' }) async facilities(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, p, RELATIONS.Place.facilities));
  }
  @FieldResolver(() => [Event], { description: 'Events held in this place itself (not those held in places inside it), oldest first (undated last).' })
  async events(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, p, RELATIONS.Place.events)).sort(byDate);
  }
}

@Resolver(() => Facility)
export class FacilityResolver {
  @FieldResolver(() => Place, { nullable: true, description: 'Where the facility is.' }) async place(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, f, RELATIONS.Facility.place));
  }
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that operates it.' }) async operator(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, f, RELATIONS.Facility.operator));
  }
  @FieldResolver(() => [Commitment], { description: 'Commitments that concern this facility.' })
  async commitments(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, f, RELATIONS.Facility.commitments));
  }
  @FieldResolver(() => [Statement], { description: 'Statements about this facility, oldest first (undated last).' })
  async statements(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, f, RELATIONS.Facility.statements)).sort(byDate);
  }
  @FieldResolver(() => [Event], { description: 'Events held at this facility, oldest first (undated last).' })
  async events(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, f, RELATIONS.Facility.events)).sort(byDate);
  }
}

@Resolver(() => Program)
export class ProgramResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that runs the program.' }) async organization(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, p, RELATIONS.Program.organization));
  }
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person who holds or held the post.' }) async holder(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, p, RELATIONS.Post.holder));
  }
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the post is in; null for a post known only by its territory.' }) async organization(
    @Root() p: GraphNode,
    @Ctx() ctx: Context,
  ) {
    return first(await walk(ctx, p, RELATIONS.Post.organization));
  }
  @FieldResolver(() => Place, { nullable: true, description: 'The territory the post governs (a country, state, region...); null for a post known only by its organization.' })
  async jurisdiction(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, p, RELATIONS.Post.jurisdiction));
  }
  @FieldResolver(() => [Document], { description: 'Documents that report the post.' }) async sources(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return sources(ctx, p);
  }
}

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => Place, { nullable: true, description: 'The place it was held in, if known.' }) async place(@Root() e: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, e, RELATIONS.Event.place));
  }
  @FieldResolver(() => Facility, { nullable: true, description: 'The facility it was held at, if any.' })
  async venue(@Root() e: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, e, RELATIONS.Event.venue));
  }

  @FieldResolver(() => [Participant], { description: 'People who took part, each with the passages that say so and the posts they held then.' })
  async participants(@Root() e: GraphNode, @Ctx() ctx: Context): Promise<Participant[]> {
    const date = e.date as { start: string; end: string } | null;
    return (await walk(ctx, e, RELATIONS.Event.participants)).map((edge) => ({ person: edge.node, citations: edge.rel.citations, eventDate: date }));
  }

  @FieldResolver(() => [Involvement], { description: 'Organizations, places, programs and other entities involved, each with its role.' })
  async involves(@Root() e: GraphNode, @Ctx() ctx: Context): Promise<Involvement[]> {
    return (await walk(ctx, e, RELATIONS.Event.involves)).map((edge) => ({ entity: edge.node, role: String(edge.rel.props.role ?? ''), citations: edge.rel.citations }));
  }

  @FieldResolver(() => [Statement], { description: 'Statements made at the event, oldest first (undated last).' }) async statements(@Root() e: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, e, RELATIONS.Event.statements)).sort(byDate);
  }
  @FieldResolver(() => [Document], { description: 'Documents that report the event.' })
  async sources(@Root() e: GraphNode, @Ctx() ctx: Context) {
    return sources(ctx, e);
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => [Post], { description: "Posts the person held at the event's date (all known posts when either date is unknown)." })
  async posts(@Root() p: Participant, @Ctx() ctx: Context) {
    const posts = nodes(await walk(ctx, p.person, RELATIONS.Person.posts));
    return p.eventDate ? posts.filter((post) => postCovers(post, p.eventDate!)) : posts;
  }
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person who made it; null when the document names no speaker.' }) async speaker(@Root() s: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, s, RELATIONS.Statement.speaker));
  }
  @FieldResolver(() => Event, { nullable: true, description: 'The event it was made at, if known.' }) async event(@Root() s: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, s, RELATIONS.Statement.event));
  }
  @FieldResolver(() => [Entity], { description: 'Entities the statement is about.' }) async about(@Root() s: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, s, RELATIONS.Statement.about));
  }
  @FieldResolver(() => [Figure], { description: 'Figures the statement reports.' }) async figures(@Root() s: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, s, RELATIONS.Statement.figures));
  }
  @FieldResolver(() => [StatementCommitment], { description: 'Commitments the statement makes, repeats or reports on, each with how.' })
  async commitments(@Root() s: GraphNode, @Ctx() ctx: Context): Promise<StatementCommitment[]> {
    return (await walk(ctx, s, RELATIONS.Statement.commitments)).map((e) => ({ commitment: e.node, role: String(e.rel.props.role ?? 'makes') }));
  }
  @FieldResolver(() => Citation, { nullable: true, description: 'The direct quote, when the document quotes the speaker.' })
  quote(@Root() s: GraphNode): CitationValue | null {
    if (s.quoteCitation !== undefined) return s.quoteCitation as ResolvedCitation | null;
    return typeof s.quote === 'string' ? parseCitationKey(s.quote) : null;
  }
  @FieldResolver(() => [Document], { description: 'Documents that report the statement.' }) async sources(@Root() s: GraphNode, @Ctx() ctx: Context) {
    return sources(ctx, s);
  }
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => [Entity], { description: 'Facilities, programs, bodies and places concerned.' })
  async concerns(@Root() c: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, c, RELATIONS.Commitment.concerns));
  }
  @FieldResolver(() => [Figure], { description: 'Figures the commitment promises to reach (e.g. how many hospitals).' }) async targets(@Root() c: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, c, RELATIONS.Commitment.targets));
  }
  @FieldResolver(() => [CommitmentStatement], { description: 'Every statement that made, repeated or reported on it, oldest first (undated last), each with how.' })
  async statements(@Root() c: GraphNode, @Ctx() ctx: Context): Promise<CommitmentStatement[]> {
    return (await walk(ctx, c, RELATIONS.Commitment.statements)).sort((a, b) => byDate(a.node, b.node)).map((e) => ({ statement: e.node, role: String(e.rel.props.role ?? 'makes') }));
  }
  @FieldResolver(() => CommitmentStatus, {
    description:
      'ANNOUNCED (one statement made it), REPEATED (more than one), IN_PROGRESS (a statement reports the work under way), OVERDUE (its deadline passed with nothing recording it fulfilled), FULFILLED (a facility it concerns was inaugurated after it was made, or a statement reports it done), or IN_PROGRESS, FULFILLED, ABANDONED as an editor recorded it. Checked in this order: recorded by an editor, FULFILLED, OVERDUE, IN_PROGRESS, REPEATED, ANNOUNCED. Derived from the facts at each request.',
  })
  async status(@Root() c: GraphNode, @Ctx() ctx: Context) {
    return (await this.derived(c, ctx)).status;
  }
  @FieldResolver(() => String, { description: 'The facts the status rests on, in words (e.g. which inauguration fulfilled it).' })
  async statusReason(@Root() c: GraphNode, @Ctx() ctx: Context) {
    return (await this.derived(c, ctx)).reason;
  }
  private async derived(c: GraphNode, ctx: Context) {
    // fetched with the commitment when the look-ahead saw the status selected, else in one batch per level
    const facts = (c.statusFacts as StatusFacts | undefined) ?? (await ctx.loaders.commitmentStatusFacts.load(c.id));
    const deadline = c.deadline as { end: string } | null;
    return commitmentStatus({
      stored: typeof c.status === 'string' ? c.status : null,
      deadlineEnd: deadline?.end ?? null,
      statements: Number(facts.statements),
      today: new Date().toISOString().slice(0, 10),
      inaugurated: facts.inaugurated,
      done: facts.done,
      progress: facts.progress,
    });
  }
  @FieldResolver(() => [Document], { description: 'Documents that report the commitment.' }) async sources(@Root() c: GraphNode, @Ctx() ctx: Context) {
    return sources(ctx, c);
  }
}

@Resolver(() => Figure)
export class FigureResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'The entity the figure measures; null when none is named.' })
  async subject(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return first(await walk(ctx, f, RELATIONS.Figure.subject));
  }
  @FieldResolver(() => [Statement], { description: 'Statements that report the figure, oldest first (undated last).' }) async reportedBy(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, f, RELATIONS.Figure.reportedBy)).sort(byDate);
  }
  @FieldResolver(() => [Figure], { description: 'Other reports of the same measure: same metric, and same subject when it has one (any unit).' })
  async otherValues(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return nodes(await ctx.loaders.figurePeers.load(f.id));
  }
  @FieldResolver(() => FigureAgreement, { description: 'Whether this report and the other reports of the measure in the same unit agree (whatever their dates).' })
  async agreement(@Root() f: GraphNode, @Ctx() ctx: Context) {
    const peers = nodes(await ctx.loaders.figurePeers.load(f.id)).filter((g) => g.unit === f.unit);
    return agreement([f.value as number, ...peers.map((g) => g.value as number)]);
  }
  @FieldResolver(() => [FigureSeriesEntry], {
    description:
      'This report and the other reports of its measure (same metric, subject and unit) over time: one entry per as-of date, oldest first (undated last), each with its reports, their sources, and whether the reports of that date agree.',
  })
  async series(@Root() f: GraphNode, @Ctx() ctx: Context) {
    const reports = [f, ...nodes(await ctx.loaders.figurePeers.load(f.id)).filter((g) => g.unit === f.unit)];
    const dateOf = (g: GraphNode) => (g.asOf as { iso: string } | null)?.iso ?? '';
    const byDate = new Map<string, GraphNode[]>();
    for (const g of reports) byDate.set(dateOf(g), [...(byDate.get(dateOf(g)) ?? []), g]);
    return [...byDate.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
      .map(([, group]) => ({ asOf: group[0]!.asOf ?? null, reports: group, agreement: agreement(group.map((g) => g.value as number)) }));
  }
  @FieldResolver(() => [Document], { description: 'Documents that report the figure.' }) async sources(@Root() f: GraphNode, @Ctx() ctx: Context) {
    return sources(ctx, f);
  }
}

@Resolver(() => Document)
export class DocumentResolver {
  @FieldResolver(() => [Document], { description: 'Outside sources this document cites.' })
  async cites(@Root() d: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, d, RELATIONS.Document.cites));
  }
  @FieldResolver(() => [Document], { description: 'Documents that cite this one.' }) async citedBy(@Root() d: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, d, RELATIONS.Document.citedBy));
  }
  @FieldResolver(() => [Fact], { description: 'Facts this document supports (cites a passage for), optionally of some kinds only.' })
  async supports(
    @Root() d: GraphNode,
    @Ctx() ctx: Context,
    @Arg('kinds', () => [NodeKind], { nullable: true, description: 'Only facts of these kinds (POST, EVENT, STATEMENT, COMMITMENT, FIGURE); default all.' }) kinds?: NodeKind[],
  ) {
    const notFacts = (kinds ?? []).filter((k) => !isFact(k));
    if (notFacts.length)
      throw badInput(
        'kinds',
        `${notFacts.map((k) => k.toUpperCase()).join(', ')} ${notFacts.length > 1 ? 'are' : 'is'} not a kind of fact: give POST, EVENT, STATEMENT, COMMITMENT or FIGURE (entities are in mentions)`,
      );
    return nodes(await walk(ctx, d, RELATIONS.Document.supports))
      .filter((n) => isFact(n.__typename))
      .filter((n) => !kinds?.length || kinds.includes(n.__typename as NodeKind));
  }
  @FieldResolver(() => [Entity], { description: 'Entities this document names.' })
  async mentions(@Root() d: GraphNode, @Ctx() ctx: Context) {
    return nodes(await walk(ctx, d, RELATIONS.Document.mentions)).filter((n) => (ENTITY_KINDS as readonly string[]).includes(n.__typename));
  }
}
