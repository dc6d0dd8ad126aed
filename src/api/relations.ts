import type { Step, Window } from '../graph/projection.js';
import { badInput, dateArg } from './errors.js';

/**
 * Which GraphQL fields walk which relationship. The field resolvers (resolvers/fields.ts) read
 * their neighbours through these steps, and the look-ahead (lookahead.ts) uses the same table to
 * fetch every level a request selects in one query, so the two cannot disagree.
 */
export interface Relation extends Step {
  /** the field takes from/to/first/orderBy and returns dated items in that window */
  windowed?: boolean;
}

const out = (type: Step['type'], extra: Partial<Relation> = {}): Relation => ({ dir: 'out', type, ...extra });
const inc = (type: Step['type'], extra: Partial<Relation> = {}): Relation => ({ dir: 'in', type, ...extra });
/** Documents a fact or entity is sourced from. */
export const SOURCES: Relation = out('SOURCED_FROM');
const sources = SOURCES;

export const RELATIONS = {
  Person: { posts: out('HOLDS'), events: out('PARTICIPATED_IN', { windowed: true }), statements: out('STATED', { windowed: true }) },
  Organization: {
    parent: out('PART_OF'),
    parts: inc('PART_OF'),
    jurisdiction: out('GOVERNS'),
    posts: inc('POST_IN'),
    facilities: inc('OPERATED_BY'),
    events: inc('INVOLVES'),
  },
  Place: { partOf: out('PART_OF'), parts: inc('PART_OF'), facilities: inc('LOCATED_IN'), events: inc('HELD_IN') },
  Facility: { place: out('LOCATED_IN'), operator: out('OPERATED_BY'), commitments: inc('CONCERNS'), statements: inc('ABOUT'), events: inc('HELD_AT') },
  Program: { organization: out('RUN_BY') },
  Post: { holder: inc('HOLDS'), organization: out('POST_IN'), jurisdiction: out('GOVERNS'), sources },
  Event: { place: out('HELD_IN'), venue: out('HELD_AT'), participants: inc('PARTICIPATED_IN'), involves: out('INVOLVES'), statements: inc('AT_EVENT'), sources },
  Statement: { speaker: inc('STATED'), event: out('AT_EVENT'), about: out('ABOUT'), figures: out('REPORTS'), commitments: out('COMMITS'), sources },
  Commitment: { concerns: out('CONCERNS'), targets: out('TARGETS'), statements: inc('COMMITS'), sources },
  Figure: { subject: out('MEASURES'), reportedBy: inc('REPORTS'), sources },
  Document: { cites: out('CITES'), citedBy: inc('CITES'), supports: inc('SOURCED_FROM'), mentions: inc('SOURCED_FROM') },
} as const satisfies Record<string, Record<string, Relation>>;

/**
 * Types that present one relationship: the node it reaches is the field `node`; `nodeFields` are
 * fields of that node shown on the wrapper (Participant.posts is the person's posts);
 * `relCitations` is the field that gives the relationship's own citations.
 */
export interface Wrapper {
  node: string;
  nodeType: string;
  nodeFields?: Record<string, string>;
  relCitations?: string;
}

export const WRAPPERS: Record<string, Wrapper> = {
  Participant: { node: 'person', nodeType: 'Person', nodeFields: { posts: 'posts' }, relCitations: 'citations' },
  Involvement: { node: 'entity', nodeType: 'Entity', relCitations: 'citations' },
  CommitmentStatement: { node: 'statement', nodeType: 'Statement' },
  StatementCommitment: { node: 'commitment', nodeType: 'Commitment' },
};

export function relationOf(typeName: string, field: string): Relation | undefined {
  return (RELATIONS as Record<string, Record<string, Relation>>)[typeName]?.[field];
}

const MAX_WINDOW = 500;

/** The window a windowed field's arguments ask for; bad arguments are BAD_USER_INPUT errors. */
export function windowOf(args: { from?: string | null; to?: string | null; first?: number | null; orderBy?: string | null }): Window {
  const first = args.first ?? null;
  if (first !== null && (!Number.isInteger(first) || first < 1 || first > MAX_WINDOW)) throw badInput('first', `must be from 1 to ${MAX_WINDOW}`);
  return { from: dateArg('from', args.from, 'start'), to: dateArg('to', args.to, 'end'), desc: args.orderBy === 'desc', first };
}
