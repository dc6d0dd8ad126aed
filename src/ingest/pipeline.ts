/**
 * The ingestion pipeline: pure stages (normalize, dates, quantities, mentions, facts), then
 * resolution against the graph (reads, then a pure decision), then one write transaction per
 * document. The CLI (`kg ingest`) and the `ingestDocument` mutation both call `ingest()`.
 */
import { astralOffsets, citationKey, sha256Hex } from '../domain/citation.js';
import { dateBounds, parseIsoDate, type FuzzyDate } from '../domain/dates.js';
import { ENTITY_KINDS, nodeId, type GraphBatch, type NodeRecord, type PropValue, type RelRecord, type RelType } from '../domain/model.js';
import type { Db, Statement, WriteTx } from '../graph/db.js';
import { luceneQuery } from '../graph/search.js';
import { batchStatements, citationStatements } from '../graph/writer.js';
import { findDates } from '../text/dates.js';
import { findQuantities } from '../text/numbers.js';
import { sentences } from '../text/sentences.js';
import { extractFacts, type Cite, type Extraction, type XDate } from './extract/facts.js';
import { findMentions, type PlaceLookup } from './extract/mentions.js';
import type { Evidence } from './evidence.js';
import { evidenceFrom } from './evidence.js';
import { loadGazetteer } from './gazetteer.js';
import type { CoreNlp } from '../nlp/corenlp.js';
import { normalize } from './normalize.js';
import { cleanDocumentText } from '../text/characters.js';
import { DocumentError, readSourceDocument, type SourceDocument } from './metadata.js';
import type { NodeRow } from '../graph/records.js';
import {
  resolveCommitments,
  resolveEntities,
  resolveEvents,
  resolvePosts,
  type CommitmentCandidate,
  type EntityCandidate,
  type EventCandidate,
  type PostCandidate,
  type Resolution,
} from './resolve.js';
import { postGroupsStatement, writeTenureBounds, type GroupRow } from './tenures.js';
import { dateProps } from '../graph/date-storage.js';

export interface Extracted {
  source: SourceDocument;
  documentId: string;
  contentHash: string;
  /** the whole file as text: citations are offsets into it */
  fullText: string;
  extraction: Extraction;
}

let places: PlaceLookup | null = null;
function placeLookup(): PlaceLookup {
  if (!places) {
    const g = loadGazetteer();
    places = { placeKind: (name) => g.lookup(name)[0]?.kind ?? null, canonical: (name) => g.lookup(name)[0]?.name ?? null };
  }
  return places;
}

export interface Prepared {
  source: SourceDocument;
  fullText: string;
  contentHash: string;
  norm: ReturnType<typeof normalize>;
}

