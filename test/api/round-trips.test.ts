import { getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/api/schema.js';
import { sampleArguments, type BenchArguments } from '../../src/bench/generate.js';
import { OPERATIONS } from '../../src/bench/operations.js';
import { gql, seededServer, startTestServer, type TestServer } from '../support/server.js';

const seeded = seededServer();

// The same graph served with look-ahead off: every level through its batch loader. Answers must
// not depend on how they were fetched.
let perLevel: TestServer;
beforeAll(async () => {
  perLevel = await startTestServer(seeded.db, { lookahead: false });
});
afterAll(async () => {
  await perLevel?.stop();
});

async function sameWithoutLookahead(query: string, variables: Record<string, unknown>, data: unknown): Promise<number> {
  const res = await gql(perLevel.url, query, variables);
  expect(res.errors).toBeUndefined();
  expect(data).toEqual(res.data);
  return perLevel.lastRoundTrips()!;
}

/** Sends a query and returns how many Neo4j round trips the request made, checking it succeeded. */
async function roundTrips(query: string, variables: Record<string, unknown>): Promise<{ count: number; data: any }> {
  const res = await gql(seeded.server.url, query, variables);
  expect(res.errors).toBeUndefined();
  const count = seeded.server.lastRoundTrips();
  expect(count).toBeDefined();
  return { count: count!, data: res.data };
}

const EVENTS = /* GraphQL */ `
  query Events($first: Int) {
    events(first: $first) {
      totalCount
      nodes {
        id
        title
        date {
          iso
        }
        place {
          name
          partOf {
            name
          }
        }
        venue {
          name
        }
        participants {
          person {
            name
            posts {
              role
              organization {
                name
              }
              jurisdiction {
                name
              }
            }
          }
          posts {
            role
          }
          citations {
            start
            end
            document {
              title
            }
          }
        }
        involves {
          role
          entity {
            name
          }
        }
        statements {
          summary
          speaker {
            name
          }
          figures {
            value
            unit
          }
        }
        citations {
          excerpt
          document {
            title
          }
        }
        sources {
          title
        }
      }
    }
  }
`;

const STATEMENTS = /* GraphQL */ `
  query Statements($first: Int) {
    statements(first: $first) {
      nodes {
        summary
        speaker {
          name
          posts {
            role
          }
        }
        event {
          title
          participants {
            person {
              name
            }
          }
        }
        about {
          name
        }
        figures {
          value
          otherValues {
            value
          }
          agreement {
            consistent
          }
        }
        commitments {
          role
          commitment {
            summary
            concerns {
              name
            }
          }
        }
        quote {
          excerpt
        }
        citations {
          document {
            title
          }
        }
      }
    }
  }
`;

describe('the properties a request reads (lookahead.ts)', () => {
  // Every field of every node kind that reads stored properties: leaves, dates, citations and the
  // computed fields; selected at the root of a list and one level down. The look-ahead reads only
  // the properties these fields need: the answers must be those of nodes read whole.
  // fields of several types in one selection take an alias per type: their kinds differ
  let own: (type: string, alias?: boolean) => string;
  beforeAll(async () => {
    const built = await schema();
    own = (type, alias = false) => {
      const t = built.getType(type);
      if (!t || !isObjectType(t)) throw new Error(`no object type ${type}`);
      return Object.values(t.getFields())
        .filter((f) => !f.args.some((a) => isNonNullType(a.type)))
        .map((f) => {
          const named = getNamedType(f.type);
          const name = alias ? `${type}_${f.name}: ${f.name}` : f.name;
          if (isLeafType(named)) return name;
          if (named.name === 'FuzzyDate') return `${name} { iso precision inferred note start end }`;
          if (named.name === 'Citation') return `${name} { start end }`;
          if (named.name === 'FigureAgreement') return `${name} { consistent reports min max explanation }`;
          return null;
        })
        .filter(Boolean)
        .join(' ');
    };
  });

  // small selections each: a new projection text is planned anew, about a second on a quiet 2-core machine
  const cases: [string, () => string][] = [
    ['people and their posts', () => `{ people(first: 10) { nodes { ${own('Person')} posts { ${own('Post')} } } } }`],
    ['people and their events', () => `{ people(first: 10) { nodes { id events(first: 10) { ${own('Event')} } } } }`],
    ['people and their statements', () => `{ people(first: 10) { nodes { id statements(first: 10) { ${own('Statement')} } } } }`],
    ['events, their places and venues', () => `{ events(first: 50) { nodes { ${own('Event')} place { ${own('Place')} } venue { ${own('Facility')} } } } }`],
    ['events and their participants', () => `{ events(first: 50) { nodes { id participants { person { ${own('Person')} } posts { ${own('Post')} } } } } }`],
    [
      'events and the bodies involved',
      () =>
        `{ events(first: 50) { nodes { id involves { role entity { ... on Organization { ${own('Organization', true)} } ... on Place { ${own('Place', true)} } ... on Program { ${own('Program', true)} } } } } } }`,
    ],
    [
      'statements, their figures and commitments',
      () => `{ statements(first: 50) { nodes { ${own('Statement')} figures { ${own('Figure')} } commitments { role commitment { ${own('Commitment')} } } } } }`,
    ],
    [
      'commitments, figures and documents',
      () =>
        `{ commitments(first: 50) { nodes { ${own('Commitment')} targets { ${own('Figure')} } } } figures(first: 50) { nodes { ${own('Figure')} } } documents(first: 20) { nodes { ${own('Document')} } } }`,
    ],
    [
      'a timeline',
      () => `{ timeline(entity: "delfina-gomez-alvarez") { node { ... on Event { ${own('Event', true)} } ... on Statement { ${own('Statement', true)} } ... on Post { ${own('Post', true)} } } } }`,
    ],
    [
      'a search and a path',
      () =>
        `{ search(query: "salud") { node { ... on Organization { ${own('Organization', true)} } ... on Person { ${own('Person', true)} } ... on Event { ${own('Event', true)} } } } ` +
        `paths(from: "delfina-gomez-alvarez", to: "zoe-robledo-aburto") { nodes { ... on Person { ${own('Person', true)} } ... on Event { ${own('Event', true)} } ... on Post { ${own('Post', true)} } ... on Organization { ${own('Organization', true)} } } } }`,
    ],
  ];
  for (const [name, query] of cases) {
    it(`${name}: the same answers as nodes read whole`, async () => {
      const { data } = await roundTrips(query(), {});
      expect(JSON.stringify(data).length).toBeGreaterThan(1000);
      await sameWithoutLookahead(query(), {}, data);
    });
  }
});

describe('database round trips per request', () => {
  it('a nested events request costs the same few round trips for 2 events as for all 7', async () => {
    const two = await roundTrips(EVENTS, { first: 2 });
    const all = await roundTrips(EVENTS, { first: 20 });
    expect(two.data.events.nodes).toHaveLength(2);
    expect(all.data.events.nodes.length).toBe(all.data.events.totalCount);
    expect(all.data.events.nodes.length).toBeGreaterThan(2);
    // The nested request really walks the graph (otherwise a low count proves nothing).
    const participants = all.data.events.nodes.flatMap((e: any) => e.participants);
    expect(participants.length).toBeGreaterThan(5);
    expect(participants.some((p: any) => p.person.posts.some((post: any) => post.organization))).toBe(true);
    expect(all.data.events.nodes.some((e: any) => e.statements.some((s: any) => s.speaker && s.figures.length))).toBe(true);

    expect(all.count).toBe(two.count);
    expect(all.count).toBeLessThanOrEqual(MAX_EVENTS_ROUND_TRIPS);
    expect(await sameWithoutLookahead(EVENTS, { first: 20 }, all.data)).toBeGreaterThan(all.count);
  });

  it('a nested statements request costs the same few round trips for 20 statements as for 30', async () => {
    const twenty = await roundTrips(STATEMENTS, { first: 20 });
    const thirty = await roundTrips(STATEMENTS, { first: 30 });
    expect(twenty.data.statements.nodes).toHaveLength(20);
    expect(thirty.data.statements.nodes).toHaveLength(30);
    const nodes = thirty.data.statements.nodes;
    expect(nodes.some((s: any) => s.event?.participants.length && s.figures.some((f: any) => f.otherValues.length))).toBe(true);
    expect(nodes.some((s: any) => s.commitments.some((c: any) => c.commitment.concerns.length))).toBe(true);

    expect(thirty.count).toBe(twenty.count);
    expect(thirty.count).toBeLessThanOrEqual(MAX_STATEMENTS_ROUND_TRIPS);
    expect(await sameWithoutLookahead(STATEMENTS, { first: 30 }, thirty.data)).toBeGreaterThan(thirty.count);
  });

  it('a lookup and everything below it: one round trip', async () => {
    const { count, data } = await roundTrips('query { person(slug: "delfina-gomez-alvarez") { name posts { role organization { name } } } }', {});
    expect(data.person.posts[0].organization).not.toBeNull();
    expect(count).toBe(1);
  });

  it('paths and what their nodes show below them: one round trip, as without look-ahead', async () => {
    const query =
      'query { paths(from: "delfina-gomez-alvarez", to: "zoe-robledo-aburto", maxHops: 4, first: 3) { nodes { ... on Person { name posts { role organization { name } } } ... on Event { title participants { person { name } } } } hops { relationship citations { excerpt } } } }';
    const { count, data } = await roundTrips(query, {});
    expect(data.paths.length).toBeGreaterThan(0);
    expect(
      data.paths
        .flatMap((p: { nodes: { posts?: unknown[]; participants?: unknown[] }[] }) => p.nodes)
        .some((n: { posts?: unknown[]; participants?: unknown[] }) => (n.posts ?? n.participants ?? []).length > 0),
    ).toBe(true);
    expect(count).toBe(1);
    await sameWithoutLookahead(query, {}, data);
  });

  it("a person's events and statements in a window: newest first, undated last, cut to `first`, as without look-ahead", async () => {
    const query = `query W($slug: String!) {
      person(slug: $slug) {
        latest: events(orderBy: DATE_DESC, first: 3) { id date { start } }
        all: events { id date { start } }
        early: statements(from: "2024-01", to: "2024-06", first: 50) { id date { start end } }
      }
    }`;
    // the person in the most events of the seed graph
    const events = await roundTrips('{ events(first: 100) { nodes { participants { person { slug } } } } }', {});
    const tally = new Map<string, number>();
    for (const e of events.data.events.nodes) for (const p of e.participants) tally.set(p.person.slug, (tally.get(p.person.slug) ?? 0) + 1);
    const slug = [...tally].sort((a, b) => b[1] - a[1])[0]![0];
    const { count, data } = await roundTrips(query, { slug });
    expect(count).toBe(1);
    const all = data.person.all as { id: string; date: { start: string } | null }[];
    expect(all.length).toBeGreaterThan(3);
    const newest = [...all].sort((a, b) => (a.date === null ? 1 : b.date === null ? -1 : b.date.start.localeCompare(a.date.start) || a.id.localeCompare(b.id)));
    expect(data.person.latest).toEqual(newest.slice(0, 3));
    for (const s of data.person.early) expect(s.date === null || (s.date.end >= '2024-01-01' && s.date.start <= '2024-06-30')).toBe(true);
    await sameWithoutLookahead(query, { slug }, data);
  });
});

describe('window arguments', () => {
  it('a bad first or date is BAD_USER_INPUT naming the argument, with or without look-ahead', async () => {
    for (const url of [seeded.server.url, perLevel.url]) {
      for (const [args, argument] of [
        ['first: 0', 'first'],
        ['first: 501', 'first'],
        ['from: "2024-13"', 'from'],
      ] as const) {
        const res = await gql(url, `{ person(slug: "delfina-gomez-alvarez") { name events(${args}) { id } } }`);
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.extensions?.argumentName).toBe(argument);
      }
    }
  });
});

