import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DestinationStream, LevelWithSilent, Logger } from 'pino';
import { isBusy, isTimeout, isUnavailable, QueryBudgetError, QueryTimeoutError, type Db } from '../graph/db.js';
import { authConfigFromEnv, authenticate, readAccessPlugin, type AuthConfig } from './auth.js';
import { createContext, type Context } from './context.js';
import {
  DATABASE_BUSY,
  DATABASE_UNAVAILABLE,
  databaseBusy,
  databaseUnavailable,
  QUERY_TIMEOUT,
  QUERY_TOO_COMPLEX,
  QUERY_TOO_DEEP,
  queryBudgetSpent,
  queryTimeout,
  RETRY_AFTER_SECONDS,
} from './errors.js';
import { EXAMPLES } from './examples.js';
import { costLimitsFromEnv, costLimitsPlugin, type CostLimits } from './limits.js';
import { priorityPlugin } from './priority.js';
import { MAX_TOKENS, nestingGuard, NoSubscriptions, textArgumentsPlugin } from './input-bounds.js';
import { corsFor, corsOriginsFromEnv } from './ops/cors.js';
import { healthRoutes } from './ops/health.js';
import { createLogger, httpLog } from './ops/logging.js';
import { ServerMetrics } from './ops/metrics.js';
import { operationsPlugin } from './ops/operations-plugin.js';
import { warmUp, type WarmUpReport } from './ops/warmup.js';
import { currentRequestId, requestId } from './ops/request-id.js';
import { explorerRouter } from './explorer.js';
import { playgroundRouter } from './playground.js';
import { exportRouter } from './export-routes.js';
import { responseCacheFromEnv, responseCachePlugin, type ResponseCacheConfig } from './response-cache.js';
import { schema } from './schema.js';
import type { NlpEngine } from '../nlp/engine.js';

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  QUERY_TOO_DEEP,
  QUERY_TOO_COMPLEX,
  QUERY_TIMEOUT,
]);

/**
 * What a client sees of an error: its own mistakes in full (code, message, argument), an
 * unreachable database as DATABASE_UNAVAILABLE, a saturated one as DATABASE_BUSY (both
 * retryable, HTTP 503: see retryablePlugin), a query Neo4j stopped for its timeout as
 * QUERY_TIMEOUT (but as DATABASE_BUSY while `warming()`: a Neo4j just restarted is slow for a
 * while, and the same query will pass in a moment), a request past its budget of queries as
 * QUERY_TOO_COMPLEX, anything else as a
 * bare INTERNAL_SERVER_ERROR. An error of a mutation (`mutations` holds their root field names)
 * says that nothing of it was written. Never a stack trace: that goes to the server's log, with
 * the request's id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Pick<Logger, 'error'>,
  mutations: ReadonlySet<string> = new Set(),
  warming: () => boolean = () => false,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = String(formatted.extensions?.code ?? '');
  const root = formatted.path?.[0];
  const mutation = typeof root === 'string' && mutations.has(root) ? root : undefined;
  const typed = (e: GraphQLError): GraphQLFormattedError => ({ message: e.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: e.extensions });
  if (isTimeout(original) && warming()) return typed(databaseBusy(mutation, 'is warming up after it started'));
  if (isTimeout(original)) return typed(queryTimeout(original instanceof QueryTimeoutError ? original.timeoutMs : undefined, mutation));
  if (isBusy(original)) return typed(databaseBusy(mutation));
  if (isUnavailable(original)) return typed(databaseUnavailable(mutation));
  if (original instanceof QueryBudgetError) return typed(queryBudgetSpent(original.limit));
  // Apollo's own refusals of a request (a persisted query's hash that does not match, say) carry an
  // HTTP status of 4xx and no code of their own (Apollo then calls them INTERNAL_SERVER_ERROR)
  const status = (original as { extensions?: { http?: { status?: number } } } | null)?.extensions?.http?.status;
  if (original instanceof GraphQLError && !original.originalError && !original.extensions?.code && typeof status === 'number' && status >= 400 && status < 500) {
    return { message: formatted.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'BAD_REQUEST' } };
  }
  if (CLIENT_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ requestId: currentRequestId(), err: original }, 'internal error');
  return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * A response whose errors include DATABASE_BUSY or DATABASE_UNAVAILABLE is sent with HTTP 503 and
 * a Retry-After header (seconds), so that clients and proxies retry it as they retry any 503.
 */
const retryablePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const codes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
        const retryable = codes.filter((c) => c === DATABASE_BUSY || c === DATABASE_UNAVAILABLE);
        if (!retryable.length) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(Math.max(...retryable.map((c) => RETRY_AFTER_SECONDS[c]!))));
      },
    };
  },
};

export interface RunningServer {
  url: string;
  port: number;
  /** settles when the warm-up ends (at once, null, without `warmUp`) */
  warmed: Promise<WarmUpReport | null>;
  /** warms Neo4j again (after a restart of it); meanwhile /ready says warming, and queries that time out are DATABASE_BUSY */
  rewarm(): Promise<WarmUpReport>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  db: Db;
  port?: number;
  host?: string;
  /** called with each request's context once the response is sent (tests count round trips with it) */
  onRequestDone?: (ctx: Context) => void;
  /** API keys and read access; default: from KG_API_KEYS, KG_API_KEYS_FILE and KG_READS (see auth.ts) */
  auth?: AuthConfig;
  /** depth and complexity limits (see limits.ts); default: from KG_MAX_DEPTH and KG_MAX_COMPLEXITY */
  limits?: Partial<CostLimits>;
  /** fetch every level a request selects in one query (lookahead.ts); default true. Off: one batch query per level */
  lookahead?: boolean;
  /** the NLP engine ingestDocument uses (default none: the rules alone) */
  nlp?: NlpEngine | null;
  /** browser origins allowed cross-origin access (see ops/cors.ts); default: from KG_CORS_ORIGINS */
  corsOrigins?: string[];
  /** where the server logs; default: a JSON logger (ops/logging.ts) at `logLevel` writing to `logDestination` */
  logger?: Logger;
  /** default: LOG_LEVEL */
  logLevel?: LevelWithSilent;
  /** default: standard output */
  logDestination?: DestinationStream;
  /**
   * warm Neo4j (ops/warmup.ts) once listening, before /ready says ready; GraphQL requests that
   * arrive meanwhile wait for it. Default false (tests); `kg serve` turns it on.
   */
  warmUp?: boolean;
  /**
   * the response cache (response-cache.ts): answers of queries kept in Neo4j, never served across
   * a write; default: from KG_RESPONSE_CACHE (on) and KG_RESPONSE_CACHE_ENTRIES; false: off
   */
  responseCache?: Partial<ResponseCacheConfig> | boolean;
}

/** Longest a GraphQL request waits for the warm-up at start before it is served anyway. */
const WARM_UP_WAIT_MS = 180_000;

/** Largest request body: a 1 MB document (ingestDocument) with room for JSON escaping. */
const BODY_LIMIT = '4mb';