/** Stages 1-2, pure: the document read and checked, and its clean text (what an NLP engine annotates). */
export function prepare(fileName: string, content: string | Buffer, sidecarJson?: string | null, now?: Date): Prepared {
  const source = readSourceDocument(fileName, content, sidecarJson ?? null, now);
  // the hash is of what was sent; the text kept is the one readSourceDocument cleaned
  const fullText = cleanDocumentText(typeof content === 'string' ? content : content.toString('utf8'));
  const contentHash = sha256Hex(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  return { source, fullText, contentHash, norm: normalize(source.body, source.format) };
}

/** Stages 1-5, pure: a file's content in, facts with spans into the file out. */
export function extract(fileName: string, content: string | Buffer, sidecarJson?: string | null, now?: Date, evidence?: Evidence | null): Extracted {
  return extractPrepared(prepare(fileName, content, sidecarJson, now), evidence ?? null);
}

/** Stages 3-5 over a prepared document, with the NLP engine's evidence when there is some. */
export function extractPrepared(p: Prepared, evidence: Evidence | null): Extracted {
  const { source, fullText, contentHash, norm } = p;
  const fileName = source.fileName;
  const text = norm.text;
  const spans = sentences(text);
  // Without a publication date in the metadata, the date line of a bulletin ("Toluca, Méx., 12 de
  // enero de 2024") dates the document.
  // (a date line beats the day of a post the page embeds)
  const dateline = source.meta.published && !source.meta.publishedNote ? null : (findDates(text.slice(0, 800), null).find((d) => d.precision === 'day' && !d.inferred) ?? null);
  if (dateline) {
    source.meta.published = dateline.iso;
    source.meta.publishedNote = null;
  }
  // relative dates ("ayer", "este martes") need the day of publication; facts left undated take the
  // publication date at its precision (a month-precision page dates them to the month)
  const published = source.meta.published && source.meta.published.length === 10 ? source.meta.published : null;
  const extraction = extractFacts({
    docKey: `${fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .toLowerCase()}-${contentHash.slice(0, 8)}`,
    text,
    sentences: spans,
    mentions: findMentions(text, spans, placeLookup(), evidence),
    dates: findDates(text, published),
    quantities: findQuantities(text),
    published: source.meta.published,
    canonicalPlace: placeLookup().canonical,
    placeKind: placeLookup().placeKind,
    country: loadGazetteer().country.name,
    executiveOf: (state) => loadGazetteer().state(state)?.executive ?? null,
  });
  // Spans point into the normalized text; citations point into the file.
  const toFile = (c: Cite): Cite => {
    const start = source.bodyOffset + norm.toOriginal(c.start);
    const end = source.bodyOffset + norm.toOriginalEnd(c.end);
    return { start, end: Math.max(end, start + 1) };
  };
  mapSpans(extraction, toFile);
  return { source, documentId: nodeId('Document', fileName), contentHash, fullText, extraction };
}

/**
 * Maps every span of an extraction (each `cites` list and each `quote`, at any depth) with `f`:
 * one walk for every fact type, so a new one needs nothing here.
 */
function mapSpans(value: unknown, f: (c: Cite) => Cite): void {
  if (Array.isArray(value)) {
    for (const v of value) mapSpans(v, f);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'cites' && Array.isArray(v)) o[k] = (v as Cite[]).map(f);
    else if (k === 'quote' && v && typeof v === 'object' && 'start' in v) o[k] = f(v as Cite);
    else if (v && typeof v === 'object') mapSpans(v, f);
  }
}

function fuzzy(d: XDate | null): FuzzyDate | undefined {
  if (!d) return undefined;
  return parseIsoDate(d.iso, { precision: d.precision, inferred: d.inferred, ...(d.note ? { note: d.note } : {}) });
}

