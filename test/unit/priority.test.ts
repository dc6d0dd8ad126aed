/**
 * Light requests first: which requests are light, how a heavy one's steps give way to light ones
 * in flight, and how a heavy request's root fields take turns with the rest of the server's work.
 */
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LightFirst } from '../../src/graph/gate.js';
import { databaseCost, operationComplexity } from '../../src/api/limits.js';
import { isLight, rootFieldsTakeTurns, takeTurns } from '../../src/api/priority.js';
import { schema } from '../../src/api/schema.js';

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('LightFirst', () => {
  it('lets a heavy step go at once when no light request is in flight', async () => {
    expect(await settled(new LightFirst(60_000).yieldToLight())).toBe(true);
  });

  it('holds a heavy step while a light request is in flight, and lets it go when the last one ends', async () => {
    const gate = new LightFirst(60_000);
    const a = gate.enter();
    const b = gate.enter();
    const step = gate.yieldToLight();
    expect(gate.waiting).toBe(1);
    a();
    a(); // ending twice counts once
    expect(await settled(step)).toBe(false);
    b();
    expect(await settled(step)).toBe(true);
    expect(gate).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it('lets a heavy step go after its longest wait, light requests or not', async () => {
    const gate = new LightFirst(20);
    gate.enter();
    const t = Date.now();
    await gate.yieldToLight();
    expect(Date.now() - t).toBeGreaterThanOrEqual(15);
    expect(gate.waiting).toBe(0);
  });
});

describe('light and heavy requests', () => {
  const cost = async (query: string) => {
    const s = await schema();
    const document = parse(query);
    const operation = document.definitions[0]!;
    if (operation.kind !== 'OperationDefinition') throw new Error('not an operation');
    return { database: databaseCost(s, operation, document), complexity: operationComplexity(s, document) };
  };

  it.each([
    ['a lookup', '{ person(slug: "x") { name } }'],
    ['a person with their posts and a page of their events', '{ person(slug: "x") { name posts { role organization { name } } events(first: 20) { title date { iso } } } }'],
    ['a page of 20 events', '{ events(first: 20) { nodes { title } } }'],
  ])('light: %s', async (_, query) => {
    expect(isLight(await cost(query))).toBe(true);
  });

  it.each([
    ['a search', '{ search(query: "salud") { score } }'],
    ['a timeline', '{ timeline(entity: "x") { date } }'],
    ['four lookups', '{ a: person(slug: "a") { name } b: person(slug: "b") { name } c: person(slug: "c") { name } d: person(slug: "d") { name } }'],
    ['a page of 100 events with their participants', '{ events(first: 100) { nodes { title participants { person { name } } } } }'],
  ])('heavy: %s', async (_, query) => {
    expect(isLight(await cost(query))).toBe(false);
  });
});

describe("a heavy request's root fields", () => {
  // three root fields whose values are there at once, each with a field under it that notes the
  // turn of the event loop it completes in
  let turn = 0;
  const item = new GraphQLObjectType({ name: 'Item', fields: { turn: { type: GraphQLInt, resolve: () => turn } } });
  const tiny = rootFieldsTakeTurns(
    new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { a: { type: item, resolve: () => ({}) }, b: { type: item, resolve: () => ({}) }, c: { type: item, resolve: () => ({}) } } }),
    }),
  );
  const run = async (heavy: boolean) => {
    const context = { db: { yieldToLight: () => Promise.resolve() } };
    if (heavy) takeTurns(context);
    let counting = true;
    const tick = () => {
      turn++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const res = await execute({ schema: tiny, document: parse('{ a { turn } b { turn } c { turn } }'), contextValue: context });
    counting = false;
    const data = res.data as Record<string, { turn: number }>;
    return [data.a!.turn, data.b!.turn, data.c!.turn];
  };

  it('complete all in one turn of the event loop in a light request', async () => {
    const [a, b, c] = await run(false);
    expect(new Set([a, b, c]).size).toBe(1);
  });

  it('complete one per turn of the event loop in a heavy request, so other requests run between them', async () => {
    const [a, b, c] = await run(true);
    expect(a).toBeLessThan(b!);
    expect(b).toBeLessThan(c!);
  });
});
