import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getIntrospectionQuery } from 'graphql';
import { isRetriableError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTimeout } from '../../src/api/errors.js';
import { EXAMPLES } from '../../src/api/examples.js';
import { DEFAULT_COST_LIMITS } from '../../src/api/limits.js';
import { Db, QueryTimeoutError } from '../../src/graph/db.js';
import { inspect, testNeo4j } from '../support/db.js';
import { gql, seededServer, startTestServer, type GqlResponse, type TestServer } from '../support/server.js';

const ACCEPTANCE = join(dirname(fileURLToPath(import.meta.url)), '..', 'acceptance');

const seeded = seededServer();

/** The single error of a response, checked to carry `code` and nothing internal. */
function expectOneError(res: GqlResponse, code: string) {
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  const [error] = res.errors!;
  expect(error!.extensions?.code).toBe(code);
  expect(error!.extensions).not.toHaveProperty('stacktrace');
  expect(JSON.stringify(res)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return error!;
}

/** `levels` nested fields: person → events → participants → person → events ... → person → name (levels − 2 a multiple of 3). */
function nested(levels: number): string {
  const chain = ['events', 'participants', 'person'];
  let inner = 'name';
  // person(slug) is level 1 and name the last; the chain fills the levels between them
  for (let i = levels - 2; i >= 1; i--) inner = `${chain[(i - 1) % 3]} { ${inner} }`;
  return `{ person(slug: "zoe-robledo-aburto") { ${inner} } }`;
}

describe('depth limit', () => {
  it('refuses an operation deeper than the limit, saying how deep it is and the limit, before any query runs', async () => {
    const res = await gql(seeded.server.url, nested(14));
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    const error = expectOneError(res, 'QUERY_TOO_DEEP');
    expect(error.message).toMatch(/^The operation is 14 levels deep; the limit is 10\./);
    expect(error.extensions).toMatchObject({ depth: 14, limit: 10 });
    expect(seeded.server.lastRoundTrips()).toBe(0);
  });

  it('lets an operation at the limit through', async () => {
    // person posts organization parent parent jurisdiction partOf partOf partOf name: 10 levels
    const res = await gql(seeded.server.url, '{ person(slug: "zoe-robledo-aburto") { posts { organization { parent { parent { jurisdiction { partOf { partOf { partOf { name } } } } } } } } } }');
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.person.posts.length).toBeGreaterThan(0);
  });

  it('counts fields inside fragments (named and inline) at the depth they are spread', async () => {
    const query = `
      query Deep { person(slug: "zoe-robledo-aburto") { ...P } }
      fragment P on Person { events { participants { person { ... on Person { events { ...E } } } } } }
      fragment E on Event { participants { person { events { participants { person { events { title } } } } } } }`;
    const error = expectOneError(await gql(seeded.server.url, query), 'QUERY_TOO_DEEP');
    expect(error.extensions).toMatchObject({ depth: 12, limit: 10 });
  });

  it('follows the limit the server was given', async () => {
    const strict = await startTestServer(seeded.db, { limits: { maxDepth: 3 } });
    try {
      const error = expectOneError(await gql(strict.url, '{ person(slug: "zoe-robledo-aburto") { posts { organization { name } } } }'), 'QUERY_TOO_DEEP');
      expect(error.message).toMatch(/^The operation is 4 levels deep; the limit is 3\./);
      expect((await gql(strict.url, '{ person(slug: "zoe-robledo-aburto") { posts { role } } }')).errors).toBeUndefined();
    } finally {
      await strict.stop();
    }
  });
});

describe('complexity limit', () => {
  const expensive = '{ events(first: 100) { nodes { participants { person { events { participants { person { name } } } } } } } }';

  it('refuses an operation whose estimated cost is above the limit, saying the cost and the limit, before any query runs', async () => {
    const res = await gql(seeded.server.url, expensive);
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    const error = expectOneError(res, 'QUERY_TOO_COMPLEX');
    // 100 events × 10 participants × 10 events × 10 participants, each with its person
    expect(error.extensions).toMatchObject({ complexity: 112_201, limit: DEFAULT_COST_LIMITS.maxComplexity });
    expect(error.message).toMatch(/^The operation costs 112201; the limit is 50000\./);
    expect(seeded.server.lastRoundTrips()).toBe(0);
  });

  it('prices lists by the page size asked for, variables included', async () => {
    const query = 'query($n: Int) { events(first: $n) { nodes { participants { person { events { participants { person { name } } } } } } } }';
    expectOneError(await gql(seeded.server.url, query, { n: 100 }), 'QUERY_TOO_COMPLEX');
    const small = await gql(seeded.server.url, query, { n: 2 });
    expect(small.errors, JSON.stringify(small.errors)).toBeUndefined();
    expect(small.data.events.nodes).toHaveLength(2);
  });

  it('follows the limit the server was given', async () => {
    const strict = await startTestServer(seeded.db, { limits: { maxComplexity: 50 } });
    try {
      const error = expectOneError(await gql(strict.url, '{ events(first: 10) { nodes { participants { person { name } } } } }'), 'QUERY_TOO_COMPLEX');
      // the connection, and 10 events × (the nodes list + 10 participants × 1 person)
      expect(error.extensions).toMatchObject({ complexity: 121, limit: 50 });
      expect((await gql(strict.url, '{ events(first: 10) { totalCount nodes { title } } }')).errors).toBeUndefined();
    } finally {
      await strict.stop();
    }
  });
});

