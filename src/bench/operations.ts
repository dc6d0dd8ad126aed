/**
 * The operations the benchmark sends, each written three ways: for our API, for the
 * @neo4j/graphql server (src/bench/neo4j-graphql-typedefs.ts) and as one hand-written Cypher
 * query (cypher/bench/floor-*.cypher). Each takes its arguments from `sampleArguments`
 * (src/bench/generate.ts), so every request varies.
 */
import type { BenchArguments } from './generate.js';
import { startDaysOverlapping } from '../domain/dates.js';
import { luceneQuery } from '../graph/search.js';

export interface Operation {
  name: string;
  what: string;
  /** argument sets drawn from the data */
  args(a: BenchArguments): Record<string, unknown>[];
  ours: { query: string; variables(arg: Record<string, unknown>): Record<string, unknown> };
  neo4jGraphql: { query: string; variables(arg: Record<string, unknown>): Record<string, unknown> };
  floor: { name: string; params(arg: Record<string, unknown>): Record<string, unknown> };
}

const OUR_CITATION = 'fragment C on Citation { start end excerpt document { id title } }';
const THEIR_CITATION = 'fragment C on Citation { document title start end excerpt }';
const people = (a: BenchArguments) => [...a.heavyPeople, ...a.lightPeople].map((p) => p.slug);
const id = (arg: Record<string, unknown>) => arg;

