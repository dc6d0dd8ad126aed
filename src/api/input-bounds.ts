/**
 * Bounds on what a client may send, checked before anything reaches Neo4j: operations nested
 * deeper than any question needs (the parser would recurse into them), subscriptions (this API
 * answers queries and mutations over HTTP), and text arguments carrying lone UTF-16 surrogates
 * or control characters (never stored, never sent to the full-text index). A document's content
 * is the exception: its control characters and lone surrogates are replaced, one for one, by the
 * ingestion pipeline (cleanDocumentText in text/characters.ts), so that a text pasted from a PDF still goes in.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { badCharacters } from '../text/characters.js';
import type { RequestHandler } from 'express';
import { GraphQLError, getNamedType, Kind, typeFromAST, type ASTVisitor, type DocumentNode, type GraphQLInputType, type GraphQLSchema, type ValidationContext, type ValueNode } from 'graphql';

/**
 * Deepest nesting of braces, brackets and parentheses an operation's text may have. The deepest
 * acceptance question nests 9 selection sets and 2 levels of argument objects; the field depth
 * limit (KG_MAX_DEPTH, 10) refuses anything near this later, but only once the text is parsed,
 * and graphql-js parses by recursion: 5,000 levels exhaust the stack.
 */
const MAX_NESTING = 64;

/** Nesting depth of `{`, `[` and `(` in a GraphQL text, outside strings and comments. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"') {
      const block = text.startsWith('"""', i);
      i += block ? 3 : 1;
      while (i < text.length && !(block ? text.startsWith('"""', i) : text[i] === '"' || text[i] === '\n')) i += text[i] === '\\' ? 2 : 1;
      if (block) i += 2;
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** Nesting depth of a JSON value (arrays and objects), walked without recursion. */
function valueDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Refuses an operation text nested deeper than MAX_NESTING before it is parsed (HTTP 400,
 * GRAPHQL_PARSE_FAILED), and variables nested deeper than that before they are read (HTTP 400,
 * BAD_REQUEST): graphql-js coerces them by recursion too.
 */
export function nestingGuard(max = MAX_NESTING): RequestHandler {
  return (req, res, next) => {
    const body = req.method === 'GET' ? req.query : (req.body as Record<string, unknown> | undefined);
    const query: unknown = body?.query;
    const depth = typeof query === 'string' ? nestingDepth(query) : 0;
    if (depth > max) {
      res.status(400).json({
        errors: [
          {
            message: `The operation nests braces, brackets or parentheses ${depth} levels deep; the limit is ${max}. Ask for fewer nested fields.`,
            extensions: { code: 'GRAPHQL_PARSE_FAILED', nesting: depth, limit: max },
          },
        ],
      });
      return;
    }
    let variables: unknown = body?.variables;
    if (typeof variables === 'string') {
      try {
        variables = JSON.parse(variables);
      } catch {
        return next(); // Apollo answers a malformed variables string itself
      }
    }
    const nested = valueDepth(variables) - 1;
    if (nested > max) {
      res
        .status(400)
        .json({ errors: [{ message: `The variables nest lists or objects ${nested} levels deep; the limit is ${max}.`, extensions: { code: 'BAD_REQUEST', nesting: nested, limit: max } }] });
      return;
    }
    next();
  };
}

/**
 * Most tokens a parsed operation may have (graphql-js's maxTokens). The largest acceptance
 * question has about 150; 15,000 still lets an alias bomb of a thousand lookups (~10,000 tokens)
 * through to the cost limits, whose refusal says what it would cost, while parsing, which holds
 * the event loop, stays within a few milliseconds.
 */
export const MAX_TOKENS = 15_000;

/** A validation rule: subscriptions are refused (HTTP 400, GRAPHQL_VALIDATION_FAILED). */
export function NoSubscriptions(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription') {
        context.reportError(new GraphQLError('Subscriptions are not supported: this API answers queries and mutations over HTTP POST (or GET for queries).', { nodes: node }));
      }
    },
  };
}

