/**
 * The comparison server: @neo4j/graphql over our model (neo4j-graphql-typedefs.ts), served by
 * Apollo Server 5 on express 5 like ours, as a child process on a free port against
 * BENCH_NEO4J_URI. The driver it is given is wrapped to count sessions and transaction runs and,
 * on request, to record the Cypher it generates (with parameters) for the parent to PROFILE.
 * Not for use outside src/bench/bench.ts.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeParams, neo4jAuthFromEnv, serveParent, type CapturedQuery, type FromChild } from './child.js';
import { TYPE_DEFS } from './neo4j-graphql-typedefs.js';
import { boltNoDelay } from '../graph/db.js';

const uri = process.env.BENCH_NEO4J_URI;
if (!uri) throw new Error('BENCH_NEO4J_URI is not set');
// the same socket settings as our server's driver and the floor's (TCP_NODELAY: see db.ts)
boltNoDelay();
const real = neo4j.driver(uri, neo4jAuthFromEnv());

let sessions = 0;
let queries = 0;
let captured: CapturedQuery[] | null = null;

/** Delegates everything to `target`, except the members in `overrides`. */
function wrap<T extends object>(target: T, overrides: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (prop in overrides) return overrides[prop as keyof T];
      const v = Reflect.get(t, prop, t) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
  wrap(tx, {
    run: (query: string, params?: Record<string, unknown>) => {
      queries++;
      captured?.push({ name: 'generated', query, params: encodeParams(params ?? {}) });
      return tx.run(query, params);
    },
  });

const wrapSession = (s: Session): Session =>
  wrap(s, {
    executeRead: <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: object) => s.executeRead((tx) => work(wrapTx(tx)), config),
    executeWrite: <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: object) => s.executeWrite((tx) => work(wrapTx(tx)), config),
  });

const driver: Driver = wrap(real, {
  session: (config?: Parameters<Driver['session']>[0]) => {
    sessions++;
    return wrapSession(real.session(config));
  },
});

const neoSchema = new Neo4jGraphQL({
  typeDefs: TYPE_DEFS,
  driver,
  // date bounds are ISO strings: range filters on them need these
  features: { filters: { String: { GT: true, GTE: true, LT: true, LTE: true } } },
});

let requests = 0;
const counted: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse() {
        requests++;
      },
    };
  },
};
const app = express();
const http = createServer(app);
const apollo = new ApolloServer({ schema: await neoSchema.getSchema(), plugins: [counted] });
await apollo.start();
app.use('/graphql', express.json({ limit: '4mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

serveParent(
  () => ({ requests, queries, sessions }),
  (on) => {
    const out = captured ?? [];
    captured = on ? [] : null;
    return out;
  },
);
process.send!({ type: 'ready', url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql` } satisfies FromChild);
