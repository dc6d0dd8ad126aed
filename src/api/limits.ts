import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { createRequire } from 'node:module';
import { positiveIntFromEnv } from '../config/numbers.js';
import { QUERY_TOO_COMPLEX, queryTooComplex, queryTooDeep } from './errors.js';
import { DEFAULT_PAGE, MAX_PAGE } from './pagination.js';

// graphql-query-complexity's CommonJS build, required: its ESM build imports graphql's .mjs files,
// a second graphql instance that cannot read our schema (Node gives everything else, type-graphql
// and @apollo/server included, graphql's CommonJS build).
const { fieldExtensionsEstimator, getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/**
 * Cost limits on incoming operations, checked once an operation is parsed and validated and before
 * any resolver runs (so before any Cypher): how deeply it nests fields, and an estimate of how
 * many values it asks for. Caps on arguments (`first`, `maxHops`) are checked by the resolvers;
 * the time a query may take in Neo4j is capped by the Db (KG_QUERY_TIMEOUT_MS).
 */
export interface CostLimits {
  /** deepest chain of nested fields, fragments expanded; introspection (`__schema`, `__type`) not counted. KG_MAX_DEPTH */
  maxDepth: number;
  /** estimated cost (see operationComplexity). KG_MAX_COMPLEXITY */
  maxComplexity: number;
  /** estimated database work of the root fields (see databaseCost). KG_MAX_DB_COST */
  maxDatabaseCost: number;
  /** root fields of the costly kinds (search, paths, timeline...: see ROOT_COSTS) one operation may ask for. KG_MAX_COSTLY_FIELDS */
  maxCostlyFields: number;
}

/**
 * Measured on the playground examples and the acceptance operations (test/api/limits.test.ts runs
 * them all): the deepest is 8 levels (q08), the costliest 27,341 (q14: a page of 20 events, each
 * with its statements, their figures and everyone's citations). 50,000 lets questions of that
 * kind through with room to spare, while a page of 100 events with three nested lists under it
 * (`events(first: 100) { nodes { participants { person { events { participants ...`, 112,201)
 * is refused.
 */
export const DEFAULT_COST_LIMITS: CostLimits = { maxDepth: 10, maxComplexity: 50_000, maxDatabaseCost: 100, maxCostlyFields: 20 };

/** How many items an unbounded list field (`participants`, `posts`, `citations`...) is assumed to hold. */
const DEFAULT_LIST_SIZE = 10;

export function costLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): CostLimits {
  return {
    maxDepth: positiveIntFromEnv(env, 'KG_MAX_DEPTH', DEFAULT_COST_LIMITS.maxDepth),
    maxComplexity: positiveIntFromEnv(env, 'KG_MAX_COMPLEXITY', DEFAULT_COST_LIMITS.maxComplexity),
    maxDatabaseCost: positiveIntFromEnv(env, 'KG_MAX_DB_COST', DEFAULT_COST_LIMITS.maxDatabaseCost),
    maxCostlyFields: positiveIntFromEnv(env, 'KG_MAX_COSTLY_FIELDS', DEFAULT_COST_LIMITS.maxCostlyFields),
  };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return fragments;
}

/**
 * Levels of nested fields in the operation's deepest branch: `{ a { b { c } } }` is 3 deep.
 * Fragments and inline fragments add no level of their own. Introspection fields (`__schema`,
 * `__type`) and what is under them are not counted, so GraphiQL's schema query is never refused.
 * A fragment's depth is worked out once, however often it is spread: fragments spreading each
 * other twice over (`F0 { ...F1 ...F1 }`, `F1 { ...F2 ...F2 }`...) double the walk at every level
 * otherwise, and 24 of them held the server for 27 s.
 */
export function operationDepth(operation: OperationDefinitionNode, document: DocumentNode): number {
  const depthOf = measuredOnce(document, function depth(set, fragment): number {
    let deepest = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === '__schema' || sel.name.value === '__type') continue;
        deepest = Math.max(deepest, 1 + (sel.selectionSet ? depth(sel.selectionSet, fragment) : 0));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depth(sel.selectionSet, fragment));
      } else {
        deepest = Math.max(deepest, fragment(sel.name.value) ?? 0);
      }
    }
    return deepest;
  });
  return depthOf(operation.selectionSet);
}

type Measure = (set: SelectionSetNode, fragment: (name: string) => number | null) => number;

/**
 * `measure` of selection sets, where each named fragment is measured once however often it is
 * spread (`fragment(name)`: its measure, null for an unknown fragment or one spreading itself,
 * which validation refuses before this runs).
 */
