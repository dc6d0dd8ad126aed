/**
 * Stage 6: resolution against the graph. Pure: the extraction and the candidates the graph
 * returned in, a mapping out (local key -> existing id, or a new id), with close calls kept as
 * candidate matches for an editor instead of merged silently.
 */
import { slugify } from '../domain/names.js';
import { compareNames, isGenericName } from '../domain/similarity.js';
import { roleKey, sameRoleKey } from '../domain/roles.js';
import { nodeId, type EntityKind } from '../domain/model.js';
import type { Extraction, XEntity, XEvent, XLookalike } from './extract/facts.js';
import { ACT_EVENTS } from './extract/lexicon.js';

export interface EntityCandidate {
  key: string;
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  acronym: string | null;
}

export interface EventCandidate {
  id: string;
  iso: string | null;
  /** the first and last day the date covers; null for an event no document dates */
  start: string | null;
  end: string | null;
  /** the date is the day of a document that told it, not one the text gives */
  inferred: boolean;
  kind: string | null;
  place: string | null;
  venue: string | null;
  /** the buildings its room or venue is part of */
  buildings?: string[];
  participants: string[];
}

export interface CommitmentCandidate {
  id: string;
  /** people who made or repeated it */
  makers: string[];
  concerns: string[];
  targetValues: number[];
  deadline: string | null;
  start: string | null;
}

export interface PostCandidate {
  holder: string;
  id: string;
  role: string;
  organization: string | null;
  jurisdiction: string | null;
}

export interface Resolution {
  /** local entity key -> graph id (existing or new) */
  entities: Map<string, string>;
  /** local keys linked to an existing entity, with the score */
  linked: { key: string; id: string; score: number }[];
  /** new entities that look like an existing one (or like another of the document): kept apart, flagged for review */
  candidates: { key: string; id: string; score: number; evidence?: string }[];
  events: Map<string, string>;
  commitments: Map<string, string>;
  /** local post key -> the graph's post of that holder, role and body (existing or new) */
  posts: Map<string, string>;
}

/** Link when the score reaches this; between REVIEW and LINK, create and flag for review. */
const LINK_SCORE = 0.85;
const REVIEW_SCORE = 0.6;

/** How likely two names are the same entity, 0..1 (domain/similarity.ts states the rule). */
export function nameScore(kind: EntityKind, a: string, b: string, isPlace?: (words: string) => boolean): number {
  return compareNames(kind, a, b, isPlace ? { isPlace } : {}).score;
}

/** A facility written only as its kind, which other documents may write for another one. */
const genericFacility = (e: XEntity) => e.kind === 'Facility' && [e.name, ...e.aliases].every(isGenericName);

function entityScore(e: XEntity, c: EntityCandidate, isPlace?: (words: string) => boolean): number {
  // an acronym read as a body may be a person's known nickname ("AMLO")
  if (e.kind === 'Organization' && c.kind === 'Person' && /^\p{Lu}{3,}$/u.test(e.name) && c.aliases.includes(e.name)) return 0.9;
  // bodies, places, facilities and programs are told apart by rules that can disagree ("Salón Tesorería" a room or a venue)
  const compatible = e.kind === c.kind || (e.kind !== 'Person' && c.kind !== 'Person');
  if (!compatible) return 0;
  // (the acronym of a kind of facility, "UMF", "HGZ", names none of them)
  if (e.acronym && !genericFacility(e) && (c.acronym === e.acronym || c.aliases.includes(e.acronym))) return 0.95;
  let best = 0;
  for (const n of [e.name, ...e.aliases]) for (const m of [c.name, ...c.aliases]) best = Math.max(best, nameScore(e.kind, n, m, isPlace));
  // a facility written only as its kind ("la Unidad de Medicina Familiar") may be any of many: a candidate at most
  if (genericFacility(e)) best = Math.min(best, 0.7);
  return e.kind === c.kind ? best : best * 0.95;
}

/**
 * `scope` is a short key of the document: a new facility written only as its kind gets an id of
 * its own document ("facility:unidad-de-medicina-familiar-3f2a9c1b"), so that another document's
 * "Unidad de Medicina Familiar" is not the same node by its name alone.
 */
