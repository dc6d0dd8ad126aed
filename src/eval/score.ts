/**
 * Scores what the API answers for real articles against their gold facts, with the matching
 * rules of `realset/FORMAT.md`. Pure: gold and answers in, a table out.
 *
 * - names: accent-, case- and punctuation-insensitive equality with the entity's name, an alias
 *   or its acronym;
 * - a post: the holder's name, a role whose folded words are contained either way ("director
 *   general" ~ "director"), and `of` naming the organization or the jurisdiction;
 * - post dates: each dated gold bound equal at the gold's precision;
 * - events: the date (exact at the gold's precision; a range accepts any date inside) and at
 *   least half the gold participants; the place is scored apart on matched events;
 * - same-event links: right only when both documents' events are one node;
 * - statements: the speaker, and a cited passage that contains an `about` word;
 * - figures: equal value, and a unit equal to the gold's up to a plural ending (the unit, the
 *   counted noun or the canonical unit's Spanish name);
 * - commitments: a maker who is the gold's (when the gold names a person of the article) and a
 *   cited passage containing a `what` word; repeats as same-event links;
 * - time questions: asked as `holders(role, of, at)`: right when the gold holder is the only
 *   holder the API answers;
 * - traps: both names found, as two different entities; listed when possibleDuplicates pairs them;
 * - not_facts: no person or body the document adds is named so; none is cited inside the passage
 *   the text locates, and no fact rests on it for half of its own passage;
 * - citations: each cited passage is the document's text at its offsets, and an entity's passage
 *   holds one of its name's words.
 * Matching is one to one, with as many pairs as possible: a second extracted copy of a gold fact
 * counts as wrong. Precision is
 * counted only on the types an article lists as `exhaustive`.
 */
import { nodeId } from '../domain/model.js';
import { foldName } from '../domain/names.js';
import type { ACite, ADate, AEntity, Answers, DocAnswer } from './answers.js';
import { emptyDoc, holdersKey } from './answers.js';
import type { FactType, GoldArticle, GoldPerson } from './gold.js';

interface Finding {
  article: string;
  what: string;
  passage?: string;
}

export interface Row {
  type: string;
  truth: number;
  /** extracted items counted for precision (exhaustive types only) */
  found: number;
  matchedTruth: number;
  matchedFound: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  missed: Finding[];
  wrong: Finding[];
}

interface ArticleScore {
  id: string;
  rows: Row[];
}

