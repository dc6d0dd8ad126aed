/**
 * The response cache: whole answers of read operations, kept in Neo4j so that every server on
 * one graph shares them, and never served across a write.
 *
 * Every write transaction adds one to the graph's version (write/take-graph-lock: it lands or
 * rolls back with the writes). An entry is stored with the version the request saw before it
 * ran, and only while the graph is still at that version (write/cache-response), so an answer
 * that may hold part of a write is never kept; a lookup (read/cached-response) returns the entry
 * only if its version is the graph's version now. Lookup and version check are one query.
 *
 * Why not Apollo's response-cache plugin (@apollo/server-plugin-response-cache) over a
 * KeyValueCache kept in Neo4j: that interface's `get(key)` knows nothing of the request, so the
 * graph's version would have to be read first, in a query of its own, to be part of the key:
 * two round trips for every hit where this takes one. It also needs cache hints on the schema's
 * fields to store anything, where here every query of the schema is as cacheable as the others.
 *
 * The key: the operation's text, its name and variables, the day (UTC: a commitment's status
 * depends on today's date), and the server's schema and release (servers of another schema or
 * release never share an entry). Answers do not depend on who asks (keys only gate writes and,
 * with KG_READS=key, whether one may read at all, checked before the lookup). Only answers
 * without errors are stored; mutations never are. Entries go when the graph's version moves
 * past them or when more than `entries` are kept (oldest first), checked after every
 * EVICT_EVERY stores of a server. A lookup refused because the database is saturated or
 * unreachable answers DATABASE_BUSY or DATABASE_UNAVAILABLE (HTTP 503) at once, rather than make
 * the operation wait for the same refusal again.
 *
 * Every response of a read says what the cache did in the `x-kg-cache` header: `hit`, `miss`
 * (computed now; stored if it could be), or nothing when the cache is off.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { printSchema, type GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { positiveIntFromEnv } from '../config/numbers.js';
import { canonicalJson } from '../graph/canonical-json.js';
import { isBusy, isUnavailable, type Db } from '../graph/db.js';
import type { Context } from './context.js';
import { databaseBusy, databaseUnavailable } from './errors.js';

export interface ResponseCacheConfig {
  enabled: boolean;
  /** most entries kept; past it the oldest go */
  entries: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheConfig = { enabled: true, entries: 10_000 };

/** Answers larger than this (bytes of JSON) are not stored: one entry stays one property a lookup reads quickly. */
const MAX_ENTRY_BYTES = 1_000_000;

/** Stores by one server between two evictions. */
const EVICT_EVERY = 100;

export const CACHE_HEADER = 'x-kg-cache';

/** KG_RESPONSE_CACHE (`on`, default, or `off`) and KG_RESPONSE_CACHE_ENTRIES (default 10000). */
export function responseCacheFromEnv(env: NodeJS.ProcessEnv = process.env): ResponseCacheConfig {
  const raw = (env.KG_RESPONSE_CACHE ?? '').trim().toLowerCase();
  if (raw !== '' && raw !== 'on' && raw !== 'off') throw new Error(`KG_RESPONSE_CACHE must be "on" or "off" (got "${env.KG_RESPONSE_CACHE}")`);
  return { enabled: raw !== 'off', entries: positiveIntFromEnv(env, 'KG_RESPONSE_CACHE_ENTRIES', DEFAULT_RESPONSE_CACHE.entries) };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const RELEASE = String((createRequire(import.meta.url)('../../package.json') as { version?: string }).version ?? '');

/** What answers of this server depend on besides the request: its schema and release. */
export function cacheNamespace(schema: GraphQLSchema): string {
  return sha256(`${RELEASE}\n${printSchema(schema)}`);
}

export interface CacheKeyParts {
  namespace: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null | undefined;
}

/** The entry's key: equal requests (the same text, name and variables, in any key order) give equal keys. */
export function cacheKey(parts: CacheKeyParts): string {
  return sha256(canonicalJson([parts.namespace, parts.day, parts.operationName, parts.query, parts.variables ?? {}]));
}

export interface CacheCounters {
  hit(): void;
  miss(): void;
  stored(): void;
}

/**
 * The Apollo plugin: a lookup before a query operation runs (after its access, input and cost
 * checks), its answer stored after it is sent. A lookup refused as busy or unreachable answers
 * that error; any other failure of a lookup, and any failed store, is logged at debug and the
 * request goes on as if there were no cache.
 */
export function responseCachePlugin(db: Db, schema: GraphQLSchema, config: ResponseCacheConfig, logger: Pick<Logger, 'debug'>, counters?: CacheCounters): ApolloServerPlugin<Context> {
  const namespace = cacheNamespace(schema);
  let storesSinceEviction = 0;
  let evicting = false;
  const evict = async () => {
    if (evicting) return;
    evicting = true;
    try {
      await db.writeOutsideGraph('write/evict-cached-responses', { entries: config.entries });
    } catch (err) {
      logger.debug({ err }, 'response cache: eviction failed');
    } finally {
      evicting = false;
    }
  };
  const store = async (key: string, version: number, body: string) => {
    try {
      const [row] = await db.writeOutsideGraph<{ stored: number }>('write/cache-response', { key, version, body, at: new Date().toISOString() });
      if (!row?.stored) return;
      counters?.stored();
      if (++storesSinceEviction >= EVICT_EVERY) {
        storesSinceEviction = 0;
        await evict();
      }
    } catch (err) {
      // two servers storing one key at once: one of them meets the key's constraint, and the entry is there
      logger.debug({ err }, 'response cache: store failed');
    }
  };
  return {
    async requestDidStart() {
      let pending: { key: string; version: number } | null = null;
      return {
        async responseForOperation({ operation, source, operationName, request, contextValue }) {
          if (operation.operation !== 'query' || contextValue.uncached) return null;
          const key = cacheKey({ namespace, day: new Date().toISOString().slice(0, 10), query: source, operationName: operationName ?? null, variables: request.variables });
          let row: { version: number; body: string | null } | undefined;
          try {
            [row] = await contextValue.db.read<{ version: number; body: string | null }>('read/cached-response', { key });
          } catch (err) {
            // refused at the read gate, or the database unreachable: the operation would meet the
            // same after as long a wait again, so the answer is the retryable error now
            const refusal = isBusy(err) ? databaseBusy() : isUnavailable(err) ? databaseUnavailable() : null;
            if (refusal) return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [{ message: refusal.message, extensions: refusal.extensions }] } } };
            logger.debug({ err }, 'response cache: lookup failed');
            return null;
          }
          if (!row) return null;
          if (row.body === null) {
            counters?.miss();
            pending = { key, version: row.version };
            return null;
          }
          counters?.hit();
          return { http: { headers: new HeaderMap([[CACHE_HEADER, 'hit']]) }, body: { kind: 'single', singleResult: JSON.parse(row.body) as Record<string, unknown> } };
        },
        async willSendResponse({ response }) {
          if (!pending) return;
          response.http.headers.set(CACHE_HEADER, 'miss');
          const { body } = response;
          if (body.kind !== 'single' || body.singleResult.errors?.length || body.singleResult.data == null) return;
          const text = JSON.stringify({ data: body.singleResult.data });
          if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) return;
          // after the response: the client does not wait for the store
          const { key, version } = pending;
          setImmediate(() => void store(key, version, text));
        },
      };
    },
  };
}
