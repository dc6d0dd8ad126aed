import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/api/server.js';
import { databaseCost, ROOT_COSTS } from '../../src/api/limits.js';
import { badCharacters, cleanDocumentText } from '../../src/text/characters.js';
import { nestingDepth } from '../../src/api/input-bounds.js';
import { DatabaseBusyError, Gate } from '../../src/graph/gate.js';
import { isBusy, QueryTimeoutError } from '../../src/graph/db.js';
import { schema } from '../../src/api/schema.js';

const quiet = { error: () => {} };
const asExecuted = (original: Error, path: string[]) => {
  const e = new GraphQLError(original.message, { originalError: original, path });
  return [{ message: e.message, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, e] as const;
};
const MUTATIONS = new Set(['ingestDocument', 'mergeEntities']);

describe('errors a client sees', () => {
  it('a timed-out ingest says nothing was written and what to do', () => {
    const [formatted, error] = asExecuted(new QueryTimeoutError(60_000, undefined, 'WRITE'), ['ingestDocument']);
    const out = formatError(formatted, error, quiet, MUTATIONS);
    expect(out.extensions).toEqual({ code: 'QUERY_TIMEOUT', timeoutMs: 60_000 });
    expect(out.message).toMatch(/Ingesting the document took longer than 60 s and was rolled back: nothing of it was written\. Send it again/);
    expect(out.message).not.toMatch(/hops/);
  });

  it('a query that times out while Neo4j warms up (just started) is DATABASE_BUSY: the same query passes in a moment', () => {
    const [formatted, error] = asExecuted(new QueryTimeoutError(5_000), ['people']);
    const out = formatError(formatted, error, quiet, MUTATIONS, () => true);
    expect(out.extensions).toEqual({ code: 'DATABASE_BUSY', retryAfterSeconds: 1 });
    expect(out.message).toMatch(/warming up/);
    expect(formatError(formatted, error, quiet, MUTATIONS, () => false).extensions).toEqual({ code: 'QUERY_TIMEOUT', timeoutMs: 5_000 });
  });

  it('a timed-out query asks for a narrower one', () => {
    const [formatted, error] = asExecuted(new QueryTimeoutError(5_000), ['paths']);
    expect(formatError(formatted, error, quiet, MUTATIONS).message).toMatch(/narrow it \(fewer items, fewer hops\)/);
  });

  it('Neo4j out of worker threads, and our own gate, are DATABASE_BUSY; an unreachable one is DATABASE_UNAVAILABLE, for an ingest too', () => {
    const threads = Object.assign(new Error('There are no available threads to serve this request at the moment.'), { code: 'Neo.TransientError.Request.NoThreadsAvailable' });
    for (const e of [threads, new DatabaseBusyError(5_000)]) {
      const [formatted, error] = asExecuted(e, ['people']);
      expect(formatError(formatted, error, quiet, MUTATIONS).extensions).toEqual({ code: 'DATABASE_BUSY', retryAfterSeconds: 1 });
    }
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687'), { code: 'ServiceUnavailable' });
    const [formatted, error] = asExecuted(down, ['ingestDocument']);
    const out = formatError(formatted, error, quiet, MUTATIONS);
    expect(out.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(out.message).toMatch(/written whole or not at all, and one sent twice is written once: send it again/);
    expect(isBusy(new Error('Connection acquisition timed out in 10000 ms.'))).toBe(true);
    // a restarted Neo4j accepts connections before its database is online
    const starting = Object.assign(new Error('The database is not currently available to serve your request'), { code: 'Neo.TransientError.General.DatabaseUnavailable' });
    const [f2, e2] = asExecuted(starting, ['people']);
    expect(formatError(f2, e2, quiet, MUTATIONS).extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 5 });
    const terminated = Object.assign(new Error('The transaction has been terminated.'), { code: 'Neo.TransientError.Transaction.Terminated' });
    const [f3, e3] = asExecuted(terminated, ['ingestDocument']);
    expect(formatError(f3, e3, quiet, MUTATIONS).extensions).toEqual({ code: 'DATABASE_BUSY', retryAfterSeconds: 1 });
  });
});

describe('the database cost of an operation', () => {
  it('counts each root field and alias by its kind and arguments, through fragments', async () => {
    const s = await schema();
    const cost = (q: string, variables?: Record<string, unknown>) => {
      const doc = parse(q);
      const op = doc.definitions.find((d) => d.kind === 'OperationDefinition')!;
      return databaseCost(s, op as never, doc, variables);
    };
    expect(cost('{ a: person(slug: "x") { name } b: person(slug: "y") { name } __typename }').cost).toBe(2);
    expect(cost('{ events(first: 100) { totalCount } }').cost).toBe(6);
    expect(cost('query ($h: Int!) { paths(from: "a", to: "b", maxHops: $h) { length } }', { h: 6 })).toMatchObject({ cost: 32, costlyFields: 1 });
    expect(cost('{ ...F } fragment F on Query { search(query: "x") { score } timeline(entity: "x") { kind } }')).toMatchObject({ cost: 6, costlyFields: 2 });
    // every root field of the schema has a rule or the default (a lookup)
    expect(Object.keys(ROOT_COSTS).every((f) => s.getQueryType()!.getFields()[f] || s.getMutationType()!.getFields()[f])).toBe(true);
  });
});

describe('text bounds', () => {
  it('finds control characters and lone surrogates, and leaves emoji and accents alone', () => {
    expect(badCharacters('Secretaría de Salud 🏥\n\ttab')).toBeNull();
    expect(badCharacters('a\u0000b')).toMatch(/U\+0000 at offset 1/);
    expect(badCharacters('ab\udc00')).toMatch(/lone UTF-16 surrogate \(U\+DC00\) at offset 2/);
  });

  it('cleans a document one unit for one, so offsets hold', () => {
    const text = 'Culiacán\u000c informe \ud800 final 🏥';
    const clean = cleanDocumentText(text);
    expect(clean).toHaveLength(text.length);
    expect(clean).toBe('Culiacán  informe \ufffd final 🏥');
    expect(badCharacters(clean)).toBeNull();
  });

  it('measures nesting outside strings and comments', () => {
    expect(nestingDepth('{ a { b(x: "{{{{") { c } } }')).toBe(3);
    expect(nestingDepth('# {{{{\n{ a }')).toBe(1);
    expect(nestingDepth('{ a(t: """ {{ """) { b } }')).toBe(2);
    expect(nestingDepth('{'.repeat(500))).toBe(500);
  });
});

describe('a read gate', () => {
  it('runs at most its concurrency at once, first come first served, and refuses a waiter past its patience', async () => {
    const gate = new Gate(2, 50);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const slow = (i: number, ms: number) => async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      order.push(i);
      return i;
    };
    const results = await Promise.allSettled([gate.run(slow(1, 200)), gate.run(slow(2, 200)), gate.run(slow(3, 1))]);
    expect(most).toBe(2);
    expect(results[2]).toMatchObject({ status: 'rejected', reason: expect.any(DatabaseBusyError) });
    // the waiter that gave up never runs
    expect(order.sort()).toEqual([1, 2]);
    const patient = new Gate(1);
    expect(await Promise.all([patient.run(slow(4, 20)), patient.run(slow(5, 1))])).toEqual([4, 5]);
  });
});