export interface Report {
  rows: Row[];
  articles: ArticleScore[];
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Small matching helpers.

export const sameName = (a: string, b: string) => {
  const fa = foldName(a);
  return fa.length > 0 && fa === foldName(b);
};
const anyName = (as: string[], bs: string[]) => as.some((a) => bs.some((b) => sameName(a, b)));
const personNames = (p: GoldPerson) => [p.name, ...p.aliases];

/** Role words contained either way: "director general" ~ "director"; "secretario de Salud" ~ "secretario". */
export function sameRole(gold: string, found: string): boolean {
  const g = foldName(gold).split(' ').filter(Boolean);
  const f = foldName(found).split(' ').filter(Boolean);
  if (!g.length || !f.length) return false;
  return g.every((w) => f.includes(w)) || f.every((w) => g.includes(w));
}

/** One word against another up to a Spanish plural ending ("hospital" ~ "hospitales", "mes" ~ "meses"). */
const pluralEq = (a: string, b: string) => a === b || a + 's' === b || a + 'es' === b || b + 's' === a || b + 'es' === a;
const phraseEq = (a: string, b: string) => {
  const x = foldName(a).split(' ');
  const y = foldName(b).split(' ');
  return x.length === y.length && x.every((w, i) => pluralEq(w, y[i]!));
};
/** Spanish names of the canonical units the pipeline stores. */
const CANONICAL_UNITS: Record<string, string[]> = {
  MXN: ['peso'],
  USD: ['dolar'],
  percent: ['por ciento', 'porciento', 'porcentaje'],
  'percentage points': ['punto porcentual'],
  people: ['persona', 'habitante'],
};
export function sameUnit(gold: string, unit: string, label: string | null): boolean {
  if (phraseEq(gold, unit)) return true;
  if ((CANONICAL_UNITS[unit] ?? []).some((u) => phraseEq(gold, u))) return true;
  if (!label) return false;
  // the counted noun phrase, without the numeral: "180 camas" -> "camas"; "médicos generales" stays
  const words = foldName(label)
    .split(' ')
    .filter((w) => !/^\d/.test(w) && !['mil', 'millones', 'millon', 'de', 'del'].includes(w));
  const g = foldName(gold).split(' ');
  return words.length >= g.length && g.every((w, i) => pluralEq(w, words[i]!));
}

/** A found date against the gold's: exact at the gold's precision; a gold range accepts any date inside. */
export function sameDate(gold: string | [string, string], found: ADate | null): boolean {
  if (!found) return false;
  if (Array.isArray(gold)) {
    const lo = gold[0].length === 10 ? gold[0] : `${gold[0]}-01`.slice(0, 10);
    const hi = gold[1];
    return found.start >= lo && found.end.slice(0, hi.length) <= hi;
  }
  const rank = { YEAR: 4, MONTH: 7, DAY: 10 } as const;
  return rank[found.precision] >= gold.length && found.iso.slice(0, gold.length) === gold;
}

const passage = (cites: ACite[]) => foldName(cites.map((c) => c.excerpt ?? '').join(' '));
const wordsIn = (cites: ACite[], words: string[]) => {
  const p = ` ${passage(cites)} `;
  return words.filter((w) => foldName(w).length > 0 && p.includes(foldName(w))).length;
};
const hasWord = (cites: ACite[], words: string[]) => wordsIn(cites, words) > 0;
const short = (cites: ACite[]) => (cites[0]?.excerpt ?? '').replace(/\s+/g, ' ').slice(0, 160);

/**
 * One-to-one matching with as many pairs as possible (augmenting paths): the score does not depend
 * on the order the API lists facts in, and a second copy of a fact stays unmatched. Where a gold
 * fact could pair with several, the closest is tried first (`closeness`, higher is closer).
 */
function match<T, U>(truth: T[], found: U[], same: (t: T, f: U) => boolean, closeness?: (t: T, f: U) => number): { pairs: [T, U][]; missed: T[]; extra: U[] } {
  const edges = truth.map((t) => {
    const ks = found.map((f, k) => (same(t, f) ? k : -1)).filter((k) => k >= 0);
    return closeness ? ks.sort((a, b) => closeness(t, found[b]!) - closeness(t, found[a]!)) : ks;
  });
  const owner = new Array<number>(found.length).fill(-1);
  const augment = (i: number, seen: Set<number>): boolean => {
    for (const k of edges[i]!) {
      if (seen.has(k)) continue;
      seen.add(k);
      if (owner[k] === -1 || augment(owner[k]!, seen)) {
        owner[k] = i;
        return true;
      }
    }
    return false;
  };
  truth.forEach((_t, i) => augment(i, new Set()));
  const pairOf = new Map<number, number>();
  owner.forEach((i, k) => {
    if (i >= 0) pairOf.set(i, k);
  });
  const pairs: [T, U][] = [];
  const missed: T[] = [];
  truth.forEach((t, i) => (pairOf.has(i) ? pairs.push([t, found[pairOf.get(i)!]!]) : missed.push(t)));
  return { pairs, missed, extra: found.filter((_f, k) => owner[k] === -1) };
}

class Tally {
  truth = 0;
  found = 0;
  matchedTruth = 0;
  matchedFound = 0;
  missed: Finding[] = [];
  wrong: Finding[] = [];
  constructor(readonly type: string) {}
  add(o: { truth: number; found: number; matchedTruth: number; matchedFound: number; missed?: Finding[]; wrong?: Finding[] }) {
    this.truth += o.truth;
    this.found += o.found;
    this.matchedTruth += o.matchedTruth;
    this.matchedFound += o.matchedFound;
    this.missed.push(...(o.missed ?? []));
    this.wrong.push(...(o.wrong ?? []));
  }
  row(): Row {
    const precision = this.found ? this.matchedFound / this.found : null;
    const recall = this.truth ? this.matchedTruth / this.truth : null;
    const f1 = precision !== null && recall !== null ? (precision + recall ? (2 * precision * recall) / (precision + recall) : 0) : null;
    return { type: this.type, truth: this.truth, found: this.found, matchedTruth: this.matchedTruth, matchedFound: this.matchedFound, precision, recall, f1, missed: this.missed, wrong: this.wrong };
  }
}

// ---------------------------------------------------------------------------------------------
// Locating a not_fact's text in the document.

/** The document folded character by character (same length, so offsets carry over). */
function foldKeepingOffsets(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = ch
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    const c = f.length === 1 && /[\p{L}\p{N}]/u.test(f) ? f : ' ';
    out += ch.length === 2 ? c + ' ' : c;
  }
  return out;
}

