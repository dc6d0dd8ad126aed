/**
 * The requests the read-only fuzz sends, by family: what careless, confused or hostile clients
 * send to a GraphQL endpoint. Every generator is a pure function of a seeded PRNG and of a few
 * names read from the graph before the phase, so a seed replays the same requests. None carries
 * an API key: a mutation among them must be refused, and the graph must not change.
 */
import { post, type RawRequest } from './http.js';
import { chance, int, pick, type Rng } from './util.js';

/** Names the valid queries draw their arguments from. */
export interface FuzzContext {
  people: string[];
  organizations: string[];
  places: string[];
  eventIds: string[];
  documentFiles: string[];
  words: string[];
}

export type Family = { name: string; weight: number; make: (rng: Rng, ctx: FuzzContext) => RawRequest };

const json = (body: unknown): RawRequest => post(body);
const q = (query: string, variables?: unknown): RawRequest => json(variables === undefined ? { query } : { query, variables });
/** A GraphQL string literal. */
const lit = (s: string): string => JSON.stringify(s);

const ENTITY_LOOKUPS = ['person', 'organization', 'place', 'facility', 'program'] as const;
const NODE_KINDS = ['PERSON', 'ORGANIZATION', 'PLACE', 'FACILITY', 'PROGRAM', 'EVENT', 'STATEMENT', 'COMMITMENT', 'DOCUMENT'];
const DATES = ['2024', '2024-01', '2024-01-12', '2023-12-31', '2024-02-30', '24-01-12', '2024-13', '0000-00-00', '99999', '', 'ayer', '2024-01-12T10:00:00Z'];

function anyEntity(rng: Rng, ctx: FuzzContext): string {
  const pool = pick(rng, [ctx.people, ctx.people, ctx.organizations, ctx.places]);
  return pool.length ? pick(rng, pool) : 'tomas-garibay-luna';
}