export const OPERATIONS: Operation[] = [
  {
    name: 'entity page',
    what: 'a person with posts, latest 20 events and statements, with citations',
    args: (a) => people(a).map((slug) => ({ slug })),
    ours: {
      query: `query EntityPage($slug: String!) {
  person(slug: $slug) {
    id name aliases description citations { ...C }
    posts { id role from { iso } to { iso } organization { id name } citations { ...C } }
    events(orderBy: DATE_DESC, first: 20) { id title date { iso } citations { ...C } }
    statements(orderBy: DATE_DESC, first: 20) { id summary date { iso } citations { ...C } }
  }
}
${OUR_CITATION}`,
      variables: id,
    },
    neo4jGraphql: {
      query: `query EntityPage($slug: String!) {
  people(where: { slug: { eq: $slug } }) {
    id name aliases description citations { ...C }
    posts { id role fromIso toIso organization { id name } citations { ...C } }
    events(sort: [{ dateStart: DESC }, { id: ASC }], limit: 20) { id title dateIso citations { ...C } }
    statements(sort: [{ dateStart: DESC }, { id: ASC }], limit: 20) { id summary dateIso citations { ...C } }
  }
}
${THEIR_CITATION}`,
      variables: id,
    },
    floor: { name: 'bench/floor-entity-page', params: id },
  },
  {
    name: 'event page',
    what: 'participants with the posts they held that day, statements, sources',
    args: (a) => a.events.map((e) => ({ id: e.id, day: e.date })),
    ours: {
      query: `query EventPage($id: ID!) {
  event(id: $id) {
    id title kind date { iso inferred } citations { ...C }
    place { name }
    participants { person { id name } citations { ...C } posts { role organization { name } } }
    statements { id summary date { iso } speaker { name } citations { ...C } }
    sources { id title publisher }
  }
}
${OUR_CITATION}`,
      variables: (arg) => ({ id: arg.id }),
    },
    neo4jGraphql: {
      query: `query EventPage($id: ID!, $day: String!) {
  events(where: { id: { eq: $id } }) {
    id title category dateIso dateInferred citations { ...C }
    place { name }
    participantsConnection {
      edges {
        properties { cites }
        node {
          id name
          posts(where: { AND: [
            { OR: [{ fromStart: { lte: $day } }, { fromStart: { eq: null } }] },
            { OR: [{ toEnd: { gte: $day } }, { toEnd: { eq: null } }] }
          ] }) { role organization { name } }
        }
      }
    }
    statements(sort: [{ dateStart: ASC }, { id: ASC }]) { id summary dateIso speaker { name } citations { ...C } }
    sources { id title publisher }
  }
}
${THEIR_CITATION}`,
      variables: id,
    },
    floor: { name: 'bench/floor-event-page', params: (arg) => ({ id: arg.id }) },
  },
  {
    name: 'timeline',
    what: "one person's events, statements, commitments and posts over a date range",
    args: (a) => a.personRanges.flatMap((p) => (p.events ? [{ slug: p.slug, ...p.events }] : [])),
    ours: {
      query: `query Timeline($slug: String!, $from: String, $to: String) {
  timeline(entity: $slug, from: $from, to: $to) {
    date kind roles
    node {
      id citations { ...C }
      ... on Event { title }
      ... on Statement { summary }
      ... on Commitment { summary }
      ... on Post { role }
    }
  }
}
${OUR_CITATION}`,
      variables: id,
    },
    neo4jGraphql: {
      query: `query Timeline($slug: String!, $from: String!, $to: String!) {
  people(where: { slug: { eq: $slug } }) {
    events(where: { dateEnd: { gte: $from }, dateStart: { lte: $to } }, sort: [{ dateStart: ASC }]) { id title dateStart citations { ...C } }
    statements(where: { dateEnd: { gte: $from }, dateStart: { lte: $to } }, sort: [{ dateStart: ASC }]) {
      id summary dateStart citations { ...C }
      commitments { id summary deadlineStart citations { ...C } }
    }
    statementsAbout(where: { dateEnd: { gte: $from }, dateStart: { lte: $to } }, sort: [{ dateStart: ASC }]) { id summary dateStart citations { ...C } }
    posts(where: { AND: [
      { OR: [{ fromStart: { lte: $to } }, { fromStart: { eq: null } }] },
      { OR: [{ toEnd: { gte: $from } }, { toEnd: { eq: null } }] }
    ] }) { id role fromStart citations { ...C } }
  }
}
${THEIR_CITATION}`,
      variables: id,
    },
    floor: { name: 'bench/floor-timeline', params: (arg) => ({ ...arg, ...startDaysOverlapping(String(arg.from), String(arg.to)) }) },
  },
  {
    name: 'statements by speaker',
    what: 'statements filtered by speaker and date range, first page of 20, with figures',
    args: (a) => a.personRanges.flatMap((p) => (p.statements ? [{ speaker: p.slug, ...p.statements }] : [])),
    ours: {
      query: `query Statements($speaker: String!, $from: String, $to: String) {
  statements(filter: { speaker: $speaker, from: $from, to: $to }, first: 20) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id summary date { iso } citations { ...C } figures { id value unit metric label citations { ...C } } }
  }
}
${OUR_CITATION}`,
      variables: id,
    },
    neo4jGraphql: {
      query: `query Statements($speaker: String!, $from: String!, $to: String!) {
  statementsConnection(
    where: { speaker: { some: { slug: { eq: $speaker } } }, dateEnd: { gte: $from }, dateStart: { lte: $to } }
    sort: [{ dateStart: ASC }, { id: ASC }]
    first: 20
  ) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id summary dateIso citations { ...C } figures { id value unit metric label citations { ...C } } } }
  }
}
${THEIR_CITATION}`,
      variables: id,
    },
    floor: { name: 'bench/floor-statements', params: (arg) => ({ ...arg, skip: 0, limit: 20 }) },
  },
  {
    name: 'facility commitments',
    what: 'commitments concerning a facility, with every statement that made or repeated them',
    args: (a) => a.facilities.map((f) => ({ slug: f.slug })),
    ours: {
      query: `query FacilityCommitments($slug: String!) {
  facility(slug: $slug) {
    id name
    commitments {
      id summary status deadline { iso } citations { ...C }
      statements { role statement { id summary date { iso } speaker { name } citations { ...C } } }
    }
  }
}
${OUR_CITATION}`,
      variables: id,
    },
    neo4jGraphql: {
      query: `query FacilityCommitments($slug: String!) {
  facilities(where: { slug: { eq: $slug } }) {
    id name
    commitments {
      id summary status deadlineIso citations { ...C }
      statementsConnection(sort: [{ node: { dateStart: ASC } }]) {
        edges { properties { role } node { id summary dateIso speaker { name } citations { ...C } } }
      }
    }
  }
}
${THEIR_CITATION}`,
      variables: id,
    },
    floor: { name: 'bench/floor-facility-commitments', params: id },
  },
  {
    name: 'search',
    what: 'entities by partial, accent-less name',
    args: (a) => a.nameFragments.map((text) => ({ text })),
    ours: {
      query: `query Search($text: String!) {
  search(query: $text, types: [PERSON, ORGANIZATION, PLACE, FACILITY, PROGRAM], first: 10) {
    score node { id ... on Entity { name slug } }
  }
}`,
      variables: id,
    },
    neo4jGraphql: {
      query: `query Search($lucene: String!) {
  searchEntities(lucene: $lucene, first: 10) { id kind name slug score }
}`,
      variables: (arg) => ({ lucene: luceneQuery(String(arg.text)) }),
    },
    // the same candidate count as our server asks the index for (max(2 x 10, 20))
    floor: { name: 'bench/floor-search', params: (arg) => ({ lucene: luceneQuery(String(arg.text)), limit: 20 }) },
  },
  {
    name: 'paths',
    what: 'paths of at most 4 hops between two officials, with citations',
    args: (a) => a.connectedPairs.map((p) => ({ from: p.from, to: p.to })),
    ours: {
      query: `query Paths($from: String!, $to: String!) {
  paths(from: $from, to: $to, maxHops: 4, first: 5) {
    length
    nodes { id ... on Entity { name } ... on Event { title } ... on Post { role } ... on Statement { summary } ... on Commitment { summary } }
    hops { relationship forward from { id } to { id } citations { ...C } }
  }
}
${OUR_CITATION}`,
      variables: id,
    },
    neo4jGraphql: {
      query: `query Paths($from: String!, $to: String!) {
  paths(from: $from, to: $to, maxHops: 4, first: 5) { length nodes { id kind label } hops { type from to citations { ...C } } }
}
${THEIR_CITATION}`,
      variables: id,
    },
    floor: { name: 'bench/floor-paths', params: (arg) => ({ ...arg, limit: 5 }) },
  },
];
