import { describe, expect, it } from 'vitest';
import { gql, seededServer } from '../support/server.js';

const seeded = seededServer();

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
        date { iso }
        place { name partOf { name } }
        venue { name }
        participants {
          person { name posts { role organization { name } jurisdiction { name } } }
          posts { role }
          citations { start end document { title } }
        }
        involves { role entity { name } }
        statements { summary speaker { name } figures { value unit } }
        citations { excerpt document { title } }
        sources { title }
      }
    }
  }
`;

const STATEMENTS = /* GraphQL */ `
  query Statements($first: Int) {
    statements(first: $first) {
      nodes {
        summary
        speaker { name posts { role } }
        event { title participants { person { name } } }
        about { name }
        figures { value otherValues { value } agreement { consistent } }
        commitments { role commitment { summary concerns { name } } }
        quote { excerpt }
        citations { document { title } }
      }
    }
  }
`;

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
  });

  it('a single lookup costs one round trip per level of nesting at most', async () => {
    const { count, data } = await roundTrips('query { person(slug: "delfina-gomez-alvarez") { name posts { role organization { name } } } }', {});
    expect(data.person.posts[0].organization).not.toBeNull();
    expect(count).toBeLessThanOrEqual(3); // the person, their posts, the posts' organizations

  });
});

// Measured on the seed graph: one query per nested field that reads the graph (a batch loader
// per level), plus the list and its total. A query per parent would multiply these by the page size.
const MAX_EVENTS_ROUND_TRIPS = 14;
const MAX_STATEMENTS_ROUND_TRIPS = 11;
