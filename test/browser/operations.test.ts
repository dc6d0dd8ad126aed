/**
 * Every operation the explorer sends (explorer/src/queries.ts) is valid against the API's schema
 * and within the server's default cost limits (depth, estimated cost, database cost), so that no
 * view meets a validation error or QUERY_TOO_COMPLEX, mutations included. No browser, no database.
 */
import { parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import * as queries from '../../explorer/src/queries.js';
import { databaseCost, DEFAULT_COST_LIMITS, operationComplexity, operationDepth } from '../../src/api/limits.js';
import { schema } from '../../src/api/schema.js';

const operations: [string, string][] = [
  ...Object.entries(queries).filter((e): e is [string, string] => typeof e[1] === 'string' && /^(query|mutation) /.test(e[1])),
  ['REVIEW(confirmFact)', queries.REVIEW('confirmFact')],
  ['REVIEW(rejectFact)', queries.REVIEW('rejectFact')],
];

const variables = {
  id: 'person:someone',
  entity: 'person:someone',
  q: 'salud',
  from: 'person:a',
  to: 'person:b',
  maxHops: 6,
  keep: 'person:a',
  merge: 'person:b',
  a: 'person:a',
  b: 'person:b',
  note: null,
};

let built: GraphQLSchema;
beforeAll(async () => {
  built = await schema();
});

describe("the explorer's operations", () => {
  it('are all found', () => {
    // search, entity, neighbours, paths, timeline, document, fact, queue, and the five mutations
    expect(operations.length).toBeGreaterThanOrEqual(13);
  });

  it.each(operations)('%s is valid and within the default limits', (_name, text) => {
    const document = parse(text);
    expect(validate(built, document).map((e) => e.message)).toEqual([]);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(operationDepth(operation, document)).toBeLessThanOrEqual(DEFAULT_COST_LIMITS.maxDepth);
    const complexity = operationComplexity(built, document, undefined, variables);
    expect(complexity).not.toBeNull();
    expect(complexity!).toBeLessThanOrEqual(DEFAULT_COST_LIMITS.maxComplexity);
    const db = databaseCost(built, operation, document, variables);
    expect(db.cost).toBeLessThanOrEqual(DEFAULT_COST_LIMITS.maxDatabaseCost);
    expect(db.costlyFields).toBeLessThanOrEqual(DEFAULT_COST_LIMITS.maxCostlyFields);
  });
});