export function resolveEntities(
  entities: XEntity[],
  candidates: EntityCandidate[],
  isPlace?: (words: string) => boolean,
  lookalikes: XLookalike[] = [],
  scope = '',
): Pick<Resolution, 'entities' | 'linked' | 'candidates'> {
  const out: Pick<Resolution, 'entities' | 'linked' | 'candidates'> = { entities: new Map(), linked: [], candidates: [] };
  for (const e of entities) {
    const scored = candidates
      .filter((c) => c.key === e.key)
      .map((c) => ({ c, score: entityScore(e, c, isPlace) }))
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (best && best.score >= LINK_SCORE && !(scored[1] && scored[1].score === best.score && scored[1].c.id !== best.c.id)) {
      out.entities.set(e.key, best.c.id);
      out.linked.push({ key: e.key, id: best.c.id, score: best.score });
      continue;
    }
    out.entities.set(e.key, nodeId(e.kind, slugify(genericFacility(e) && scope ? `${e.name} ${scope}` : e.name)));
    if (best && best.score >= REVIEW_SCORE)
      out.candidates.push({ key: e.key, id: best.c.id, score: Number(best.score.toFixed(3)), evidence: compareNames(e.kind, e.name, best.c.name, isPlace ? { isPlace } : {}).why });
  }
  // look-alikes inside the document ("Hospital Ceylán", "Hospital General Ceylán"): apart, and flagged
  for (const [i, a] of entities.entries()) {
    for (const b of entities.slice(i + 1)) {
      if (a.kind !== b.kind || a.kind === 'Place') continue;
      const c = compareNames(a.kind, a.name, b.name, isPlace ? { isPlace } : {});
      const ia = out.entities.get(a.key);
      const ib = out.entities.get(b.key);
      if (c.verdict === 'candidate' && c.score >= REVIEW_SCORE && ia && ib && ia !== ib) out.candidates.push({ key: a.key, id: ib, score: Number(c.score.toFixed(3)), evidence: c.why });
    }
  }
  // entities the text relates so that one may be taken for the other (a facility and the one it replaces)
  for (const l of lookalikes) {
    const ib = out.entities.get(l.b);
    if (ib && out.entities.get(l.a) !== ib && !out.candidates.some((c) => c.key === l.a && c.id === ib)) out.candidates.push({ key: l.a, id: ib, score: REVIEW_SCORE, evidence: l.evidence });
  }
  return out;
}

/**
 * The same event told by another document: the same day and the same people (at least two in
 * common, or one at the same venue), in a compatible place. An event either document does not
 * date needs the same company (four people or more, all of the fewer), or to be an act of the
 * same kind (an appointment, a signing) with most of the same people (three, or all of them); one
 * with no participants read (a publication) needs the same day and kind. An event dated by a document's publication day (inferred, in the text or in
 * the graph) may have happened up to two days before it; a day matched inside a month-wide date
 * counts for less than the same day, and needs two people or the venue.
 */
