/**
 * Measured quality: the graph the pipeline built from the corpus against the curated seed graph,
 * as precision, recall and F1 per fact type. Pure: two graphs in, a table out.
 *
 * Matching rules (stated so the figures can be read):
 *   people, organizations: a name or alias in common (accents and case folded), or for people the
 *     same given name with every other word of the shorter name in the longer;
 *   posts: the same person and a role where one folded role starts the other;
 *   event participants: (person, event) pairs, events matched by overlapping citation spans (their
 *     dates are scored under dates);
 *   statements: the same speaker and overlapping citation spans in the same document;
 *   figures: (value, unit, document);
 *   dates: each curated event or statement against the extracted one with overlapping spans (and,
 *     for statements, the same speaker when there is one), compared exactly (ISO);
 *   commitments: overlapping citation spans in the same document.
 */
import { parseCitationKey } from '../domain/citation.js';
import { foldName } from '../domain/names.js';
import type { GraphBatch, NodeRecord } from '../domain/model.js';
import { nameScore } from './resolve.js';

export interface Score {
  type: string;
  truth: number;
  found: number;
  matchedTruth: number;
  matchedFound: number;
  precision: number;
  recall: number;
  f1: number;
  /** curated items nothing matched, and extracted items matching nothing (labels) */
  missed: string[];
  extra: string[];
}

const names = (n: NodeRecord): string[] =>
  [n.props.name, ...(Array.isArray(n.props.aliases) ? n.props.aliases : []), n.props.acronym].filter((x): x is string => typeof x === 'string' && x.length > 0);

function score(type: string, truth: number, found: number, matchedTruth: number, matchedFound: number, missed: string[] = [], extra: string[] = []): Score {
  const precision = found ? matchedFound / found : 0;
  const recall = truth ? matchedTruth / truth : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { type, truth, found, matchedTruth, matchedFound, precision, recall, f1, missed, extra };
}

/** Generic set matching: each side counts the items that match at least one item of the other. */
function compare<T, U>(type: string, truth: T[], found: U[], same: (t: T, f: U) => boolean, label: (x: T | U) => string = (x) => JSON.stringify(x)): Score {
  const missed = truth.filter((t) => !found.some((f) => same(t, f)));
  const extra = found.filter((f) => !truth.some((t) => same(t, f)));
  return score(type, truth.length, found.length, truth.length - missed.length, found.length - extra.length, missed.map(label), extra.map(label));
}

const nm = (n: NodeRecord | undefined) => String(n?.props.name ?? n?.id ?? '?');
const lbl = (x: unknown): string => {
  if (x && typeof x === 'object' && 'id' in x && 'props' in x) return nm(x as NodeRecord);
  const o = x as Record<string, unknown>;
  return Object.entries(o)
    .map(
      ([k, v]) =>
        `${k}=${v && typeof v === 'object' && 'props' in (v as object) ? nm(v as NodeRecord) : v instanceof Set ? [...v].join('/') : Array.isArray(v) ? v.map((s) => (s as { doc?: string; start?: number }).start ?? s).join('/') : String(v)}`,
    )
    .join(' ');
};

interface Span {
  doc: string;
  start: number;
  end: number;
}
const spans = (n: { cites: string[] }): Span[] =>
  n.cites.map((c) => {
    const k = parseCitationKey(c);
    return { doc: k.documentId, start: k.start, end: k.end };
  });
const overlaps = (a: Span[], b: Span[]) => a.some((x) => b.some((y) => x.doc === y.doc && x.start < y.end && y.start < x.end));

