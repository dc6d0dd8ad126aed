import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_TABLES, writeCsvTable, writeCsvTables, csvTable, type CsvTable } from '../../src/export/csv.js';
import { ftmModel, ftmProblems, type FtmEntity } from '../../src/export/ftm.js';
import { STREAM_FORMATS } from '../../src/export/formats.js';
import { writeJsonl } from '../../src/export/jsonl.js';
import { inspect } from '../support/db.js';
import { authConfig } from '../../src/api/auth.js';
import { seededServer, startTestServer, testKey } from '../support/server.js';
import { memoryOut } from './support.js';

const seeded = seededServer();

// an invented person whose name and aliases need CSV quoting, and a membership of two bodies
const ODD_NAME = 'Ana "La Jefa" Prueba, de Ejemplo\nsegunda línea';

beforeAll(async () => {
  await inspect(
    seeded.db,
    `CREATE (:Node:Entity:Person {id: 'person:ana-prueba', slug: 'ana-prueba', name: $name, aliases: ['A, P', 'B | C'], confidence: 0.5, reviewStatus: 'extracted', cites: [], custom: 7})`,
    { name: ODD_NAME },
  );
});

async function counts(): Promise<{ nodes: number; rels: number; byKind: Map<string, number>; byType: Map<string, number> }> {
  const kinds = await inspect<{ kind: string; n: number }>(seeded.db, "MATCH (n:Node) RETURN [l IN labels(n) WHERE NOT l IN ['Node','Entity','Fact','Source']][0] AS kind, count(*) AS n");
  const types = await inspect<{ type: string; n: number }>(seeded.db, 'MATCH (:Node)-[r]->(:Node) RETURN type(r) AS type, count(*) AS n');
  const byKind = new Map(kinds.map((k) => [k.kind, Number(k.n)]));
  const byType = new Map(types.map((t) => [t.type, Number(t.n)]));
  return { nodes: [...byKind.values()].reduce((a, b) => a + b, 0), rels: [...byType.values()].reduce((a, b) => a + b, 0), byKind, byType };
}

describe('JSON Lines export', () => {
  it('writes one parseable object per node and per relationship, with its documents', async () => {
    const { out, text } = memoryOut();
    // small pages, so that paging by id cursor is exercised
    const written = await writeJsonl(seeded.db, out, { batch: 7 });
    const lines = text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id?: string; kind?: string; properties: Record<string, unknown>; documents: string[] });
    const c = await counts();
    expect(written).toEqual({ nodes: c.nodes, relationships: c.rels });
    expect(lines.filter((l) => l.type === 'node')).toHaveLength(c.nodes);
    expect(lines.filter((l) => l.type === 'relationship')).toHaveLength(c.rels);
    const ids = lines.filter((l) => l.type === 'node').map((l) => l.id!);
    expect(new Set(ids).size).toBe(ids.length);
    const person = lines.find((l) => l.id === 'person:ana-prueba')!;
    expect(person.properties).toMatchObject({ name: ODD_NAME, aliases: ['A, P', 'B | C'], custom: 7 });
    expect(person.properties).not.toHaveProperty('fold');
    const cited = lines.find((l) => l.type === 'node' && l.kind === 'Event')!;
    expect(cited.documents.length).toBeGreaterThan(0);
    expect(cited.documents.every((d) => d.startsWith('document:'))).toBe(true);
    // what the person date index derives from a relationship's ends is not data
    const participations = lines.filter((l) => (l as { relType?: string }).relType === 'PARTICIPATED_IN');
    expect(participations.length).toBeGreaterThan(0);
    for (const p of participations) for (const k of ['person', 'day', 'undated']) expect(p.properties).not.toHaveProperty(k);
  });
});