function measuredOnce(document: DocumentNode, measure: Measure): (set: SelectionSetNode) => number {
  const fragments = fragmentsOf(document);
  const known = new Map<string, number>();
  const visiting = new Set<string>();
  const fragment = (name: string): number | null => {
    const def = fragments.get(name);
    if (!def || visiting.has(name)) return null;
    let value = known.get(name);
    if (value === undefined) {
      visiting.add(name);
      value = measure(def.selectionSet, fragment);
      visiting.delete(name);
      known.set(name, value);
    }
    return value;
  };
  return (set) => measure(set, fragment);
}

/**
 * Most field selections an operation may reach once its fragments are expanded (MAX_SELECTIONS).
 * The cost estimate walks the expansion, and fragments that spread each other can make it
 * exponential in the operation's length; graphql-query-complexity gives up at 10,000 nodes, and
 * an estimate it gave up on would let the operation through unpriced. Of the known operations
 * (the playground's examples, the acceptance questions, GraphiQL's schema query), the schema
 * query reaches the most: 229.
 */
const MAX_SELECTIONS = 10_000;

/**
 * The field selections an operation reaches with its fragments expanded, the way execution
 * expands them: a fragment spread twice in one selection set counts once (the fields merge);
 * each fragment's count is worked out once. Stops counting past `cap`.
 */
function expandedSelections(operation: OperationDefinitionNode, document: DocumentNode, cap = MAX_SELECTIONS): number {
  const countOf = measuredOnce(document, function count(set, fragment): number {
    let n = 0;
    const spread = new Set<string>();
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n += 1 + (sel.selectionSet ? count(sel.selectionSet, fragment) : 0);
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet, fragment);
      else if (!spread.has(sel.name.value) || sel.directives?.length) {
        spread.add(sel.name.value);
        n += fragment(sel.name.value) ?? 0;
      }
      if (n > cap) return n;
    }
    return n;
  });
  return countOf(operation.selectionSet);
}

/**
 * The document with every fragment spread that repeats one before it in the same selection set
 * (same name, no directives) left out: the same operation, since the fields merge. The cost
 * estimate walks every spread it is given, so 2,000 spreads of one fragment cost it 2,000 walks.
 */
function withoutRepeatedSpreads(document: DocumentNode): DocumentNode {
  let lean = leanDocuments.get(document);
  if (!lean) leanDocuments.set(document, (lean = dropRepeatedSpreads(document)));
  return lean;
}

// Apollo keeps a parsed document per operation text, so an operation sent again is not walked again
const leanDocuments = new WeakMap<DocumentNode, DocumentNode>();

function dropRepeatedSpreads(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(set) {
      const seen = new Set<string>();
      let repeats = false;
      const selections = set.selections.filter((sel) => {
        if (sel.kind !== Kind.FRAGMENT_SPREAD || sel.directives?.length) return true;
        if (seen.has(sel.name.value)) return !(repeats = true);
        seen.add(sel.name.value);
        return true;
      });
      return repeats ? { ...set, selections } : undefined;
    },
  });
}

/**
 * The cost of an operation is the number of objects (nodes, facts, citations, dates...) it may
 * return, an upper estimate: scalar fields are free (they are properties of an object already
 * fetched); an object field costs 1 plus what it selects; a list of objects multiplies what it
 * selects by the number of items it may return: its `first` argument (capped at the largest page
 * the argument checks allow, so an oversized `first` gets their clearer error), or `listSize` for
 * a list without one (`participants`, `posts`, `citations`...). A connection (`events`,
 * `statements`...) multiplies by its `first` (default DEFAULT_PAGE); its `nodes` and `edges` then
 * count once. Introspection fields cost nothing.
 */
function listSizeEstimator(listSize = DEFAULT_LIST_SIZE): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return 0;
    const first = typeof args.first === 'number' ? Math.min(Math.max(args.first, 0), MAX_PAGE) : undefined;
    let items = 1;
    if (isListType(getNullableType(field.type))) {
      // nodes and edges of a connection: already multiplied at the connection field
      items = type.name.endsWith('Connection') ? 1 : (first ?? listSize);
    } else if (named.name.endsWith('Connection')) {
      items = first ?? DEFAULT_PAGE;
    }
    return 1 + childComplexity * items;
  };
}

/**
 * The estimated cost of one operation of `document` (listSizeEstimator; a field may set its own
 * with type-graphql's `complexity` option). Null when it cannot be worked out (variables that do
 * not fit their types): execution then refuses the operation with its own error.
 */
export function operationComplexity(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown>): number | null {
  try {
    return getComplexity({
      schema,
      query: withoutRepeatedSpreads(document),
      // the plugin refuses an operation past MAX_SELECTIONS before this runs
      maxQueryNodes: MAX_SELECTIONS + 1,
      ...(operationName ? { operationName } : {}),
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), listSizeEstimator()],
    });
  } catch {
    return null;
  }
}

