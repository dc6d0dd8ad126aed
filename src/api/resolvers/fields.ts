import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { parseCitationKey, type Citation as CitationValue } from '../../domain/citation.js';
import { agreement } from '../../domain/figures.js';
import type { RelType } from '../../domain/model.js';
import type { Edge, GraphNode } from '../../graph/records.js';
import type { Context } from '../context.js';
import { dateArg } from '../errors.js';
import {
  Citation, Commitment, CommitmentStatement, Document, Entity, Event, Facility, Fact, Figure, FigureAgreement, Involvement,
  NodeKind, Organization, Participant, Person, Place, Post, Program, Statement, StatementCommitment,
} from '../types.js';

// Field resolvers: each walks one relationship through a batch loader (one query per level).

const out = (ctx: Context, type: RelType, n: GraphNode) => ctx.loaders.edges('out', type).load(n.id);
const inc = (ctx: Context, type: RelType, n: GraphNode) => ctx.loaders.edges('in', type).load(n.id);
const nodes = (edges: Edge[]) => edges.map((e) => e.node);
const first = (edges: Edge[]) => edges[0]?.node ?? null;
const byDate = (a: GraphNode, b: GraphNode) =>
  String((a.date as { start?: string } | null)?.start ?? '9999').localeCompare(String((b.date as { start?: string } | null)?.start ?? '9999')) ||
  a.id.localeCompare(b.id);
const sources = async (ctx: Context, n: GraphNode) => nodes(await out(ctx, 'SOURCED_FROM', n));

/** Does a post's interval contain a day? Unknown bounds are open. */
function postCovers(post: GraphNode, day: { start: string; end: string }): boolean {
  const from = post.from as { start: string } | null;
  const to = post.to as { end: string } | null;
  return (!from || from.start <= day.end) && (!to || to.end >= day.start);
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Document)
  async document(@Root() c: CitationValue, @Ctx() ctx: Context) {
    return (await ctx.loaders.citedDocument.load(c.documentId))?.node ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The cited passage, read from the document text when it is available.' })
  async excerpt(@Root() c: CitationValue, @Ctx() ctx: Context) {
    const text = (await ctx.loaders.citedDocument.load(c.documentId))?.text ?? null;
    return text === null ? null : text.slice(c.start, c.end);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Post], { description: 'Posts held, optionally only those covering a date (YYYY, YYYY-MM or YYYY-MM-DD).' })
  async posts(@Root() p: GraphNode, @Ctx() ctx: Context, @Arg('at', () => String, { nullable: true }) at?: string) {
    const start = dateArg('at', at, 'start');
    const end = dateArg('at', at, 'end');
    const posts = nodes(await out(ctx, 'HOLDS', p));
    return start && end ? posts.filter((post) => postCovers(post, { start, end })) : posts;
  }

  @FieldResolver(() => [Event], { description: 'Events the person took part in, oldest first.' })
  async events(
    @Root() p: GraphNode, @Ctx() ctx: Context,
    @Arg('from', () => String, { nullable: true }) from?: string, @Arg('to', () => String, { nullable: true }) to?: string,
  ) {
    const lo = dateArg('from', from, 'start');
    const hi = dateArg('to', to, 'end');
    return nodes(await out(ctx, 'PARTICIPATED_IN', p))
      .filter((e) => {
        const d = e.date as { start: string; end: string } | null;
        return (!lo || !d || d.end >= lo) && (!hi || !d || d.start <= hi);
      })
      .sort(byDate);
  }

  @FieldResolver(() => [Statement], { description: 'Statements the person made, oldest first.' })
  async statements(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return nodes(await out(ctx, 'STATED', p)).sort(byDate);
  }

  @FieldResolver(() => [Commitment], { description: 'Commitments the person made or repeated.' })
  async commitments(@Root() p: GraphNode, @Ctx() ctx: Context) {
    return nodes(await ctx.loaders.personCommitments.load(p.id));
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The body this one belongs to.' })
  async parent(@Root() o: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'PART_OF', o)); }

  @FieldResolver(() => [Organization]) async parts(@Root() o: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'PART_OF', o)); }

  @FieldResolver(() => Place, { nullable: true, description: 'The territory this government governs.' })
  async jurisdiction(@Root() o: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'GOVERNS', o)); }

  @FieldResolver(() => [Post]) async posts(@Root() o: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'POST_IN', o)); }

  @FieldResolver(() => [Facility]) async facilities(@Root() o: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'OPERATED_BY', o)); }

  @FieldResolver(() => [Event], { description: 'Events the organization is involved in.' })
  async events(@Root() o: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'INVOLVES', o)).sort(byDate); }
}

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => Place, { nullable: true }) async partOf(@Root() p: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'PART_OF', p)); }
  @FieldResolver(() => [Place]) async parts(@Root() p: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'PART_OF', p)); }
  @FieldResolver(() => [Facility]) async facilities(@Root() p: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'LOCATED_IN', p)); }
  @FieldResolver(() => [Event], { description: 'Events held in this place.' })
  async events(@Root() p: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'HELD_IN', p)).sort(byDate); }
}