describe('CSV export', () => {
  let tables: Map<string, string>;
  beforeAll(async () => {
    const outs = new Map<string, ReturnType<typeof memoryOut>>();
    await writeCsvTables(
      seeded.db,
      (t: CsvTable) => {
        const m = memoryOut();
        outs.set(t.name, m);
        return m.out;
      },
      { batch: 10 },
    );
    tables = new Map([...outs].map(([name, m]) => [name, m.text()]));
  });

  it('writes a table per kind and per relationship type, each row with the documents it cites', async () => {
    const c = await counts();
    expect([...tables.keys()].sort()).toEqual(CSV_TABLES.map((t) => t.name).sort());
    for (const t of CSV_TABLES) {
      const rows = parseCsv(tables.get(t.name)!, { columns: true }) as Record<string, string>[];
      const expected = t.kind ? (c.byKind.get(t.kind) ?? 0) : (c.byType.get(t.type!) ?? 0);
      expect(rows, t.name).toHaveLength(expected);
      const header = (parseCsv(tables.get(t.name)!, { toLine: 1 }) as string[][])[0];
      expect(header).toEqual(t.columns);
      for (const r of rows) {
        const cites = r.citations ? r.citations.split(' | ') : [];
        // every cited document appears in `documents`
        for (const key of cites) expect(r.documents!.split(' | ')).toContain(key.slice(0, key.lastIndexOf('@')));
      }
    }
    const holds = parseCsv(tables.get('holds')!, { columns: true }) as Record<string, string>[];
    expect(holds.every((r) => r.from_kind === 'Person' && r.to_kind === 'Post' && r.citations !== '')).toBe(true);
  });

  it('round-trips quotes, commas, new lines and lists; properties without a column go to extra', async () => {
    const people = parseCsv(tables.get('person')!, { columns: true }) as Record<string, string>[];
    const ana = people.find((r) => r.id === 'person:ana-prueba')!;
    expect(ana.name).toBe(ODD_NAME);
    expect(ana.aliases).toBe('A, P | B | C');
    expect(ana.confidence).toBe('0.5');
    expect(JSON.parse(ana.extra!)).toEqual({ custom: 7 });
    // the seed's people read back as the graph holds them
    const [row] = await inspect<{ name: string; cites: string[] }>(
      seeded.db,
      "MATCH (p:Person) WHERE p.id <> 'person:ana-prueba' RETURN p.id AS id, p.name AS name, p.cites AS cites ORDER BY p.id LIMIT 1",
    );
    const first = people.find((r) => r.name === row!.name)!;
    expect(first.citations!.split(' | ')).toEqual(row!.cites);
  });

  it('streams one table the same as the whole export writes it', async () => {
    const { out, text } = memoryOut();
    await writeCsvTable(seeded.db, csvTable('event')!, out, { batch: 3 });
    expect(text()).toBe(tables.get('event'));
    const rel = memoryOut();
    await writeCsvTable(seeded.db, csvTable('participated_in')!, rel.out, { batch: 5 });
    expect(rel.text()).toBe(tables.get('participated_in'));
  });
});

describe('FollowTheMoney export', () => {
  let entities: FtmEntity[];
  beforeAll(async () => {
    const { out, text } = memoryOut();
    await STREAM_FORMATS.ftm.write(seeded.db, out, { batch: 4 });
    entities = text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as FtmEntity);
  });

  it('gives entities the official model accepts, with every reference inside the export', () => {
    const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
    expect(schemaOf.size).toBe(entities.length);
    const problems = entities.flatMap((e) => ftmProblems(e, (id) => schemaOf.get(id)));
    expect(problems).toEqual([]);
    const model = ftmModel();
    for (const e of entities) {
      const entity = model.getEntity(e);
      expect(entity.schema.abstract).toBe(false);
      for (const required of entity.schema.required) expect(entity.getProperty(required).length, `${e.id} ${required}`).toBeGreaterThan(0);
      expect(entity.getCaption()).not.toBe('');
    }
  });

  it('maps people, bodies, posts with their holders, memberships, events and documents', async () => {
    const bySchema = (s: string) => entities.filter((e) => e.schema === s);
    for (const s of ['Person', 'PublicBody', 'Membership', 'Occupancy', 'Position', 'Event', 'Document']) expect(bySchema(s).length, s).toBeGreaterThan(0);
    const [{ holds }] = (await inspect<{ holds: number }>(seeded.db, 'MATCH (:Person)-[r:HOLDS]->(:Post) RETURN count(r) AS holds')) as [{ holds: number }];
    expect(bySchema('Occupancy')).toHaveLength(Number(holds));
    const ana = bySchema('Person').find((e) => e.id === 'person.ana-prueba')!;
    expect(ana.properties.name).toEqual([ODD_NAME]);
    // facts cite their documents through `proof`
    const event = bySchema('Event')[0]!;
    const docs = new Set(bySchema('Document').map((d) => d.id));
    expect(event.properties.proof!.length).toBeGreaterThan(0);
    expect(event.properties.proof!.every((p) => docs.has(p))).toBe(true);
    expect(bySchema('Occupancy').every((o) => o.properties.holder?.length === 1 && o.properties.post?.length === 1)).toBe(true);
  });
});

describe('GraphML export', () => {
  it('is read back by graphology with every node and edge, their kinds and labels', async () => {
    const { out, text } = memoryOut();
    await STREAM_FORMATS.graphml.write(seeded.db, out, { batch: 9 });
    const graph = parseGraphml(MultiDirectedGraph, text());
    const c = await counts();
    expect(graph.order).toBe(c.nodes);
    expect(graph.size).toBe(c.rels);
    const ana = graph.getNodeAttributes('person:ana-prueba');
    expect(ana).toMatchObject({ label: ODD_NAME, kind: 'Person' });
    graph.forEachNode((_id, attrs) => {
      expect(typeof attrs.kind).toBe('string');
      expect(String(attrs.label)).not.toBe('');
    });
    const types = new Set<string>();
    graph.forEachEdge((_e, attrs) => {
      expect(attrs.label).toBe(attrs.type);
      types.add(String(attrs.type));
    });
    expect([...types].sort()).toEqual([...c.byType.keys()].sort());
  });
});

