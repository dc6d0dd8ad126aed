/**
 * Every environment variable the `kg` commands and the server read, declared once: its rule, a
 * one-line description and its default. `loadConfig` checks them all before a command touches
 * Neo4j, so a bad value fails at once, naming the variable and what it expects, instead of
 * minutes later (after the local Neo4j started) or never (a typo silently falling back).
 *
 * Most variables have a reader elsewhere that already parses and checks them (the timeouts in
 * src/graph/db.ts, the cost limits in src/api/limits.ts, the API keys in src/api/auth.ts, the
 * log level and CORS origins in src/api/ops/, the local ports in java-service.ts). Their rule is
 * not written again here: the check calls that reader (`readBy`), so the check and the code that
 * uses the value cannot disagree, and those readers go on reading process.env. Variables
 * without such a reader get their rule here, and their parsed value comes from `loadConfig`
 * (PORT and HOST for `kg serve`).
 */
import { z } from 'zod';
import { authConfigFromEnv } from '../api/auth.js';
import { costLimitsFromEnv, DEFAULT_COST_LIMITS } from '../api/limits.js';
import { corsOriginsFromEnv } from '../api/ops/cors.js';
import { DEFAULT_RESPONSE_CACHE, responseCacheFromEnv } from '../api/response-cache.js';
import { LOG_LEVELS, logLevelFromEnv } from '../api/ops/logging.js';
import { DEFAULT_MAX_REQUEST_QUERIES, DEFAULT_QUERY_TIMEOUTS, maxRequestQueriesFromEnv, queryTimeoutsFromEnv } from '../graph/db.js';
import { DEFAULT_READ_CONCURRENCY, readConcurrencyFromEnv } from '../graph/gate.js';
import { DEFAULT_TIMEOUT_MS as CORENLP_DEFAULT_TIMEOUT_MS } from '../nlp/corenlp.js';
import { ConfigError } from './errors.js';
import { portFromEnv } from './java-service.js';

/** What `kg config` lists for a variable. `default` is only given where parsing "unset" cannot tell it. */
interface Doc {
  description: string;
  default?: string;
}

const docs = z.registry<Doc>();

const variable = <T extends z.ZodType>(schema: T, doc: Doc): T => {
  docs.add(schema, doc);
  return schema;
};

/**
 * An empty value (`PORT=`, as compose files often leave them) counts as unset, as the readers
 * elsewhere treat it. Spaces alone do not: NEO4J_URI=" " would reach the driver as it is.
 */
const unlessEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

const wholeNumber = (min: number, max: number, what: string) =>
  z.string().transform((raw, ctx) => {
    const n = Number(raw.trim());
    if (/^\d+$/.test(raw.trim()) && n >= min && n <= max) return n;
    ctx.addIssue({ code: 'custom', message: `expected ${what} (got "${raw}")` });
    return z.NEVER;
  });

const oneOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(values, { error: (issue) => `expected one of ${values.join(', ')} (got "${String(issue.input)}")` }));

/** A URL with one of the schemes. The value is not echoed: a URL may carry a password. */
const url = (schemes: string[], example: string) =>
  z.string().refine(
    (raw) => {
      try {
        const u = new URL(raw.trim());
        return schemes.includes(u.protocol.slice(0, -1)) && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: `expected a URL with a host and the scheme ${schemes.join(', ')}, e.g. ${example}` },
  );

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/**
 * A variable checked by the reader that uses it, called with this variable alone so that its
 * error is this variable's. A message already starting with the variable's name loses it (the
 * report puts the name first).
 */
const readBy = (name: string, reader: (env: NodeJS.ProcessEnv) => unknown) =>
  z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      try {
        reader({ [name]: value });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        ctx.addIssue({ code: 'custom', message: message.startsWith(name) ? message.slice(name.length).replace(/^[:\s]+/, '') : message });
      }
    });

const BATCH = '600000 under migrate, seed, ingest, eval and generate';

