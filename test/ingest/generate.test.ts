import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateGraph, planGraph } from '../../src/bench/generate.js';
import { parseCitationKey } from '../../src/domain/citation.js';
import { foldName } from '../../src/domain/names.js';
import { REL_TYPES, type GraphBatch, type NodeRecord, type RelRecord } from '../../src/domain/model.js';

// The synthetic graphs the benchmarks load (npm run generate): pure, no database.
const SCALE = 2000;
const chunks = [...generateGraph({ scale: SCALE, seed: 7, chunkNodes: 600 })];
const nodes = chunks.flatMap((c) => c.nodes);
const rels = chunks.flatMap((c) => c.rels);
const byId = new Map(nodes.map((n) => [n.id, n]));
const ofKind = (k: NodeRecord['kind']) => nodes.filter((n) => n.kind === k);
const ofType = (t: RelRecord['type']) => rels.filter((r) => r.type === t);
const digest = (cs: GraphBatch[]) => createHash('sha256').update(JSON.stringify(cs)).digest('hex');

describe('generated graphs for the benchmarks', () => {
  it('are the same for the same seed, and differ for another', () => {
    expect(digest([...generateGraph({ scale: SCALE, seed: 7, chunkNodes: 600 })])).toBe(digest(chunks));
    expect(digest([...generateGraph({ scale: SCALE, seed: 8, chunkNodes: 600 })])).not.toBe(digest(chunks));
  });

  it('come in chunks a writer accepts one after the other: ids unique, every relationship between nodes already written', () => {
    expect(chunks.length).toBeGreaterThan(2);
    const seen = new Set<string>();
    for (const c of chunks) {
      for (const n of c.nodes) {
        expect(seen.has(n.id), n.id).toBe(false);
        seen.add(n.id);
      }
      for (const r of c.rels) {
        expect(REL_TYPES).toContain(r.type);
        expect(seen.has(r.from) && seen.has(r.to), `${r.type} ${r.from} -> ${r.to}`).toBe(true);
      }
    }
    const slugs = nodes.filter((n) => typeof n.props.slug === 'string').map((n) => n.props.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('hold about the planned number of nodes of every kind', () => {
    expect(nodes.length).toBeGreaterThan(SCALE * 0.9);
    expect(nodes.length).toBeLessThan(SCALE * 1.15);
    const plan = planGraph(SCALE);
    for (const kind of ['Person', 'Organization', 'Place', 'Facility', 'Program', 'Post', 'Event', 'Statement', 'Commitment', 'Figure', 'Document'] as const) {
      const n = ofKind(kind).length;
      expect(n, kind).toBeGreaterThan(plan[kind] * 0.6);
      expect(n, kind).toBeLessThan(plan[kind] * 1.6);
    }
    expect(rels.length / nodes.length).toBeGreaterThan(2.5);
  });

  it('cite every node and relationship with spans inside generated documents', () => {
    const texts = new Map(ofKind('Document').map((d) => [d.id, d.props.text as string]));
    for (const x of [...nodes.filter((n) => n.kind !== 'Document'), ...rels]) {
      expect(x.cites.length, 'id' in x ? x.id : `${x.type} ${x.from}`).toBeGreaterThan(0);
      for (const key of x.cites) {
        const c = parseCitationKey(key);
        const text = texts.get(c.documentId);
        expect(text, key).toBeDefined();
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeGreaterThan(c.start);
        expect(c.end).toBeLessThanOrEqual(text!.length);
      }
    }
    // an excerpt reads the fact: a participant's citation is their name
    const p = ofType('PARTICIPATED_IN')[0]!;
    const c = parseCitationKey(p.cites[0]!);
    expect(texts.get(c.documentId)!.slice(c.start, c.end)).toBe(byId.get(p.from)!.props.name);
    // the quote of a statement is a citation too
    const quoted = ofKind('Statement').find((s) => s.props.quote)!;
    const q = parseCitationKey(quoted.props.quote as string);
    expect(texts.get(q.documentId)!.slice(q.start, q.end)).toMatch(/^Vamos a /);
  });

  it('carry the properties the real graph has', () => {
    const person = ofKind('Person')[0]!.props;
    expect(Object.keys(person)).toEqual(expect.arrayContaining(['slug', 'name', 'aliases', 'aliasText', 'description', 'reviewStatus', 'confidence']));
    expect(Object.keys(ofKind('Event')[0]!.props)).toEqual(expect.arrayContaining(['category', 'title', 'dateIso', 'datePrecision', 'dateStart', 'dateEnd']));
    expect(Object.keys(ofKind('Figure')[0]!.props)).toEqual(expect.arrayContaining(['value', 'unit', 'metric', 'label', 'asOfStart']));
    expect(Object.keys(ofKind('Document')[0]!.props)).toEqual(expect.arrayContaining(['fileName', 'contentHash', 'title', 'text', 'category', 'publishedStart']));
  });

  it('name people the Spanish way, with accents and short aliases', () => {
    const people = ofKind('Person');
    expect(people.every((p) => (p.props.name as string).split(' ').length >= 3)).toBe(true);
    expect(people.filter((p) => foldName(p.props.name as string) !== (p.props.name as string).toLowerCase()).length).toBeGreaterThan(people.length / 3);
    expect(people.every((p) => (p.props.aliases as string[]).length >= 1)).toBe(true);
  });

  it('nest places (country > states > municipalities) and bodies', () => {
    const partOf = (id: string) => ofType('PART_OF').find((r) => r.from === id)?.to;
    const muni = ofKind('Place').find((p) => p.props.category === 'municipality')!;
    const state = partOf(muni.id)!;
    expect(byId.get(state)!.props.category).toBe('state');
    expect(byId.get(partOf(state)!)!.props.category).toBe('country');
    expect(ofType('PART_OF').filter((r) => r.from.startsWith('organization:')).length).toBeGreaterThan(ofKind('Organization').length / 3);
    for (const r of ofType('LOCATED_IN')) expect(byId.get(r.to)!.kind).toBe('Place');
  });

  it('give people several posts one after the other', () => {
    const posts = new Map<string, NodeRecord[]>();
    for (const r of ofType('HOLDS')) posts.set(r.from, [...(posts.get(r.from) ?? []), byId.get(r.to)!]);
    expect([...posts.values()].filter((ps) => ps.length >= 3).length).toBeGreaterThan(posts.size / 10);
    for (const ps of posts.values()) {
      for (const p of ps) if (p.props.toEnd) expect(p.props.fromStart! < p.props.toEnd, p.id).toBe(true);
      for (let i = 1; i < ps.length; i++) expect(ps[i - 1]!.props.fromStart! < ps[i]!.props.fromStart!, ps[i]!.id).toBe(true);
      // only the last post may still be open
      expect(ps.slice(0, -1).every((p) => p.props.toStart)).toBe(true);
    }
  });

  it('let a few people take a large share of the participations', () => {
    const counts = new Map<string, number>();
    for (const r of ofType('PARTICIPATED_IN')) counts.set(r.from, (counts.get(r.from) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top = Math.ceil(ofKind('Person').length * 0.05);
    expect(sorted.slice(0, top).reduce((a, b) => a + b, 0) / total).toBeGreaterThan(0.25);
    expect(sorted.filter((n) => n <= 2).length).toBeGreaterThan(counts.size / 3);
  });

  it('repeat commitments across statements and report one measure in several documents', () => {
    const roles = ofType('COMMITS').map((r) => r.props.role);
    expect(roles).toContain('makes');
    expect(roles.filter((r) => r === 'repeats').length).toBeGreaterThan(10);
    const reports = new Map<string, Set<string>>();
    for (const m of ofType('MEASURES')) {
      const f = byId.get(m.from)!;
      const key = `${f.props.metric} ${m.to}`;
      reports.set(key, (reports.get(key) ?? new Set()).add(parseCitationKey(f.cites[0]!).documentId));
    }
    expect([...reports.values()].filter((docs) => docs.size >= 2).length).toBeGreaterThan(reports.size / 4);
  });
});
