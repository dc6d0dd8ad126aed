import { beforeEach, describe, expect, it } from 'vitest';
import { authConfig } from '../../src/api/auth.js';
import { inspect, resetWithSeed, snapshotGraph } from '../support/db.js';
import { gql, seededServer, testKey, type GqlResponse } from '../support/server.js';

// Merges are refused between entities that share no name, leave a redirect, and can be undone;
// every review and merge can be undone from the history; rejected facts stay out of lists.

const editor = testKey('rosa-ibarra', 'editor');
const seeded = seededServer({ auth: authConfig([editor.key]) });
const send = (query: string, variables?: Record<string, unknown>) => gql(seeded.server.url, query, variables, editor.header);

beforeEach(async () => {
  await resetWithSeed(seeded.db);
});

function ok(res: GqlResponse): any {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

function failure(res: GqlResponse, code: string, argument: string) {
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  expect(res.errors![0]!.extensions?.code).toBe(code);
  expect(res.errors![0]!.extensions?.argumentName).toBe(argument);
  return res.errors![0]!;
}

/** The graph as sorted lines, leaving out the edit history and redirects (what an undo adds). */
async function graphLines(): Promise<string[]> {
  const nodes = await inspect<{ labels: string[]; props: Record<string, unknown> }>(
    seeded.db,
    'MATCH (n) WHERE NOT n:Edit AND NOT n:Redirect AND NOT n:GraphLock RETURN labels(n) AS labels, properties(n) AS props',
  );
  const rels = await inspect<Record<string, unknown>>(seeded.db, "MATCH (a)-[r]->(b) WHERE type(r) <> 'EDITED' RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props");
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sorted(x)]),
          )
        : v;
  return [...nodes.map((n) => JSON.stringify(sorted({ labels: [...n.labels].sort(), props: n.props }))), ...rels.map((r) => JSON.stringify(sorted(r)))].sort();
}

/** A second record of a seed person, as a pipeline that missed the match would leave it: one name, one event. */
async function addDuplicate(): Promise<void> {
  await seeded.db.write((tx) =>
    tx.run('write/upsert-nodes', {
      rows: [
        {
          id: 'person:zoe-robledo',
          labels: ['Node', 'Entity', 'Person'],
          props: { slug: 'zoe-robledo', name: 'Zoé Robledo', aliases: [], aliasText: 'Zoé Robledo', fold: 'zoe robledo zoe robledo', cites: [], reviewStatus: 'extracted', confidence: 0.8 },
          cites: [],
        },
      ],
    }),
  );
  const [event] = await inspect<{ id: string }>(seeded.db, 'MATCH (e:Event) RETURN e.id AS id ORDER BY e.id LIMIT 1');
  // with the person date index's properties, as the writers give them (cypher/migrations/004)
  await inspect(
    seeded.db,
    'MATCH (p:Person {id: "person:zoe-robledo"}), (e:Event {id: $e}) CREATE (p)-[:PARTICIPATED_IN {cites: [], person: p.id, day: e.dateStart, undated: CASE WHEN e.dateStart IS NULL THEN true END}]->(e)',
    { e: event!.id },
  );
}

const MERGE = `mutation($keep: ID!, $merge: ID!, $note: String, $force: Boolean = false) {
  mergeEntities(keep: $keep, merge: $merge, note: $note, force: $force) { id aliases history { id action } } }`;

describe('mergeEntities refuses what is not one entity', () => {
  it('two people who share no name, alias or acronym: BAD_USER_INPUT, nothing written', async () => {
    const before = await snapshotGraph(seeded.db);
    const e = failure(await send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'delfina-gomez-alvarez' }), 'BAD_USER_INPUT', 'merge');
    expect(e.message).toMatch(/share no name, alias or acronym.*force/);
    expect(await snapshotGraph(seeded.db)).toEqual(before);
  });

  it('force needs a note saying why', async () => {
    const before = await snapshotGraph(seeded.db);
    failure(await send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'delfina-gomez-alvarez', force: true }), 'BAD_USER_INPUT', 'note');
    expect(await snapshotGraph(seeded.db)).toEqual(before);
    const { mergeEntities } = ok(await send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'delfina-gomez-alvarez', force: true, note: 'test of a forced merge' }));
    expect(mergeEntities.aliases).toContain('Delfina Gómez Álvarez');
  });

  it('entities of different kinds: BAD_USER_INPUT even with force', async () => {
    failure(await send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'imss', force: true, note: 'no' }), 'BAD_USER_INPUT', 'merge');
  });
});