export function evaluate(truth: GraphBatch, found: GraphBatch): Score[] {
  const of = (g: GraphBatch, kind: string) => g.nodes.filter((n) => n.kind === kind);
  const samePerson = (a: NodeRecord | undefined, b: NodeRecord | undefined) => !!a && !!b && names(a).some((x) => names(b).some((y) => nameScore('Person', x, y) >= 0.9));
  const sameOrg = (a: NodeRecord, b: NodeRecord) => names(a).some((x) => names(b).some((y) => foldName(x) === foldName(y)));
  const byId = (g: GraphBatch) => new Map(g.nodes.map((n) => [n.id, n]));
  const T = byId(truth);
  const F = byId(found);
  const relsFrom = (g: GraphBatch, type: string) => g.rels.filter((r) => r.type === type);

  const people = compare('people', of(truth, 'Person'), of(found, 'Person'), samePerson, lbl);
  const orgs = compare('organizations', of(truth, 'Organization'), of(found, 'Organization'), sameOrg, lbl);

  const posts = (g: GraphBatch, M: Map<string, NodeRecord>) => relsFrom(g, 'HOLDS').map((r) => ({ person: M.get(r.from), role: foldName(String(M.get(r.to)?.props.role ?? '')) }));
  const postScore = compare(
    'posts',
    posts(truth, T),
    posts(found, F),
    (t, f) => samePerson(t.person, f.person) && !!t.role && !!f.role && (t.role.startsWith(f.role) || f.role.startsWith(t.role)),
    lbl,
  );

  const participants = (g: GraphBatch, M: Map<string, NodeRecord>) => relsFrom(g, 'PARTICIPATED_IN').map((r) => ({ person: M.get(r.from), event: spans(M.get(r.to) ?? { cites: [] }) }));
  const partScore = compare('event participants', participants(truth, T), participants(found, F), (t, f) => samePerson(t.person, f.person) && overlaps(t.event, f.event), lbl);

  const stated = (g: GraphBatch, M: Map<string, NodeRecord>) => relsFrom(g, 'STATED').map((r) => ({ speaker: M.get(r.from), spans: spans(M.get(r.to) ?? { cites: [] }) }));
  const stmtScore = compare('statements with speaker', stated(truth, T), stated(found, F), (t, f) => samePerson(t.speaker, f.speaker) && overlaps(t.spans, f.spans), lbl);

  const figures = (g: GraphBatch) => of(g, 'Figure').map((n) => ({ value: Number(n.props.value), unit: String(n.props.unit), docs: new Set(spans(n).map((s) => s.doc)) }));
  const figScore = compare(
    'figures (value, unit)',
    figures(truth),
    figures(found),
    (t, f) => t.value === f.value && foldName(t.unit) === foldName(f.unit) && [...t.docs].some((d) => f.docs.has(d)),
    lbl,
  );

  // Dates: each curated event or statement against the one extracted item it best corresponds to
  // (overlapping spans; for statements, the same speaker when there is one).
  const speakerOf = (g: GraphBatch, M: Map<string, NodeRecord>) => new Map(relsFrom(g, 'STATED').map((r) => [r.to, M.get(r.from)]));
  const TS = speakerOf(truth, T);
  const FS = speakerOf(found, F);
  const dated = (g: GraphBatch) => [...of(g, 'Event'), ...of(g, 'Statement')].filter((n) => typeof n.props.dateIso === 'string');
  const pairs = dated(truth).flatMap((t) => {
    const near = dated(found).filter((f) => f.kind === t.kind && overlaps(spans(t), spans(f)));
    const best = near.find((f) => t.kind === 'Statement' && samePerson(TS.get(t.id), FS.get(f.id))) ?? near[0];
    return best ? [[t, best] as const] : [];
  });
  const wrong = pairs.filter(([t, f]) => t.props.dateIso !== f.props.dateIso);
  const exact = pairs.length - wrong.length;
  const dateScore = score(
    'dates (exact)',
    pairs.length,
    pairs.length,
    exact,
    exact,
    wrong.map(
      ([t, f]) =>
        `${t.kind} ${nm(t)}: curated ${String(t.props.dateIso)}, extracted ${String(f.props.dateIso)} @${spans(f)
          .map((z) => z.start)
          .join('/')}`,
    ),
  );

  const commitScore = compare(
    'commitments',
    of(truth, 'Commitment'),
    of(found, 'Commitment'),
    (t, f) => overlaps(spans(t), spans(f)),
    (x) =>
      `${String(x.props.summary ?? '').slice(0, 70)} @${spans(x)
        .map((z) => z.start)
        .join('/')}`,
  );

  const parts = [people, orgs, postScore, partScore, stmtScore, figScore, dateScore, commitScore];
  const sum = (k: 'truth' | 'found' | 'matchedTruth' | 'matchedFound') => parts.reduce((a, p) => a + p[k], 0);
  return [...parts, score('overall', sum('truth'), sum('found'), sum('matchedTruth'), sum('matchedFound'))];
}

export function formatDetails(scores: Score[]): string {
  return scores
    .filter((s) => s.missed.length || s.extra.length)
    .map((s) => [`${s.type}:`, ...s.missed.map((m) => `  missed  ${m}`), ...s.extra.map((e) => `  extra   ${e}`)].join('\n'))
    .join('\n');
}

export function formatScores(scores: Score[]): string {
  const pct = (x: number) => x.toFixed(3);
  const rows = scores.map((s) => `| ${s.type} | ${s.truth} | ${s.found} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`);
  return ['| fact type | curated | extracted | precision | recall | F1 |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}
