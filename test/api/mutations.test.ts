import { describe, expect, it } from 'vitest';
import { authConfig } from '../../src/api/auth.js';
import { inspect, snapshotGraph } from '../support/db.js';
import { gql, seededServer, testKey, type GqlResponse } from '../support/server.js';

const editor = testKey('ana-editora', 'editor');
const seeded = seededServer({ auth: authConfig([editor.key]) });

/** Sends an operation with the editor's key. */
const send = <T = any>(query: string, variables?: Record<string, unknown>) => gql<T>(seeded.server.url, query, variables, editor.header);

function expectOk<T>(res: GqlResponse<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data!;
}

/** The single error of a response: its code and argument; no stack trace anywhere. */
function expectError(res: GqlResponse, code: string, argument?: string) {
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  const [error] = res.errors!;
  expect(error!.extensions?.code).toBe(code);
  if (argument) {
    expect(error!.extensions?.argumentName).toBe(argument);
    expect(error!.message).toContain(`"${argument}"`);
  }
  expect(JSON.stringify(res)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return error!;
}

/** Runs a failing operation and checks that the graph is exactly as before. */
async function expectNothingWritten(run: () => Promise<GqlResponse>): Promise<GqlResponse> {
  const before = await snapshotGraph(seeded.db);
  const res = await run();
  expect(await snapshotGraph(seeded.db)).toEqual(before);
  return res;
}

const STATEMENT = 'statement:robledo-tecamac-coordinated-mas-bienestar';

const CONFIRM = /* GraphQL */ `
  mutation ($id: ID!, $note: String) {
    confirmFact(id: $id, note: $note) {
      id
      reviewStatus
      reviewedBy
      reviewedAt
      history {
        action
        by
        at
        note
      }
    }
  }
`;
const REJECT = CONFIRM.replace('confirmFact', 'rejectFact');

describe('confirmFact and rejectFact', () => {
  it('confirming records who and when on the fact, and an edit in its history', async () => {
    const t0 = Date.now();
    const { confirmFact } = expectOk(await send(CONFIRM, { id: STATEMENT, note: 'Checked against the bulletin.' }));
    expect(confirmFact).toMatchObject({ id: STATEMENT, reviewStatus: 'CONFIRMED', reviewedBy: 'ana-editora' });
    const at = Date.parse(confirmFact.reviewedAt);
    expect(at).toBeGreaterThanOrEqual(t0 - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    expect(confirmFact.reviewedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(confirmFact.history).toEqual([{ action: 'CONFIRM', by: 'ana-editora', at: confirmFact.reviewedAt, note: 'Checked against the bulletin.' }]);
  });

  it('rejecting afterwards changes the status and appends to the history, oldest first', async () => {
    const { rejectFact } = expectOk(await send(REJECT, { id: STATEMENT, note: 'Wrong speaker.' }));
    expect(rejectFact).toMatchObject({ reviewStatus: 'REJECTED', reviewedBy: 'ana-editora' });
    expect(rejectFact.history.map((e: { action: string; note: string }) => [e.action, e.note])).toEqual([
      ['CONFIRM', 'Checked against the bulletin.'],
      ['REJECT', 'Wrong speaker.'],
    ]);
    expect(rejectFact.history[1].at).toBe(rejectFact.reviewedAt);
    // the same through a query, by the Fact interface
    const { node } = expectOk(await gql(seeded.server.url, `{ node(id: "${STATEMENT}") { ... on Fact { reviewStatus history { action } } } }`));
    expect(node).toEqual({ reviewStatus: 'REJECTED', history: [{ action: 'CONFIRM' }, { action: 'REJECT' }] });
  });

  it('edits are Edit nodes linked by EDITED, without the Node label: node(), search and paths never see them', async () => {
    const rows = await inspect<{ labels: string[]; id: string; target: string }>(seeded.db, 'MATCH (e:Edit)-[:EDITED]->(n {id: $id}) RETURN labels(e) AS labels, e.id AS id, e.target AS target', {
      id: STATEMENT,
    });
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.labels).toEqual(['Edit']);
      expect(r.target).toBe(STATEMENT);
      const res = await gql(seeded.server.url, 'query($id: ID!) { node(id: $id) { id } }', { id: r.id });
      expect(res.data).toEqual({ node: null });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('the note is optional', async () => {
    const { confirmFact } = expectOk(await send(CONFIRM, { id: 'event:2024-01-12-tecamac-federalization-meeting' }));
    expect(confirmFact.history).toEqual([expect.objectContaining({ action: 'CONFIRM', note: null })]);
  });

  it('history costs one query per level, however many facts are listed', async () => {
    const without = await gql(seeded.server.url, '{ statements(first: 30) { nodes { id } } }');
    expectOk(without);
    const base = seeded.server.lastRoundTrips()!;
    const res = await gql(seeded.server.url, '{ statements(first: 30) { nodes { id reviewedBy history { action by } } } }');
    const data = expectOk(res);
    expect(data.statements.nodes.length).toBeGreaterThan(5);
    expect(seeded.server.lastRoundTrips()).toBe(base + 1);
  });

  it('an unknown id is NOT_FOUND naming the argument, and nothing is written', async () => {
    const res = await expectNothingWritten(() => send(CONFIRM, { id: 'statement:no-such-statement' }));
    const error = expectError(res, 'NOT_FOUND', 'id');
    expect(error.message).toContain('statement:no-such-statement');
    expectError(await expectNothingWritten(() => send(REJECT, { id: 'nothing' })), 'NOT_FOUND', 'id');
  });

  it('an entity is not a fact: BAD_USER_INPUT, nothing written', async () => {
    const res = await expectNothingWritten(() => send(CONFIRM, { id: 'person:zoe-robledo-aburto' }));
    expect(expectError(res, 'BAD_USER_INPUT', 'id').message).toMatch(/Person, not a fact/);
  });
});

// ---- entities ----

interface RelRow {
  type: string;
  out: boolean;
  other: string;
  key: string | null;
  cites: string[] | null;
}

/** Every relationship of a node as (type, direction, other end's id, key), citations sorted. */
async function relsOf(id: string): Promise<RelRow[]> {
  return inspect<RelRow>(
    seeded.db,
    `MATCH (n {id: $id})-[r]-(x)
     RETURN type(r) AS type, startNode(r) = n AS out, CASE WHEN x:Edit THEN 'edit' ELSE x.id END AS other, r.key AS key, r.cites AS cites`,
    { id },
  );
}

const relKey = (r: RelRow) => `${r.type} ${r.out ? '->' : '<-'} ${r.other} [${r.key ?? ''}]`;

const MERGE = /* GraphQL */ `
  mutation ($keep: ID!, $merge: ID!, $note: String, $force: Boolean = false) {
    mergeEntities(keep: $keep, merge: $merge, note: $note, force: $force) {
      id
      name
      aliases
      citations {
        document {
          id
        }
        start
        end
      }
      history {
        action
        by
        note
      }
    }
  }
`;

describe('mergeEntities', () => {
  const KEEP = 'person:horacio-duarte-olivares';
  const MERGED = 'person:macarena-montoya-olvera';

  it('moves every relationship of the merged entity to the kept one, takes its names, deletes it and records the merge', async () => {
    const keepBefore = await relsOf(KEEP);
    const mergedBefore = await relsOf(MERGED);
    const [mergedProps] = await inspect<{ name: string; aliases: string[]; cites: string[] }>(seeded.db, 'MATCH (n:Person {id: $id}) RETURN n.name AS name, n.aliases AS aliases, n.cites AS cites', {
      id: MERGED,
    });
    const [keepProps] = await inspect<{ aliases: string[]; cites: string[] }>(seeded.db, 'MATCH (n:Person {id: $id}) RETURN n.aliases AS aliases, n.cites AS cites', { id: KEEP });
    // both took part in the Tecámac meeting: that relationship must end up once, with both citations
    const shared = keepBefore.filter((r) => mergedBefore.some((m) => relKey(m) === relKey(r)));
    expect(shared.length).toBeGreaterThan(0);

    const { mergeEntities } = expectOk(await send(MERGE, { keep: KEEP, merge: 'macarena-montoya-olvera', note: 'Same person?', force: true }));
    expect(mergeEntities.id).toBe(KEEP);
    expect(mergeEntities.aliases).toEqual([...new Set([...keepProps!.aliases, mergedProps!.name, ...mergedProps!.aliases])]);
    expect(mergeEntities.history).toEqual([{ action: 'MERGE', by: 'ana-editora', note: 'Same person?' }]);
    expect(mergeEntities.citations).toHaveLength(new Set([...keepProps!.cites, ...mergedProps!.cites]).size);

    // relationships: the union of both, merged ends replaced by the kept one, duplicates collapsed, citations united
    const after = await relsOf(KEEP);
    const expected = new Set([...keepBefore, ...mergedBefore].filter((r) => r.other !== KEEP && r.other !== MERGED).map(relKey));
    expected.add('EDITED <- edit []');
    expect(new Set(after.map(relKey))).toEqual(expected);
    expect(after).toHaveLength(expected.size);
    for (const r of shared) {
      const m = mergedBefore.find((x) => relKey(x) === relKey(r))!;
      const a = after.find((x) => relKey(x) === relKey(r))!;
      if (r.cites || m.cites) expect([...(a.cites ?? [])].sort()).toEqual([...new Set([...(r.cites ?? []), ...(m.cites ?? [])])].sort());
    }
    const moved = mergedBefore.find((r) => !shared.some((s) => relKey(s) === relKey(r)) && r.cites?.length);
    if (moved) expect(after.find((a) => relKey(a) === relKey(moved))!.cites).toEqual(moved.cites);

    // the merged entity is gone; the full-text index reads the new aliases
    expect(await inspect(seeded.db, 'MATCH (n:Node {id: $id}) RETURN n', { id: MERGED })).toEqual([]);
    // its slug and id lead to the kept entity now
    for (const ref of ['macarena-montoya-olvera', MERGED]) {
      expect(expectOk(await gql(seeded.server.url, `{ person(slug: "${ref}") { id redirectedFrom } }`)).person).toEqual({ id: KEEP, redirectedFrom: ref });
    }
    const { search } = expectOk(await gql(seeded.server.url, '{ search(query: "Macarena Montoya Olvera", types: [PERSON]) { node { id } } }'));
    expect(search[0].node.id).toBe(KEEP);
    const { person } = expectOk(await gql(seeded.server.url, '{ person(slug: "horacio-duarte-olivares") { events { id } posts { role } } }'));
    expect(person.posts.map((p: { role: string }) => p.role)).toContain('Secretaria de Salud');
    // text filters read the recomputed folded names too
    const { posts } = expectOk(await gql(seeded.server.url, '{ posts(filter: { person: "horacio-duarte-olivares", text: "salud" }) { nodes { role holder { id } } } }'));
    expect(posts.nodes.map((p: { holder: { id: string } }) => p.holder.id)).toEqual(posts.nodes.map(() => KEEP));
  });

  it('relationships between the two are dropped, not turned into loops', async () => {
    const between = (await relsOf('place:toluca')).filter((r) => r.other === 'place:estado-de-mexico');
    expect(between.map(relKey)).toEqual(['PART_OF -> place:estado-de-mexico []']);
    const { mergeEntities } = expectOk(await send(MERGE, { keep: 'place:estado-de-mexico', merge: 'place:toluca', force: true, note: 'test: merging a state and its capital' }));
    expect(mergeEntities.aliases).toContain('Toluca');
    expect(await inspect(seeded.db, 'MATCH (n {id: "place:estado-de-mexico"})-[r]->(n) RETURN r')).toEqual([]);
    const { place } = expectOk(await gql(seeded.server.url, '{ place(slug: "estado-de-mexico") { events { id } partOf { id } } }'));
    expect(place.events.map((e: { id: string }) => e.id)).toContain('event:2024-05-15-toluca-imss-bienestar-progress-meeting');
    expect(place.partOf).toEqual({ id: 'place:mexico' });
  });

  it('entities of different kinds cannot be merged: BAD_USER_INPUT, nothing written', async () => {
    const res = await expectNothingWritten(() => send(MERGE, { keep: 'person:zoe-robledo-aburto', merge: 'organization:imss' }));
    expect(expectError(res, 'BAD_USER_INPUT', 'merge').message).toMatch(/same kind/);
  });

  it('an entity cannot be merged into itself', async () => {
    const res = await expectNothingWritten(() => send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'person:zoe-robledo-aburto' }));
    expectError(res, 'BAD_USER_INPUT', 'merge');
  });

  it('unknown ids are NOT_FOUND naming the argument, nothing written', async () => {
    expectError(await expectNothingWritten(() => send(MERGE, { keep: 'person:nadie', merge: 'person:zoe-robledo-aburto' })), 'NOT_FOUND', 'keep');
    expectError(await expectNothingWritten(() => send(MERGE, { keep: 'person:zoe-robledo-aburto', merge: 'person:nadie' })), 'NOT_FOUND', 'merge');
    // a fact is not an entity
    expectError(await expectNothingWritten(() => send(MERGE, { keep: 'person:zoe-robledo-aburto', merge: STATEMENT })), 'NOT_FOUND', 'merge');
  });
});

const SPLIT = /* GraphQL */ `
  mutation ($id: ID!, $names: [String!]!, $name: String!) {
    splitEntity(id: $id, names: $names, name: $name) {
      id
      slug
      name
      aliases
      citations {
        document {
          id
        }
        start
        end
        excerpt
      }
      history {
        action
        by
        details
      }
      ... on Person {
        events {
          id
        }
      }
    }
  }
`;

describe('splitEntity', () => {
  const AMLO = 'person:andres-manuel-lopez-obrador';

  it('makes a new entity of the same kind with the split aliases and the citations that read them', async () => {
    const relsBefore = (await relsOf(AMLO)).map(relKey).sort();
    const { splitEntity } = expectOk(await send(SPLIT, { id: AMLO, names: ['amlo'], name: 'AMLO' }));
    expect(splitEntity).toMatchObject({ id: 'person:amlo', slug: 'amlo', name: 'AMLO', aliases: [], events: [] });
    // the headline "AMLO y Delfina Gómez supervisan" reads the split name; the others read "Andrés Manuel López Obrador"
    expect(splitEntity.citations.map((c: { excerpt: string }) => c.excerpt)).toEqual(['AMLO y Delfina Gómez supervisan']);
    expect(splitEntity.history).toEqual([{ action: 'SPLIT', by: 'ana-editora', details: `split from ${AMLO} (Andrés Manuel López Obrador)` }]);

    const { person } = expectOk(
      await gql(
        seeded.server.url,
        `{ person(slug: "andres-manuel-lopez-obrador") {
      aliases citations { excerpt } history { action details } } }`,
      ),
    );
    expect(person.aliases).toEqual(['López Obrador', 'Andres Manuel Lopez Obrador']);
    expect(person.citations.map((c: { excerpt: string }) => c.excerpt)).not.toContain('AMLO y Delfina Gómez supervisan');
    expect(person.citations.length).toBeGreaterThan(0);
    expect(person.history).toEqual([{ action: 'SPLIT', details: 'split off person:amlo (AMLO) with "AMLO"' }]);

    // relationships stay with the original (plus its edit); the new entity links to the documents it is cited in
    expect(
      (await relsOf(AMLO))
        .map(relKey)
        .filter((k) => !k.startsWith('EDITED'))
        .sort(),
    ).toEqual(relsBefore);
    expect((await relsOf('person:amlo')).map(relKey).sort()).toEqual(['EDITED <- edit []', 'SOURCED_FROM -> document:000_f9159143236d1f68.txt []']);
    const [labels] = await inspect<{ labels: string[] }>(seeded.db, 'MATCH (n {id: "person:amlo"}) RETURN labels(n) AS labels');
    expect([...labels!.labels].sort()).toEqual(['Entity', 'Node', 'Person']);

    // search finds each by its own names
    const { search } = expectOk(await gql(seeded.server.url, '{ search(query: "AMLO", types: [PERSON]) { node { id } } }'));
    expect(search[0].node.id).toBe('person:amlo');
  });

  it('merging the split entity back restores the names and keeps both histories', async () => {
    const { mergeEntities } = expectOk(await send(MERGE, { keep: AMLO, merge: 'person:amlo', force: true, note: 'one person after all' }));
    expect(mergeEntities.aliases).toEqual(['López Obrador', 'Andres Manuel Lopez Obrador', 'AMLO']);
    expect(mergeEntities.citations).toHaveLength(4);
    expect(mergeEntities.history.map((e: { action: string }) => e.action)).toEqual(['SPLIT', 'SPLIT', 'MERGE']);
    expect((await relsOf(AMLO)).filter((r) => r.type === 'SOURCED_FROM' && r.other === 'document:000_f9159143236d1f68.txt')).toHaveLength(1);
  });

  it('a citation that reads a name the original keeps stays with it', async () => {
    const { splitEntity } = expectOk(await send(SPLIT, { id: 'zoe-robledo-aburto', names: ['Robledo'], name: 'Robledo' }));
    expect(splitEntity).toMatchObject({ id: 'person:robledo', aliases: [], citations: [] });
  });

  it('the new slug avoids ones in use', async () => {
    const { splitEntity } = expectOk(await send(SPLIT, { id: 'imss', names: ['Seguro Social'], name: 'IMSS Bienestar' }));
    expect(splitEntity).toMatchObject({ id: 'organization:imss-bienestar-2', slug: 'imss-bienestar-2', name: 'IMSS Bienestar', aliases: ['Seguro Social'] });
  });

  it('names must be aliases of the entity: BAD_USER_INPUT listing them, nothing written', async () => {
    const res = await expectNothingWritten(() => send(SPLIT, { id: 'delfina-gomez-alvarez', names: ['Delfina Gómez', 'La Maestra'], name: 'Otra' }));
    const error = expectError(res, 'BAD_USER_INPUT', 'names');
    expect(error.message).toContain('"La Maestra" is not an alias');
    expect(error.message).toContain('"Delfina Gómez"');
    expectError(await expectNothingWritten(() => send(SPLIT, { id: 'delfina-gomez-alvarez', names: [], name: 'Otra' })), 'BAD_USER_INPUT', 'names');
    expectError(await expectNothingWritten(() => send(SPLIT, { id: 'delfina-gomez-alvarez', names: ['Delfina Gómez Álvarez'], name: 'Otra' })), 'BAD_USER_INPUT', 'names');
  });

  it('the new name must be new', async () => {
    expectError(await expectNothingWritten(() => send(SPLIT, { id: 'delfina-gomez-alvarez', names: ['Delfina Gómez'], name: 'Delfina Gomez Alvarez' })), 'BAD_USER_INPUT', 'name');
    expectError(await expectNothingWritten(() => send(SPLIT, { id: 'delfina-gomez-alvarez', names: ['Delfina Gómez'], name: ' ¡! ' })), 'BAD_USER_INPUT', 'name');
  });

  it('an unknown entity is NOT_FOUND', async () => {
    expectError(await expectNothingWritten(() => send(SPLIT, { id: 'person:nadie', names: ['X'], name: 'Y' })), 'NOT_FOUND', 'id');
  });
});

// ---- ingestDocument ----

// An invented article: the people, town and hospital do not exist.
const ARTICLE = `La gobernadora Rosalía Fuentes Ibarra inauguró el Hospital Comunitario de San Aurelio

San Aurelio, Tierra Alta, 14 de marzo de 2024.- La gobernadora de Tierra Alta, Rosalía Fuentes Ibarra, inauguró este jueves el Hospital Comunitario de San Aurelio, que atenderá a 85 mil habitantes de la región.

Acompañada por el secretario de Salud estatal, Tomás Quiroga Lema, la mandataria informó que la obra tuvo una inversión de 320 millones de pesos y contará con 60 camas.

"Este hospital es un compromiso cumplido con las familias de San Aurelio", afirmó Fuentes Ibarra, quien se comprometió a abrir una unidad de hemodiálisis antes de diciembre de 2024.

Quiroga Lema anunció que el hospital contratará a 240 trabajadores de la salud durante el primer semestre del año.
`;

const INGEST = /* GraphQL */ `
  mutation ($input: IngestDocumentInput!) {
    ingestDocument(input: $input) {
      title
      newDocument
      document {
        id
        fileName
        title
        publisher
        published {
          iso
        }
        url
      }
      newEntities {
        id
        name
      }
      linkedEntities {
        name
        id
        score
        entity {
          id
        }
      }
      candidateMatches {
        name
        id
        score
      }
      facts {
        posts
        events
        statements
        commitments
        figures
      }
      linkedEvents {
        id
      }
      repeatedCommitments {
        id
      }
    }
  }
`;

describe('ingestDocument', () => {
  const input = {
    fileName: 'san-aurelio-hospital.txt',
    content: ARTICLE,
    title: 'Inauguran el Hospital Comunitario de San Aurelio',
    publisher: 'Diario de Tierra Alta',
    url: 'https://example.org/san-aurelio',
    published: '2024-03-14',
  };

  it('an empty document is BAD_USER_INPUT and writes nothing', async () => {
    const res = await expectNothingWritten(() => send(INGEST, { input: { fileName: 'vacio.txt', content: '' } }));
    expectError(res, 'BAD_USER_INPUT', 'input.content');
    const blank = await expectNothingWritten(() => send(INGEST, { input: { fileName: 'vacio.txt', content: '  \n\n ' } }));
    expectError(blank, 'BAD_USER_INPUT', 'input.content');
  });

  it("the pipeline's document problems come back as BAD_USER_INPUT with the problem", async () => {
    const english = 'The governor opened a new hospital in the town on Thursday, and said that the work was paid for by the state and that it will serve the people of the region.';
    const res = await expectNothingWritten(() => send(INGEST, { input: { fileName: 'english.txt', content: english } }));
    expect(expectError(res, 'BAD_USER_INPUT', 'input.content').message).toMatch(/Spanish/);
    const date = await expectNothingWritten(() => send(INGEST, { input: { ...input, published: '2024-02-30' } }));
    expect(expectError(date, 'BAD_USER_INPUT', 'input.published').message).toContain('2024-02-30');
    const url = await expectNothingWritten(() => send(INGEST, { input: { ...input, url: 'ftp://example.org/x' } }));
    expect(expectError(url, 'BAD_USER_INPUT', 'input.url').message).toMatch(/http/);
    const front = await expectNothingWritten(() => send(INGEST, { input: { fileName: 'nota.md', content: `---\npublished: 2024-02-30\n---\n${ARTICLE}` } }));
    expect(expectError(front, 'BAD_USER_INPUT', 'input.content').message).toContain('2024-02-30');
    const type = await expectNothingWritten(() => send(INGEST, { input: { ...input, fileName: 'nota.pdf' } }));
    expectError(type, 'BAD_USER_INPUT', 'input.fileName');
    const big = await expectNothingWritten(() => send(INGEST, { input: { ...input, content: 'a'.repeat(1_000_001) } }));
    expect(expectError(big, 'BAD_USER_INPUT', 'input.content').message).toMatch(/1000000 bytes/);
  });

  it('adds the document and what it says; the second time changes nothing', async () => {
    const first = expectOk(await send(INGEST, { input })).ingestDocument;
    expect(first).toMatchObject({
      title: input.title,
      newDocument: true,
      document: {
        id: 'document:san-aurelio-hospital.txt',
        fileName: 'san-aurelio-hospital.txt',
        title: input.title,
        publisher: input.publisher,
        url: input.url,
        published: { iso: '2024-03-14' },
      },
    });
    const names = first.newEntities.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Rosalía Fuentes Ibarra', 'Tomás Quiroga Lema']));
    const facts = first.facts as Record<string, number>;
    expect(Object.values(facts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    // what it wrote is readable
    const { search } = expectOk(await gql(seeded.server.url, '{ search(query: "Rosalia Fuentes", types: [PERSON]) { node { id ... on Person { name } } } }'));
    expect(search[0].node.name).toBe('Rosalía Fuentes Ibarra');

    const before = await snapshotGraph(seeded.db);
    const second = expectOk(await send(INGEST, { input })).ingestDocument;
    expect(await snapshotGraph(seeded.db)).toEqual(before);
    expect(second).toMatchObject({ newDocument: false, newEntities: [], facts: { posts: 0, events: 0, statements: 0, commitments: 0, figures: 0 } });
  });

  it("a request body over the server's limit gets a GraphQL-shaped 413", async () => {
    const res = await fetch(seeded.server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...editor.header },
      body: JSON.stringify({ query: INGEST, variables: { input: { ...input, content: 'a'.repeat(5_000_000) } } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ errors: [{ message: 'The request body is larger than 4MB.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('a different text under a file name already in the graph is refused', async () => {
    const res = await expectNothingWritten(() => send(INGEST, { input: { ...input, content: `${ARTICLE}\nOtra línea añadida.` } }));
    expectError(res, 'BAD_USER_INPUT', 'input.fileName');
  });
});