describe('a merge leaves a redirect and can be undone', () => {
  it('the merged slug and id lead to the kept entity, in lookups, filters and node()', async () => {
    await addDuplicate();
    ok(await send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'zoe-robledo' }));
    for (const ref of ['zoe-robledo', 'person:zoe-robledo']) {
      const { person } = ok(await send('query($r: String!) { person(slug: $r) { id redirectedFrom } }', { r: ref }));
      expect(person).toEqual({ id: 'person:zoe-robledo-aburto', redirectedFrom: ref });
    }
    expect(ok(await send('{ node(id: "person:zoe-robledo") { id } }')).node.id).toBe('person:zoe-robledo-aburto');
    const bySlug = ok(await send('{ events(filter: { participants: ["zoe-robledo-aburto"] }) { totalCount } }'));
    expect(ok(await send('{ events(filter: { participants: ["zoe-robledo"] }) { totalCount } }'))).toEqual(bySlug);
  });

  it('unmergeEntities puts back exactly what the merge changed', async () => {
    await addDuplicate();
    const before = await graphLines();
    ok(await send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'zoe-robledo' }));
    expect(await graphLines()).not.toEqual(before);
    const { unmergeEntities } = ok(await send('mutation { unmergeEntities(merged: "zoe-robledo", note: "two records after all") { id slug history { action by } } }'));
    expect(unmergeEntities).toMatchObject({ id: 'person:zoe-robledo', slug: 'zoe-robledo', history: [{ action: 'UNMERGE', by: 'rosa-ibarra' }] });
    expect(await graphLines()).toEqual(before);
    // the kept entity's history shows the merge, undone, and the unmerge
    const { person } = ok(await send('{ person(slug: "zoe-robledo-aburto") { redirectedFrom history { action undoneBy undoable } } }'));
    expect(person).toEqual({
      redirectedFrom: null,
      history: [
        { action: 'MERGE', undoneBy: 'rosa-ibarra', undoable: false },
        { action: 'UNMERGE', undoneBy: null, undoable: false },
      ],
    });
    failure(await send('mutation { unmergeEntities(merged: "zoe-robledo") { id } }'), 'NOT_FOUND', 'merged');
  });

  it('a merge of a merge: the first slug leads to the last entity, and unmerges go back in order', async () => {
    await addDuplicate();
    const before = await graphLines();
    ok(await send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'zoe-robledo' }));
    const other = await inspect<{ slug: string }>(seeded.db, 'MATCH (p:Person) WHERE p.slug <> "zoe-robledo-aburto" AND p.slug <> "zoe-robledo" RETURN p.slug AS slug ORDER BY p.slug LIMIT 1');
    ok(await send(MERGE, { keep: other[0]!.slug, merge: 'zoe-robledo-aburto', force: true, note: 'test of a chain' }));
    expect(ok(await send('{ node(id: "person:zoe-robledo") { id } }')).node.id).toBe(`person:${other[0]!.slug}`);
    const e = failure(await send('mutation { unmergeEntities(merged: "zoe-robledo") { id } }'), 'BAD_USER_INPUT', 'merged');
    expect(e.message).toMatch(/undo that merge first/);
    ok(await send('mutation { unmergeEntities(merged: "zoe-robledo-aburto") { id } }'));
    ok(await send('mutation { unmergeEntities(merged: "zoe-robledo") { id } }'));
    const now = await graphLines();
    expect({ gone: before.filter((l) => !now.includes(l)), added: now.filter((l) => !before.includes(l)) }).toEqual({ gone: [], added: [] });
  });
});