/** Stage 7's input, pure: the records to write. Nodes the graph already holds are left out by the caller. */
export function toBatch(x: Extracted, r: Resolution): GraphBatch {
  const { extraction: e, documentId } = x;
  const keys = (cs: Cite[]) => [...new Set(cs.map((c) => citationKey({ documentId, start: c.start, end: c.end })))];
  const base = (confidence: number) => ({ reviewStatus: 'extracted', confidence: Number(confidence.toFixed(2)) });
  const nodes: NodeRecord[] = [];
  const rels: RelRecord[] = [];
  const rel = (type: RelType, from: string | null | undefined, to: string | null | undefined, cites: Cite[], confidence: number, props: Record<string, PropValue> = {}) => {
    if (from && to) rels.push({ type, from, to, cites: keys(cites), props: { ...base(confidence), ...props } });
  };
  const ent = (k: string | null) => (k ? (r.entities.get(k) ?? null) : null);
  const meta = x.source.meta;
  nodes.push({
    id: documentId,
    kind: 'Document',
    cites: [],
    props: {
      ...base(1),
      fileName: x.source.fileName,
      contentHash: x.contentHash,
      title: meta.title ?? x.source.fileName,
      publisher: meta.publisher,
      category: 'article',
      url: meta.url,
      text: x.fullText,
      astral: astralOffsets(x.fullText),
      bodyEnd: null,
      author: meta.author,
      ...(meta.published ? dateProps('published', parseIsoDate(meta.published, meta.publishedNote ? { inferred: true, note: meta.publishedNote } : {})) : {}),
    },
  });
  for (const en of e.entities) {
    const id = r.entities.get(en.key)!;
    nodes.push({
      id,
      kind: en.kind,
      cites: keys(en.cites),
      props: {
        ...base(en.confidence),
        slug: id.slice(id.indexOf(':') + 1),
        name: en.name,
        aliases: en.aliases,
        aliasText: [en.name, ...en.aliases].join(' | '),
        description: null,
        ...(en.kind === 'Organization' ? { acronym: en.acronym } : {}),
        ...(en.kind !== 'Person' ? { category: en.category } : {}),
      },
    });
  }
  for (const c of r.candidates) rel('POSSIBLY_SAME_AS', r.entities.get(c.key), c.id, [], c.score, { score: c.score, evidence: c.evidence ?? null });
  for (const p of e.posts) {
    const id = r.posts.get(p.key) ?? nodeId('Post', p.key);
    const same = nodes.find((n) => n.id === id);
    if (same) {
      // one document stating the same post twice ("Directora General", "la titular"): one node
      same.cites = [...new Set([...same.cites, ...keys(p.cites)])];
      continue;
    }
    nodes.push({ id, kind: 'Post', cites: keys(p.cites), props: { ...base(p.confidence), role: p.role, ...dateProps('from', fuzzy(p.from)), ...dateProps('to', fuzzy(p.to)) } });
    rel('HOLDS', ent(p.person), id, p.cites, p.confidence);
    rel('POST_IN', id, ent(p.organization), p.cites, p.confidence);
    rel('GOVERNS', id, ent(p.jurisdiction), p.cites, p.confidence);
  }
  for (const ev of e.events) {
    const id = r.events.get(ev.key)!;
    nodes.push({ id, kind: 'Event', cites: keys(ev.cites), props: { ...base(ev.confidence), category: ev.kind, title: ev.title, ...dateProps('date', fuzzy(ev.date)) } });
    rel('HELD_IN', id, ent(ev.place), ev.cites, ev.confidence);
    rel('HELD_AT', id, ent(ev.venue), ev.cites, ev.confidence);
    for (const p of ev.participants) rel('PARTICIPATED_IN', ent(p.person), id, p.cites, ev.confidence);
  }
  for (const f of e.figures) {
    const id = nodeId('Figure', f.key);
    nodes.push({
      id,
      kind: 'Figure',
      cites: keys(f.cites),
      props: {
        ...base(f.confidence),
        value: f.value,
        unit: f.unit,
        metric: f.metric,
        label: f.label,
        period: null,
        changePercent: f.changePercent,
        qualifier: f.qualifier,
        ...dateProps('asOf', fuzzy(f.asOf)),
      },
    });
    rel('MEASURES', id, ent(f.subject), f.cites, f.confidence);
  }
  for (const c of e.commitments) {
    const id = r.commitments.get(c.key);
    if (!id) continue;
    nodes.push({
      id,
      kind: 'Commitment',
      cites: keys(c.cites),
      props: { ...base(c.confidence), summary: c.summary, status: 'announced', ...dateProps('start', fuzzy(c.start)), ...dateProps('deadline', fuzzy(c.deadline)) },
    });
    for (const k of c.concerns) rel('CONCERNS', id, ent(k), c.cites, c.confidence);
    for (const t of c.targets) rel('TARGETS', id, nodeId('Figure', t), c.cites, c.confidence);
  }
  for (const s of e.statements) {
    const id = nodeId('Statement', s.key);
    nodes.push({
      id,
      kind: 'Statement',
      cites: keys(s.cites),
      props: { ...base(s.confidence), category: s.kind, summary: s.summary, quote: s.quote ? keys([s.quote])[0]! : null, ...dateProps('date', fuzzy(s.date)) },
    });
    rel('STATED', ent(s.speaker), id, s.cites, s.confidence);
    rel('AT_EVENT', id, s.event ? r.events.get(s.event) : null, s.cites, s.confidence);
    for (const a of s.about) rel('ABOUT', id, ent(a), s.cites, s.confidence);
    for (const f of s.figures) rel('REPORTS', id, nodeId('Figure', f), s.cites, s.confidence);
    for (const c of s.commitments) {
      const cid = r.commitments.get(c);
      if (!cid) continue;
      const report = e.commitments.find((k) => k.key === c)?.report;
      // a statement about a commitment the graph holds repeats it, or reports it done or under way
      const role = cid === nodeId('Commitment', c) ? 'makes' : report === 'done' ? 'reports-done' : report === 'progress' ? 'reports-progress' : 'repeats';
      rel('COMMITS', id, cid, s.cites, s.confidence, { role });
    }
  }
  return { nodes, rels };
}