describe('introspection', () => {
  it("answers the playground's schema query even under very tight limits", async () => {
    const strict = await startTestServer(seeded.db, { limits: { maxDepth: 2, maxComplexity: 5 } });
    try {
      const res = await gql(strict.url, getIntrospectionQuery());
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data.__schema.queryType.name).toBe('Query');
      const type = await gql(strict.url, '{ __type(name: "Event") { fields { name type { name ofType { name ofType { name } } } } } }');
      expect(type.errors).toBeUndefined();
      expect(type.data.__type.fields.length).toBeGreaterThan(5);
    } finally {
      await strict.stop();
    }
  });
});

describe('the default limits let every known operation through', () => {
  const acceptance = readdirSync(ACCEPTANCE)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => [f, readFileSync(join(ACCEPTANCE, f), 'utf8')] as const);
  const examples = EXAMPLES.map((e) => [`playground: ${e.name}`, e.query] as const);

  it('finds the operations', () => {
    expect(acceptance.length).toBeGreaterThanOrEqual(22);
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each([...acceptance, ...examples])('%s', async (_name, query) => {
    const res = await gql(seeded.server.url, query);
    expect(res.status).toBe(200);
    // an operation may name what the graph does not hold (NOT_FOUND is its answer); no limit stops it
    expect(
      (res.errors ?? []).filter((e) => e.extensions?.code !== 'NOT_FOUND'),
      JSON.stringify(res.errors),
    ).toEqual([]);
    expect(res.data).toBeTruthy();
  });
});

describe('query timeout', () => {
  const TIMEOUT_MS = 300;
  let slowDb: Db;
  let slow: TestServer;

  // Two people joined only through 7 layers of 12 events each, every event linked to every event of
  // the next layer: 12^7 (about 36 million) shortest paths of 8 hops between them. Asked for paths
  // of at most 6 hops, Neo4j falls back to enumerating every path of up to 6 hops from one end
  // (about 12 x 25^5, back and forth between layers): far longer than the 300 ms limit plus the
  // ~2 s between Neo4j's timeout checks. (With 8 events a layer it could finish in about a second,
  // before the check, and the read then succeeded: a flaky test.)
  beforeAll(async () => {
    await inspect(
      seeded.db,
      `CREATE (:Node:Entity:Person {id: 'person:slow-a', slug: 'slow-a', name: 'Slow A', aliases: []})
       CREATE (:Node:Entity:Person {id: 'person:slow-b', slug: 'slow-b', name: 'Slow B', aliases: []})
       WITH 1 AS one
       UNWIND range(1, 7) AS layer
       UNWIND range(1, 12) AS i
       CREATE (:Node:Fact:Event:SlowLayer {id: 'event:slow-' + layer + '-' + i, layer: layer, title: 'slow'})`,
    );
    await inspect(seeded.db, 'MATCH (x:SlowLayer), (y:SlowLayer) WHERE y.layer = x.layer + 1 CREATE (x)-[:INVOLVES]->(y)');
    await inspect(seeded.db, "MATCH (a:Person {slug: 'slow-a'}), (x:SlowLayer {layer: 1}) CREATE (a)-[:PARTICIPATED_IN]->(x)");
    await inspect(seeded.db, "MATCH (b:Person {slug: 'slow-b'}), (x:SlowLayer {layer: 7}) CREATE (b)-[:PARTICIPATED_IN]->(x)");
    slowDb = Db.connect(testNeo4j(), { readMs: TIMEOUT_MS });
    slow = await startTestServer(slowDb);
  });

  afterAll(async () => {
    await slow?.stop();
    await slowDb?.close();
    await inspect(seeded.db, "MATCH (n) WHERE n:SlowLayer OR n.slug IN ['slow-a', 'slow-b'] DETACH DELETE n");
  });

  const normal = '{ person(slug: "zoe-robledo-aburto") { name } }';
  const heavy = '{ paths(from: "slow-a", to: "slow-b", maxHops: 6, first: 5) { length } }';

  it('Neo4j stops a query that runs past the timeout; the client gets QUERY_TIMEOUT, and the server keeps answering', async () => {
    expect((await gql(slow.url, normal)).data).toEqual({ person: { name: 'Zoé Robledo Aburto' } });

    const res = await gql(slow.url, heavy);
    const error = expectOneError(res, 'QUERY_TIMEOUT');
    expect(error.message).toBe('The query took longer than 300 ms and was stopped; narrow it (fewer items, fewer hops).');
    expect(error.path).toEqual(['paths']);
    expect(res.data?.paths ?? null).toBeNull();

    const after = await gql(slow.url, normal);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual({ person: { name: 'Zoé Robledo Aburto' } });
  });

  it('a timed-out read fails as QueryTimeoutError, which the driver does not retry', async () => {
    const err = await slowDb.read('read/paths', { from: 'slow-a', to: 'slow-b', maxHops: 6, limit: 5, passages: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryTimeoutError);
    expect((err as QueryTimeoutError).timeoutMs).toBe(TIMEOUT_MS);
    expect(isRetriableError(err as Error)).toBe(false);
    expect(((err as QueryTimeoutError).cause as { code?: string }).code).toBe('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration');
  });

  it('the message names the limit in seconds at the default of 5 s', () => {
    expect(queryTimeout(5_000).message).toBe('The query took longer than 5 s and was stopped; narrow it (fewer items, fewer hops).');
    expect(seeded.db.timeouts).toEqual({ readMs: 5_000, writeMs: 60_000 });
  });
});