describe('undoEdit', () => {
  const STATEMENTS = '{ statements(first: 100) { totalCount nodes { id } } }';

  it('a rejected fact leaves every list, and undoing the rejection brings it back as it was', async () => {
    const all = ok(await send(STATEMENTS)).statements;
    const id = all.nodes[0].id;
    const before = await graphLines();
    const { rejectFact } = ok(await send('mutation($id: ID!) { rejectFact(id: $id, note: "not said") { reviewStatus history { id action } } }', { id }));
    expect(rejectFact.reviewStatus).toBe('REJECTED');
    const after = ok(await send(STATEMENTS)).statements;
    expect(after.totalCount).toBe(all.totalCount - 1);
    expect(after.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    const rejected = ok(await send('{ statements(filter: { reviewStatuses: [REJECTED] }) { nodes { id } } }')).statements;
    expect(rejected.nodes.map((n: { id: string }) => n.id)).toEqual([id]);
    // nor in a nested list or a timeline
    const [speaker] = await inspect<{ slug: string }>(seeded.db, 'MATCH (p:Person)-[:STATED]->(:Statement {id: $id}) RETURN p.slug AS slug', { id });
    if (speaker) {
      const { person } = ok(await send('query($s: String!) { person(slug: $s) { statements { id } } }', { s: speaker.slug }));
      expect(person.statements.map((n: { id: string }) => n.id)).not.toContain(id);
      const { timeline } = ok(await send('query($s: String!) { timeline(entity: $s) { node { id } } }', { s: speaker.slug }));
      expect(timeline.map((t: { node: { id: string } }) => t.node.id)).not.toContain(id);
    }

    const edit = rejectFact.history.at(-1);
    const { undoEdit } = ok(await send('mutation($id: ID!) { undoEdit(id: $id) { id ... on Fact { reviewStatus history { action undoable } } } }', { id: edit.id }));
    expect(undoEdit.reviewStatus).toBe('CONFIRMED');
    expect(undoEdit.history).toEqual([
      { action: 'REJECT', undoable: false },
      { action: 'UNDO', undoable: false },
    ]);
    expect(await graphLines()).toEqual(before);
    expect(ok(await send(STATEMENTS)).statements.totalCount).toBe(all.totalCount);
    failure(await send('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: edit.id }), 'BAD_USER_INPUT', 'id');
  });

  it('a review changed since cannot be undone out of order', async () => {
    const id = ok(await send(STATEMENTS)).statements.nodes[0].id;
    const first = ok(await send('mutation($id: ID!) { rejectFact(id: $id) { history { id } } }', { id })).rejectFact.history[0].id;
    ok(await send('mutation($id: ID!) { confirmFact(id: $id) { id } }', { id }));
    const e = failure(await send('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: first }), 'BAD_USER_INPUT', 'id');
    expect(e.message).toMatch(/later review/);
  });

  it('undoing a merge by its edit id is an unmerge', async () => {
    await addDuplicate();
    const before = await graphLines();
    const { mergeEntities } = ok(await send(MERGE, { keep: 'zoe-robledo-aburto', merge: 'zoe-robledo' }));
    ok(await send('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: mergeEntities.history.at(-1).id }));
    expect(await graphLines()).toEqual(before);
  });

  it('undoing a split merges the new entity back', async () => {
    const { splitEntity } = ok(await send('mutation { splitEntity(id: "zoe-robledo-aburto", names: ["Robledo"], name: "Robledo") { id history { id } } }'));
    ok(await send('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: splitEntity.history[0].id }));
    const { person } = ok(await send('{ person(slug: "zoe-robledo-aburto") { aliases history { action undoneAt } } }'));
    expect(person.aliases).toContain('Robledo');
    // both entities' split edits (the new one's came with it), both undone, and the undo
    expect(person.history.map((h: { action: string }) => h.action)).toEqual(['SPLIT', 'SPLIT', 'UNDO']);
    expect(person.history.slice(0, 2).every((h: { undoneAt: string | null }) => h.undoneAt !== null)).toBe(true);
    expect(ok(await send('{ node(id: "person:robledo") { id } }')).node.id).toBe('person:zoe-robledo-aburto');
  });

  it('an unknown edit is NOT_FOUND', async () => {
    failure(await send('mutation { undoEdit(id: "edit:none") { id } }'), 'NOT_FOUND', 'id');
  });
});