const pick = (props: Record<string, PropValue>, prefix: string): Record<string, PropValue> =>
  Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith(prefix) && /^(Iso|Precision|Inferred|Note|Start|End)$/.test(k.slice(prefix.length))));

export interface IngestResult {
  document: string;
  title: string;
  /** false when the graph already held this document: nothing new was written for it */
  newDocument: boolean;
  newEntities: string[];
  linkedEntities: { name: string; id: string; score: number }[];
  candidateMatches: { name: string; id: string; score: number }[];
  facts: { posts: number; events: number; statements: number; commitments: number; figures: number };
  linkedEvents: string[];
  repeatedCommitments: string[];
}

const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The graph's events that may be the ones a document tells, by date (read/resolution-events):
 * those whose dates overlap a week either side of every day the document's event dates cover (a
 * month-precision date covers the month). `earliest` bounds the index seek on the first day: a
 * date covers a year at most, so an event that starts before it ends before `from`, and the
 * read stays the size of the window however many earlier events the graph holds. No dated event:
 * an empty window, so only the participants' events come back.
 */
export function eventWindow(dates: FuzzyDate[]): { earliest: string; from: string; to: string } {
  if (!dates.length) return { earliest: '9999-12-31', from: '9999-12-31', to: '0000-01-01' };
  const bounds = dates.map(dateBounds);
  const from = shiftDays(bounds.map((b) => b.start).sort()[0]!, -7);
  return {
    earliest: shiftDays(from, -366),
    from,
    to: shiftDays(
      bounds
        .map((b) => b.end)
        .sort()
        .pop()!,
      7,
    ),
  };
}

/** The full-text lookups of a document's entities: each name and alias of each. */
function entityQueries(x: Extracted): { key: string; lucene: string }[] {
  return x.extraction.entities.flatMap((e) => [e.name, ...e.aliases].map((n) => ({ key: e.key, lucene: luceneQuery(n) }))).filter((q) => q.lucene);
}

/**
 * Resolution against the graph: the entities' full-text hits (read by the caller) decide which
 * entities are the graph's; then the graph's candidates for the document's events, posts and
 * commitments, read in one round trip.
 */