export function sameEvent(e: XEvent, people: string[], place: string | null, c: EventCandidate, venue: string | null = null): number {
  const shared = people.filter((p) => c.participants.includes(p)).length;
  const here = [place, venue].filter((x): x is string => !!x);
  const there = [c.place, c.venue, ...(c.buildings ?? [])].filter((x): x is string => !!x);
  const placeAgrees = there.some((x) => here.includes(x));
  // another place may be the same one at another scale (Toluca, Estado de México): only many people in common outweigh it
  if (here.length && there.length && !placeAgrees && shared < 3 && e.date?.iso !== c.iso) return 0;
  const overlap = shared / Math.max(1, Math.min(people.length, c.participants.length));
  // an event one side does not date: an act of the same kind (an appointment, a signing) with most of its
  // people, or the same company (gatherings of the same officials recur)
  if (!e.date || !c.start || !c.end) {
    const act = !!c.kind && c.kind === e.kind && ACT_EVENTS.has(e.kind);
    const same = (act && ((shared >= 3 && overlap >= 0.6) || (shared >= 2 && overlap === 1))) || (shared >= 4 && overlap === 1);
    return same ? 0.6 + 0.3 * overlap : 0;
  }
  // an event dated by a publication day (inferred, on either side) may have happened a day or two before it
  const earlier = (iso: string, inferred: boolean) => (inferred && iso.length === 10 ? new Date(Date.parse(`${iso}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10) : iso);
  const n = e.date.iso.length;
  const sameWindow = earlier(e.date.iso, e.date.inferred && e.date.precision === 'day') <= c.end.slice(0, n) && e.date.iso >= earlier(c.start, c.inferred && c.start === c.end).slice(0, n);
  if (!sameWindow) return 0;
  // a day is more telling than a month that contains it
  const loose = c.start !== c.end || e.date.precision !== 'day' ? 0.05 : 0;
  if (people.length === 0 || c.participants.length === 0) return e.date.precision === 'day' && e.date.iso === c.iso && e.kind === c.kind ? 0.8 : 0;
  // two people in common; one is enough at the same venue, and a month-wide date needs the two or the venue
  if (loose && !placeAgrees ? shared < Math.min(2, people.length) : shared < Math.min(placeAgrees ? 1 : 2, people.length, c.participants.length)) return 0;
  return Math.min(1, 0.6 + 0.4 * overlap - loose + (placeAgrees ? 0.05 : 0));
}

export function resolveEvents(x: Extraction, entities: Map<string, string>, candidates: EventCandidate[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of x.events) {
    const people = e.participants.map((p) => entities.get(p.person)!).filter(Boolean);
    const place = e.place ? (entities.get(e.place) ?? null) : null;
    const venue = e.venue ? (entities.get(e.venue) ?? null) : null;
    const best = candidates.map((c) => ({ c, s: sameEvent(e, people, place, c, venue) })).sort((a, b) => b.s - a.s)[0];
    out.set(e.key, best && best.s >= 0.8 ? best.c.id : nodeId('Event', e.key));
  }
  return out;
}

/** Trailing zeros of a whole figure: 44,000 has 3, 44,076 none. */
function trailingZeros(v: number): number {
  let z = 0;
  for (let x = Math.abs(Math.round(v)); x > 0 && x % 10 === 0; x /= 10) z++;
  return z;
}

/** Digits of a figure once trailing zeros are dropped: 53,200,000 has 3, 44,000 has 2, 2.5 has 2. */
function significantDigits(v: number): number {
  const tenths = Math.abs(Math.round(v * 10));
  return String(tenths).length - trailingZeros(tenths);
}

/** Two reported figures agree when equal, or when one is the other rounded ("12 mil" for 12,043). */
export function valuesAgree(a: number, b: number): boolean {
  if (a === b) return true;
  const [round, exact] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
  const r = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  // the rounder one ends in zeros, and the two are within 2 %
  return r <= 0.02 && trailingZeros(round) !== trailingZeros(exact) && Math.max(trailingZeros(a), trailingZeros(b)) >= 2;
}

/**
 * The same promise repeated: made by the same person (when both have a maker), concerning the
 * same things (half of the fewer when one person makes both, else half of the more; places tell
 * nothing of what is promised, nor do the bodies involved when either names facilities or
 * programs), with targets that agree (equal, or one rounded) and the same deadline at the coarser
 * precision; the candidate sharing the largest part wins. Two that name only bodies need the same
 * maker and the same target or deadline as well. The same exact target ("53.2 millones") about a
 * thing in common is a repeat whoever repeats it. Otherwise a new commitment.
 */
/** Facilities and programs say what is promised; a body (the government that promises) says little. */
const specific = (ids: string[]) => ids.filter((id) => id.startsWith('facility:') || id.startsWith('program:'));

export function resolveCommitments(x: Extraction, entities: Map<string, string>, candidates: CommitmentCandidate[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of x.commitments) {
    const concerns = [...new Set(c.concerns.map((k) => entities.get(k)!).filter((id) => id && !id.startsWith('place:')))];
    const values = c.targets.map((t) => x.figures.find((f) => f.key === t)?.value).filter((v): v is number => v !== undefined);
    const makers = x.statements
      .filter((s) => s.commitments.includes(c.key) && s.speaker)
      .map((s) => entities.get(s.speaker!)!)
      .filter(Boolean);
    // the candidate that shares the most of what this one concerns, among those that agree
    const scored = candidates.map((k) => {
      let mine = concerns;
      let theirs = k.concerns.filter((id) => !id.startsWith('place:'));
      // (one that names a facility or program and one that names only bodies promise different things)
      if (specific(mine).length || specific(theirs).length) [mine, theirs] = [specific(mine), specific(theirs)];
      const shared = mine.filter((id) => theirs.includes(id)).length;
      const deadline = c.deadline?.iso;
      // the same maker on both sides: half of the fewer things concerned; a maker unknown on either side: half of the more
      const sameMaker = makers.length > 0 && makers.some((m) => k.makers.includes(m));
      const enough = shared >= 1 && shared * 2 >= (sameMaker ? Math.min(mine.length, theirs.length) : Math.max(mine.length, theirs.length));
      const targetAgrees = values.some((v) => k.targetValues.some((w) => valuesAgree(v, w)));
      const deadlineAgrees = !!deadline && !!k.deadline && (deadline.startsWith(k.deadline) || k.deadline.startsWith(deadline));
      // bodies alone ("el IMSS-Bienestar") say little of what is promised: the same maker and the same target or deadline too
      const onlyBodies = specific(mine).length === 0;
      const agrees =
        enough &&
        (values.length === 0 || k.targetValues.length === 0 || targetAgrees) &&
        (!deadline || !k.deadline || deadlineAgrees) &&
        (makers.length === 0 || k.makers.length === 0 || sameMaker) &&
        (!onlyBodies || (sameMaker && (targetAgrees || deadlineAgrees)));
      // the same exact target ("53.2 millones": three significant digits or more) about the same body, whoever
      // repeats it: a figure that precise is the promise's own
      const allShared = concerns.filter((id) => k.concerns.includes(id)).length;
      const sameExactTarget = allShared >= 1 && values.some((v) => significantDigits(v) >= 3 && k.targetValues.includes(v)) && (!deadline || !k.deadline || deadlineAgrees);
      if (!agrees && sameExactTarget) return { k, score: 0.5 };
      return { k, score: agrees ? shared / Math.max(mine.length, theirs.length) : 0 };
    });
    const match = scored.filter((x) => x.score > 0).sort((x, y) => y.score - x.score)[0]?.k;
    // a report about a promise adds to one the graph holds; alone it is no commitment
    if (match) out.set(c.key, match.id);
    else if (!c.reportOnly) out.set(c.key, nodeId('Commitment', c.key));
  }
  return out;
}

/**
 * One post per holder, role and body: a post the graph holds for the same person, with a role of
 * the same key (roles.ts) in the same body or territory, is the same post; else a new one whose id
 * is made of those three, so that two documents stating it agree on it.
 */
export function resolvePosts(x: Extraction, entities: Map<string, string>, candidates: PostCandidate[]): Map<string, string> {
  const out = new Map<string, string>();
  const slug = (id: string | null) => (id ? id.slice(id.indexOf(':') + 1) : '');
  for (const p of x.posts) {
    const holder = entities.get(p.person)!;
    const org = p.organization ? (entities.get(p.organization) ?? null) : null;
    const jur = p.jurisdiction ? (entities.get(p.jurisdiction) ?? null) : null;
    const sameBody = (c: PostCandidate) => (org && c.organization ? org === c.organization : jur && c.jurisdiction ? jur === c.jurisdiction : !org && !jur && !c.organization && !c.jurisdiction);
    // a post written without its body ("David Pérez, secretario de Salud") is the holder's one post of that role
    const sameRole = candidates.filter((c) => c.holder === holder && sameRoleKey(c.role, p.role));
    const found = sameRole.find(sameBody) ?? (!org && !jur && new Set(sameRole.map((c) => c.id)).size === 1 ? sameRole[0] : undefined);
    out.set(p.key, found?.id ?? nodeId('Post', slugify(`${slug(holder)} ${roleKey(p.role)} ${slug(org ?? jur)}`)));
  }
  return out;
}
