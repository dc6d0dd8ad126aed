/**
 * Our GraphQL server as the benchmark runs it: a child process (so its memory is its own) on a
 * free port, against BENCH_NEO4J_URI. It counts each request's database round trips with the
 * server's `onRequestDone` hook and, on request, records the queries (and parameters) that
 * requests run, for the parent to PROFILE. Not for use outside src/bench/bench.ts.
 */
import 'reflect-metadata';
import { startServer } from '../api/server.js';
import { Db } from '../graph/db.js';
import { encodeParams, serveParent, type CapturedQuery, type FromChild } from './child.js';

const uri = process.env.BENCH_NEO4J_URI;
if (!uri) throw new Error('BENCH_NEO4J_URI is not set');
const db = Db.connect({
  uri,
  ...(process.env.BENCH_NEO4J_USER ? { user: process.env.BENCH_NEO4J_USER, password: process.env.BENCH_NEO4J_PASSWORD ?? '' } : {}),
});

// Every read goes through readText: the named cypher/ queries and the look-ahead's projections.
let captured: CapturedQuery[] | null = null;
const readText = Db.prototype.readText;
Db.prototype.readText = function <T>(this: Db, text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  captured?.push({ name: 'ours', query: text, params: encodeParams(params) });
  return readText.call(this, text, params) as Promise<T[]>;
};

let requests = 0;
let roundTrips = 0;
const server = await startServer({
  db,
  port: 0,
  // the benchmark's output is its figures; a log line per request would also cost time
  logLevel: 'warn',
  // the benchmark's targets are judged uncached; bench.ts starts a second server with the cache on
  responseCache: process.env.BENCH_RESPONSE_CACHE === 'on',
  onRequestDone: (ctx) => {
    requests++;
    roundTrips += ctx.db.roundTrips;
  },
});
serveParent(
  () => ({ requests, queries: roundTrips, sessions: roundTrips }),
  (on) => {
    const out = captured ?? [];
    captured = on ? [] : null;
    return out;
  },
);
process.send!({ type: 'ready', url: server.url } satisfies FromChild);
