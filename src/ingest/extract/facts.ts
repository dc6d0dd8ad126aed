/**
 * Stage 5: facts from mentions, dates and quantities: posts, events with participants,
 * statements with speakers, commitments and figures, each with the spans it rests on and a
 * confidence. Pure: the document's text and the earlier stages' output in, facts out.
 *
 * Keys are local to the document (slug of the canonical name for entities, `<doc>-<n>` for
 * facts); the resolution stage maps them onto the graph.
 */
import { foldName, slugify } from '../../domain/names.js';
import { compareNames } from '../../domain/similarity.js';
import type { DateMention } from '../../text/dates.js';
import type { Quantity } from '../../text/numbers.js';
import type { Span } from '../../text/sentences.js';
import { COMMITMENT_CUES, EVENT_CUES, NEGATED_EVENT, NOT_FIGURE_UNITS, NUMBER_IN_NAME, PARTICIPATION_CUES, SPEECH_VERBS, uword } from './lexicon.js';
import type { BackReference, Mention, MentionKind, Mentions, RoleReference } from './mentions.js';
import { completePosts } from './posts.js';

export interface Cite {
  start: number;
  end: number;
}

export interface XDate {
  iso: string;
  precision: 'day' | 'month' | 'year';
  inferred: boolean;
  note: string | null;
}

export interface XEntity {
  key: string;
  kind: MentionKind;
  name: string;
  aliases: string[];
  acronym: string | null;
  category: string | null;
  cites: Cite[];
  confidence: number;
}

/** A post as one document states it; `from`/`to` where the text dates the tenure (or says it is new or over). */
export interface XPost { key: string; person: string; role: string; organization: string | null; jurisdiction: string | null; from: XDate | null; to: XDate | null; cites: Cite[]; confidence: number }
export interface XParticipant { person: string; cites: Cite[] }
export interface XEvent { key: string; kind: string; title: string; date: XDate | null; place: string | null; venue: string | null; participants: XParticipant[]; cites: Cite[]; confidence: number }
export interface XFigure { key: string; value: number; unit: string; counted: string | null; label: string; metric: string; qualifier: string | null; changePercent: number | null; asOf: XDate | null; subject: string | null; cites: Cite[]; confidence: number }
export interface XCommitment { key: string; summary: string; start: XDate | null; deadline: XDate | null; concerns: string[]; targets: string[]; cites: Cite[]; confidence: number }
export interface XStatement { key: string; kind: string; speaker: string | null; event: string | null; date: XDate | null; summary: string; quote: Cite | null; about: string[]; figures: string[]; commitments: string[]; cites: Cite[]; confidence: number }

export interface Extraction {
  entities: XEntity[];
  posts: XPost[];
  events: XEvent[];
  statements: XStatement[];
  commitments: XCommitment[];
  figures: XFigure[];
}

export interface FactInput {
  /** short key of the document, used in fact keys */
  docKey: string;
  text: string;
  sentences: Span[];
  mentions: Mentions;
  dates: DateMention[];
  quantities: Quantity[];
  /** publication date of the document (ISO day) */
  published: string | null;
  /** the gazetteer's name for a place name */
  canonicalPlace?: (name: string) => string | null;
  /** the gazetteer's kind of a place name ('state', 'municipality', 'country'...) */
  placeKind?: (name: string) => string | null;
  /** the gazetteer's name of the country */
  country?: string;
}

/** Posts whose holder a "mandatario" or "mandataria" refers to. */
const EXECUTIVE = /^(gobernador|gobernadora|presidente|presidenta|jefe de gobierno|jefa de gobierno)\b(?! municipal)/iu;

const within = (x: { start: number; end: number }, s: Span) => x.start >= s.start && x.end <= s.end;
const words = (s: string) => foldName(s).split(' ').filter(Boolean);

