import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.js';
import { emptyGraph, snapshotGraph } from '../support/db.js';
import { gql, seededServer } from '../support/server.js';

// Three articles written for these tests (fixtures/tenure-*.txt), about an invented institute:
// 2023-03-10 Efrén Maldonado Rivas is its director general; 2024-05-20 Rebeca Ontiveros Lara is
// named to replace him, from 2024-06-01; 2025-02-11 she is its director general.
const served = seededServer({ seed: false });
const article = (n: number) => readFileSync(new URL(`./fixtures/tenure-${n}.txt`, import.meta.url));
const read = (n: number) => ingest(served.db, `tenure-${n}.txt`, article(n));
beforeEach(() => emptyGraph(served.db));

const HOLDERS = `query ($at: String!) {
  holders(role: "director general", of: "Instituto Estatal de Cancerología", at: $at) {
    id role holder { name }
    from { iso inferred note } to { iso inferred note }
    citations { document { fileName } excerpt }
  }
}`;
async function holders(at: string) {
  const res = await gql<{
    holders: {
      id: string;
      holder: { name: string };
      from: { iso: string; inferred: boolean; note: string | null } | null;
      to: { iso: string; inferred: boolean; note: string | null } | null;
      citations: { document: { fileName: string } }[];
    }[];
  }>(served.server.url, HOLDERS, { at });
  expect(res.errors).toBeUndefined();
  return res.data!.holders;
}
const names = async (at: string) => (await holders(at)).map((p) => p.holder.name);

describe('posts as tenures', () => {
  it('reads a start the text gives and ends the tenure of the holder it replaces', async () => {
    // out of order on purpose: the tenures do not depend on the order documents arrive in
    await read(3);
    await read(1);
    await read(2);
    expect(await names('2023-06')).toEqual(['Efrén Maldonado Rivas']);
    expect(await names('2024-07-15')).toEqual(['Rebeca Ontiveros Lara']);
    expect(await names('2025-02')).toEqual(['Rebeca Ontiveros Lara']);
    const [rebeca] = await holders('2025-02');
    expect(rebeca!.from).toMatchObject({ iso: '2024-06-01', inferred: false });
    const [efren] = await holders('2023-06');
    expect(efren!.to).toMatchObject({ iso: '2024-05-20', inferred: true });
    expect(efren!.to!.note).toMatch(/replaced by Rebeca Ontiveros Lara/);
  });

  it('keeps one post per holder, role and body, cited by every document that states it', async () => {
    await read(2);
    await read(3);
    const [rebeca] = await holders('2025-02');
    expect(new Set(rebeca!.citations.map((c) => c.document.fileName))).toEqual(new Set(['tenure-2.txt', 'tenure-3.txt']));
    const posts = await gql<{ person: { posts: { id: string }[] } }>(served.server.url, '{ person(slug: "rebeca-ontiveros-lara") { posts { id } } }');
    expect(posts.data!.person.posts).toHaveLength(1);
  });

  it('a later holder ends an earlier one when no text says so: inferred, with a note', async () => {
    await read(1);
    await read(3);
    expect(await names('2024-01')).toEqual(['Efrén Maldonado Rivas']);
    expect(await names('2025-03')).toEqual(['Rebeca Ontiveros Lara']);
    const [efren] = await holders('2024-01');
    expect(efren!.to).toMatchObject({ iso: '2025-02-10', inferred: true });
    expect(efren!.to!.note).toMatch(/Rebeca Ontiveros Lara holds the post from 2025-02-11/);
    const [rebeca] = await holders('2025-03');
    expect(rebeca!.from).toMatchObject({ iso: '2025-02-11', inferred: true });
  });

  it('Person.posts(at:) and posts(filter: {at}) agree with holders', async () => {
    await read(1);
    await read(3);
    const res = await gql<{ person: { posts: { id: string }[] }; posts: { nodes: { holder: { name: string } }[] } }>(
      served.server.url,
      '{ person(slug: "efren-maldonado-rivas") { posts(at: "2025-03") { id } } posts(filter: { at: "2025-03", organization: "instituto-estatal-de-cancerologia" }) { nodes { holder { name } } } }',
    );
    expect(res.data!.person.posts).toEqual([]);
    expect(res.data!.posts.nodes.map((p) => p.holder.name)).toEqual(['Rebeca Ontiveros Lara']);
  });

  it('answers NOT_FOUND, with the closest names, for a body it does not know', async () => {
    await read(1);
    const res = await gql(served.server.url, '{ holders(role: "director general", of: "Instituto Estatal de Cancerologia Infantil", at: "2024") { id } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.message).toMatch(/Closest: Instituto Estatal de Cancerología/);
  });
});

describe('every source cited', () => {
  it('a document that names an entity already in the graph cites it and lists it among its mentions', async () => {
    await read(1);
    await read(3);
    const res = await gql<{ organization: { citations: { document: { fileName: string } }[] }; document: { mentions: { name: string }[] } }>(
      served.server.url,
      '{ organization(slug: "instituto-estatal-de-cancerologia") { citations { document { fileName } } } document(id: "tenure-3.txt") { mentions { name } } }',
    );
    expect(new Set(res.data!.organization.citations.map((c) => c.document.fileName))).toEqual(new Set(['tenure-1.txt', 'tenure-3.txt']));
    expect(res.data!.document.mentions.map((m) => m.name)).toContain('Instituto Estatal de Cancerología');
  });

  it('ingesting the same document again changes nothing', async () => {
    await read(1);
    await read(3);
    const before = await snapshotGraph(served.db);
    await read(3);
    expect(await snapshotGraph(served.db)).toEqual(before);
  });
});