@Resolver(() => Facility)
export class FacilityResolver {
  @FieldResolver(() => Place, { nullable: true }) async place(@Root() f: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'LOCATED_IN', f)); }
  @FieldResolver(() => Organization, { nullable: true }) async operator(@Root() f: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'OPERATED_BY', f)); }
  @FieldResolver(() => [Commitment], { description: 'Commitments that concern this facility.' })
  async commitments(@Root() f: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'CONCERNS', f)); }
  @FieldResolver(() => [Statement], { description: 'Statements about this facility, oldest first.' })
  async statements(@Root() f: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'ABOUT', f)).sort(byDate); }
  @FieldResolver(() => [Event], { description: 'Events held at this facility.' })
  async events(@Root() f: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'HELD_AT', f)).sort(byDate); }
}

@Resolver(() => Program)
export class ProgramResolver {
  @FieldResolver(() => Organization, { nullable: true }) async organization(@Root() p: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'RUN_BY', p)); }
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => Person, { nullable: true }) async holder(@Root() p: GraphNode, @Ctx() ctx: Context) { return first(await inc(ctx, 'HOLDS', p)); }
  @FieldResolver(() => Organization, { nullable: true }) async organization(@Root() p: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'POST_IN', p)); }
  @FieldResolver(() => Place, { nullable: true, description: 'The state or country the post governs.' })
  async jurisdiction(@Root() p: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'GOVERNS', p)); }
  @FieldResolver(() => [Document]) async sources(@Root() p: GraphNode, @Ctx() ctx: Context) { return sources(ctx, p); }
}

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => Place, { nullable: true }) async place(@Root() e: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'HELD_IN', e)); }
  @FieldResolver(() => Facility, { nullable: true, description: 'The facility it was held at, if any.' })
  async venue(@Root() e: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'HELD_AT', e)); }

  @FieldResolver(() => [Participant])
  async participants(@Root() e: GraphNode, @Ctx() ctx: Context): Promise<Participant[]> {
    const date = e.date as { start: string; end: string } | null;
    return (await inc(ctx, 'PARTICIPATED_IN', e)).map((edge) => ({ person: edge.node, citations: edge.rel.citations, eventDate: date }));
  }

  @FieldResolver(() => [Involvement], { description: 'Organizations, places and programs involved, with their role.' })
  async involves(@Root() e: GraphNode, @Ctx() ctx: Context): Promise<Involvement[]> {
    return (await out(ctx, 'INVOLVES', e)).map((edge) => ({ entity: edge.node, role: String(edge.rel.props.role ?? ''), citations: edge.rel.citations }));
  }

  @FieldResolver(() => [Statement]) async statements(@Root() e: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'AT_EVENT', e)).sort(byDate); }
  @FieldResolver(() => [Document], { description: 'Documents that report the event.' })
  async sources(@Root() e: GraphNode, @Ctx() ctx: Context) { return sources(ctx, e); }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => [Post], { description: 'Posts the person held at the event\'s date (all known posts when either date is unknown).' })
  async posts(@Root() p: Participant, @Ctx() ctx: Context) {
    const posts = nodes(await out(ctx, 'HOLDS', p.person));
    return p.eventDate ? posts.filter((post) => postCovers(post, p.eventDate!)) : posts;
  }
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => Person, { nullable: true }) async speaker(@Root() s: GraphNode, @Ctx() ctx: Context) { return first(await inc(ctx, 'STATED', s)); }
  @FieldResolver(() => Event, { nullable: true }) async event(@Root() s: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'AT_EVENT', s)); }
  @FieldResolver(() => [Entity]) async about(@Root() s: GraphNode, @Ctx() ctx: Context) { return nodes(await out(ctx, 'ABOUT', s)); }
  @FieldResolver(() => [Figure]) async figures(@Root() s: GraphNode, @Ctx() ctx: Context) { return nodes(await out(ctx, 'REPORTS', s)); }
  @FieldResolver(() => [StatementCommitment])
  async commitments(@Root() s: GraphNode, @Ctx() ctx: Context): Promise<StatementCommitment[]> {
    return (await out(ctx, 'COMMITS', s)).map((e) => ({ commitment: e.node, role: String(e.rel.props.role ?? 'makes') }));
  }
  @FieldResolver(() => Citation, { nullable: true, description: 'The direct quote, when the document quotes the speaker.' })
  quote(@Root() s: GraphNode): CitationValue | null {
    return typeof s.quote === 'string' ? parseCitationKey(s.quote) : null;
  }
  @FieldResolver(() => [Document]) async sources(@Root() s: GraphNode, @Ctx() ctx: Context) { return sources(ctx, s); }
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => [Entity], { description: 'Facilities, programs, bodies and places concerned.' })
  async concerns(@Root() c: GraphNode, @Ctx() ctx: Context) { return nodes(await out(ctx, 'CONCERNS', c)); }
  @FieldResolver(() => [Figure]) async targets(@Root() c: GraphNode, @Ctx() ctx: Context) { return nodes(await out(ctx, 'TARGETS', c)); }
  @FieldResolver(() => [CommitmentStatement], { description: 'Every statement that made or repeated it, oldest first.' })
  async statements(@Root() c: GraphNode, @Ctx() ctx: Context): Promise<CommitmentStatement[]> {
    return (await inc(ctx, 'COMMITS', c))
      .sort((a, b) => byDate(a.node, b.node))
      .map((e) => ({ statement: e.node, role: String(e.rel.props.role ?? 'makes') }));
  }
  @FieldResolver(() => [Document]) async sources(@Root() c: GraphNode, @Ctx() ctx: Context) { return sources(ctx, c); }
}