async function resolve(tx: WriteTx, x: Extracted, rows: (EntityCandidate & { score: number })[]): Promise<Resolution> {
  const ents = resolveEntities(x.extraction.entities, rows, (words) => placeLookup().placeKind(words) !== null, x.extraction.lookalikes ?? [], x.contentHash.slice(0, 8));
  // A new entity's slug may be taken by an entity of another kind, or kept by a merged entity's
  // redirect: give it the kind as a suffix.
  const fresh = x.extraction.entities.filter((e) => !ents.linked.some((l) => l.key === e.key));
  const slugOf = (id: string) => id.slice(id.indexOf(':') + 1);
  const taken = fresh.length ? await tx.read<{ slug: string; id: string; merged: boolean }>('read/entity-slugs', { slugs: fresh.map((e) => slugOf(ents.entities.get(e.key)!)) }) : [];
  for (const e of fresh) {
    const id = ents.entities.get(e.key)!;
    const holder = taken.find((t) => t.slug === slugOf(id));
    if (holder && (holder.merged || holder.id !== id)) ents.entities.set(e.key, nodeId(e.kind, `${slugOf(id)}-${e.kind.toLowerCase()}`));
  }
  const people = [...new Set(x.extraction.events.flatMap((e) => e.participants.map((p) => ents.entities.get(p.person)!)))];
  const reads: Statement[] = [];
  if (x.extraction.events.length) reads.push({ name: 'read/resolution-events', params: { people, ...eventWindow(x.extraction.events.flatMap((e) => (e.date ? [fuzzy(e.date)!] : []))) } });
  const holders = [...new Set(x.extraction.posts.map((p) => ents.entities.get(p.person)!))];
  if (holders.length) reads.push({ name: 'read/resolution-posts', params: { people: holders } });
  const concerned = [...new Set(x.extraction.commitments.flatMap((c) => c.concerns.map((k) => ents.entities.get(k)!)))];
  if (concerned.length) reads.push({ name: 'read/resolution-commitments', params: { entities: concerned } });
  const answers = reads.length ? await tx.runTogether(reads) : [];
  const answer = <T>(name: string): T[] => (answers[reads.findIndex((q) => q.name === name)] ?? []) as T[];
  const eventRows = answer<EventCandidate>('read/resolution-events');
  const postRows = answer<PostCandidate>('read/resolution-posts');
  const commitmentRows = answer<CommitmentCandidate>('read/resolution-commitments');
  return {
    ...ents,
    events: resolveEvents(x.extraction, ents.entities, eventRows),
    commitments: resolveCommitments(x.extraction, ents.entities, commitmentRows),
    posts: resolvePosts(x.extraction, ents.entities, postRows),
  };
}

export interface IngestOptions {
  /** an NLP engine whose entities are evidence beside the rules; without one the rules work alone */
  nlp?: CoreNlp | null;
}

/**
 * Stages 1-5 of a document that is to be written: read, checked, annotated by the NLP engine when
 * there is one, and extracted. Touches no graph, so documents can be made ready side by side
 * while another one is written.
 */
export async function readyForIngest(fileName: string, content: string | Buffer, sidecarJson?: string | null, opts: IngestOptions = {}): Promise<Extracted> {
  const p = prepare(fileName, content, sidecarJson);
  const evidence = opts.nlp && p.norm.text.trim() ? evidenceFrom(await opts.nlp.annotate(p.norm.text)) : null;
  return extractPrepared(p, evidence);
}

/**
 * Extracts a document (pure, and the NLP engine's annotation), then resolves and writes it in one
 * write transaction: existing nodes are never overwritten. The transaction holds the graph's write
 * lock (Db.write) from before its first read, so documents sent at the same time are resolved and
 * written one after the other: two naming one person in different forms give one entity (or a
 * candidate pair), as they would sent one by one, and a document sent twice at once is written
 * once (the other answers `newDocument: false`).
 */
export async function ingest(db: Db, fileName: string, content: string | Buffer, sidecarJson?: string | null, opts: IngestOptions = {}): Promise<IngestResult> {
  const x = await readyForIngest(fileName, content, sidecarJson, opts);
  return db.write((tx) => writeExtracted(tx, x));
}

/**
 * Stages 6-7 of one extracted document inside the caller's write transaction: resolution against
 * what the graph holds (what this transaction wrote before included), then the write. Several
 * documents written one after the other in one transaction give the graph they give in one
 * transaction each (src/ingest/many.ts).
 */
