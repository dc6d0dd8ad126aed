import { GraphQLError } from 'graphql';
import { DateFormatError, parseIsoDate, dateBounds } from '../domain/dates.js';

/** A client mistake in one argument: code BAD_USER_INPUT, and the argument named. */
export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}": ${message}`, { extensions: { code: 'BAD_USER_INPUT', argumentName: argument } });
}

/** An argument names something the graph does not hold: code NOT_FOUND, and the argument named. */
export function notFoundArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}": ${message}`, { extensions: { code: 'NOT_FOUND', argumentName: argument } });
}

export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';
export const DATABASE_BUSY = 'DATABASE_BUSY';

/** Seconds a client should wait before it sends a request refused for DATABASE_BUSY or DATABASE_UNAVAILABLE again (Retry-After). */
export const RETRY_AFTER_SECONDS: Record<string, number> = { [DATABASE_BUSY]: 1, [DATABASE_UNAVAILABLE]: 5 };

/** Parses a date argument ("2024", "2024-05", "2024-05-15"); `edge` picks the first or last day it covers. */
export function dateArg(argument: string, value: string | null | undefined, edge: 'start' | 'end'): string | null {
  if (value === null || value === undefined) return null;
  try {
    return dateBounds(parseIsoDate(value))[edge];
  } catch (e) {
    throw badInput(argument, e instanceof DateFormatError ? e.message : `"${value}" is not a date`);
  }
}

export const QUERY_TOO_DEEP = 'QUERY_TOO_DEEP';
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
export const QUERY_TIMEOUT = 'QUERY_TIMEOUT';

/** An operation nesting fields deeper than the server allows (see limits.ts); HTTP 400. */
export function queryTooDeep(depth: number, limit: number): GraphQLError {
  return new GraphQLError(`The operation is ${depth} levels deep; the limit is ${limit}. Ask for fewer nested fields, or split it into several operations.`, {
    extensions: { code: QUERY_TOO_DEEP, depth, limit, http: { status: 400 } },
  });
}

/** An operation whose estimated cost is above the server's limit (see limits.ts); HTTP 400. */
export function queryTooComplex(complexity: number, limit: number): GraphQLError {
  return new GraphQLError(`The operation costs ${complexity}; the limit is ${limit}. Ask for smaller pages (first), fewer nested lists or fewer fields, or split it into several operations.`, {
    extensions: { code: QUERY_TOO_COMPLEX, complexity, limit, http: { status: 400 } },
  });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

/**
 * Neo4j stopped one of the operation's queries for running past its timeout. `field` is the root
 * field it served: a mutation's message says that nothing of it was written and what to do.
 */
export function queryTimeout(timeoutMs?: number, field?: MutationField): GraphQLError {
  const limit = timeoutMs === undefined ? 'the time limit' : seconds(timeoutMs);
  const message =
    field === 'ingestDocument'
      ? `Ingesting the document took longer than ${limit} and was rolled back: nothing of it was written. Send it again; if it times out again, split the document, or raise KG_WRITE_TIMEOUT_MS on the server.`
      : field
        ? `The ${field} mutation took longer than ${limit} and was rolled back: nothing of it was written. Send it again.`
        : `The query took longer than ${limit} and was stopped; narrow it (fewer items, fewer hops).`;
  return new GraphQLError(message, { extensions: { code: QUERY_TIMEOUT, ...(timeoutMs === undefined ? {} : { timeoutMs }) } });
}

/** A mutation's root field name ("ingestDocument"), when an error served one. */
export type MutationField = string;

/** Neo4j cannot be reached: nothing of a mutation was written. Retryable; HTTP 503. */
export function databaseUnavailable(field?: MutationField): GraphQLError {
  const message =
    field === 'ingestDocument'
      ? 'The graph database is unreachable. A document is written whole or not at all, and one sent twice is written once: send it again in a few seconds.'
      : field
        ? `The graph database is unreachable: the ${field} mutation was written whole or not at all. Send it again in a few seconds.`
        : 'The graph database is unreachable; retry in a few seconds.';
  return new GraphQLError(message, { extensions: { code: DATABASE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS[DATABASE_UNAVAILABLE] } });
}

/** The database is saturated (a query waited too long for its turn, or Neo4j had no worker free). Retryable; HTTP 503. */
export function databaseBusy(field?: MutationField, why = 'is busy'): GraphQLError {
  const nothing = field ? ` nothing of the ${field} mutation was written;` : '';
  return new GraphQLError(`The graph database ${why}:${nothing} retry in ${RETRY_AFTER_SECONDS[DATABASE_BUSY]} s.`, {
    extensions: { code: DATABASE_BUSY, retryAfterSeconds: RETRY_AFTER_SECONDS[DATABASE_BUSY] },
  });
}

/** A request that sent as many database queries as one request may: the rest of it is refused. */
export function queryBudgetSpent(limit: number): GraphQLError {
  return new GraphQLError(`The operation sent ${limit} database queries, as many as one request may; ask for fewer fields or nested lists, or split it into several operations.`, {
    extensions: { code: QUERY_TOO_COMPLEX, queries: limit, limit },
  });
}
