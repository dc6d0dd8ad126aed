import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { authConfig } from '../../src/api/auth.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { emptyGraph } from '../support/db.js';
import { gql, seededServer, testKey } from '../support/server.js';

// Two articles written for these tests (fixtures/identity-*.txt): the same director with and
// without an accent; the Hospital General de Tepic and the Hospital Infantil de Tepic.
const ed = testKey('ed', 'editor');
const served = seededServer({ seed: false, auth: authConfig([ed.key]) });
const read = (n: number) => ingest(served.db, `identity-${n}.txt`, readFileSync(new URL(`./fixtures/identity-${n}.txt`, import.meta.url)));
const editor = ed.header;

beforeEach(async () => {
  await emptyGraph(served.db);
  await read(1);
  await read(2);
});

const DUPLICATES = '{ possibleDuplicates(kind: FACILITY) { totalCount nodes { a { id name } b { id name } score evidence } } }';
type Dups = { possibleDuplicates: { totalCount: number; nodes: { a: { id: string; name: string }; b: { id: string; name: string }; score: number; evidence: string }[] } };

describe('no silent merges', () => {
  it('one person whose name comes with and without an accent', async () => {
    const res = await gql<{ search: { node: { id: string; name: string; aliases: string[] } }[] }>(
      served.server.url,
      '{ search(query: "Garibay Luna", types: [PERSON]) { node { id ... on Person { name aliases } } } }',
    );
    expect(res.data!.search).toHaveLength(1);
    expect(res.data!.search[0]!.node.aliases).toContain('Tomas Garibay Luna');
  });

  it('two hospitals a word apart stay two, listed as possible duplicates with the evidence', async () => {
    const res = await gql<Dups>(served.server.url, DUPLICATES);
    expect(res.errors).toBeUndefined();
    const pair = res.data!.possibleDuplicates.nodes.find((p) => [p.a.name, p.b.name].sort().join(' / ') === 'Hospital General de Tepic / Hospital Infantil de Tepic');
    expect(pair).toBeDefined();
    expect(pair!.score).toBeLessThan(0.85);
    expect(pair!.evidence).toMatch(/one word apart/);
  });

  it('an editor dismisses a pair: it leaves the list and both histories record it', async () => {
    const before = (await gql<Dups>(served.server.url, DUPLICATES)).data!.possibleDuplicates;
    const pair = before.nodes[0]!;
    const res = await gql<{ dismissDuplicate: { id: string; history: { action: string; by: string; note: string | null }[] } }>(
      served.server.url,
      `mutation { dismissDuplicate(a: "${pair.a.id}", b: "${pair.b.id}", note: "the children's hospital is another one") { id history { action by note } } }`,
      undefined,
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.dismissDuplicate.history.at(-1)).toMatchObject({ action: 'DISMISS_DUPLICATE', by: 'ed', note: "the children's hospital is another one" });
    const after = (await gql<Dups>(served.server.url, DUPLICATES)).data!.possibleDuplicates;
    expect(after.totalCount).toBe(before.totalCount - before.nodes.filter((p) => [p.a.id, p.b.id].sort().join() === [pair.a.id, pair.b.id].sort().join()).length);
  });

  it('dismissing needs an editor key, and a pair that is not listed is NOT_FOUND', async () => {
    const anonymous = await gql(served.server.url, 'mutation { dismissDuplicate(a: "x", b: "y") { id } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const res = await gql(served.server.url, 'mutation { dismissDuplicate(a: "facility:hospital-general-de-tepic", b: "person:tomas-garibay-luna") { id } }', undefined, editor);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