@Resolver(() => Figure)
export class FigureResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'What the figure measures.' })
  async subject(@Root() f: GraphNode, @Ctx() ctx: Context) { return first(await out(ctx, 'MEASURES', f)); }
  @FieldResolver(() => [Statement]) async reportedBy(@Root() f: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'REPORTS', f)).sort(byDate); }
  @FieldResolver(() => [Figure], { description: 'Other reports of the same measure (same metric and subject).' })
  async otherValues(@Root() f: GraphNode, @Ctx() ctx: Context) { return nodes(await ctx.loaders.figurePeers.load(f.id)); }
  @FieldResolver(() => FigureAgreement, { description: 'Whether this report and the other reports of the measure agree.' })
  async agreement(@Root() f: GraphNode, @Ctx() ctx: Context) {
    const peers = nodes(await ctx.loaders.figurePeers.load(f.id)).filter((g) => g.unit === f.unit);
    return agreement([f.value as number, ...peers.map((g) => g.value as number)]);
  }
  @FieldResolver(() => [Document]) async sources(@Root() f: GraphNode, @Ctx() ctx: Context) { return sources(ctx, f); }
}

@Resolver(() => Document)
export class DocumentResolver {
  @FieldResolver(() => [Document], { description: 'Outside sources this document cites.' })
  async cites(@Root() d: GraphNode, @Ctx() ctx: Context) { return nodes(await out(ctx, 'CITES', d)); }
  @FieldResolver(() => [Document]) async citedBy(@Root() d: GraphNode, @Ctx() ctx: Context) { return nodes(await inc(ctx, 'CITES', d)); }
  @FieldResolver(() => [Fact], { description: 'Facts this document supports, optionally of some kinds only.' })
  async supports(@Root() d: GraphNode, @Ctx() ctx: Context, @Arg('kinds', () => [NodeKind], { nullable: true }) kinds?: NodeKind[]) {
    return nodes(await inc(ctx, 'SOURCED_FROM', d))
      .filter((n) => ['Post', 'Event', 'Statement', 'Commitment', 'Figure'].includes(n.__typename))
      .filter((n) => !kinds?.length || kinds.includes(n.__typename as NodeKind));
  }
  @FieldResolver(() => [Entity], { description: 'Entities this document names.' })
  async mentions(@Root() d: GraphNode, @Ctx() ctx: Context) {
    return nodes(await inc(ctx, 'SOURCED_FROM', d)).filter((n) => ['Person', 'Organization', 'Place', 'Facility', 'Program'].includes(n.__typename));
  }
}