const fields = {
  PORT: variable(unlessEmpty(wholeNumber(1, 65535, 'a port, a whole number from 1 to 65535').default(4000)), {
    description: 'TCP port the GraphQL API listens on',
  }),
  HOST: variable(unlessEmpty(z.string().trim().default('127.0.0.1')), {
    description: 'address the API listens on (0.0.0.0: every interface, as in the Docker image)',
  }),
  NEO4J_URI: variable(unlessEmpty(url(NEO4J_SCHEMES, 'bolt://localhost:7687').optional()), {
    description: 'Neo4j server to use; unset: the local Neo4j of neo4j-local/ is started',
    default: 'unset',
  }),
  NEO4J_USER: variable(z.string().optional(), { description: 'user for NEO4J_URI; unset: no authentication', default: 'unset' }),
  NEO4J_PASSWORD: variable(z.string().optional(), { description: 'password of NEO4J_USER', default: 'unset' }),
  NEO4J_DATABASE: variable(z.string().optional(), { description: "database of NEO4J_URI; unset: the server's default database", default: 'unset' }),
  NEO4J_LOCAL_PORT: variable(
    readBy('NEO4J_LOCAL_PORT', (env) => portFromEnv('NEO4J_LOCAL_PORT', env)),
    {
      description: 'Bolt port of the local Neo4j on 127.0.0.1 (0: a free port)',
      default: '7687',
    },
  ),
  NEO4J_LOCAL_DATA: variable(z.string().optional(), {
    description: 'data folder of the local Neo4j (kg generate: .neo4j/scale-<N> unless set)',
    default: '.neo4j/data',
  }),
  NEO4J_LOCAL_JAVA_OPTS: variable(z.string().optional(), { description: 'JVM options of the local Neo4j', default: '-Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError' }),
  JAVA_HOME: variable(z.string().optional(), { description: 'Java for the local Neo4j and CoreNLP; unset: java on PATH', default: 'unset' }),
  SHARED_DIR: variable(z.string().optional(), {
    description: 'shared folder holding corpus/ and acceptance/',
    default: '../shared, else /work/shared',
  }),
  CORPUS_DIR: variable(z.string().optional(), { description: 'corpus texts, for citation checks and excerpts', default: '<shared>/corpus' }),
  KG_QUERY_TIMEOUT_MS: variable(readBy('KG_QUERY_TIMEOUT_MS', queryTimeoutsFromEnv), {
    description: 'milliseconds one read transaction (an API query) may run before Neo4j stops it',
    default: `${DEFAULT_QUERY_TIMEOUTS.readMs}; ${BATCH}`,
  }),
  KG_WRITE_TIMEOUT_MS: variable(readBy('KG_WRITE_TIMEOUT_MS', queryTimeoutsFromEnv), {
    description: 'milliseconds one write transaction (mutation, ingested document, seed load) may run',
    default: `${DEFAULT_QUERY_TIMEOUTS.writeMs}; ${BATCH}`,
  }),
  KG_MAX_DEPTH: variable(readBy('KG_MAX_DEPTH', costLimitsFromEnv), {
    description: 'deepest nesting of fields an operation may have',
    default: String(DEFAULT_COST_LIMITS.maxDepth),
  }),
  KG_MAX_COMPLEXITY: variable(readBy('KG_MAX_COMPLEXITY', costLimitsFromEnv), {
    description: 'highest estimated cost an operation may have',
    default: String(DEFAULT_COST_LIMITS.maxComplexity),
  }),
  KG_MAX_DB_COST: variable(readBy('KG_MAX_DB_COST', costLimitsFromEnv), {
    description: "highest database cost an operation's root fields may have (a lookup 1, a list 2, a search 3, a path search 8 at 4 hops)",
    default: String(DEFAULT_COST_LIMITS.maxDatabaseCost),
  }),
  KG_MAX_COSTLY_FIELDS: variable(readBy('KG_MAX_COSTLY_FIELDS', costLimitsFromEnv), {
    description: 'most searches, path searches, timelines, holders, duplicate lists and ingests one operation may ask for',
    default: String(DEFAULT_COST_LIMITS.maxCostlyFields),
  }),
  KG_MAX_REQUEST_QUERIES: variable(readBy('KG_MAX_REQUEST_QUERIES', maxRequestQueriesFromEnv), {
    description: 'most Neo4j queries one request may send; past it the rest of the request is refused',
    default: String(DEFAULT_MAX_REQUEST_QUERIES),
  }),
  KG_DB_CONCURRENCY: variable(readBy('KG_DB_CONCURRENCY', readConcurrencyFromEnv), {
    description: 'Neo4j reads of all requests running at once; the others wait their turn',
    default: String(DEFAULT_READ_CONCURRENCY.overall),
  }),
  KG_DB_REQUEST_CONCURRENCY: variable(readBy('KG_DB_REQUEST_CONCURRENCY', readConcurrencyFromEnv), {
    description: "Neo4j reads of one request running at once; default half the machine's cores, at least 1",
    default: String(DEFAULT_READ_CONCURRENCY.perRequest),
  }),
  KG_DB_QUEUE_MS: variable(readBy('KG_DB_QUEUE_MS', readConcurrencyFromEnv), {
    description: 'milliseconds a read may wait for its turn before the request is answered DATABASE_BUSY (HTTP 503)',
    default: String(DEFAULT_READ_CONCURRENCY.queueMs),
  }),
  KG_RESPONSE_CACHE: variable(readBy('KG_RESPONSE_CACHE', responseCacheFromEnv), {
    description: 'on: answers of queries are kept in Neo4j and served again until the next write; off: every query runs',
    default: 'on',
  }),
  KG_RESPONSE_CACHE_ENTRIES: variable(readBy('KG_RESPONSE_CACHE_ENTRIES', responseCacheFromEnv), {
    description: 'most answers the response cache keeps (the oldest go first)',
    default: String(DEFAULT_RESPONSE_CACHE.entries),
  }),
  KG_READS: variable(readBy('KG_READS', authConfigFromEnv), {
    description: 'open: queries need no key; key: queries need a reader or editor key',
    default: 'open',
  }),
  KG_API_KEYS: variable(readBy('KG_API_KEYS', authConfigFromEnv), {
    description: 'API keys, comma-separated <name>:<role>:<sha256 hex of the token> (kg key create)',
    default: 'none',
  }),
  KG_API_KEYS_FILE: variable(readBy('KG_API_KEYS_FILE', authConfigFromEnv), {
    description: 'YAML or JSON file listing {name, role, sha256}; read together with KG_API_KEYS',
    default: 'none',
  }),
  KG_NLP: variable(unlessEmpty(oneOf(['auto', 'off']).default('auto')), {
    description: 'auto: ingest with CoreNLP when it can be had; off: the rules and the gazetteer alone',
  }),
  CORENLP_URL: variable(unlessEmpty(url(['http', 'https'], 'http://127.0.0.1:9000').optional()), {
    description: 'running CoreNLP server with the Spanish models; unset: the local one is started on first ingest',
    default: 'unset',
  }),
  // nlpFromEnv applies this rule too, but only once CORENLP_URL is set and an ingest asks for
  // the engine (a bad value there turns the engine off with a warning): stated here so that it
  // fails at start, whether CORENLP_URL is set or not.
  CORENLP_TIMEOUT_MS: variable(unlessEmpty(wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a whole number of milliseconds above 0').optional()), {
    description: 'milliseconds one annotation by the CORENLP_URL server may take',
    default: String(CORENLP_DEFAULT_TIMEOUT_MS),
  }),
  CORENLP_PORT: variable(
    readBy('CORENLP_PORT', (env) => portFromEnv('CORENLP_PORT', env)),
    {
      description: 'port of the local CoreNLP server on 127.0.0.1',
      default: 'a free port',
    },
  ),
  CORENLP_JAVA_OPTS: variable(z.string().optional(), { description: 'JVM options of the local CoreNLP server', default: '-Xms256m -Xmx2g -XX:+ExitOnOutOfMemoryError' }),
  LOG_LEVEL: variable(readBy('LOG_LEVEL', logLevelFromEnv), {
    description: `least severe log lines the server writes: ${LOG_LEVELS.join(', ')}`,
    default: 'info',
  }),
  KG_CORS_ORIGINS: variable(readBy('KG_CORS_ORIGINS', corsOriginsFromEnv), {
    description: 'browser origins allowed to call the API, comma-separated, as browsers send them (https://app.example.org)',
    default: 'none',
  }),
  KG_BOLT_NODELAY: variable(unlessEmpty(oneOf(['0', '1']).default('1')), {
    description: "1: Bolt sockets without Nagle's algorithm (statements otherwise wait ~40 ms); 0: left on",
  }),
  EVAL_NEO4J_URI: variable(unlessEmpty(url(NEO4J_SCHEMES, 'bolt://localhost:7688').optional()), {
    description: 'empty Neo4j for kg eval; unset: a throw-away local Neo4j',
    default: 'unset',
  }),
  EVAL_NEO4J_USER: variable(z.string().optional(), { description: 'user for EVAL_NEO4J_URI', default: 'unset' }),
  EVAL_NEO4J_PASSWORD: variable(z.string().optional(), { description: 'password of EVAL_NEO4J_USER', default: 'unset' }),
  NODE_ENV: variable(z.string().optional(), {
    description: "production skips graphql-js's development checks (npm start and the image set it)",
    default: 'unset',
  }),
};