describe('the benchmark operations (src/bench/operations.ts) on the seed graph', () => {
  let args: BenchArguments;
  beforeAll(async () => {
    args = await sampleArguments(seeded.db, 4);
  });

  // Operations 1 to 6 are a lookup, list, search or timeline and what it shows below: one query
  // with its projection, a commitment's status and the facts it rests on included. Paths: one
  // query, its hops' cited passages included.
  for (const op of OPERATIONS) {
    const trips = 1;
    it(`${op.name}: at most ${trips} round trip${trips > 1 ? 's' : ''} per request, the same answers as level by level`, async () => {
      const sets = op.args(args);
      expect(sets.length).toBeGreaterThan(0);
      let items = 0;
      for (const arg of sets.slice(0, 4)) {
        const variables = op.ours.variables(arg);
        const { count, data } = await roundTrips(op.ours.query, variables);
        expect(count).toBeLessThanOrEqual(trips);
        items += JSON.stringify(data).length;
        await sameWithoutLookahead(op.ours.query, variables, data);
      }
      expect(items).toBeGreaterThan(200); // the answers hold data, not just nulls
    });
  }
});

// Measured on the seed graph: the list with one projection for every level below it, in one query.
// The statements request also asks for figure peers (otherValues, agreement): a batch loader, one more.
const MAX_EVENTS_ROUND_TRIPS = 1;
const MAX_STATEMENTS_ROUND_TRIPS = 2;
