/**
 * What every fact type of one document reads: its entities and their keys, its posts, and who a
 * sentence's subject is when no name is written ("el titular del IMSS", "la mandataria", the last
 * speaker). Built once per document by discourseOf; the modules of events, statements and
 * commitments read it. Pure.
 */
import { foldName } from '../../domain/names.js';
import type { DateMention } from '../../text/dates.js';
import type { Span } from '../../text/sentences.js';
import { clusterEntities } from './entities.js';
import type { FactInput, XDate, XEntity, XPost } from './facts.js';
import { ACCOMPANIED_BY, PARTICIPATION_CUES, SPEECH_VERBS, uword } from './lexicon.js';
import type { BackReference, Mention, Mentions, RoleReference } from './mentions.js';
import { completePosts } from './posts.js';

/** Posts whose holder a "mandatario" or "mandataria" refers to. */
const EXECUTIVE = /^(gobernador|gobernadora|presidente|presidenta|jefe de gobierno|jefa de gobierno)\b(?! municipal)/iu;

export const within = (x: { start: number; end: number }, s: Span) => x.start >= s.start && x.end <= s.end;
const words = (s: string) => foldName(s).split(' ').filter(Boolean);

export function xdate(d: DateMention): XDate {
  return { iso: d.iso, precision: d.precision, inferred: d.inferred, note: d.note };
}

/** "en días pasados", "recientemente": before the publication, day unknown. */
export const VAGUE_PAST = uword(/\b(en días pasados|días atrás|hace unos días|recientemente|la semana pasada|en semanas recientes)\b/iu);

export function vagueDate(published: string | null, what: string): XDate | null {
  return published
    ? {
        iso: published.slice(0, 7),
        precision: 'month',
        inferred: true,
        note: `the text says it happened shortly before the publication, without a day; the month of publication is used for the ${what}`,
      }
    : null;
}

export function publishedDate(published: string | null, what: string): XDate | null {
  return published
    ? {
        iso: published,
        precision: published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year',
        inferred: true,
        note: `not dated in the text; the publication date of the document is used for the ${what}`,
      }
    : null;
}

export const speechRe = uword(new RegExp(`\\b(${SPEECH_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\b`, 'iu'));
export const participationRe = uword(new RegExp(`\\b(${PARTICIPATION_CUES.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\b`, 'iu'));

export interface Discourse {
  input: FactInput;
  text: string;
  sentences: Span[];
  M: Mentions;
  entities: XEntity[];
  keyOf: Map<Mention, string>;
  /** the entity key of a mention */
  key(m: Mention | null | undefined): string | null;
  entity(k: string): XEntity;
  /** a new fact key of the document */
  id(kind: 'post' | 'event' | 'statement' | 'commitment' | 'figure'): string;
  posts: XPost[];
  /** the person the last sentence was about, when no name is written */
  lastPerson: { key: string | null };
  /** who holds a post named alone ("el titular del IMSS") */
  holderOf(ref: RoleReference): string | null;
  /** who a description points back to ("la mandataria") */
  referent(back: BackReference): string | null;
  /** the subject written before a position of a sentence: a name, a post named alone or a description */
  personBefore(s: Span, limit: number): { key: string; confidence: number } | null;
}

