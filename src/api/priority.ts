import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from './context.js';
import { measuredCost, type MeasuredCost } from './limits.js';

/**
 * What makes a request light: no search, path search, timeline or ingest, root fields that cost
 * the database 3 at most (three lookups, or a page of up to 20), and an estimated cost of 1,000 at
 * most (a lookup of a person's name is 1; the person with their posts and a page of 20 events, 33). Everything else the
 * limits let through is heavy, and gives way to light requests in flight (LightFirst, gate.ts).
 */
const LIGHT_REQUEST = { maxDatabaseCost: 3, maxComplexity: 1_000 };

export function isLight(cost: MeasuredCost): boolean {
  return cost.database.costlyFields === 0 && cost.database.cost <= LIGHT_REQUEST.maxDatabaseCost && cost.complexity !== null && cost.complexity <= LIGHT_REQUEST.maxComplexity;
}

/**
 * Light requests first (see LightFirst): a light request is marked in flight from the start of its
 * execution to its answer; a heavy one waits for light ones in flight before it executes, and its
 * reads do before each query. Runs after the cost checks (costLimitsPlugin), which measure the cost.
 */
export function priorityPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let leave: (() => void) | null = null;
      return {
        async executionDidStart({ contextValue }) {
          const cost = measuredCost(contextValue);
          if (!cost) return;
          if (isLight(cost)) leave = contextValue.db.markLight();
          else {
            contextValue.db.markHeavy();
            takeTurns(contextValue);
            await contextValue.db.yieldToLight();
          }
        },
        async willSendResponse() {
          leave?.();
        },
      };
    },
  };
}

/**
 * A heavy request's root fields, one per turn of the event loop. A root field whose data the
 * look-ahead fetched completes its whole subtree in one go once its resolver answers, and the
 * root fields of one batched read (sixty aliased lookups) all answer at once: the completion of
 * the lot ran as one stretch of several milliseconds, during which a light request that arrived
 * or whose read came back waited. Each root field of a heavy request now waits for the previous
 * one's turn, then for the next turn of the event loop (setImmediate: after the I/O waiting), and
 * gives way to light requests in flight.
 */
class Turns {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly db: Pick<Context['db'], 'yieldToLight'>) {}

  next(): Promise<void> {
    const turn = this.last.then(() => this.db.yieldToLight()).then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.last = turn;
    return turn;
  }
}

const turnsOf = new WeakMap<object, Turns>();

/** From now on, the root fields of the request whose context this is take turns (see Turns). */
export function takeTurns(context: { db: Pick<Context['db'], 'yieldToLight'> }): void {
  turnsOf.set(context, new Turns(context.db));
}

/** Wraps the resolvers of the schema's root query fields so that those of a heavy request take turns (see Turns). */
export function rootFieldsTakeTurns(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) return schema;
  for (const field of Object.values(query.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: Context, info) => {
      const value = await resolve(source, args, context, info);
      const turns = turnsOf.get(context);
      if (turns) await turns.next();
      return value;
    };
  }
  return schema;
}
