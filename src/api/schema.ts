import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth.js';
import { rootFieldsTakeTurns } from './priority.js';
import * as fields from './resolvers/fields.js';
import * as history from './resolvers/history.js';
import { EntityMatchResolver, IngestResultResolver, MutationResolver } from './resolvers/mutation.js';
import { QueryResolver } from './resolvers/query.js';

let built: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once per process from the type-graphql classes. */
export function schema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes its resolver classes as Function
    resolvers: [QueryResolver, MutationResolver, IngestResultResolver, EntityMatchResolver, ...Object.values(fields), ...Object.values(history)] as [Function, ...Function[]],
    validate: false,
    // @Authorized('editor') on mutations: no key is UNAUTHENTICATED, a reader key FORBIDDEN (auth.ts)
    authChecker,
  })
    .then(describeRootTypes)
    .then(rootFieldsTakeTurns);
  return built;
}

/** type-graphql names the root types but takes no description for them: they are set here. */
function describeRootTypes(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  if (query) {
    query.description =
      'Reads of the graph: look up, search, list and traverse entities, facts and documents. ' + 'Open to all unless the server asks for a key for reads (then a reader or editor key).';
  }
  const mutation = built.getMutationType();
  if (mutation) {
    mutation.description =
      'Changes to the graph: ingesting documents, reviewing facts, merging and splitting entities, undoing edits. ' +
      "Each needs an editor key and runs in one transaction; editors' changes are kept in the `history` of the nodes they change.";
  }
  return built;
}

/** The SDL committed as schema/schema.graphql. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await schema())).trim()}\n`;
}
