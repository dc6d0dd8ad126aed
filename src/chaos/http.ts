/**
 * HTTP to the server, raw enough to send what a careless or hostile client sends (bodies that are
 * not JSON, any content type, GET with a query string), and the classification of every answer:
 * status, GraphQL error codes, typed 503s, stack traces, untyped errors.
 */
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: 'GET' | 'POST';
  /** path with its query string, e.g. /graphql?query=... */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Answer {
  /** null: no HTTP answer (connection error or timeout) */
  status: number | null;
  body: string;
  /** the transport error, when there was no answer */
  error?: string;
  ms: number;
}

/** Agents with keep-alive: `sockets` connections at most (the canary gets one of its own). */
export function agent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

export function send(base: string, req: RawRequest, via: Agent, timeoutMs = 30_000): Promise<Answer> {
  const url = new URL(req.path, base);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (a: Omit<Answer, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...a, ms: performance.now() - started });
    };
    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (body) headers['content-length'] = String(body.length);
    const r = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: req.method, headers, agent: via }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => finish({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8'), error: e.message }));
    });
    r.setTimeout(timeoutMs, () => {
      r.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    });
    r.on('error', (e) => finish({ status: null, body: '', error: (e as NodeJS.ErrnoException).code ?? e.message }));
    if (body) r.write(body);
    r.end();
  });
}

/** A JSON POST to /graphql; `token` adds the editor key. */
export function post(body: unknown, token?: string, extraHeaders: Record<string, string> = {}): RawRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

interface GqlError {
  message?: string;
  extensions?: { code?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface GqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GqlError[];
}

function parseGql(body: string): GqlResponse | null {
  try {
    const v = JSON.parse(body) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as GqlResponse;
    if (Array.isArray(v)) {
      // a batched answer: its errors, merged
      const parts = v.filter((x): x is GqlResponse => !!x && typeof x === 'object');
      return { errors: parts.flatMap((p) => p.errors ?? []), data: parts.length ? (parts[0]!.data ?? null) : null };
    }
    return null;
  } catch {
    return null;
  }
}

const TYPED_503_CODES = new Set(['DATABASE_BUSY', 'DATABASE_UNAVAILABLE']);

/** Text that gives away the server's insides: stack frames, source positions, package paths. */
const STACK = /\n\s+at \S|\s{4}at [\w.<>$]+ \(|\.(?:ts|js|mjs|cjs):\d+|node_modules|"stacktrace"/;

export interface Outcome {
  status: number | null;
  /** error codes the body carries, sorted; "(none)" for an error without a code */
  codes: string[];
  /** 503 whose every error is DATABASE_BUSY or DATABASE_UNAVAILABLE */
  typed503: boolean;
  /** a 5xx that is not a typed 503 */
  untyped5xx: boolean;
  stackLeak: boolean;
  /** errors without extensions.code or with INTERNAL_SERVER_ERROR, or an error status without a GraphQL body */
  untypedErrors: number;
  /** no HTTP answer at all */
  noAnswer: boolean;
  /** "200", "400 GRAPHQL_PARSE_FAILED", "no answer (ECONNRESET)" */
  key: string;
}

export function classify(a: Answer): Outcome {
  if (a.status === null) {
    return { status: null, codes: [], typed503: false, untyped5xx: false, stackLeak: false, untypedErrors: 0, noAnswer: true, key: `no answer (${a.error ?? '?'})` };
  }
  const gql = parseGql(a.body);
  const errors = gql?.errors ?? [];
  const codes = errors.map((e) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : '(none)'));
  let untypedErrors = codes.filter((c) => c === '(none)' || c === 'INTERNAL_SERVER_ERROR').length;
  const graphqlShaped = !!gql && (Array.isArray(gql.errors) || 'data' in gql);
  if (!graphqlShaped && a.status >= 400) untypedErrors++;
  const typed503 = a.status === 503 && codes.length > 0 && codes.every((c) => TYPED_503_CODES.has(c));
  const distinct = [...new Set(codes)].sort();
  const shape = graphqlShaped ? '' : a.status >= 400 ? ' (not a GraphQL body)' : '';
  return {
    status: a.status,
    codes: distinct,
    typed503,
    untyped5xx: a.status >= 500 && !typed503,
    stackLeak: STACK.test(a.body),
    untypedErrors,
    noAnswer: false,
    key: `${a.status}${distinct.length ? ` ${distinct.join('+')}` : ''}${shape}`,
  };
}

/** A GraphQL request and its parsed answer, for the suite's own queries and mutations. */
export async function gql<T = Record<string, unknown>>(
  base: string,
  via: Agent,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  timeoutMs = 120_000,
): Promise<{ answer: Answer; outcome: Outcome; body: GqlResponse<T> | null }> {
  const answer = await send(base, post({ query, variables }, token), via, timeoutMs);
  return { answer, outcome: classify(answer), body: parseGql(answer.body) as GqlResponse<T> | null };
}
