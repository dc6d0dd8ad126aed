import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import * as fields from './resolvers/fields.js';
import { QueryResolver } from './resolvers/query.js';

let built: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once per process from the type-graphql classes. */
export function schema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [QueryResolver, ...Object.values(fields)] as [Function, ...Function[]],
    validate: false,
  });
  return built;
}

/** The SDL committed as schema/schema.graphql. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await schema())).trim()}\n`;
}