export function discourseOf(input: FactInput): Discourse {
  const { text, sentences, mentions: M, docKey } = input;
  const { entities, keyOf } = clusterEntities(M.mentions, input.canonicalPlace ?? (() => null));
  const key = (m: Mention | null | undefined) => (m ? (keyOf.get(m) ?? null) : null);
  const entity = (k: string) => entities.find((e) => e.key === k)!;
  const n = { post: 0, event: 0, statement: 0, commitment: 0, figure: 0 };
  const id = (kind: keyof typeof n) => `${docKey}-${kind}-${++n[kind]}`;

  // Posts: one per (person, role).
  const posts: XPost[] = [];
  for (const r of M.roles) {
    const person = key(r.person)!;
    const same = posts.find((p) => p.person === person && foldName(p.role) === foldName(r.role));
    const organization = key(r.organization);
    const jurisdiction = key(r.jurisdiction);
    if (same) {
      same.cites.push({ start: Math.min(r.start, r.person.start), end: Math.max(r.end, r.person.end) });
      same.organization ??= organization;
      same.jurisdiction ??= jurisdiction;
      continue;
    }
    posts.push({
      key: id('post'),
      person,
      role: r.role,
      organization,
      jurisdiction,
      from: null,
      to: null,
      cites: [{ start: Math.min(r.start, r.person.start), end: Math.max(r.end, r.person.end) }],
      confidence: 0.8,
    });
  }
  posts.splice(
    0,
    posts.length,
    ...completePosts(
      {
        text,
        sentences,
        mentions: M,
        entities,
        keyOf,
        country: input.country ?? 'México',
        isState: (name) => (input.placeKind ?? (() => null))(name) === 'state',
        executiveOf: input.executiveOf ?? (() => null),
        canonical: input.canonicalPlace ?? (() => null),
        newPostKey: () => id('post'),
        dates: input.dates,
        published: input.published,
      },
      posts,
    ),
  );
  const feminine = new Map<string, boolean>();
  for (const r of M.roles) feminine.set(key(r.person)!, r.feminine);
  /** From the posts written beside the name; else null (unknown). */
  const genderOf = (k: string): boolean | null => feminine.get(k) ?? null;

  /** The person a sentence's subject refers to when no name is written: a post named alone, or "la mandataria". */
  const lastPerson: { key: string | null } = { key: null };
  /** The person a post named alone refers to ("el titular del IMSS"): who holds that post here. */
  const ungendered = (w: string | undefined) => (w ?? '').replace(/(o|a)$/, '');
  const orgName = (k: string | null) => (k ? foldName(entity(k).name) : '');
  const holderOf = (ref: RoleReference): string | null => {
    const rw = words(ref.role);
    const sameBody = (p: XPost) => (!ref.organization || p.organization === key(ref.organization)) && (!ref.jurisdiction || p.jurisdiction === key(ref.jurisdiction));
    // "el secretario de Salud" names the holder of a post in the Secretaría de Salud ("titular de la Secretaría de Salud")
    const domain = rw.length > 2 && ['secretari', 'subsecretari'].includes(ungendered(rw[0])) ? `${rw[0]!.startsWith('sub') ? 'subsecretaria' : 'secretaria'} ${rw.slice(1).join(' ')}` : null;
    return (
      (
        posts.find((p) => words(p.role)[0] === rw[0] && sameBody(p)) ??
        posts.find((p) => ungendered(words(p.role)[0]) === ungendered(rw[0]) && words(p.role).slice(1).join(' ') === rw.slice(1).join(' ') && sameBody(p)) ??
        (domain ? posts.find((p) => orgName(p.organization) === domain) : undefined) ??
        (ref.organization ? posts.find((p) => p.organization === key(ref.organization) && /^titular/i.test(ref.role)) : undefined)
      )?.person ?? null
    );
  };
  /** The person a description points back to ("la mandataria"): the governor or president named before, else the last person of that gender. */
  const referent = (back: BackReference): string | null => {
    const earlier = M.mentions.filter((m) => m.kind === 'Person' && m.end <= back.start).reverse();
    const fitsGender = (m: Mention) => back.feminine === null || genderOf(key(m)!) === null || genderOf(key(m)!) === back.feminine;
    const heads = /mandatar/i.test(back.text) ? earlier.filter((m) => fitsGender(m) && posts.some((p) => p.person === key(m) && EXECUTIVE.test(p.role))) : [];
    const fits = heads[0] ?? earlier.find(fitsGender);
    return fits ? key(fits) : lastPerson.key;
  };
  const personBefore = (s: Span, limit0: number): { key: string; confidence: number } | null => {
    // "el gobernador Juan Pérez, acompañado por el secretario de Salud, Ana Ruiz, refrendó...": the subject is before the entourage
    const company = [...s.text.slice(0, limit0 - s.start).matchAll(ACCOMPANIED_BY)].pop();
    const companyAt = company ? s.start + company.index : -1;
    const limit = company && M.mentions.some((m) => m.kind === 'Person' && within(m, s) && m.end <= companyAt) ? companyAt : limit0;
    const named = M.mentions.filter((m) => m.kind === 'Person' && within(m, s) && m.end <= limit).pop();
    const ref = M.roleReferences.filter((r) => r.start >= s.start && r.end <= limit).pop();
    const back = M.backReferences.filter((b) => b.start >= s.start && b.end <= limit).pop();
    const candidates: { at: number; key: string | null; confidence: number }[] = [];
    if (named) candidates.push({ at: named.start, key: key(named), confidence: 0.85 });
    if (ref) candidates.push({ at: ref.start, key: holderOf(ref), confidence: 0.7 });
    if (back) candidates.push({ at: back.start, key: referent(back), confidence: 0.6 });
    const best = candidates.filter((c) => c.key).sort((a, b) => b.at - a.at)[0];
    return best?.key ? { key: best.key, confidence: best.confidence } : null;
  };

  return { input, text, sentences, M, entities, keyOf, key, entity, id, posts, lastPerson, holderOf, referent, personBefore };
}
