import type { CitationRef, SeedDate, SeedFile } from './format.js';
import { astralOffsets, citationKey, parseCuratedCitation, sha256Hex, spanHash } from '../../domain/citation.js';
import { DateFormatError, parseIsoDate, type FuzzyDate } from '../../domain/dates.js';
import { dateProps } from '../../graph/date-storage.js';
import { EVENT_KINDS, nodeId, STATEMENT_KINDS, type EntityKind, type GraphBatch, type NodeRecord, type PropValue, type RelRecord, type RelType } from '../../domain/model.js';

/** Raised with every problem found, each naming the fact it concerns. Nothing is written. */
export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`seed data has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }
}

/** Texts of corpus documents by file name; absent when the corpus is not available. */
export type CorpusTexts = Map<string, Buffer>;

/**
 * Turns curated seed files into the records to write, checking every citation against the
 * document text (when the corpus is present), every reference, and every date.
 * Pure: same input, same batch.
 */
export function compileSeed(files: SeedFile[], corpus: CorpusTexts | null): GraphBatch {
  const problems: string[] = [];
  const nodes = new Map<string, NodeRecord>();
  const rels: RelRecord[] = [];
  const all = <K extends keyof SeedFile>(k: K): NonNullable<SeedFile[K]>[number][] => files.flatMap((f) => (f[k] ?? []) as NonNullable<SeedFile[K]>[number][]);

  // Documents first: citations resolve against them.
  const docs = new Map<string, { id: string; text: string | null; bodyEnd: number | null }>();
  for (const d of all('documents')) {
    const id = nodeId('Document', d.file);
    let text: string | null = null;
    const bytes = corpus?.get(d.file);
    if (corpus && !bytes) problems.push(`document ${d.key} (${d.file}): file not found in the corpus`);
    if (bytes) {
      const hash = sha256Hex(bytes);
      if (hash !== d.sha256) problems.push(`document ${d.key} (${d.file}): content hash ${hash} differs from the curated ${d.sha256}`);
      else text = bytes.toString('utf8');
    }
    docs.set(d.key, { id, text, bodyEnd: d.bodyEnd ?? null });
  }

  const cites = (what: string, refs: CitationRef[] | undefined, required = true): string[] => {
    if (!refs?.length) {
      if (required) problems.push(`${what}: no citation`);
      return [];
    }
    const out: string[] = [];
    for (const ref of refs) {
      const c = parseCuratedCitation(ref);
      if (!c) {
        problems.push(`${what}: malformed citation "${ref}"`);
        continue;
      }
      const doc = docs.get(c.docKey);
      if (!doc) {
        problems.push(`${what}: citation "${ref}" names unknown document ${c.docKey}`);
        continue;
      }
      if (c.end <= c.start) {
        problems.push(`${what}: citation "${ref}" is empty`);
        continue;
      }
      if (doc.bodyEnd !== null && c.end > doc.bodyEnd) {
        problems.push(`${what}: citation "${ref}" lies past the end of the article body (${doc.bodyEnd})`);
        continue;
      }
      if (doc.text !== null) {
        if (c.end > doc.text.length) {
          problems.push(`${what}: citation "${ref}" ends past the document (${doc.text.length})`);
          continue;
        }
        const actual = spanHash(doc.text.slice(c.start, c.end));
        if (actual !== c.hash) {
          problems.push(`${what}: citation "${ref}" does not match the document text (span hash ${actual})`);
          continue;
        }
      }
      out.push(citationKey({ documentId: doc.id, start: c.start, end: c.end }));
    }
    return out;
  };

  const date = (what: string, d: SeedDate | undefined): FuzzyDate | undefined => {
    if (d === undefined || d === null) return undefined;
    try {
      return typeof d === 'string' ? parseIsoDate(d) : parseIsoDate(d.value, d);
    } catch (e) {
      problems.push(`${what}: ${e instanceof DateFormatError ? e.message : String(e)}`);
      return undefined;
    }
  };

  const addNode = (n: NodeRecord, what: string) => {
    if (nodes.has(n.id)) problems.push(`${what}: duplicate id ${n.id}`);
    nodes.set(n.id, n);
  };
  const base = { reviewStatus: 'confirmed', confidence: 1 } as const;

  for (const d of all('documents')) {
    const what = `document ${d.key}`;
    const doc = docs.get(d.key)!;
    addNode(
      {
        id: doc.id,
        kind: 'Document',
        cites: [],
        props: {
          ...base,
          fileName: d.file,
          contentHash: d.sha256,
          title: d.title,
          publisher: d.publisher ?? null,
          category: d.kind ?? 'article',
          url: d.url ?? null,
          text: doc.text,
          astral: astralOffsets(doc.text),
          bodyEnd: d.bodyEnd ?? null,
          author: null,
          ...dateProps('published', date(what, d.published)),
        },
      },
      what,
    );
  }
  for (const s of all('sources')) {
    const what = `source ${s.id}`;
    addNode(
      {
        id: nodeId('Document', s.id),
        kind: 'Document',
        cites: [],
        props: {
          ...base,
          fileName: null,
          contentHash: null,
          title: s.title,
          publisher: s.publisher,
          category: 'external',
          url: s.url ?? null,
          text: null,
          bodyEnd: null,
          author: s.author ?? null,
          ...dateProps('published', date(what, s.published)),
        },
      },
      what,
    );
  }

  // Entities: one slug space across kinds.
  const slugs = new Map<string, string>();
  const entity = (kind: EntityKind, e: { slug: string; name: string; aliases?: string[]; description?: string; cite?: CitationRef[] }, extra: Record<string, PropValue>) => {
    const what = `${kind.toLowerCase()} ${e.slug}`;
    if (slugs.has(e.slug)) problems.push(`${what}: slug already used by ${slugs.get(e.slug)}`);
    const id = nodeId(kind, e.slug);
    slugs.set(e.slug, id);
    const aliases = [...new Set((e.aliases ?? []).filter((a) => a !== e.name))];
    addNode(
      {
        id,
        kind,
        cites: cites(what, e.cite),
        props: { ...base, slug: e.slug, name: e.name, aliases, aliasText: [e.name, ...aliases].join(' | '), description: e.description ?? null, ...extra },
      },
      what,
    );
  };
  for (const p of all('people')) entity('Person', p, {});
  for (const o of all('organizations')) entity('Organization', o, { acronym: o.acronym ?? null, category: o.kind ?? null });
  for (const p of all('places')) entity('Place', p, { category: p.kind });
  for (const f of all('facilities')) entity('Facility', f, { category: f.kind });
  for (const p of all('programs')) entity('Program', p, {});

  const ref = (what: string, slug: string | undefined, kinds?: EntityKind[]): string | undefined => {
    if (!slug) return undefined;
    const id = slugs.get(slug);
    if (!id) {
      problems.push(`${what}: unknown entity "${slug}"`);
      return undefined;
    }
    if (kinds && !kinds.some((k) => id.startsWith(`${k.toLowerCase()}:`))) problems.push(`${what}: "${slug}" is not a ${kinds.join(' or ')}`);
    return id;
  };
  const rel = (type: RelType, from: string | undefined, to: string | undefined, relCites: string[], props: Record<string, PropValue> = {}, key?: string) => {
    if (!from || !to) return;
    rels.push({ type, from, to, cites: relCites, props: { ...base, ...props }, ...(key ? { key } : {}) });
  };

  for (const o of all('organizations')) {
    const id = slugs.get(o.slug)!;
    const c = nodes.get(id)?.cites ?? [];
    rel('PART_OF', id, ref(`organization ${o.slug}`, o.parent, ['Organization']), c);
    rel('GOVERNS', id, ref(`organization ${o.slug}`, o.jurisdiction, ['Place']), c);
  }
  for (const p of all('places')) {
    const id = slugs.get(p.slug)!;
    rel('PART_OF', id, ref(`place ${p.slug}`, p.partOf, ['Place']), nodes.get(id)?.cites ?? []);
  }
  for (const f of all('facilities')) {
    const id = slugs.get(f.slug)!;
    const c = nodes.get(id)?.cites ?? [];
    rel('LOCATED_IN', id, ref(`facility ${f.slug}`, f.place, ['Place']), c);
    rel('OPERATED_BY', id, ref(`facility ${f.slug}`, f.operator, ['Organization']), c);
  }
  for (const p of all('programs')) {
    const id = slugs.get(p.slug)!;
    rel('RUN_BY', id, ref(`program ${p.slug}`, p.organization, ['Organization']), nodes.get(id)?.cites ?? []);
  }

  for (const p of all('posts')) {
    const what = `post ${p.id}`;
    const id = nodeId('Post', p.id);
    const c = cites(what, p.cite);
    addNode({ id, kind: 'Post', cites: c, props: { ...base, role: p.role, ...dateProps('from', date(what, p.from)), ...dateProps('to', date(what, p.to)) } }, what);
    rel('HOLDS', ref(what, p.person, ['Person']), id, c);
    rel('POST_IN', id, ref(what, p.organization, ['Organization']), c);
    rel('GOVERNS', id, ref(what, p.jurisdiction, ['Place']), c);
    if (!p.organization && !p.jurisdiction && !p.role) problems.push(`${what}: no role`);
  }

  const eventIds = new Set<string>();
  for (const e of all('events')) {
    const what = `event ${e.id}`;
    const id = nodeId('Event', e.id);
    eventIds.add(id);
    const c = cites(what, e.cite);
    if (!(EVENT_KINDS as readonly string[]).includes(e.kind)) problems.push(`${what}: kind "${e.kind}" is not one of ${EVENT_KINDS.join(', ')}`);
    addNode({ id, kind: 'Event', cites: c, props: { ...base, category: e.kind, title: e.title, ...dateProps('date', date(what, e.date)) } }, what);
    rel('HELD_IN', id, ref(what, e.place, ['Place']), c);
    rel('HELD_AT', id, ref(what, e.venue, ['Facility']), c);
    for (const p of e.participants ?? []) rel('PARTICIPATED_IN', ref(what, p.person, ['Person']), id, cites(`${what} participant ${p.person}`, p.cite));
    for (const i of e.involves ?? []) rel('INVOLVES', id, ref(what, i.entity), cites(`${what} involvement of ${i.entity}`, i.cite), { role: i.role }, i.role);
  }

  const figureIds = new Set(all('figures').map((f) => nodeId('Figure', f.id)));
  const commitmentIds = new Set(all('commitments').map((c) => nodeId('Commitment', c.id)));
  const known = (what: string, set: Set<string>, id: string) => {
    if (!set.has(id)) {
      problems.push(`${what}: unknown ${id}`);
      return undefined;
    }
    return id;
  };

  for (const f of all('figures')) {
    const what = `figure ${f.id}`;
    const id = nodeId('Figure', f.id);
    const c = cites(what, f.cite);
    if (!Number.isFinite(f.value)) problems.push(`${what}: value is not a number`);
    addNode(
      {
        id,
        kind: 'Figure',
        cites: c,
        props: {
          ...base,
          value: f.value,
          unit: f.unit,
          metric: f.metric,
          label: f.label ?? null,
          period: f.period ?? null,
          changePercent: f.changePercent ?? null,
          qualifier: f.qualifier ?? null,
          ...dateProps('asOf', date(what, f.asOf)),
        },
      },
      what,
    );
    rel('MEASURES', id, ref(what, f.subject), c);
  }
  for (const cm of all('commitments')) {
    const what = `commitment ${cm.id}`;
    const id = nodeId('Commitment', cm.id);
    const c = cites(what, cm.cite);
    addNode(
      {
        id,
        kind: 'Commitment',
        cites: c,
        props: { ...base, summary: cm.summary, status: cm.status, ...dateProps('start', date(what, cm.start)), ...dateProps('deadline', date(what, cm.deadline)) },
      },
      what,
    );
    for (const s of cm.concerns ?? []) rel('CONCERNS', id, ref(what, s), c);
    for (const t of cm.targets ?? []) rel('TARGETS', id, known(what, figureIds, nodeId('Figure', t)), c);
  }
  for (const s of all('statements')) {
    const what = `statement ${s.id}`;
    const id = nodeId('Statement', s.id);
    const c = cites(what, s.cite);
    const quote = s.quote ? (cites(`${what} quote`, [s.quote])[0] ?? null) : null;
    if (!(STATEMENT_KINDS as readonly string[]).includes(s.kind)) problems.push(`${what}: kind "${s.kind}" is not one of ${STATEMENT_KINDS.join(', ')}`);
    addNode(
      {
        id,
        kind: 'Statement',
        cites: c,
        props: { ...base, category: s.kind, summary: s.summary, quote, ...dateProps('date', date(what, s.date)) },
      },
      what,
    );
    rel('STATED', ref(what, s.speaker, ['Person']), id, c);
    if (s.event) rel('AT_EVENT', id, known(what, eventIds, nodeId('Event', s.event)), c);
    for (const a of s.about ?? []) rel('ABOUT', id, ref(what, a), c);
    for (const f of s.figures ?? []) rel('REPORTS', id, known(what, figureIds, nodeId('Figure', f)), c);
    for (const cm of s.commitments ?? []) {
      if (cm.role !== 'makes' && cm.role !== 'repeats') problems.push(`${what}: commitment role must be makes or repeats`);
      rel('COMMITS', id, known(what, commitmentIds, nodeId('Commitment', cm.commitment)), c, { role: cm.role });
    }
  }

  for (const d of all('documents')) {
    const from = docs.get(d.key)!.id;
    for (const c of d.cites ?? []) {
      rel('CITES', from, known(`document ${d.key}`, new Set(nodes.keys()), nodeId('Document', c.source)), cites(`document ${d.key} cites ${c.source}`, c.cite, false));
    }
  }

  if (problems.length) throw new SeedError(problems);
  return { nodes: [...nodes.values()], rels };
}