function words(rng: Rng, ctx: FuzzContext, n: number): string {
  return Array.from({ length: n }, () => pick(rng, ctx.words)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Valid queries with random arguments (some arguments out of range, on purpose).

const VALID: ((rng: Rng, ctx: FuzzContext) => RawRequest)[] = [
  (rng, ctx) =>
    q(`query P($s: String!, $n: Int) { person(slug: $s) { id name aliases posts { role organization { name } } events(first: $n) { title date { iso } } } }`, {
      s: chance(rng, 0.8) ? pick(rng, ctx.people) : words(rng, ctx, int(rng, 1, 3)),
      n: int(rng, -1, 120),
    }),
  (rng, ctx) => q(`{ search(query: ${lit(words(rng, ctx, int(rng, 1, 4)))}, first: ${int(rng, 0, 60)}) { score node { id } } }`),
  (rng, ctx) =>
    q(`query E($f: EventFilter, $n: Int) { events(first: $n, filter: $f) { totalCount nodes { title participants { person { name } } } } }`, {
      n: int(rng, 0, 120),
      f: { ...(chance(rng, 0.5) ? { from: pick(rng, DATES) } : {}), ...(chance(rng, 0.5) ? { to: pick(rng, DATES) } : {}), ...(chance(rng, 0.4) ? { participants: [pick(rng, ctx.people)] } : {}) },
    }),
  (rng, ctx) => q(`{ paths(from: ${lit(anyEntity(rng, ctx))}, to: ${lit(anyEntity(rng, ctx))}, maxHops: ${int(rng, 0, 8)}, first: ${int(rng, 0, 12)}) { length hops { relationship } } }`),
  (rng, ctx) => q(`{ timeline(entity: ${lit(anyEntity(rng, ctx))}${chance(rng, 0.5) ? `, from: ${lit(pick(rng, DATES))}` : ''}) { date { iso } } }`),
  (rng, ctx) =>
    q(
      `{ holders(role: ${lit(pick(rng, ['gobernadora', 'director general', 'secretaria de Salud', 'presidente']))}, of: ${lit(pick(rng, [...ctx.organizations, ...ctx.places]))}, at: ${lit(pick(rng, DATES))}) { role holder { name } } }`,
    ),
  (rng) => q(`{ documents(first: ${int(rng, 0, 110)}) { totalCount nodes { title fileName } pageInfo { endCursor } } }`),
  (rng) => q(`{ possibleDuplicates(kind: ${pick(rng, NODE_KINDS)}, first: ${int(rng, 0, 110)}) { totalCount nodes { score a { name } b { name } } } }`),
  (rng, ctx) => q(`{ node(id: ${lit(pick(rng, [...ctx.eventIds, `person:${pick(rng, ctx.people)}`, 'event:nope', 'nope', '']))}) { id } }`),
  (rng, ctx) =>
    q(
      `{ people(first: ${int(rng, 0, 110)}, orderBy: ${pick(rng, ['NAME_ASC', 'MENTIONS_DESC'])}${chance(rng, 0.5) ? `, filter: { text: ${lit(pick(rng, ctx.words))} }` : ''}) { totalCount nodes { name } } }`,
    ),
  (rng, ctx) => q(`{ statements(first: ${int(rng, 0, 50)}, filter: { speaker: ${lit(anyEntity(rng, ctx))} }) { totalCount nodes { text } } }`),
  (rng, ctx) => q(`{ figures(filter: { subject: ${lit(anyEntity(rng, ctx))} }) { nodes { value unit agreement { consistent } } } }`),
  (rng) => q(`{ commitments(filter: { statuses: [${pick(rng, ['ANNOUNCED', 'REPEATED', 'OVERDUE', 'FULFILLED'])}] }) { totalCount nodes { summary status } } }`),
  (rng) => q(`{ events(first: 5, after: ${lit(pick(rng, ['b2Zmc2V0OjM', 'garbage', 'b2Zmc2V0Oi0x', '', 'b2Zmc2V0Ojk5OTk5OTk5OTk5']))}) { nodes { id } } }`),
  (rng, ctx) => q(`{ document(id: ${lit(pick(rng, [...ctx.documentFiles, 'missing.txt', '../../etc/passwd']))}) { title mentions { name } supports { id } } }`),
  (rng, ctx) => q(`{ ${pick(rng, ENTITY_LOOKUPS)}(slug: ${lit(anyEntity(rng, ctx))}) { id name citations { start end excerpt } } }`),
];

// ---------------------------------------------------------------------------------------------

const INJECTIONS = [
  '"}) MATCH (n) DETACH DELETE n //',
  "' OR 1=1 //",
  '`) DETACH DELETE n //',
  '$slug} RETURN 1 UNION MATCH (n) RETURN n //',
  'CALL db.labels()',
  '*:* AND (',
  '*:*',
  'name:* OR aliasText:*',
  '~',
  'tomas~0.1~~~',
  '\\',
  '\\\\\\"',
  '"unterminated',
  '((((((((((',
  '[a TO z',
  '/regex.*/',
  '+-&&||!(){}[]^"~*?:\\/',
  'AND OR NOT',
  '\u0000',
  'tomas\u0000garibay',
  '\u0001\u0002\u0003\u0007\b\f\u001b[31m',
  '\r\n\r\nHTTP/1.1 200 OK',
  '\ud800',
  'a\udfffb',
  '\ud83d',
  '🏥🇲🇽👩‍⚕️',
  'Zoé 🎉 Robledo',
  '\u202eevil\u202c',
  '\ufefftomas-garibay-luna',
  '%00%27%22',
  '${jndi:ldap://127.0.0.1/a}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  ' ',
  '',
];

/** An argument position that takes a free string. */
const STRING_SLOTS: ((v: string) => string)[] = [
  (v) => `{ person(slug: ${v}) { id name } }`,
  (v) => `{ search(query: ${v}) { score node { id } } }`,
  (v) => `{ events(filter: { text: ${v} }) { totalCount } }`,
  (v) => `{ timeline(entity: ${v}) { date { iso } } }`,
  (v) => `{ holders(role: ${v}, of: ${v}, at: "2024") { role } }`,
  (v) => `{ node(id: ${v}) { id } }`,
  (v) => `{ documents(filter: { publisher: ${v}, text: ${v} }) { totalCount } }`,
  (v) => `{ paths(from: ${v}, to: "tomas-garibay-luna") { length } }`,
  (v) => `{ people(filter: { text: ${v}, within: ${v} }) { totalCount } }`,
  (v) => `{ statements(filter: { speaker: ${v}, about: ${v}, text: ${v} }) { totalCount } }`,
  (v) => `{ document(id: ${v}) { title } }`,
  (v) => `{ figures(filter: { unit: ${v}, metric: ${v} }) { totalCount } }`,
];

function injection(rng: Rng): RawRequest {
  const value = pick(rng, INJECTIONS);
  const slot = pick(rng, STRING_SLOTS);
  switch (int(rng, 0, 3)) {
    case 0: {
      // as a variable: the slot's literal replaced by $v
      return q(`query I($v: String!) ${slot('$v')}`, { v: value });
    }
    case 1:
      // as a literal in the query text (GraphQL escapes, \u0000 included)
      return q(slot(lit(value)));
    case 2: {
      // raw bytes: invalid UTF-8 (a lone surrogate's encoding, a stray continuation byte) inside a JSON string
      const bytes = pick(rng, [Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0x80]), Buffer.from([0xff, 0xfe]), Buffer.from([0xc3])]);
      const head = Buffer.from(`{"query":"query I($v: String!) ${slot('$v').replace(/"/g, '\\"')}","variables":{"v":"tomas`, 'utf8');
      return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: Buffer.concat([head, bytes, Buffer.from('"}}', 'utf8')]) };
    }
    default:
      // in the operation name, and in a header the server echoes
      return {
        ...q(`query ${pick(rng, ['Q', 'X_1'])} ${slot(lit(value))}`),
        headers: { 'content-type': 'application/json', 'x-request-id': pick(rng, ['a\tb', 'x'.repeat(300), '../../', 'ok-id-1']) },
      };
  }
}