const KEY_VARIABLES = ['KG_API_KEYS', 'KG_API_KEYS_FILE', 'KG_READS'] as const;

/**
 * The schema of the whole environment. Once each key variable passes alone, the keys of
 * KG_API_KEYS and KG_API_KEYS_FILE are checked together (a name or token given twice).
 */
const ENV_SCHEMA = z.object(fields).check((ctx) => {
  if (ctx.issues.some((i) => (KEY_VARIABLES as readonly PropertyKey[]).includes(i.path?.[0] ?? ''))) return;
  try {
    authConfigFromEnv(Object.fromEntries(KEY_VARIABLES.map((k) => [k, ctx.value[k]])));
  } catch (e) {
    const message = `together with KG_API_KEYS_FILE: ${e instanceof Error ? e.message : String(e)}`;
    ctx.issues.push({ code: 'custom', path: ['KG_API_KEYS'], message, input: ctx.value.KG_API_KEYS });
  }
});

export type Config = z.output<typeof ENV_SCHEMA>;
type Variable = keyof typeof fields;

/** The checked environment, or ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
}

export interface VariableDoc {
  name: Variable;
  description: string;
  default: string;
}

/** Each variable with its description and default (the parse of "unset" unless the doc says it). */
export function describeVariables(): VariableDoc[] {
  return (Object.entries(fields) as [Variable, z.ZodType][]).map(([name, schema]) => {
    const doc = docs.get(schema)!;
    const unset = schema.safeParse(undefined);
    return { name, description: doc.description, default: doc.default ?? String(unset.success ? unset.data : 'unset') };
  });
}