/**
 * What one root field may cost the database, in units of a one-node lookup, from its arguments;
 * `costly` fields (a full-text search, a path search, a timeline, an ingest) are also capped in
 * number. The complexity above counts the objects an operation may return and is blind to this:
 * `{ a1: person(slug: "x") { name } ... a1000: ... }` returns 1,000 small objects (cost 1,000,
 * far under the limit) but reads the graph 1,000 times. Weights, measured on the seed graph and
 * the 10,000-document bench graph (BENCHMARKS.md): a lookup reads one node and what is selected
 * below it (1); a list reads a page and may look up its entity filters (1 per 20 items, plus 1);
 * a search queries four full-text indexes (2, plus 1 per 10 hits); a path search grows with its
 * hop cap, about twice the work per hop (2^(maxHops-1): 8 at the default 4 hops, 32 at 6).
 * A root field not listed costs 1.
 */
interface RootCost {
  /** a fixed cost, or one read from the field's arguments */
  cost: number | ((args: Record<string, unknown>) => number);
  costly?: boolean;
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : fallback);
const LOOKUP: RootCost = { cost: 1 };
const LIST: RootCost = { cost: (a) => 1 + Math.ceil(Math.min(num(a.first, DEFAULT_PAGE), MAX_PAGE) / DEFAULT_PAGE) };

export const ROOT_COSTS: Record<string, RootCost> = {
  search: { cost: (a) => 2 + Math.ceil(Math.min(num(a.first, 10), MAX_PAGE) / 10), costly: true },
  paths: { cost: (a) => 2 ** (Math.min(Math.max(num(a.maxHops, 4), 1), 10) - 1), costly: true },
  timeline: { cost: 3, costly: true },
  holders: { cost: 2, costly: true },
  possibleDuplicates: { cost: 3, costly: true },
  ingestDocument: { cost: 10, costly: true },
  people: LIST,
  organizations: LIST,
  places: LIST,
  facilities: LIST,
  programs: LIST,
  events: LIST,
  statements: LIST,
  commitments: LIST,
  figures: LIST,
  documents: LIST,
  posts: LIST,
  person: LOOKUP,
  organization: LOOKUP,
  place: LOOKUP,
  facility: LOOKUP,
  program: LOOKUP,
  event: LOOKUP,
  statement: LOOKUP,
  commitment: LOOKUP,
  figure: LOOKUP,
  post: LOOKUP,
  document: LOOKUP,
  node: LOOKUP,
};

export interface DatabaseCost {
  cost: number;
  /** root fields of the costly kinds */
  costlyFields: number;
  /** how many times each root field is asked for (aliases included), for the refusal's message */
  fields: Map<string, number>;
}

/**
 * The database work an operation's root fields may cause (ROOT_COSTS), fragments on the root type
 * included (each once, as execution spreads them); `@skip` and `@include` are not read (an upper
 * estimate). Introspection and `__typename` cost nothing. Arguments are read only for the fields
 * whose cost depends on them: a thousand lookups are refused without reading a thousand slugs.
 */
export function databaseCost(schema: GraphQLSchema, operation: OperationDefinitionNode, document: DocumentNode, variables: Record<string, unknown> = {}): DatabaseCost {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const fragments = fragmentsOf(document);
  const out: DatabaseCost = { cost: 0, costlyFields: 0, fields: new Map() };
  const spread = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value);
        if (fragment && !spread.has(sel.name.value)) {
          spread.add(sel.name.value);
          walk(fragment.selectionSet);
        }
      } else if (!sel.name.value.startsWith('__')) add(sel);
    }
  };
  const add = (field: FieldNode) => {
    const name = field.name.value;
    const rule = ROOT_COSTS[name] ?? LOOKUP;
    if (typeof rule.cost === 'number') out.cost += rule.cost;
    else {
      const def = root?.getFields()[name];
      let args: Record<string, unknown> = {};
      try {
        if (def) args = getArgumentValues(def, field, variables);
      } catch {
        // arguments that do not fit their types: execution refuses them with its own error
      }
      out.cost += rule.cost(args);
    }
    if (rule.costly) out.costlyFields++;
    out.fields.set(name, (out.fields.get(name) ?? 0) + 1);
  };
  walk(operation.selectionSet);
  return out;
}

function fieldCounts(fields: Map<string, number>, only?: (name: string) => boolean): string {
  return [...fields]
    .filter(([n]) => !only || only(n))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([n, c]) => `${n} ×${c}`)
    .join(', ');
}

