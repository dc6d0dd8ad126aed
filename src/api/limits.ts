import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { createRequire } from 'node:module';
import { DEFAULT_PAGE, MAX_PAGE, queryTooComplex, queryTooDeep } from './errors.js';

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
}

/**
 * Measured on the playground examples and the acceptance operations (test/api/limits.test.ts runs
 * them all): the deepest is 8 levels (q08), the costliest 27,341 (q14: a page of 20 events, each
 * with its statements, their figures and everyone's citations). 50,000 lets questions of that
 * kind through with room to spare, while a page of 100 events with three nested lists under it
 * (`events(first: 100) { nodes { participants { person { events { participants ...`, 112,201)
 * is refused.
 */
export const DEFAULT_COST_LIMITS: CostLimits = { maxDepth: 10, maxComplexity: 50_000 };

/** How many items an unbounded list field (`participants`, `posts`, `citations`...) is assumed to hold. */
export const DEFAULT_LIST_SIZE = 10;

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number above 0 (got "${raw}")`);
  return n;
}

export function costLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): CostLimits {
  return {
    maxDepth: positiveInt(env, 'KG_MAX_DEPTH', DEFAULT_COST_LIMITS.maxDepth),
    maxComplexity: positiveInt(env, 'KG_MAX_COMPLEXITY', DEFAULT_COST_LIMITS.maxComplexity),
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
 */
export function operationDepth(operation: OperationDefinitionNode, document: DocumentNode): number {
  const fragments = fragmentsOf(document);
  const depthOf = (set: SelectionSetNode, visiting: Set<string>): number => {
    let deepest = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === '__schema' || sel.name.value === '__type') continue;
        deepest = Math.max(deepest, 1 + (sel.selectionSet ? depthOf(sel.selectionSet, visiting) : 0));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(sel.selectionSet, visiting));
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        // A fragment spreading itself is a validation error caught before this runs; guard anyway.
        if (!fragment || visiting.has(name)) continue;
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set(visiting).add(name)));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
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
export function listSizeEstimator(listSize = DEFAULT_LIST_SIZE): ComplexityEstimator {
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
      query: document,
      ...(operationName ? { operationName } : {}),
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), listSizeEstimator()],
    });
  } catch {
    return null;
  }
}

/** Refuses, before anything runs, an operation deeper than `maxDepth` or costlier than `maxComplexity`. */
export function costLimitsPlugin(limits: CostLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return; // Apollo refuses a request without a resolvable operation before this
          const depth = operationDepth(operation, document);
          if (depth > limits.maxDepth) throw queryTooDeep(depth, limits.maxDepth);
          const complexity = operationComplexity(schema, document, operation.name?.value, request.variables);
          if (complexity !== null && complexity > limits.maxComplexity) throw queryTooComplex(complexity, limits.maxComplexity);
        },
      };
    },
  };
}