/**
 * Express app serving /graphql (API and offline playground), /health (liveness), /ready
 * (readiness: Neo4j answers) and /metrics (Prometheus).
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const auth = opts.auth ?? authConfigFromEnv();
  const limits: CostLimits = { ...costLimitsFromEnv(), ...opts.limits };
  const cacheFromEnv = responseCacheFromEnv();
  const cache: ResponseCacheConfig =
    typeof opts.responseCache === 'object' ? { ...cacheFromEnv, enabled: true, ...opts.responseCache } : { ...cacheFromEnv, enabled: opts.responseCache ?? cacheFromEnv.enabled };
  const corsOrigins = opts.corsOrigins ?? corsOriginsFromEnv();
  const logger = opts.logger ?? createLogger({ level: opts.logLevel, destination: opts.logDestination });
  const metrics = new ServerMetrics();
  const unobserve = opts.db.observe(metrics.dbObserver);
  const app = express();
  app.disable('x-powered-by');
  const http: Server = createServer(app);
  // What Node's HTTP parser refuses before express sees it (headers over 16 KB, a GET with a huge
  // query string, bytes that are not HTTP) still gets a GraphQL-shaped answer saying what to do.
  http.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const message = tooLarge ? 'The request line and headers are larger than 16 KB; send the operation in the body of a POST.' : 'The request is not valid HTTP.';
    const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  const done: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          opts.onRequestDone?.(contextValue);
        },
      };
    },
  };
  // Warm-ups running now: the first one (with `warmUp`) and any after a restart of Neo4j. While
  // one runs, /ready says "warming" and a query that times out is DATABASE_BUSY (retry shortly),
  // not QUERY_TIMEOUT (ask for less). GraphQL requests wait for the first one (up to
  // WARM_UP_WAIT_MS) rather than run cold; during a later one they are served at once: holding
  // them made the first answer after a restart come 23 to 28 s after Neo4j was back, against 2.5
  // to 7.5 s served at once (chaos suite, seed graph, busy 2-core machine).
  let warmups = 0;
  let starting = opts.warmUp ?? false;
  const isWarming = () => warmups > 0;
  let warmedUp: (report: WarmUpReport | null) => void = () => {};
  const warmed = new Promise<WarmUpReport | null>((resolve) => (warmedUp = resolve));
  const built = await schema();
  const mutations = new Set(Object.keys(built.getMutationType()?.getFields() ?? {}));
  const apollo = new ApolloServer<Context>({
    schema: built,
    formatError: (formatted, error) => formatError(formatted, error, logger, mutations, isWarming),
    includeStacktraceInErrorResponses: false,
    validationRules: [NoSubscriptions],
    parseOptions: { maxTokens: MAX_TOKENS },
    // the playground and integrations read the schema, in production too (NODE_ENV=production turns it off by default)
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      ApolloServerPluginLandingPageDisabled(),
      // no cache hints are set; left on, the plugin wraps every field resolver to collect them
      ApolloServerPluginCacheControlDisabled(),
      readAccessPlugin(auth),
      textArgumentsPlugin,
      costLimitsPlugin(limits),
      // after the cost checks, which measure what it reads against
      priorityPlugin(),
      // after the access, input and cost checks: a refused request is refused from the cache too
      ...(cache.enabled ? [responseCachePlugin(opts.db, built, cache, logger, metrics.cache)] : []),
      retryablePlugin,
      operationsPlugin(logger, metrics),
      done,
    ],
  });
  await apollo.start();

  // first, so that every response carries its request id, the error pages of express included
  app.use(requestId);
  app.use(httpLog(logger));
  if (corsOrigins.length) app.use(corsFor(corsOrigins));
  app.use(healthRoutes(opts.db, logger, isWarming));
  app.get('/metrics', metrics.handler);
  app.use(explorerRouter());
  app.use(playgroundRouter({ endpoint: '/graphql', examples: EXAMPLES, title: 'Officials knowledge graph' }));
  app.use(exportRouter({ db: opts.db, auth, logger }));
  app.use(
    '/graphql',
    // requests that arrive while Neo4j warms up wait for it rather than run cold
    async (_req, _res, next) => {
      if (starting) await Promise.race([warmed, new Promise((r) => setTimeout(r, WARM_UP_WAIT_MS).unref())]);
      next();
    },
    express.json({ limit: BODY_LIMIT }),
    nestingGuard(),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        ...createContext(opts.db, authenticate(auth, req.headers.authorization), { lookahead: opts.lookahead ?? true, nlp: opts.nlp ?? null }),
        ingested: (written) => metrics.ingested(written),
      }),
    }),
  );
  // A body express cannot read (too large, not JSON) still gets a GraphQL-shaped answer.
  app.use('/graphql', ((err, _req, res, next) => {
    const { status = 500, type } = err as { status?: number; type?: string };
    if (res.headersSent || status >= 500) return next(err);
    const message =
      status === 413
        ? `The request body is larger than ${BODY_LIMIT.toUpperCase()}.`
        : type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : `The request body could not be read (${String(type ?? status)}).`;
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  }) as express.ErrorRequestHandler);

  await new Promise<void>((resolve) => http.listen(opts.port ?? 4000, opts.host ?? '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const rewarm = (): Promise<WarmUpReport> => {
    warmups++;
    return warmUp(opts.db, apollo, logger)
      .then((report) => {
        logger.info(report, 'warm-up done');
        return report;
      })
      .finally(() => warmups--);
  };
  if (starting) {
    void rewarm()
      .then(warmedUp, () => warmedUp(null))
      .finally(() => (starting = false));
  } else {
    warmedUp(null);
  }
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    warmed,
    rewarm,
    async stop() {
      await apollo.stop();
      unobserve();
    },
  };
}