/** An operation whose root fields would cost the database more than the server allows; HTTP 400. */
function databaseTooCostly(c: DatabaseCost, limits: CostLimits): GraphQLError {
  if (c.costlyFields > limits.maxCostlyFields) {
    return new GraphQLError(
      `The operation asks for ${c.costlyFields} searches, path searches, timelines or ingests (${fieldCounts(c.fields, (n) => ROOT_COSTS[n]?.costly === true)}); the limit is ${limits.maxCostlyFields} per operation. Split it into several operations.`,
      { extensions: { code: QUERY_TOO_COMPLEX, costlyFields: c.costlyFields, limit: limits.maxCostlyFields, http: { status: 400 } } },
    );
  }
  return new GraphQLError(
    `The operation's root fields would cost the database ${c.cost} (${fieldCounts(c.fields)}); the limit is ${limits.maxDatabaseCost}. Ask for fewer root fields or aliases, smaller pages or fewer hops, or split it into several operations.`,
    { extensions: { code: QUERY_TOO_COMPLEX, databaseCost: c.cost, limit: limits.maxDatabaseCost, http: { status: 400 } } },
  );
}

/** An operation whose fragments expand past MAX_SELECTIONS field selections; HTTP 400. */
function tooManySelections(limit: number): GraphQLError {
  return new GraphQLError(`The operation's fragments expand to more than ${limit} field selections, the limit. Spread each fragment fewer times, or split the operation into several.`, {
    extensions: { code: QUERY_TOO_COMPLEX, selectionLimit: limit, http: { status: 400 } },
  });
}

/** What the cost checks measured of an operation they let through. */
export interface MeasuredCost {
  database: DatabaseCost;
  /** null when the estimate could not be made (see operationComplexity) */
  complexity: number | null;
}

const measured = new WeakMap<object, MeasuredCost>();

/** The cost the checks measured of the request whose context is `contextValue`, once its operation is resolved. */
export function measuredCost(contextValue: object): MeasuredCost | undefined {
  return measured.get(contextValue);
}

/**
 * Refuses, before anything runs, an operation whose fragments expand past MAX_SELECTIONS, one
 * deeper than `maxDepth`, one costlier than `maxComplexity`, or one whose root fields would cost
 * the database more than `maxDatabaseCost` or ask for more than `maxCostlyFields` costly fields.
 */
export function costLimitsPlugin(limits: CostLimits): ApolloServerPlugin {
  // What the checks found, per parsed document and operation (Apollo's document store hands the
  // same DocumentNode back for the same text): the expansion and the depth never depend on the
  // variables, the costs only when the operation declares some. A request sent again (a client
  // polling, or a bomb sent back to back) is checked by a lookup: 1,000 aliased lookups, refused,
  // took about 2 ms of the server's one thread each time.
  const checked = new WeakMap<DocumentNode, Map<string, { refusal: () => GraphQLError } | { cost: MeasuredCost | null }>>();
  const check = (
    operation: OperationDefinitionNode,
    document: DocumentNode,
    schema: GraphQLSchema,
    variables: Record<string, unknown> | undefined,
  ): { refusal: () => GraphQLError } | { cost: MeasuredCost | null } => {
    const selections = expandedSelections(operation, document);
    if (selections > MAX_SELECTIONS) return { refusal: () => tooManySelections(MAX_SELECTIONS) };
    const depth = operationDepth(operation, document);
    if (depth > limits.maxDepth) return { refusal: () => queryTooDeep(depth, limits.maxDepth) };
    // with variables, the costs are worked out for each request's values
    if (operation.variableDefinitions?.length) return { cost: null };
    return costs(operation, document, schema, variables);
  };
  const costs = (
    operation: OperationDefinitionNode,
    document: DocumentNode,
    schema: GraphQLSchema,
    variables: Record<string, unknown> | undefined,
  ): { refusal: () => GraphQLError } | { cost: MeasuredCost } => {
    const db = databaseCost(schema, operation, document, variables);
    if (db.costlyFields > limits.maxCostlyFields || db.cost > limits.maxDatabaseCost) return { refusal: () => databaseTooCostly(db, limits) };
    const complexity = operationComplexity(schema, document, operation.name?.value, variables);
    if (complexity !== null && complexity > limits.maxComplexity) return { refusal: () => queryTooComplex(complexity, limits.maxComplexity) };
    return { cost: { database: db, complexity } };
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          if (!operation) return; // Apollo refuses a request without a resolvable operation before this
          let byOperation = checked.get(document);
          if (!byOperation) checked.set(document, (byOperation = new Map()));
          const key = operation.name?.value ?? '';
          let verdict = byOperation.get(key);
          if (!verdict) byOperation.set(key, (verdict = check(operation, document, schema, request.variables)));
          if ('cost' in verdict && verdict.cost === null) verdict = costs(operation, document, schema, request.variables);
          if ('refusal' in verdict) throw verdict.refusal();
          measured.set(contextValue, verdict.cost!);
        },
      };
    },
  };
}