/** Groups the mentions that name one thing: "Zoé Robledo" and "Zoé Robledo Aburto"; "IMSS" and its long form. */
function clusterEntities(ms: Mention[], canonical: (name: string) => string | null): { entities: XEntity[]; keyOf: Map<Mention, string> } {
  const clusters: { kind: MentionKind; names: Set<string>; mentions: Mention[]; acronym: string | null; category: string | null }[] = [];
  // one rule for "the same entity" (domain/similarity.ts); inside a document a person's surnames refer back to
  // the full name, while "Hospital Ceylán" and "Hospital General Ceylán" in one story may be two hospitals
  const sameName = (a: string, b: string, kind: MentionKind): boolean => {
    if (kind === 'Place') return foldName(canonical(a) ?? a) === foldName(canonical(b) ?? b);
    return compareNames(kind, a, b, { sameDocument: kind === 'Person' }).verdict === 'same';
  };
  for (const m of ms) {
    const c = clusters.find((x) => x.kind === m.kind && ([...x.names].some((n) => sameName(n, m.text, m.kind)) || (x.acronym !== null && (x.acronym === m.text || x.acronym === m.acronym))));
    if (c) {
      c.names.add(m.text);
      c.mentions.push(m);
      c.acronym ??= m.acronym && m.acronym !== m.text ? m.acronym : null;
      c.category ??= m.category;
    } else {
      clusters.push({ kind: m.kind, names: new Set([m.text]), mentions: [m], acronym: m.acronym && m.acronym !== m.text ? m.acronym : null, category: m.category });
    }
  }
  // an acronym cluster defined elsewhere joins its long form
  for (const c of clusters) {
    if (c.names.size === 1 && c.acronym === null) {
      const only = [...c.names][0]!;
      const long = clusters.find((x) => x !== c && x.acronym === only);
      if (long) {
        for (const m of c.mentions) long.mentions.push(m);
        c.mentions = [];
      }
    }
  }
  // A nickname of capitals that spells a person's initials ("AMLO") is that person.
  const initials = (name: string) => name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  for (const c of clusters) {
    const only = [...c.names][0]!;
    if (c.kind !== 'Organization' || c.names.size !== 1 || !/^\p{Lu}{3,6}$/u.test(only)) continue;
    const person = clusters.find((x) => x.kind === 'Person' && [...x.names].some((n) => foldName(initials(n)) === foldName(only)));
    if (person) {
      for (const m of c.mentions) {
        m.kind = 'Person';
        person.mentions.push(m);
      }
      person.names.add(only);
      c.mentions = [];
    }
  }
  const keyOf = new Map<Mention, string>();
  const entities: XEntity[] = [];
  const used = new Set<string>();
  for (const c of clusters.filter((x) => x.mentions.length > 0)) {
    const names = [...new Set(c.mentions.map((m) => m.text))];
    const known = c.kind === 'Place' ? names.map(canonical).find((n): n is string => !!n) : undefined;
    const name = known ?? names.filter((n) => n !== c.acronym).sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? names[0]!;
    let key = slugify(name);
    while (used.has(key)) key += '-2';
    used.add(key);
    // "Beca Jóvenes Construyendo el Futuro" is also called by its own name
    const unheaded = c.kind === 'Program' ? names.map((n) => /^(?:beca|becas|programa|pensión)\s+(?!para\b|de\b|del\b)(\p{Lu}.+\s\S+)$/iu.exec(n)?.[1]).filter((n): n is string => !!n) : [];
    const aliases = [...new Set([...names, ...unheaded, ...(c.acronym ? [c.acronym] : [])])].filter((n) => n !== name);
    for (const m of c.mentions) keyOf.set(m, key);
    entities.push({
      key, kind: c.kind, name, aliases, acronym: c.acronym, category: c.category,
      cites: c.mentions.map((m) => ({ start: m.start, end: m.end })), confidence: c.kind === 'Person' ? 0.8 : 0.75,
    });
  }
  return { entities, keyOf };
}