export async function writeExtracted(tx: WriteTx, x: Extracted): Promise<IngestResult> {
  const fileName = x.source.fileName;
  // Citations are offsets into the stored text: another text under a stored name would point
  // them astray. The check goes out with the entities' full-text lookups (one round trip).
  const queries = entityQueries(x);
  const [storedRows, entityRows] = await tx.runTogether([
    { name: 'read/nodes-by-id', params: { ids: [x.documentId] } },
    ...(queries.length ? [{ name: 'read/resolution-entities', params: { queries } }] : []),
  ]);
  const stored = storedRows![0] as NodeRow | undefined;
  if (stored && typeof stored.props.contentHash === 'string' && stored.props.contentHash !== x.contentHash) {
    throw new DocumentError(fileName, `the graph already holds a different document named "${fileName}"; give this one another name`, 'name');
  }
  const r = await resolve(tx, x, (entityRows ?? []) as (EntityCandidate & { score: number })[]);
  const batch = toBatch(x, r);
  const existing = new Set((await tx.read<{ id: string }>('read/existing-ids', { ids: batch.nodes.map((n) => n.id) })).map((row) => row.id));
  const fresh = batch.nodes.filter((n) => !existing.has(n.id));
  // nodes the graph holds keep their properties and gain this document's citations
  const known = batch.nodes
    .filter((n) => existing.has(n.id) && n.kind !== 'Document')
    .map((n) => ({
      id: n.id,
      cites: n.cites,
      aliases: [n.props.name, ...(Array.isArray(n.props.aliases) ? n.props.aliases : [])].filter((a): a is string => typeof a === 'string'),
      // a post's bounds this document gives, where the graph has none
      fillFrom: n.kind === 'Post' ? pick(n.props, 'from') : {},
      fillTo: n.kind === 'Post' ? pick(n.props, 'to') : {},
      // an event's date this document gives, or an earlier day it implies (add-citations.cypher decides)
      ...(n.kind === 'Event' ? { fillDate: pick(n.props, 'date') } : {}),
    }));
  const bodies = [
    ...new Set(
      x.extraction.posts
        .flatMap((p) => [p.organization, p.jurisdiction])
        .filter((k): k is string => !!k)
        .map((k) => r.entities.get(k)!),
    ),
  ];
  // the writes, then (a holder this document adds may end or start another's tenure) the posts of
  // the bodies it touched as they stand after them: one round trip
  const answers = await tx.runTogether([
    ...batchStatements({ nodes: fresh, rels: batch.rels }, 'add').map((s) => s.statement),
    ...citationStatements(known),
    ...(bodies.length ? [postGroupsStatement(bodies)] : []),
  ]);
  if (bodies.length) await writeTenureBounds(tx, answers.at(-1) as GroupRow[]);
  return report(x, r, fresh, existing);
}

/** What an ingest tells its caller: the document, what it added, what it linked to. */
function report(x: Extracted, r: Resolution, fresh: NodeRecord[], existing: Set<string>): IngestResult {
  const name = (key: string) => x.extraction.entities.find((e) => e.key === key)?.name ?? key;
  const count = (kind: string) => fresh.filter((n) => n.kind === kind).length;
  return {
    document: x.documentId,
    title: x.source.meta.title ?? x.source.fileName,
    newDocument: !existing.has(x.documentId),
    newEntities: fresh.filter((n) => (ENTITY_KINDS as readonly string[]).includes(n.kind)).map((n) => n.id),
    linkedEntities: r.linked.map((l) => ({ name: name(l.key), id: l.id, score: l.score })),
    candidateMatches: r.candidates.map((c) => ({ name: name(c.key), id: c.id, score: c.score })),
    facts: { posts: count('Post'), events: count('Event'), statements: count('Statement'), commitments: count('Commitment'), figures: count('Figure') },
    linkedEvents: [...r.events.values()].filter((id) => existing.has(id)),
    repeatedCommitments: [...r.commitments.values()].filter((id) => existing.has(id)),
  };
}