// ---------------------------------------------------------------------------------------------

function malformed(rng: Rng): RawRequest {
  const bodies = [
    '{"query":',
    '{"query": "{ people { totalCount } }"',
    "{'query': '{ people { totalCount } }'}",
    '{"query": "{ people { totalCount } }",}',
    'null',
    '"just a string"',
    '42',
    'true',
    '{}',
    '{"query": null}',
    '{"query": 42}',
    '{"query": ["{ a }"]}',
    '{"query": {"a": 1}}',
    '{"query": "{ people { totalCount } }", "variables": "not an object"}',
    '{"query": "{ people { totalCount } }", "variables": [1, 2]}',
    '{"query": "{ people { totalCount } }", "operationName": 7}',
    '{"query": "{ people { totalCount } }", "extensions": "x"}',
    '{"query": "{ people { totalCount } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
    '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0000000000000000000000000000000000000000000000000000000000000000"}}}',
    '{"query": "{ people { totalCount } }"}garbage',
    '\u0000\u0000\u0000',
    '{"query": "\\ud800"}',
    '{"__proto__": {"query": "{ people { totalCount } }"}}',
    '{"query": "{ people { totalCount } }", "constructor": {"prototype": {"polluted": true}}}',
    '{"query": "{ people { totalCount } }", "query": "{ __typename }"}',
    `{"query": "${'{'.repeat(int(rng, 1, 200))}"}`,
    '',
    '[',
    '{"a":'.repeat(int(rng, 10, 3000)),
  ];
  return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: pick(rng, bodies) };
}