/**
 * Where a not_fact's text stands in the document: every occurrence of its fragments ("A ... B":
 * from A to the B after it), or none when the gold describes rather than quotes it.
 */
export function locate(text: string, quoted: string): { start: number; end: number }[] {
  const folded = foldKeepingOffsets(text);
  const fragments = quoted
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map((f) => foldName(f))
    .filter(Boolean);
  if (!fragments.length) return [];
  const re = (f: string) =>
    new RegExp(
      `(?<![a-z0-9])${f
        .split(' ')
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(' +')}(?![a-z0-9])`,
      'g',
    );
  const out: { start: number; end: number }[] = [];
  for (const m of folded.matchAll(re(fragments[0]!))) {
    let end = m.index + m[0].length;
    let ok = true;
    for (const f of fragments.slice(1)) {
      const next = re(f);
      next.lastIndex = end;
      const n = next.exec(folded);
      if (!n || n.index - end > 400) {
        ok = false;
        break;
      }
      end = n.index + n[0].length;
    }
    if (ok) out.push({ start: m.index, end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const pct = (x: number | null) => (x === null ? '–' : x.toFixed(3));

function entityNamesOf(answer: DocAnswer, kind: string): AEntity[] {
  return answer.entities.filter((e) => e.kind === kind);
}

/** Scores every article; `answers.documents` holds one entry per article id that was ingested. */
export function scoreRealset(gold: GoldArticle[], answers: Answers): Report {
  const T = {
    people: new Tally('people'),
    posts: new Tally('posts (role, body or territory)'),
    postDates: new Tally('post dates'),
    organizations: new Tally('organizations'),
    facilities: new Tally('facilities'),
    events: new Tally('events (date, participants)'),
    places: new Tally('event places'),
    sameEvent: new Tally('same-event links'),
    statements: new Tally('statements with speaker'),
    figures: new Tally('figures (value, unit)'),
    commitments: new Tally('commitments'),
    repeats: new Tally('commitment repeats'),
    temporal: new Tally('time questions'),
    traps: new Tally('traps kept apart'),
    listed: new Tally('traps listed as candidates'),
    notFacts: new Tally('not_facts absent'),
    citations: new Tally('citations exact'),
  };
  const FACT_ROWS: [FactType, Tally][] = [
    ['people', T.people],
    ['posts', T.posts],
    ['organizations', T.organizations],
    ['facilities', T.facilities],
    ['events', T.events],
    ['statements', T.statements],
    ['figures', T.figures],
    ['commitments', T.commitments],
  ];
  const notes: string[] = [];
  const articles: ArticleScore[] = [];
  /** gold event or commitment ref ("d02:e1") -> the node it matched */
  const matchedNode = new Map<string, string>();
  const deferred: { ref: string; article: string; node: string | null; tally: Tally; label: string }[] = [];

  for (const g of gold) {
    const a = answers.documents.get(g.id) ?? emptyDoc();
    if (!a.found) notes.push(`${g.id}: no document of that name in the graph (text missing or not ingested): every fact counts as missed`);
    const local = Object.fromEntries(FACT_ROWS.map(([k]) => [k, new Tally(k)])) as Record<FactType, Tally>;
    const exh = (t: FactType) => g.exhaustive.includes(t);
    const put = <X, Y>(type: FactType, r: { pairs: [X, Y][]; missed: X[]; extra: Y[] }, label: (x: X) => string, flabel: (y: Y) => Finding) => {
      const o = {
        truth: r.pairs.length + r.missed.length,
        found: exh(type) ? r.pairs.length + r.extra.length : 0,
        matchedTruth: r.pairs.length,
        matchedFound: exh(type) ? r.pairs.length : 0,
        missed: r.missed.map((x) => ({ article: g.id, what: label(x) })),
        wrong: exh(type) ? r.extra.map(flabel) : [],
      };
      local[type].add(o);
      FACT_ROWS.find(([k]) => k === type)![1].add(o);
    };
    const fl = (what: string, cites: ACite[]): Finding => ({ article: g.id, what, passage: short(cites) });

    // people
    const persons = entityNamesOf(a, 'Person');
    const people = match(g.people, persons, (t, f) => anyName(personNames(t), f.names));
    put(
      'people',
      people,
      (p) => p.name,
      (f) => fl(`person ${f.names[0]}`, f.cites),
    );

    // posts
    const goldPosts = g.people.flatMap((p) => p.posts.map((q) => ({ person: p, ...q })));
    const holderIs = (p: GoldPerson, h: AEntity | null) => !!h && anyName(personNames(p), h.names);
    const posts = match(goldPosts, a.posts, (t, f) => holderIs(t.person, f.holder) && sameRole(t.role, f.role) && (!t.of || f.of.some((n) => sameName(n, t.of!))));
    put(
      'posts',
      posts,
      (p) => `${p.person.name}: ${p.role}${p.of ? ` of ${p.of}` : ''}`,
      (f) => fl(`post ${f.holder?.names[0] ?? '?'}: ${f.role}${f.of.length ? ` of ${f.of[0]}` : ''}`, f.cites),
    );
    const datedGold = goldPosts.filter((p) => p.from || p.to);
    for (const p of datedGold) {
      const f = posts.pairs.find(([t]) => t === p)?.[1];
      const ok = !!f && (!p.from || sameDate(p.from, f.from)) && (!p.to || sameDate(p.to, f.to));
      T.postDates.add({
        truth: 1,
        found: f ? 1 : 0,
        matchedTruth: ok ? 1 : 0,
        matchedFound: ok ? 1 : 0,
        ...(ok
          ? {}
          : {
              missed: [
                { article: g.id, what: `${p.person.name}: ${p.role} from ${p.from ?? '?'} to ${p.to ?? '?'}; API: ${f ? `from ${f.from?.iso ?? 'null'} to ${f.to?.iso ?? 'null'}` : 'no such post'}` },
              ],
            }),
      });
    }

    // organizations, facilities
    put(
      'organizations',
      match(g.organizations, entityNamesOf(a, 'Organization'), (t, f) => f.names.some((n) => sameName(n, t))),
      (o) => o,
      (f) => fl(`organization ${f.names[0]}`, f.cites),
    );
    put(
      'facilities',
      match(g.facilities, entityNamesOf(a, 'Facility'), (t, f) => f.names.some((n) => sameName(n, t))),
      (o) => o,
      (f) => fl(`facility ${f.names[0]}`, f.cites),
    );

    // events
    const present = (want: string[], got: string[][]) =>
      want.filter((w) => got.some((names) => names.some((n) => sameName(n, w)) || g.people.some((p) => anyName(personNames(p), [w]) && anyName(personNames(p), names)))).length;
    const partsOk = (want: string[], got: string[][]) => present(want, got) * 2 >= want.length;
    const events = match(
      g.events,
      a.events,
      (t, f) =>
        (!t.date || sameDate(t.date, f.date)) &&
        (t.participants.length ? partsOk(t.participants, f.participants) : true) &&
        (t.participants.length > 0 || !!t.date || t.place.some((p) => f.places.some((n) => sameName(n, p)))),
      (t, f) => present(t.participants, f.participants),
    );
    put(
      'events',
      events,
      (e) => `${e.key} ${e.kind ?? ''} ${Array.isArray(e.date) ? e.date.join('..') : (e.date ?? 'undated')} with ${e.participants.join(', ')}`,
      (f) => fl(`event ${f.kind} ${f.date?.iso ?? 'undated'} with ${f.participants.map((p) => p[0]).join(', ')}`, f.cites),
    );
    for (const [t, f] of events.pairs) {
      matchedNode.set(`${g.id.slice(0, 3)}:${t.key}`, f.id);
      if (t.place.length) {
        const ok = t.place.some((p) => f.places.some((n) => sameName(n, p)));
        T.places.add({
          truth: 1,
          found: 1,
          matchedTruth: ok ? 1 : 0,
          matchedFound: ok ? 1 : 0,
          ...(ok ? {} : { missed: [{ article: g.id, what: `${t.key} at ${t.place.join(' / ')}; API: ${f.places.join(' / ') || 'no place'}` }] }),
        });
      }
    }
    for (const t of g.events)
      if (t.sameAs) deferred.push({ ref: t.sameAs, article: g.id, node: events.pairs.find(([x]) => x === t)?.[1].id ?? null, tally: T.sameEvent, label: `${t.key} = ${t.sameAs}` });

    // statements
    const stmts = match(
      g.statements,
      a.statements,
      (t, f) => !!f.speaker && (anyName([t.speaker], f.speaker) || g.people.some((p) => anyName(personNames(p), [t.speaker]) && anyName(personNames(p), f.speaker!))) && hasWord(f.cites, t.about),
      (t, f) => wordsIn(f.cites, t.about),
    );
    put(
      'statements',
      stmts,
      (s) => `${s.speaker} on ${s.about.join(', ')}`,
      (f) => fl(`statement by ${f.speaker?.[0] ?? 'nobody'}`, f.cites),
    );

    // figures
    const figs = match(g.figures, a.figures, (t, f) => t.value === f.value && sameUnit(t.unit, f.unit, f.label));
    put(
      'figures',
      figs,
      (x) => `${x.value} ${x.unit}`,
      (f) => fl(`figure ${f.value} ${f.unit}${f.label ? ` (${f.label})` : ''}`, f.cites),
    );

    // commitments
    const makerOk = (by: string, makers: string[][]) => {
      const person = g.people.find((p) => anyName(personNames(p), [by]));
      if (!person) return true; // the gold names a body or a government, not a person of the article
      return makers.some((names) => anyName(personNames(person), names));
    };
    const comms = match(
      g.commitments,
      a.commitments,
      (t, f) => makerOk(t.by, f.makers) && hasWord(f.cites, t.what),
      (t, f) => wordsIn(f.cites, t.what),
    );
    put(
      'commitments',
      comms,
      (c) => `${c.key} by ${c.by}: ${c.what.join(', ')}`,
      (f) => fl(`commitment by ${f.makers.map((m) => m[0]).join(', ') || 'nobody'}`, f.cites),
    );
    for (const [t, f] of comms.pairs) matchedNode.set(`${g.id.slice(0, 3)}:${t.key}`, f.id);
    for (const t of g.commitments)
      if (t.sameAs) deferred.push({ ref: t.sameAs, article: g.id, node: comms.pairs.find(([x]) => x === t)?.[1].id ?? null, tally: T.repeats, label: `${t.key} = ${t.sameAs}` });

    // time questions
    for (const q of g.temporal) {
      const answered = answers.holders.get(holdersKey(q));
      const holders = new Map((answered ?? []).map((h) => [h.id, h]));
      const holder = g.people.find((p) => anyName(personNames(p), [q.holder]));
      const names = holder ? personNames(holder) : [q.holder];
      const ok = holders.size === 1 && anyName(names, [...holders.values()][0]!.names);
      const said = answered === null || answered === undefined ? `no body or place named ${q.of}` : [...holders.values()].map((h) => h.names[0]).join(', ') || 'nobody';
      T.temporal.add({
        truth: 1,
        found: 1,
        matchedTruth: ok ? 1 : 0,
        matchedFound: ok ? 1 : 0,
        ...(ok ? {} : { missed: [{ article: g.id, what: `${q.role} of ${q.of} at ${q.at}: gold ${q.holder}; API: ${said}` }] }),
      });
    }

    // traps
    for (const t of g.traps) {
      const ia = answers.entitiesNamed.get(t.a) ?? [];
      const ib = answers.entitiesNamed.get(t.b) ?? [];
      const ok = ia.length > 0 && ib.length > 0 && !ia.some((x) => ib.includes(x));
      T.traps.add({
        truth: 1,
        found: 1,
        matchedTruth: ok ? 1 : 0,
        matchedFound: ok ? 1 : 0,
        ...(ok
          ? {}
          : {
              missed: [
                { article: g.id, what: `${t.a} / ${t.b}: ${!ia.length || !ib.length ? `not found: ${[!ia.length ? t.a : '', !ib.length ? t.b : ''].filter(Boolean).join(', ')}` : 'one entity'}` },
              ],
            }),
      });
      const listed = ok && answers.duplicates.some(([x, y]) => (ia.includes(x) && ib.includes(y)) || (ia.includes(y) && ib.includes(x)));
      T.listed.add({
        truth: 1,
        found: 1,
        matchedTruth: listed ? 1 : 0,
        matchedFound: listed ? 1 : 0,
        ...(listed ? {} : { missed: [{ article: g.id, what: `${t.a} / ${t.b}: ${ok ? 'apart, but not listed by possibleDuplicates' : 'not kept apart'}` }] }),
      });
    }

    // not_facts
    const factCites = [...a.posts, ...a.events, ...a.statements, ...a.figures, ...a.commitments].map((f) => f.cites);
    const goldEntity = (e: AEntity) => g.people.some((p) => anyName(personNames(p), e.names)) || g.organizations.some((o) => e.names.some((n) => sameName(n, o)));
    for (const nf of g.notFacts) {
      const fragments = nf.text.split(/\s*(?:\.\.\.|…)\s*/);
      // (a person or a body by that name: the program or hospital named after someone is not that someone)
      const named = a.entities.find((e) => (e.kind === 'Person' || e.kind === 'Organization') && e.names.some((n) => fragments.some((f) => sameName(n, f) || sameName(n, f.replace(/\s*\(.*$/, '')))));
      const regions = a.found ? locate(a.text, nf.text) : [];
      // an entity is that text when its passage lies inside it (a person or a body; a place named in passing is
      // no invented actor); a fact rests on it when it covers at least half of the fact's passage
      const inside = (cs: ACite[]) => cs.some((c) => regions.some((r) => c.start >= r.start && c.end <= r.end));
      const covered = (cs: ACite[]) => cs.some((c) => regions.some((r) => Math.min(c.end, r.end) - Math.max(c.start, r.start) >= (c.end - c.start) / 2));
      const hit = named ?? a.entities.find((e) => (e.kind === 'Person' || e.kind === 'Organization') && !goldEntity(e) && inside(e.cites));
      const factHit = hit ? null : factCites.find(covered);
      const ok = !hit && !factHit;
      if (!named && !regions.length) notes.push(`${g.id}: not_fact "${nf.text}" is not quoted in the text; checked by name only`);
      T.notFacts.add({
        truth: 1,
        found: 1,
        matchedTruth: ok ? 1 : 0,
        matchedFound: ok ? 1 : 0,
        ...(ok ? {} : { wrong: [{ article: g.id, what: `"${nf.text}" (${nf.why}) came out as ${hit ? `${hit.kind} ${hit.names[0]}` : 'a fact'}`, passage: short(hit ? hit.cites : factHit!) }] }),
      });
    }

    // citations
    for (const e of a.entities) {
      for (const c of e.cites) {
        const exact = c.start >= 0 && c.end > c.start && c.end <= a.text.length && c.excerpt === a.text.slice(c.start, c.end);
        const words = e.names.flatMap((n) => foldName(n).split(' ')).filter((w) => w.length > 2 || /^[a-z]{2}$/.test(w));
        const named = words.some((w) => ` ${foldName(c.excerpt ?? '')} `.includes(` ${w} `));
        const ok = exact && named;
        T.citations.add({
          truth: 1,
          found: 1,
          matchedTruth: ok ? 1 : 0,
          matchedFound: ok ? 1 : 0,
          ...(ok
            ? {}
            : {
                wrong: [
                  {
                    article: g.id,
                    what: `${e.kind} ${e.names[0]} cited at ${c.start}-${c.end}: ${exact ? 'the passage does not name it' : 'the excerpt is not the text at those offsets'}`,
                    passage: (c.excerpt ?? '').slice(0, 120),
                  },
                ],
              }),
        });
      }
    }
    for (const cs of factCites) {
      for (const c of cs) {
        const ok = c.start >= 0 && c.end > c.start && c.end <= a.text.length && c.excerpt === a.text.slice(c.start, c.end) && /\S/.test(c.excerpt ?? '');
        T.citations.add({
          truth: 1,
          found: 1,
          matchedTruth: ok ? 1 : 0,
          matchedFound: ok ? 1 : 0,
          ...(ok ? {} : { wrong: [{ article: g.id, what: `fact cited at ${c.start}-${c.end}: the excerpt is not the text at those offsets`, passage: (c.excerpt ?? '').slice(0, 120) }] }),
        });
      }
    }

    const rows = FACT_ROWS.map(([k]) => local[k].row());
    articles.push({ id: g.id, rows: [...rows, overall(rows, 'overall')] });
  }

  // links across documents, once every article's events and commitments are matched
  for (const d of deferred) {
    const m = /^seed:(event|commitment):(.+)$/.exec(d.ref);
    const target = m ? nodeId(m[1] === 'event' ? 'Event' : 'Commitment', m[2]!) : (matchedNode.get(d.ref) ?? null);
    const ok = !!d.node && !!target && d.node === target;
    const why = !d.node ? "this article's fact was not extracted" : !target ? `${d.ref} was not extracted` : 'two nodes';
    d.tally.add({ truth: 1, found: d.node && target ? 1 : 0, matchedTruth: ok ? 1 : 0, matchedFound: ok ? 1 : 0, ...(ok ? {} : { missed: [{ article: d.article, what: `${d.label}: ${why}` }] }) });
  }

  const factRows = FACT_ROWS.map(([, t]) => t.row());
  const rows = [
    T.people.row(),
    T.posts.row(),
    T.postDates.row(),
    T.organizations.row(),
    T.facilities.row(),
    T.events.row(),
    T.places.row(),
    T.sameEvent.row(),
    T.statements.row(),
    T.figures.row(),
    T.commitments.row(),
    T.repeats.row(),
    T.temporal.row(),
    T.traps.row(),
    T.listed.row(),
    T.notFacts.row(),
    T.citations.row(),
    overall(factRows, 'overall (fact types)'),
  ];
  return { rows, articles, notes };
}

function overall(rows: Row[], type: string): Row {
  const t = new Tally(type);
  for (const r of rows) t.add(r);
  const row = t.row();
  return { ...row, missed: [], wrong: [] };
}

export function formatReport(report: Report, opts: { details?: boolean; perArticle?: boolean } = {}): string {
  const lines = ['| fact type | gold | extracted (exhaustive) | precision | recall | F1 |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of report.rows) lines.push(`| ${r.type} | ${r.truth} | ${r.found} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} |`);
  if (opts.perArticle !== false) {
    lines.push(
      '',
      '| article | people F1 | posts R | events F1 | statements R | figures F1 | commitments R | overall P | overall R | overall F1 |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const a of report.articles) {
      const by = (t: string) => a.rows.find((r) => r.type === t)!;
      const o = by('overall');
      lines.push(
        `| ${a.id} | ${pct(by('people').f1 ?? by('people').recall)} | ${pct(by('posts').recall)} | ${pct(by('events').f1 ?? by('events').recall)} | ${pct(by('statements').recall)} | ${pct(by('figures').f1 ?? by('figures').recall)} | ${pct(by('commitments').recall)} | ${pct(o.precision)} | ${pct(o.recall)} | ${pct(o.f1)} |`,
      );
    }
  }
  if (opts.details) {
    for (const r of report.rows) {
      if (!r.missed.length && !r.wrong.length) continue;
      lines.push('', `${r.type}:`);
      for (const m of r.missed) lines.push(`  missed  [${m.article}] ${m.what}`);
      for (const w of r.wrong) lines.push(`  wrong   [${w.article}] ${w.what}${w.passage ? `  «${w.passage}»` : ''}`);
    }
    if (report.notes.length) lines.push('', 'notes:', ...report.notes.map((n) => `  ${n}`));
  }
  return lines.join('\n');
}