/** Arguments whose text the pipeline cleans (a document's content) rather than refuses: "<type or field>.<path>". */
const CLEANED = new Set(['IngestDocumentInput.content']);

/**
 * Refuses (BAD_USER_INPUT, naming the argument) a text argument, inline or in a variable, that
 * holds control characters or lone surrogates.
 */
/** A parsed document's literal text arguments: null when they are fine, else where and what is wrong. */
const literalVerdicts = new WeakMap<DocumentNode, { where: string; problem: string } | null>();

class Refused {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {}
}

export const textArgumentsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, operation, schema }) {
        if (!operation) return;
        const refuse = (where: string, problem: string) =>
          new GraphQLError(`Argument "${where}" ${problem}; remove it.`, { extensions: { code: 'BAD_USER_INPUT', argumentName: where, http: { status: 400 } } });
        // `owner` is the named input type the value starts in, `path` the input fields below it
        const check = (value: unknown, where: string, owner: string, path: string[]): void => {
          if (typeof value === 'string') {
            const problem = CLEANED.has(`${owner}.${path.join('.')}`) ? null : badCharacters(value);
            if (problem) throw refuse(where, problem);
          } else if (Array.isArray(value)) {
            value.forEach((v, i) => check(v, `${where}[${i}]`, owner, path));
          } else if (value && typeof value === 'object') {
            for (const [k, v] of Object.entries(value)) check(v, `${where}.${k}`, owner, [...path, k]);
          }
        };
        for (const def of operation.variableDefinitions ?? []) {
          const name = def.variable.name.value;
          const type = typeFromAST(schema, def.type as never) as GraphQLInputType | undefined;
          check(request.variables?.[name], `$${name}`, type ? getNamedType(type).name : '', []);
        }
        // the literals are the document's own: checked once per parsed document (Apollo's document
        // store hands the same DocumentNode back for the same text), not once per request
        let verdict = literalVerdicts.get(document);
        if (verdict === undefined) {
          verdict = null;
          const literal = (node: ValueNode, where: string, owner: string, path: string[]): void => {
            if (node.kind === Kind.STRING) {
              const problem = CLEANED.has(`${owner}.${path.join('.')}`) ? null : badCharacters(node.value);
              if (problem) throw new Refused(where, problem);
            } else if (node.kind === Kind.LIST) node.values.forEach((v, i) => literal(v, `${where}[${i}]`, owner, path));
            else if (node.kind === Kind.OBJECT) for (const f of node.fields) literal(f.value, `${where}.${f.name.value}`, owner, [...path, f.name.value]);
          };
          try {
            for (const def of document.definitions) {
              if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) {
                walkArguments(def.selectionSet as SelectionSet, (arg, field) => literal(arg.value, arg.name.value, inputTypeOf(schema, field, arg.name.value), []));
              }
            }
          } catch (e) {
            if (!(e instanceof Refused)) throw e;
            verdict = { where: e.where, problem: e.problem };
          }
          literalVerdicts.set(document, verdict);
        }
        if (verdict) throw refuse(verdict.where, verdict.problem);
      },
    };
  },
};

/** The named input type of a root field's argument ("IngestDocumentInput"), or "" when it has none. */
function inputTypeOf(schema: GraphQLSchema, field: string, arg: string): string {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    const a = root?.getFields()[field]?.args.find((x) => x.name === arg);
    if (a) return getNamedType(a.type).name;
  }
  return '';
}

type SelectionSet = { selections: readonly { kind: Kind; name?: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[]; selectionSet?: SelectionSet }[] };

/** Every argument of every field under a selection set (inline fragments included; named ones are walked where they are defined). */
function walkArguments(set: SelectionSet | undefined, visit: (arg: { name: { value: string }; value: ValueNode }, field: string) => void): void {
  for (const sel of set?.selections ?? []) {
    for (const arg of sel.arguments ?? []) visit(arg, sel.name?.value ?? '');
    walkArguments(sel.selectionSet, visit);
  }
}