describe('Popolo export', () => {
  it('is one JSON-LD document of persons, organizations, posts, memberships with dates, and events', async () => {
    const { out, text } = memoryOut();
    await STREAM_FORMATS.popolo.write(seeded.db, out, { batch: 3 });
    const doc = JSON.parse(text()) as Record<string, Record<string, unknown>[]> & { '@context': Record<string, unknown> };
    expect(doc['@context']).toMatchObject({ Person: 'foaf:Person', Membership: 'org:Membership' });
    const c = await counts();
    expect(doc.persons).toHaveLength(c.byKind.get('Person')!);
    expect(doc.events).toHaveLength(c.byKind.get('Event')!);
    const ids = (section: string) => new Set(doc[section]!.map((x) => x.id as string));
    const persons = ids('persons');
    const orgs = ids('organizations');
    const posts = ids('posts');
    const isoDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;
    for (const p of doc.persons!) expect(p).toMatchObject({ '@type': 'Person', id: expect.any(String), name: expect.any(String) });
    expect(doc.memberships!.length).toBeGreaterThan(0);
    for (const m of doc.memberships!) {
      expect(m['@type']).toBe('Membership');
      expect(persons.has(m.person_id as string)).toBe(true);
      expect(posts.has(m.post_id as string)).toBe(true);
      if (m.organization_id) expect(orgs.has(m.organization_id as string)).toBe(true);
      for (const d of ['start_date', 'end_date']) if (m[d] !== undefined) expect(m[d]).toMatch(isoDate);
    }
    expect(doc.memberships!.some((m) => m.start_date !== undefined)).toBe(true);
    for (const e of doc.events!) {
      expect(e).toMatchObject({ '@type': 'Event', name: expect.any(String) });
      if (e.start_date !== undefined) expect(e.start_date).toMatch(isoDate);
      for (const p of (e.participants as string[] | undefined) ?? []) expect(persons.has(p)).toBe(true);
      expect((e.sources as unknown[]).length).toBeGreaterThan(0);
    }
    for (const o of doc.organizations!) if (o.parent_id) expect(orgs.has(o.parent_id as string)).toBe(true);
  });
});

describe('GET /export', () => {
  it('streams each format with its content type, not buffered (chunked, no length)', async () => {
    for (const [format, f] of Object.entries(STREAM_FORMATS)) {
      const res = await fetch(`${seeded.server.base}/export/${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type'), format).toBe(f.contentType);
      expect(res.headers.get('content-length'), format).toBeNull();
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${f.fileName}"`);
      const body = await res.text();
      if (format === 'jsonl') {
        const c = await counts();
        expect(body.trim().split('\n')).toHaveLength(c.nodes + c.rels);
      }
      if (format === 'popolo') expect(() => JSON.parse(body)).not.toThrow();
    }
  });

  it('lists the formats and the CSV tables, and streams one table', async () => {
    const list = (await (await fetch(`${seeded.server.base}/export`)).json()) as { formats: { format: string }[] };
    expect(list.formats.map((f) => f.format)).toEqual(['csv', 'jsonl', 'ftm', 'popolo', 'graphml']);
    const tables = (await (await fetch(`${seeded.server.base}/export/csv`)).json()) as { tables: { table: string; url: string }[] };
    expect(tables.tables.map((t) => t.table)).toEqual(CSV_TABLES.map((t) => t.name));
    const res = await fetch(new URL(tables.tables.find((t) => t.table === 'person')!.url, seeded.server.base));
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === 'person:ana-prueba')?.name).toBe(ODD_NAME);
  });

  it('answers an unknown format or table with a typed JSON error, never a stack trace', async () => {
    for (const [path, code] of [
      ['/export/xlsx', 'UNKNOWN_FORMAT'],
      ['/export/csv?table=nothing', 'UNKNOWN_TABLE'],
      ['/export/%3Cscript%3E', 'UNKNOWN_FORMAT'],
    ] as const) {
      const res = await fetch(`${seeded.server.base}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe(code);
      expect(body.errors[0]!.message).not.toMatch(/\n\s+at /);
    }
    const badKey = await fetch(`${seeded.server.base}/export/jsonl`, { headers: { Authorization: 'Bearer nope' } });
    expect(badKey.status).toBe(401);
    expect(((await badKey.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('asks for a key when reads need one (KG_READS=key), as GraphQL queries do', async () => {
    const reader = testKey('export-reader', 'reader');
    const server = await startTestServer(seeded.db, { auth: authConfig([reader.key], 'key') });
    try {
      const refused = await fetch(`${server.base}/export/graphml`);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      const allowed = await fetch(`${server.base}/export/graphml`, { headers: reader.header });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('</graphml>');
    } finally {
      await server.stop();
    }
  });
});