function contentType(rng: Rng): RawRequest {
  const query = JSON.stringify({ query: '{ people(first: 1) { totalCount } }' });
  const cases: RawRequest[] = [
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body: query },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent('{ people { totalCount } }')}` },
    {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ people { totalCount } }\r\n--x--\r\n',
    },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/graphql' }, body: '{ people { totalCount } }' },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/xml' }, body: '<query>{ people { totalCount } }</query>' },
    { method: 'POST', path: '/graphql', headers: {}, body: query },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json; charset=latin1' }, body: query },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from(query, 'utf16le') },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: query },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, body: 'not brotli' },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: query },
    { method: 'POST', path: '/graphql', headers: { 'content-type': '*/*' }, body: query },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json;;;' }, body: query },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: query },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', accept: 'application/xml' }, body: query },
  ];
  return pick(rng, cases);
}

function getQuery(rng: Rng, ctx: FuzzContext): RawRequest {
  const preflight: Record<string, string> = chance(rng, 0.7) ? { 'apollo-require-preflight': 'true' } : {};
  const qs = (params: Record<string, string>) => `/graphql?${new URLSearchParams(params).toString()}`;
  const cases = [
    () => qs({ query: `{ person(slug: ${lit(pick(rng, ctx.people))}) { name } }` }),
    () => qs({ query: 'query P($s: String!) { person(slug: $s) { name } }', variables: JSON.stringify({ s: pick(rng, ctx.people) }) }),
    () => qs({ query: 'query P($s: String!) { person(slug: $s) { name } }', variables: '{not json' }),
    () => qs({ query: 'mutation { confirmFact(id: "x") { id } }' }),
    () => qs({ query: '{ people { totalCount } }', extensions: '{bad' }),
    () => qs({ query: '{ people { totalCount } }', operationName: 'Nope' }),
    () => qs({ query: `{ search(query: ${lit('x'.repeat(int(rng, 1000, 20000)))}) { score } }` }),
    () => '/graphql?query=%E0%A4%A&variables=%',
    () => '/graphql?query[]=a&query[]=b',
    () => '/graphql',
    () => qs({ query: '{ __schema { types { name } } }' }),
  ];
  return { method: 'GET', path: pick(rng, cases)(), headers: preflight };
}

function batch(rng: Rng, ctx: FuzzContext): RawRequest {
  const one = () => ({ query: `{ person(slug: ${lit(pick(rng, ctx.people))}) { name } }` });
  const cases: unknown[] = [
    [],
    [one(), one()],
    Array.from({ length: int(rng, 3, 50) }, one),
    [one(), 'not an object', 7, null],
    [one(), { query: 'mutation { rejectFact(id: "x") { id } }' }],
    [[one()]],
    Array.from({ length: 1000 }, one),
  ];
  return json(pick(rng, cases));
}

function deepNesting(rng: Rng, ctx: FuzzContext): RawRequest {
  const levels = int(rng, 50, 5000);
  switch (int(rng, 0, 4)) {
    case 0: {
      // real fields: person → events → participants → person → ...
      let inner = 'name';
      for (let i = 0; i < levels; i++) inner = i % 3 === 0 ? `person { ${inner} }` : i % 3 === 1 ? `participants { ${inner} }` : `events { ${inner} }`;
      return q(`{ person(slug: ${lit(pick(rng, ctx.people))}) { events { participants { ${inner} } } } }`);
    }
    case 1:
      return q(`${'{ a '.repeat(levels)}${'}'.repeat(levels)}`);
    case 2: {
      // a nested list value in a variable
      let v: unknown = pick(rng, ctx.people);
      for (let i = 0; i < Math.min(levels, 2000); i++) v = [v];
      return q('query E($p: [String!]) { events(filter: { participants: $p }) { totalCount } }', { p: v });
    }
    case 3: {
      // a nested list literal in the query
      const n = Math.min(levels, 2000);
      return q(`{ events(filter: { participants: ${'['.repeat(n)}"x"${']'.repeat(n)} }) { totalCount } }`);
    }
    default: {
      // nested input objects in a variable of a scalar-typed argument
      let v: unknown = 'x';
      for (let i = 0; i < Math.min(levels, 2000); i++) v = { a: v };
      return q('query S($s: String!) { person(slug: $s) { name } }', { s: v });
    }
  }
}

function aliasBomb(rng: Rng, ctx: FuzzContext): RawRequest {
  return pick(rng, [
    () => q(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: person(slug: ${lit(pick(rng, ctx.people))}) { name }`).join(' ')} }`),
    () => q(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: search(query: ${lit(pick(rng, ctx.words))}) { score }`).join(' ')} }`),
    () => q(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: paths(from: ${lit(anyEntity(rng, ctx))}, to: ${lit(anyEntity(rng, ctx))}, maxHops: 6, first: 10) { length }`).join(' ')} }`),
  ])();
}

/** The three alias bombs, for the dedicated check (same shapes as the family). */
export function aliasBombs(ctx: FuzzContext): { name: string; request: RawRequest }[] {
  const slug = ctx.people[0] ?? 'tomas-garibay-luna';
  const other = ctx.people[1] ?? slug;
  return [
    { name: '1,000 × person(slug:)', request: q(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: person(slug: ${lit(slug)}) { name }`).join(' ')} }`) },
    { name: '1,000 × search(query:)', request: q(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: search(query: "salud") { score }`).join(' ')} }`) },
    { name: '100 × paths(from:, to:)', request: q(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: paths(from: ${lit(slug)}, to: ${lit(other)}, maxHops: 6, first: 10) { length }`).join(' ')} }`) },
  ];
}

function fragments(rng: Rng, ctx: FuzzContext): RawRequest {
  const slug = lit(pick(rng, ctx.people));
  switch (int(rng, 0, 4)) {
    case 0:
      return q('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    case 4: {
      // fan-out under distinct names: each level spreads two fragments that both spread the level below (2^levels)
      const levels = int(rng, 10, 40);
      const defs = ['fragment L0 on Person { name }'];
      for (let i = 1; i <= levels; i++) defs.push(`fragment L${i} on Person { ...A${i} ...B${i} }`, `fragment A${i} on Person { ...L${i - 1} }`, `fragment B${i} on Person { ...L${i - 1} }`);
      return q(`{ person(slug: ${slug}) { ...L${levels} } } ${defs.join(' ')}`);
    }
    case 1:
      return q(`{ person(slug: ${slug}) { ...P } } fragment P on Person { name events { participants { person { ...P } } } }`);
    case 2: {
      const n = int(rng, 100, 2000);
      return q(`{ person(slug: ${slug}) { ${'...F '.repeat(n)} } } fragment F on Person { name aliases id }`);
    }
    default: {
      // fan-out: each fragment spreads the one below it k times (k^levels fields once expanded)
      const k = int(rng, 2, 6);
      const levels = int(rng, 4, 40);
      const defs = [`fragment F0 on Person { name }`];
      for (let i = 1; i <= levels; i++) defs.push(`fragment F${i} on Person { ${`...F${i - 1} `.repeat(k)}}`);
      return q(`{ person(slug: ${slug}) { ...F${levels} } } ${defs.join(' ')}`);
    }
  }
}

function hugeStrings(rng: Rng, ctx: FuzzContext): RawRequest {
  switch (int(rng, 0, 5)) {
    case 0:
      return q('query S($q: String!) { search(query: $q) { score } }', { q: 'x'.repeat(40_000) });
    case 1:
      return q('query S($q: String!) { search(query: $q) { score } }', { q: words(rng, ctx, 1000) });
    case 2:
      return q('query P($s: String!) { person(slug: $s) { name } }', { s: 'a'.repeat(1_000_000) });
    case 3:
      return q(`{ events(filter: { text: ${lit('é'.repeat(500_000))} }) { totalCount } }`);
    case 4:
      // past the body limit
      return q('query P($s: String!) { person(slug: $s) { name } }', { s: 'b'.repeat(5_000_000) });
    default:
      return q(`{ people(filter: { text: ${lit(words(rng, ctx, 1000))} }) { totalCount } }`);
  }
}

function variableTypes(rng: Rng, ctx: FuzzContext): RawRequest {
  const cases: [string, unknown][] = [
    ['query P($s: String!) { person(slug: $s) { name } }', { s: 123 }],
    ['query P($s: String!) { person(slug: $s) { name } }', { s: null }],
    ['query P($s: String!) { person(slug: $s) { name } }', {}],
    ['query P($s: String!) { person(slug: $s) { name } }', { s: [pick(rng, ctx.people)] }],
    ['query P($s: String!) { person(slug: $s) { name } }', { s: { slug: 'x' } }],
    ['query E($n: Int) { events(first: $n) { totalCount } }', { n: 'ten' }],
    ['query E($n: Int) { events(first: $n) { totalCount } }', { n: 1e20 }],
    ['query E($n: Int) { events(first: $n) { totalCount } }', { n: 2.5 }],
    ['query E($n: Int) { events(first: $n) { totalCount } }', { n: -5 }],
    ['query E($n: Int) { events(first: $n) { totalCount } }', { n: 2147483648 }],
    ['query E($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { kinds: ['meeting'] } }],
    ['query E($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { nope: 1 } }],
    ['query E($f: EventFilter) { events(filter: $f) { totalCount } }', { f: 'x' }],
    ['query E($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { participants: 'not-a-list' } }],
    ['query E($k: [NodeKind!]) { search(query: "salud", types: $k) { score } }', { k: ['PERSON', null] }],
    ['query E($k: [NodeKind!]) { search(query: "salud", types: $k) { score } }', { k: 'PERSON' }],
    ['query E($o: DateOrder!) { events(orderBy: $o) { totalCount } }', { o: 'SIDEWAYS' }],
    ['query E($h: Int!) { paths(from: "a", to: "b", maxHops: $h) { length } }', { h: 1e9 }],
    ['query E($s: String!) { person(slug: $t) { name } }', { s: 'x' }],
    ['query E($s: Strin!) { person(slug: $s) { name } }', { s: 'x' }],
    ['query E($s: String!, $s: String!) { person(slug: $s) { name } }', { s: 'x' }],
    ['query E($s: Int!) { person(slug: $s) { name } }', { s: 1 }],
    ['query E($i: IngestDocumentInput!) { person(slug: "x") { name } }', { i: { fileName: 'a.txt' } }],
  ];
  const [query, variables] = pick(rng, cases);
  return q(query, variables);
}

function unknownFields(rng: Rng, ctx: FuzzContext): RawRequest {
  return q(
    pick(rng, [
      '{ x }',
      '{ people { nodes { password } } }',
      `{ person(slug: ${lit(pick(rng, ctx.people))}) { name salary } }`,
      `{ person(id: ${lit(pick(rng, ctx.people))}) { name } }`,
      '{ people(limit: 5) { totalCount } }',
      '{ __type(name: "Person") { fields { name } } }',
      '{ __typename }',
      '{ person { name } }',
      '{ people }',
      '{ people { totalCount { value } } }',
      '{ ... on Mutation { ingestDocument } }',
      'query A { __typename } query B { __typename }',
      '',
      '   ',
      '# only a comment',
      '{ person(slug: "x") @skip(if: true) { name } }',
      '{ person(slug: "x") @nope { name } }',
      'fragment F on Person { name }',
      '{ node(id: "x") { ... on Nope { id } } }',
      'query { people(first: 1) { nodes { name } } } garbage',
      'type Query { x: Int }',
      'schema { query: Query }',
    ]),
  );
}

function subscription(rng: Rng, ctx: FuzzContext): RawRequest {
  return q(pick(rng, ['subscription { x }', `subscription S { person(slug: ${lit(pick(rng, ctx.people))}) { name } }`, 'subscription { __typename }', 'subscription { people { totalCount } }']));
}

function mutationNoKey(rng: Rng, ctx: FuzzContext): RawRequest {
  const mutations = [
    () => ({
      query: 'mutation I($i: IngestDocumentInput!) { ingestDocument(input: $i) { newDocument } }',
      variables: { i: { fileName: 'fuzz-no-key.txt', content: 'Toluca, Estado de México, 3 de marzo de 2024.- La gobernadora inauguró una clínica.' } },
    }),
    () => ({ query: `mutation { confirmFact(id: ${lit(pick(rng, ctx.eventIds.length ? ctx.eventIds : ['event:x']))}) { id } }` }),
    () => ({ query: `mutation { rejectFact(id: ${lit(pick(rng, ctx.eventIds.length ? ctx.eventIds : ['event:x']))}, note: "fuzz") { id } }` }),
    () => ({ query: `mutation { mergeEntities(keep: ${lit(pick(rng, ctx.people))}, merge: ${lit(pick(rng, ctx.people))}, force: true, note: "fuzz") { id } }` }),
    () => ({ query: `mutation { splitEntity(id: ${lit(`person:${pick(rng, ctx.people)}`)}, names: ["x"], name: "x") { id } }` }),
    () => ({ query: 'mutation { dismissDuplicate(a: "a", b: "b") { id } }' }),
    () => ({ query: 'mutation { undoEdit(id: "edit:00000000-0000-0000-0000-000000000000") { id } }' }),
    () => ({ query: `mutation { unmergeEntities(merged: ${lit(pick(rng, ctx.people))}) { id } }` }),
  ];
  const body = pick(rng, mutations)();
  const header = pick(rng, [null, null, 'Bearer not-a-key-at-all', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer ' + 'x'.repeat(43), 'Bearer a b c', 'Bearer \u00e9\u00e9', 'Token abc']);
  return post(body, undefined, header === null ? {} : { authorization: header });
}

function validRandom(rng: Rng, ctx: FuzzContext): RawRequest {
  return pick(rng, VALID)(rng, ctx);
}

export const FAMILIES: Family[] = [
  { name: 'valid-random', weight: 16, make: validRandom },
  { name: 'injection', weight: 12, make: injection },
  { name: 'malformed-json', weight: 8, make: malformed },
  { name: 'content-type', weight: 7, make: contentType },
  { name: 'get-query-string', weight: 7, make: getQuery },
  { name: 'variable-types', weight: 8, make: variableTypes },
  { name: 'unknown-fields', weight: 6, make: unknownFields },
  { name: 'mutation-without-key', weight: 6, make: mutationNoKey },
  { name: 'batch', weight: 4, make: batch },
  { name: 'deep-nesting', weight: 4, make: deepNesting },
  { name: 'fragments', weight: 4, make: fragments },
  { name: 'subscription', weight: 3, make: subscription },
  { name: 'huge-strings', weight: 2, make: hugeStrings },
  { name: 'alias-bomb', weight: 1.5, make: aliasBomb },
];

const TOTAL_WEIGHT = FAMILIES.reduce((s, f) => s + f.weight, 0);

export function pickFamily(rng: Rng): Family {
  let x = rng() * TOTAL_WEIGHT;
  for (const f of FAMILIES) {
    x -= f.weight;
    if (x < 0) return f;
  }
  return FAMILIES[FAMILIES.length - 1]!;
}