function xdate(d: DateMention): XDate {
  return { iso: d.iso, precision: d.precision, inferred: d.inferred, note: d.note };
}

/** "en días pasados", "recientemente": before the publication, day unknown. */
const VAGUE_PAST = uword(/\b(en días pasados|días atrás|hace unos días|recientemente|la semana pasada|en semanas recientes)\b/iu);

function vagueDate(published: string | null, what: string): XDate | null {
  return published ? { iso: published.slice(0, 7), precision: 'month', inferred: true, note: `the text says it happened shortly before the publication, without a day; the month of publication is used for the ${what}` } : null;
}

function publishedDate(published: string | null, what: string): XDate | null {
  return published ? { iso: published, precision: published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year', inferred: true, note: `not dated in the text; the publication date of the document is used for the ${what}` } : null;
}

const speechRe = uword(new RegExp(`\\b(${SPEECH_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\b`, 'iu'));
const VENUE_CUE = uword(/\b(en|instalaciones|sede)\b/i);
const OWN_DATE_CUE = uword(/\b(el|este|ayer|hoy)\b/i);
const SAID_CLAUSE = uword(/^[^.;]{0,80}?\bque\s+(.*)$/isu);
const participationRe = uword(new RegExp(`\\b(${PARTICIPATION_CUES.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\b`, 'iu'));
const QUOTE = /[“"«]([^”"»]{12,})[”"»]/u;

/**
 * Whether a quantity is a figure: not a duration or an age, not a bare numeral with nothing
 * counted (a clinic's number, an ordinal, a phone number), not a number inside a name
 * ("Noventa Grados", "Clínica No. 57").
 */
function isFigure(q: Quantity, text: string, s: Span): boolean {
  if (NOT_FIGURE_UNITS.has(q.unit)) return false;
  if (q.unit === 'count' && q.counted === null) return false;
  if (NUMBER_IN_NAME.test(text.slice(Math.max(s.start, q.start - 25), q.start))) return false;
  // a numeral written as a capitalised word inside the sentence, with a capitalised noun: a name
  const midSentence = q.start > s.start && !/[.:!?]\s*$/.test(text.slice(s.start, q.start));
  const inName = /^\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(q.text) && midSentence;
  // "la 42 Sesión Ordinaria": a number before a capitalised (not all-capitals) noun names something
  const beforeName = /^[\d.,]+\s+\p{Lu}\p{Ll}/u.test(q.text);
  return !inName && !beforeName;
}

export function extractFacts(input: FactInput): Extraction {
  const { text, sentences, mentions: M, docKey } = input;
  const { entities, keyOf } = clusterEntities(M.mentions, input.canonicalPlace ?? (() => null));
  const key = (m: Mention | null | undefined) => (m ? keyOf.get(m) ?? null : null);
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
    posts.push({ key: id('post'), person, role: r.role, organization, jurisdiction, from: null, to: null, cites: [{ start: Math.min(r.start, r.person.start), end: Math.max(r.end, r.person.end) }], confidence: 0.8 });
  }
  posts.splice(0, posts.length, ...completePosts({
    text, sentences, mentions: M, entities, keyOf, country: input.country ?? 'México',
    isState: (name) => (input.placeKind ?? (() => null))(name) === 'state', canonical: input.canonicalPlace ?? (() => null), newPostKey: () => id('post'),
    dates: input.dates, published: input.published,
  }, posts));
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
    return (posts.find((p) => words(p.role)[0] === rw[0] && sameBody(p))
      ?? posts.find((p) => ungendered(words(p.role)[0]) === ungendered(rw[0]) && words(p.role).slice(1).join(' ') === rw.slice(1).join(' ') && sameBody(p))
      ?? (domain ? posts.find((p) => orgName(p.organization) === domain) : undefined)
      ?? (ref.organization ? posts.find((p) => p.organization === key(ref.organization) && /^titular/i.test(ref.role)) : undefined))?.person ?? null;
  };
  /** The person a description points back to ("la mandataria"): the governor or president named before, else the last person of that gender. */
  const referent = (back: BackReference): string | null => {
    const earlier = M.mentions.filter((m) => m.kind === 'Person' && m.end <= back.start).reverse();
    const fitsGender = (m: Mention) => back.feminine === null || genderOf(key(m)!) === null || genderOf(key(m)!) === back.feminine;
    const heads = /mandatar/i.test(back.text) ? earlier.filter((m) => fitsGender(m) && posts.some((p) => p.person === key(m) && EXECUTIVE.test(p.role))) : [];
    const fits = heads[0] ?? earlier.find(fitsGender);
    return fits ? key(fits) : lastPerson.key;
  };
  const personBefore = (s: Span, limit: number): { key: string; confidence: number } | null => {
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

  // Events: a sentence naming a gathering opens one; a later one with another date or place opens another.
  const events: XEvent[] = [];
  const eventOfSentence = new Map<number, XEvent>();
  const datelineDate = input.dates.find((d) => d.start < 400 && d.precision === 'day' && !d.inferred);
  // "Toluca. El Presidente..." / "Estado de México, viernes 12 de enero": a place opening a paragraph
  const datelinePlace = M.mentions.find((m) => m.kind === 'Place' && m.start < 1500 && (m.start === 0 || text[m.start - 1] === '\n') && /^[.,]/.test(text.slice(m.end, m.end + 1)));
  let current: XEvent | null = null;
  let pendingCue: [RegExp, string] | null = null;
  sentences.forEach((s, si) => {
    // a sentence saying the gathering did not happen opens none and adds no one to one
    const negated = NEGATED_EVENT.test(s.text);
    const cue = negated ? undefined : EVENT_CUES.find(([re]) => re.test(s.text));
    const people = M.mentions.filter((m) => m.kind === 'Person' && within(m, s));
    const places = M.mentions.filter((m) => m.kind === 'Place' && within(m, s));
    const venue = M.mentions.find((m) => m.kind === 'Facility' && within(m, s) && VENUE_CUE.test(text.slice(Math.max(s.start, m.start - 30), m.start)));
    const date = input.dates.find((d) => within(d, s) && d.role === 'point' && d.precision === 'day');
    const participates = !negated && participationRe.test(s.text);
    if (cue) pendingCue = cue;
    const opens = cue ?? (participates && people.length > 0 && !current ? pendingCue ?? EVENT_CUES.find(([, k]) => k === 'meeting')! : null);
    const referred = [...M.roleReferences, ...M.backReferences].some((r) => r.start >= s.start && r.end <= s.end);
    if (opens && (people.length > 0 || referred || date || places.length > 0 || participates)) {
      const cueKind = opens;
      const place = places.sort((a, b) => (a.category === 'municipality' ? -1 : 0) - (b.category === 'municipality' ? -1 : 0))[0];
      const differs = current && ((date && current.date && !current.date.inferred && current.date.iso !== date.iso) || (cueKind[1] !== current.kind && cueKind[1] !== 'meeting'));
      if (!current || differs) {
        const vague = VAGUE_PAST.test(s.text);
        const when = date ? xdate(date) : vague ? vagueDate(input.published, 'event') : datelineDate ? { ...xdate(datelineDate), inferred: true, note: 'the text does not date the event; the date line of the document is used' } : publishedDate(input.published, 'event');
        current = {
          key: id('event'), kind: cueKind[1], title: '', date: when, place: key(place), venue: key(venue), participants: [],
          cites: [], confidence: date ? 0.75 : 0.6,
        };
        events.push(current);
      }
      current.cites.push({ start: s.start, end: s.end });
      current.place ??= key(place);
      current.venue ??= key(venue);
      current.place ??= key(datelinePlace);
    }
    if (current && (participates || cue)) {
      for (const p of people) {
        const k = key(p)!;
        const have = current.participants.find((x) => x.person === k);
        if (have) have.cites.push({ start: s.start, end: s.end });
        else current.participants.push({ person: k, cites: [{ start: s.start, end: s.end }] });
      }
    }
    if (current) eventOfSentence.set(si, current);
  });
  for (const e of events) {
    const where = e.venue ? entity(e.venue).name : e.place ? entity(e.place).name : null;
    const label = { meeting: 'Reunión', 'press-conference': 'Conferencia de prensa', session: 'Sesión', inauguration: 'Inauguración', agreement: 'Firma de convenio', publication: 'Publicación', appointment: 'Nombramiento' }[e.kind] ?? 'Evento';
    e.title = `${label}${where ? ` en ${where}` : ''}${e.date ? ` (${e.date.iso})` : ''}`;
  }

  // Figures, statements and commitments, sentence by sentence.
  const figures: XFigure[] = [];
  const statements: XStatement[] = [];
  const commitments: XCommitment[] = [];
  let lastSpeaker: string | null = null;
  let lastStatementSentence = -10;
  const mainPlace = M.mentions.find((m) => m.kind === 'Place' && m.category === 'state') ?? M.mentions.find((m) => m.kind === 'Place');
  sentences.forEach((s, si) => {
    const verb = speechRe.exec(s.text);
    const quantities = input.quantities.filter((q) => within(q, s) && isFigure(q, text, s));
    const future = COMMITMENT_CUES.test(s.text);
    // Reported speech goes on after its verb: a sentence right after a statement, in the same
    // paragraph, naming nobody else, is more of what the same speaker said.
    const prev = sentences[si - 1];
    const continues = !verb && lastSpeaker !== null && lastStatementSentence === si - 1 && !!prev && !text.slice(prev.end, s.start).includes('\n')
      && !M.mentions.some((m) => m.kind === 'Person' && within(m, s)) && !M.roleReferences.some((r) => within(r, s)) && s.text.length >= 40;
    if (!verb && quantities.length === 0 && !future && !continues) {
      const p = M.mentions.filter((m) => m.kind === 'Person' && within(m, s)).pop();
      if (p) lastPerson.key = key(p);
      return;
    }
    let speaker: { key: string; confidence: number } | null = null;
    if (verb) {
      const verbAt = s.start + verb.index;
      const verbEnd = verbAt + verb[0].length;
      // ", informó Zoé Robledo, director...": the name right after the verb is the speaker
      const after = M.mentions.find((m) => m.kind === 'Person' && m.start >= verbEnd && /^[\s*_"“]{1,6}$/.test(text.slice(verbEnd, m.start)));
      const inverted = /[,”"»]\s*[*_]*$/.test(text.slice(s.start, verbAt));
      if (after && inverted) speaker = { key: key(after)!, confidence: 0.85 };
      // "..., apuntó la mandataria" / "..., señaló el titular del IMSS"
      if (!speaker && inverted) {
        const back = M.backReferences.find((b) => b.start >= verbEnd && b.start - verbEnd <= 4);
        const ref = M.roleReferences.find((r) => r.start >= verbEnd && r.start - verbEnd <= 8);
        const k = back ? referent(back) : ref ? holderOf(ref) : null;
        if (k) speaker = { key: k, confidence: 0.65 };
      }
      speaker ??= personBefore(s, verbAt);
      // "Destacó el titular de la SSA que...": a sentence opening with the verb has its subject after it
      if (!speaker && /^\s*[¿¡"“]?\s*$/.test(s.text.slice(0, verb.index))) {
        const back = M.backReferences.find((b) => b.start >= verbEnd && b.start - verbEnd <= 4);
        const ref = M.roleReferences.find((r) => r.start >= verbEnd && r.start - verbEnd <= 4);
        const k = after && after.start - verbEnd <= 4 ? key(after) : back ? referent(back) : ref ? holderOf(ref) : null;
        if (k) speaker = { key: k, confidence: 0.7 };
      }
      // "Destacó que...", "Además, informó...": the subject is the last speaker
      if (!speaker && lastSpeaker && /^\s*(?:(?:además|asimismo|también|finalmente|por otra parte|por su parte|en ese sentido|de igual forma)\s*,?\s*)?$/iu.test(s.text.slice(0, verb.index))) {
        speaker = { key: lastSpeaker, confidence: 0.7 };
      }
      if (!speaker && after && !participationRe.test(s.text)) speaker = { key: key(after)!, confidence: 0.7 };
      // Spanish drops the subject: "...y recordó que..." with no one named before the verb is the last
      // speaker, unless an impersonal "se" or a body is the subject.
      const lead = text.slice(s.start, verbAt);
      const referred = [...M.roleReferences, ...M.backReferences].some((r) => r.start >= s.start && r.end <= verbAt);
      if (!speaker && !referred && lastSpeaker && lastStatementSentence >= si - 3 && !/\bse\s*$/iu.test(lead) && !M.mentions.some((m) => m.kind === 'Organization' && m.start >= s.start && m.end <= verbAt && /^\s*[*_]*\s*$/.test(text.slice(m.end, verbAt)))) {
        speaker = { key: lastSpeaker, confidence: 0.6 };
      }
    } else {
      // "La Secretaría de Salud, a cargo de Jorge Alcocer, aplicará...": the person named before the promise makes it
      // (the subject right before the verb: "..., Jorge Alcocer, aplicará")
      const promise = future ? COMMITMENT_CUES.exec(s.text) : null;
      const subject = promise ? M.mentions.filter((m) => m.kind === 'Person' && within(m, s) && m.end <= s.start + promise.index).pop() : undefined;
      if (subject && /^[\s,]{0,3}$/.test(text.slice(subject.end, s.start + promise!.index))) speaker = { key: key(subject)!, confidence: 0.7 };
      // figures reported right after someone spoke continue their report
      if (!speaker && lastSpeaker && lastStatementSentence >= si - 3) speaker = { key: lastSpeaker, confidence: 0.55 };
    }
    const event = eventOfSentence.get(si) ?? null;
    const ownDate = input.dates.find((d) => within(d, s) && d.role === 'point' && d.precision === 'day' && (!input.published || d.iso.slice(0, input.published.length) <= input.published) && OWN_DATE_CUE.test(text.slice(Math.max(s.start, d.start - 12), d.start + 1)));
    // the vague phrase dates the statement only when it modifies the main verb (comes before it)
    const vague = VAGUE_PAST.exec(s.text);
    const vagueMain = vague && (!verb || vague.index < verb.index);
    const date = ownDate ? xdate(ownDate) : vagueMain ? vagueDate(input.published, 'statement') : event?.date ?? publishedDate(input.published, 'statement');
    const subject = M.mentions.filter((m) => m.kind === 'Place' && within(m, s))[0] ?? mainPlace;
    const figs: XFigure[] = quantities.map((q) => ({
      key: id('figure'), value: q.value, unit: q.unit, counted: q.counted, label: q.counted ?? q.text, metric: slugify(`${q.counted ?? q.unit} ${q.unit}`),
      qualifier: q.qualifier, changePercent: q.changePercent, asOf: publishedDate(input.published, 'figure'), subject: key(subject),
      cites: [{ start: q.start, end: q.end }], confidence: 0.85,
    }));
    figures.push(...figs);
    const about = [...new Set(M.mentions.filter((m) => m.kind !== 'Person' && within(m, s)).map((m) => key(m)!))];
    const commitmentKeys: string[] = [];
    if (future) {
      const start = input.dates.find((d) => within(d, s) && d.role === 'from');
      const deadline = input.dates.find((d) => within(d, s) && d.role === 'until');
      // what was said: the clause after "<verb> que", else the sentence
      const clause = verb ? SAID_CLAUSE.exec(s.text.slice(verb.index + verb[0].length)) : null;
      const c: XCommitment = {
        key: id('commitment'), summary: (clause?.[1] ?? s.text).slice(0, 400), start: start ? xdate(start) : null, deadline: deadline ? xdate(deadline) : null,
        concerns: about, targets: figs.map((f) => f.key), cites: [{ start: s.start, end: s.end }], confidence: 0.6,
      };
      commitments.push(c);
      commitmentKeys.push(c.key);
    }
    if (speaker) {
      lastPerson.key = speaker.key;
      lastSpeaker = speaker.key;
      lastStatementSentence = si;
    }
    if (!verb && figs.length === 0 && commitmentKeys.length === 0 && !continues) return;
    const quote = QUOTE.exec(s.text);
    statements.push({
      key: id('statement'), kind: verb ? (/anunci/i.test(verb[0]) ? 'announcement' : /inform|detall|report/i.test(verb[0]) ? 'report' : 'declaration') : 'report',
      speaker: speaker?.key ?? null, event: event?.key ?? null, date, summary: s.text.slice(0, 600),
      quote: quote ? { start: s.start + quote.index + 1, end: s.start + quote.index + 1 + quote[1]!.length } : null,
      about, figures: figs.map((f) => f.key), commitments: commitmentKeys, cites: [{ start: s.start, end: s.end }],
      confidence: speaker ? speaker.confidence * 0.9 : 0.6,
    });
    // a speaker at the event took part in it
    if (speaker && event && !event.participants.some((p) => p.person === speaker!.key)) event.participants.push({ person: speaker.key, cites: [{ start: s.start, end: s.end }] });

    // Reported speech inside reported speech: "recordó que el director del IMSS en días pasados informó
    // que...": a second statement, by the second subject, at its own time.
    if (verb && speaker) {
      const restAt = verb.index + verb[0].length;
      const second = speechRe.exec(s.text.slice(restAt));
      if (second) {
        const at = s.start + restAt + second.index;
        const inner = personBefore({ start: s.start + restAt, end: s.end, text: s.text.slice(restAt) }, at);
        if (inner && inner.key !== speaker.key) {
          const between = s.text.slice(restAt, restAt + second.index);
          const when = VAGUE_PAST.test(between) ? vagueDate(input.published, 'statement') : date;
          const clause = SAID_CLAUSE.exec(s.text.slice(restAt + second.index + second[0].length));
          statements.push({
            key: id('statement'), kind: /anunci/i.test(second[0]) ? 'announcement' : 'report', speaker: inner.key, event: when === date ? event?.key ?? null : null,
            date: when, summary: (clause?.[1] ?? s.text).slice(0, 600), quote: null, about, figures: [], commitments: commitmentKeys,
            cites: [{ start: s.start, end: s.end }], confidence: inner.confidence * 0.8,
          });
        }
      }
    }
  });

  return { entities, posts, events, statements, commitments, ...oneFigurePerMeasure(figures, statements, commitments) };
}

/**
 * The same value of the same thing written twice in one document (a headline and its body) is one
 * figure with both passages; statements and commitments that pointed at the copy point at it.
 */
function oneFigurePerMeasure(figures: XFigure[], statements: XStatement[], commitments: XCommitment[]): { figures: XFigure[] } {
  const kept: XFigure[] = [];
  const renamed = new Map<string, string>();
  for (const f of figures) {
    const same = kept.find((k) => k.value === f.value && k.unit === f.unit && foldName(k.counted ?? '') === foldName(f.counted ?? ''));
    if (same) {
      same.cites.push(...f.cites);
      renamed.set(f.key, same.key);
    } else kept.push(f);
  }
  const map = (keys: string[]) => [...new Set(keys.map((k) => renamed.get(k) ?? k))];
  for (const s of statements) s.figures = map(s.figures);
  for (const c of commitments) c.targets = map(c.targets);
  return { figures: kept };
}
