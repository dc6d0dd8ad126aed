/**
 * Posts the text gives without writing them beside each name, read from the discourse:
 *
 * - rosters: a plural post ("23 gobernadores:", "los gobernadores ...") followed by names, each
 *   with its state after a comma or in parentheses ("- Rosa Ibarra, Sonora"; "Luis Vega
 *   (Durango)"): one post per name, in the holder's gender (from the given name);
 * - national posts: an unqualified "presidente"/"presidenta" is the head of state of the country;
 * - a governor written without a state ("el gobernador Juan Pérez") governs the one state the
 *   document names as governed ("gobernador de Sonora", "Gobierno del Estado de Sonora");
 * - a governor's entourage ("acompañado por el secretario de Salud, ...; la secretaria de
 *   Finanzas, ...") holds posts in that state's government;
 * - an unqualified cabinet secretary ("el secretario de Salud, Ana Ruiz") outside a governor's
 *   entourage, in a document that names no state government, is a post of the federal government.
 *
 * Pure: the text, the mentions and the posts found so far in; the posts completed (and any body
 * or place they point at, added without citations of their own) out. The rules and their
 * words are in the lexicon.
 */
import { foldName, slugify } from '../../domain/names.js';
import type { DateMention } from '../../text/dates.js';
import type { Span } from '../../text/sentences.js';
import type { XDate, XEntity, XPost } from './facts.js';
import {
  AS_POST,
  PROFILE_POST,
  ROLE_WORDS,
  NEW_IN_POST,
  PAST_POST,
  REPLACED_BY,
  REPLACES,
  TAKES_OFFICE,
  AT_THE_HEAD_OF,
  BODY_HEADED_BY,
  HEADS_BODY,
  ENTOURAGE_CUE,
  FEDERAL_GOVERNMENT,
  FEMININE_GIVEN_NAMES,
  MASCULINE_GIVEN_NAMES_IN_A,
  ROSTER_ROLES,
  STATE_GOVERNMENT,
  uword,
} from './lexicon.js';
import type { Mention, Mentions } from './mentions.js';
import { inGender } from '../../domain/roles.js';

export interface PostContext {
  text: string;
  sentences: Span[];
  mentions: Mentions;
  entities: XEntity[];
  keyOf: Map<Mention, string>;
  /** the gazetteer's country name ("México") */
  country: string;
  /** whether a place name is a state */
  isState: (name: string) => boolean;
  /** the title of a state's head of executive where it is not "gobernador" */
  executiveOf: (state: string) => { masculine: string; feminine: string } | null;
  /** the gazetteer's name for a place name, or null */
  canonical: (name: string) => string | null;
  newPostKey: () => string;
  /** dates read in the text (stage 3) */
  dates: DateMention[];
  /** the document's publication date, at its precision */
  published: string | null;
}

const UNQUALIFIED_HEAD = /^(presidente|presidenta)(\s+(electo|electa|de la rep[uú]blica|de m[eé]xico))?$/iu;
const GOVERNOR = /^(gobernador|gobernadora)$/iu;
const CABINET = /^(secretario|secretaria)\s+de\s+/iu;
const entourageRe = uword(ENTOURAGE_CUE);
/** The ministry a secretary's role writes after the word: " de Economía", " de la Función Pública". */
const MINISTRY_IN_ROLE = /^(\s+de\s+(?:la\s+)?\p{Lu}[\p{L}]+(?:\s+(?:y|e|de|del)\s+\p{Lu}[\p{L}]+)*)/u;
const yearOf = (y: string | undefined): XDate | null => (y ? { iso: y, precision: 'year', inferred: false, note: null } : null);

/** A woman's given name: a known one, or one ending in "a" ("Mariela", "Griselda"). */
const feminineName = (name: string) => {
  const first = foldName(name).split(' ')[0] ?? '';
  return FEMININE_GIVEN_NAMES.has(first) || (/a$/.test(first) && !MASCULINE_GIVEN_NAMES_IN_A.has(first));
};

export function completePosts(ctx: PostContext, posts: XPost[]): XPost[] {
  const { text, sentences, mentions: M, entities, keyOf } = ctx;
  const key = (m: Mention | undefined) => (m ? (keyOf.get(m) ?? null) : null);
  /** An entity the text names, else one added without citations (it is implied, not written). */
  const ensure = (kind: XEntity['kind'], name: string): string => {
    const f = foldName(name);
    const found = entities.find((e) => e.kind === kind && [e.name, ...e.aliases].some((n) => foldName(n) === f));
    if (found) return found.key;
    const named = kind === 'Place' ? entities.find((e) => e.kind === 'Place' && ctx.canonical(e.name) !== null && ctx.canonical(e.name) === ctx.canonical(name)) : undefined;
    if (named) return named.key;
    let k = slugify(name);
    while (entities.some((e) => e.key === k)) k += '-2';
    entities.push({ key: k, kind, name, aliases: [], acronym: null, category: kind === 'Place' ? (ctx.isState(name) ? 'state' : 'country') : null, cites: [], confidence: 0.6 });
    return k;
  };
  const roleAfter = (p: XPost) => {
    const c = p.cites[0];
    return c ? text.slice(c.start, c.end) : '';
  };

  /**
   * The post written from `at`: its role word, and the body named right after it ("director del
   * Instituto X") or, for a secretary, the ministry written in the role ("secretaria de Economía").
   */
  const postAt = (at: number, sentenceEnd: number): { role: string; body: Mention | undefined; ministry: boolean; end: number } | null => {
    const word = ROLE_WORDS.find((r) => text.slice(at, at + r.length).toLowerCase() === r && !/\p{L}/u.test(text.charAt(at + r.length)));
    if (!word) return null;
    const wordEnd = at + word.length;
    const body = M.mentions.find((m) => (m.kind === 'Organization' || m.kind === 'Facility') && m.start >= wordEnd && m.start - wordEnd <= 8);
    const ministry = !body && /^(sub)?secretari[oa]$/u.test(word) ? (MINISTRY_IN_ROLE.exec(text.slice(wordEnd, sentenceEnd))?.[1] ?? '') : '';
    return { role: capitalize(text.slice(at, wordEnd) + ministry), body, ministry: ministry !== '', end: body ? body.end : wordEnd + ministry.length };
  };

  // Rosters.
  const out = [...posts];
  const has = (person: string, role: string) => out.some((p) => p.person === person && foldName(p.role) === foldName(role));
  const rosterOf = (s: Span): { singular: string; feminine: string } | null => {
    const f = ` ${foldName(s.text)} `;
    const r = ROSTER_ROLES.find((x) => f.includes(` ${x.plural} `));
    return r ? { singular: r.masculine, feminine: r.feminine } : null;
  };
  let roster: { singular: string; feminine: string; until: number } | null = null;
  sentences.forEach((s, si) => {
    const own = rosterOf(s);
    if (own && /:\s*$/.test(s.text)) roster = { ...own, until: si + 40 };
    const active = own ?? (roster && si <= roster.until ? roster : null);
    if (!active) return;
    let listed = 0;
    for (const m of M.mentions) {
      if (m.kind !== 'Person' || m.start < s.start || m.end > s.end) continue;
      const after = text.slice(m.end, Math.min(s.end, m.end + 60));
      const place = M.mentions.find((p) => p.kind === 'Place' && p.start > m.end && p.start <= m.end + 4 && /^\s*(,|\()\s*$/.test(text.slice(m.end, p.start)) && ctx.isState(p.text));
      if (!place || !/^\s*(,|\()/.test(after)) continue;
      const person = key(m)!;
      // a list of governors names the head of Ciudad de México by that entity's own title
      const executive = GOVERNOR.test(active.singular) ? ctx.executiveOf(place.text) : null;
      const titles = executive ? { singular: executive.masculine, feminine: executive.feminine } : active;
      const role = feminineName(m.text) ? titles.feminine : titles.singular;
      listed++;
      if (has(person, role)) continue;
      out.push({
        key: ctx.newPostKey(),
        person,
        role: capitalize(role),
        organization: null,
        jurisdiction: key(place),
        from: null,
        to: null,
        cites: [{ start: m.start, end: place.end }],
        confidence: 0.7,
      });
    }
    // a list goes on while its lines name people with their states
    if (!own && roster && listed === 0 && !/^\s*[-•*·]/.test(s.text)) roster = null;
  });

  // A profile's past posts, its subject unwritten: "- Ana Ruiz será la nueva secretaria. ... Fue directora del
  // Instituto X (2012-2022) y presidenta de la Academia Y"; "En 2022 fue designada secretaria de Economía".
  for (const [si, s] of sentences.entries()) {
    const cue = PROFILE_POST.exec(s.text);
    if (!cue || M.mentions.some((m) => m.kind === 'Person' && m.start >= s.start && m.end <= s.end && m.start < s.start + cue.index)) continue;
    // the subject: the last person named earlier in the same paragraph
    const paragraphStart = text.lastIndexOf('\n', s.start - 1) + 1;
    const subject = M.mentions.filter((m) => m.kind === 'Person' && m.start >= paragraphStart && m.end <= s.start && m.sentence < si).pop();
    if (!subject) continue;
    const person = key(subject)!;
    const rest = s.text.slice(cue.index + cue[0].length);
    const year = cue[1];
    // the roles in coordination: "director del X (2012-2022) y presidente de la Y"
    for (const part of rest.split(/\s+y\s+(?=\p{Ll})/u).slice(0, 3)) {
      const at = s.start + cue.index + cue[0].length + rest.indexOf(part);
      const post = postAt(at, s.end);
      if (!post) break;
      // a post of a body the text does not name as one is no post we can state
      if (!post.body && !post.ministry) continue;
      if (has(person, post.role)) continue;
      const range = /^\s*(?:\(\s*(\d{4})\s*[-–]\s*(\d{4})\s*\)|,?\s+de\s+(\d{4})\s+a\s+(\d{4})\b)/u.exec(text.slice(post.end, Math.min(s.end, post.end + 30)));
      const from = range ? yearOf(range[1] ?? range[3]) : yearOf(year);
      const to = range ? yearOf(range[2] ?? range[4]) : null;
      out.push({ key: ctx.newPostKey(), person, role: post.role, organization: key(post.body), jurisdiction: null, from, to, cites: [{ start: at, end: post.end }], confidence: 0.6 });
    }
  }

  // An appointment "as" a post: "designó a Ana Ruiz como la nueva titular", "Luis Vega, como secretario de
  // Hacienda": the post named alone belongs to the body the sentence names before it.
  for (const s of sentences) {
    for (const cue of s.text.matchAll(AS_POST)) {
      const at = s.start + cue.index;
      const holder = M.mentions.filter((m) => m.kind === 'Person' && m.start >= s.start && m.end <= at && at - m.end <= 4).pop();
      // "fue designado por Ana Ruiz como secretario": the one who appoints is not the one appointed
      if (!holder || /\bpor\s+$/iu.test(text.slice(Math.max(s.start, holder.start - 5), holder.start))) continue;
      const post = postAt(at + cue[0].length, s.end);
      if (!post) continue;
      // "titular" alone heads the body the sentence names before the holder
      const before =
        !post.body && /^titular$/iu.test(post.role) ? M.mentions.filter((m) => (m.kind === 'Organization' || m.kind === 'Facility') && m.start >= s.start && m.end <= holder.start).pop() : undefined;
      const body = post.body ?? before;
      if (!body && !post.ministry) continue;
      const person = key(holder)!;
      if (has(person, post.role)) continue;
      out.push({ key: ctx.newPostKey(), person, role: post.role, organization: key(body), jurisdiction: null, from: null, to: null, cites: [{ start: holder.start, end: post.end }], confidence: 0.6 });
    }
  }

  // Heads of bodies: "X encabezará la Secretaría de Energía", "Al frente de la SFP estará X", "la Secretaría de Salud, a cargo de X".
  for (const o of M.mentions) {
    if (o.kind !== 'Organization') continue;
    const s = sentences[o.sentence];
    if (!s) continue;
    const before = text.slice(s.start, o.start);
    let holder: Mention | undefined;
    const lead = M.mentions.filter((m) => m.kind === 'Person' && m.sentence === o.sentence && m.end <= o.start).pop();
    if (lead && HEADS_BODY.test(text.slice(lead.end, o.start))) holder = lead;
    if (!holder) {
      const next = M.mentions.find((m) => m.kind === 'Person' && m.sentence === o.sentence && m.start >= o.end && m.start - o.end <= 40);
      if (next && BODY_HEADED_BY.test(text.slice(o.end, next.start)) && (AT_THE_HEAD_OF.test(before) || /a cargo de|encabezada por|dirigida por|que encabeza/iu.test(text.slice(o.end, next.start))))
        holder = next;
    }
    if (!holder) continue;
    const person = key(holder)!;
    const ministry = /^(sub)?secretar[ií]a\s+(de\s+.+)$/iu.exec(o.text);
    const role = ministry ? gendered(`${ministry[1] ? 'Subsecretario' : 'Secretario'} ${ministry[2]!}`, holder.text) : 'Titular';
    if (has(person, role)) continue;
    out.push({
      key: ctx.newPostKey(),
      person,
      role,
      organization: ministry && !ministry[1] ? null : key(o),
      jurisdiction: null,
      from: null,
      to: null,
      cites: [{ start: Math.min(holder.start, o.start), end: Math.max(holder.end, o.end) }],
      confidence: 0.65,
    });
  }

  // "titular de la Secretaría de Salud" is the secretary of health: one wording for one post
  for (const p of out) {
    const body = p.organization ? entities.find((e) => e.key === p.organization) : undefined;
    const ministry = body ? /^secretar[ií]a\s+(de\s+.+)$/iu.exec(body.name) : null;
    if (!ministry || !/^(titular|director|directora)$/iu.test(p.role.trim()) || ministry[1]!.split(/\s+/).some((w) => ctx.isState(w))) continue;
    const holder = M.mentions.find((m) => key(m) === p.person);
    p.role = gendered(`Secretario ${ministry[1]!}`, holder?.text ?? '');
    p.organization = null;
  }

  // The state the document names as governed, when there is exactly one.
  const governed = new Set<string>();
  for (const p of out) if (GOVERNOR.test(p.role) && p.jurisdiction) governed.add(p.jurisdiction);
  for (const r of M.roleReferences) if (GOVERNOR.test(r.role) && r.jurisdiction) governed.add(key(r.jurisdiction)!);
  const governments = M.mentions.filter((m) => m.kind === 'Organization' && STATE_GOVERNMENT.test(m.text));
  const governmentOf = new Map<string, Mention>();
  for (const g of governments) {
    const stateName = g.text.replace(STATE_GOVERNMENT, '');
    if (!ctx.isState(stateName)) continue;
    const place = ensure('Place', ctx.canonical(stateName) ?? stateName);
    governed.add(place);
    governmentOf.set(place, g);
  }
  const state = governed.size === 1 ? [...governed][0]! : null;
  // the state a post "estatal" belongs to: the governed one, else the state of the date line
  const first = sentences[0];
  const datelineState = first ? M.mentions.find((m) => m.kind === 'Place' && m.start >= first.start && m.end <= first.end && m.start - first.start < 80 && ctx.isState(m.text)) : undefined;
  const ownState = state ?? (datelineState ? key(datelineState) : null);
  const stateGovernment = state ? governmentOf.get(state) : undefined;

  for (const p of out) {
    if (p.organization || p.jurisdiction) continue;
    const role = p.role.trim();
    const qualifier = roleAfter(p);
    if (UNQUALIFIED_HEAD.test(role) && !/^\s*(presidente|presidenta)\s+(del?|de la)\s/iu.test(qualifier.replace(/\s+(electo|electa)\b/iu, ''))) {
      p.jurisdiction = ensure('Place', ctx.country);
      continue;
    }
    if (GOVERNOR.test(role) && state) p.jurisdiction = state;
    else if (ownState && /^\s*\S+(?:\s+de\s+\p{L}+)?\s+(estatal|del estado|de la entidad)\b/iu.test(qualifier.slice(0, 60))) p.jurisdiction = ownState;
  }

  // A governor's entourage, sentence by sentence.
  const inEntourage = new Set<XPost>();
  for (const s of sentences) {
    const cue = entourageRe.exec(s.text);
    if (!cue) continue;
    const cueAt = s.start + cue.index;
    const governor = out.find((p) => GOVERNOR.test(p.role) && p.jurisdiction && p.cites.some((c) => c.start >= s.start && c.end <= cueAt));
    if (!governor) continue;
    for (const p of out) {
      if (p === governor || p.organization || p.jurisdiction) continue;
      if (!p.cites.some((c) => c.start >= cueAt && c.end <= s.end)) continue;
      p.jurisdiction = governor.jurisdiction;
      const g = stateGovernment && key(stateGovernment) ? key(stateGovernment) : null;
      // a state cabinet secretary heads that state's ministry ("el secretario de Salud" of Durango: the
      // Secretaría de Salud de Durango, not the federal one), cited where the post is written
      const ministry = CABINET.exec(p.role) ? /^(?:secretari[oa])\s+(de\s+.+)$/iu.exec(p.role.trim()) : null;
      const stateName = entities.find((e) => e.key === governor.jurisdiction)?.name;
      if (ministry && stateName && !/\b(general|particular|técnic[oa]|ejecutiv[oa])\b/iu.test(ministry[1]!)) {
        const body = ensure('Organization', `Secretaría ${ministry[1]!} de ${stateName}`);
        const e = entities.find((x) => x.key === body)!;
        for (const c of p.cites) if (!e.cites.some((x) => x.start === c.start && x.end === c.end)) e.cites.push({ ...c });
        p.organization = body;
      } else if (g) p.organization = g;
      inEntourage.add(p);
    }
  }

  // Unqualified cabinet secretaries of the federal government (or said "federal" in a state's story).
  for (const p of out) {
    if (p.organization || p.jurisdiction || inEntourage.has(p)) continue;
    const said = roleAfter(p);
    const federal = /^\S+(?:\s+de\s+\p{L}+(?:\s+(?:y|e)\s+\p{L}+)?)?\s+federal\b/iu.test(said.slice(said.toLowerCase().indexOf(p.role.split(' ')[0]!.toLowerCase())));
    if (CABINET.test(p.role) && (federal || (!state && !/\b(estatal|del estado)\b/iu.test(said)))) p.organization = ensure('Organization', FEDERAL_GOVERNMENT);
    // "subsecretario de Salud": an under-secretary of the ministry of that domain
    const under = /^subsecretari[oa]\s+de\s+(\p{L}+)$/iu.exec(p.role);
    if (under) p.organization = ensure('Organization', `Secretaría de ${capitalize(under[1]!)}`);
  }
  readTenures(ctx, out, key);
  return out;
}

/**
 * When the text dates a tenure: "a partir del 1 de octubre" and "designado en julio de 2023"
 * start it; "el nuevo titular" starts it by the publication; "quien se desempeñaba como", "era",
 * "el exdirector" end it by then; "en sustitución de Y" and "será sustituido por Y" end one
 * holder's tenure where the other's starts (both by the publication, marked inferred).
 */
function readTenures(ctx: PostContext, posts: XPost[], key: (m: Mention | undefined) => string | null): void {
  const { text, sentences, mentions: M } = ctx;
  const byPublication = (what: string): XDate | null =>
    ctx.published
      ? {
          iso: ctx.published,
          precision: ctx.published.length === 10 ? 'day' : ctx.published.length === 7 ? 'month' : 'year',
          inferred: true,
          note: `${what}; the publication date of the document is used`,
        }
      : null;
  const sentenceOf = (c: { start: number }) => sentences.find((s) => c.start >= s.start && c.start < s.end);
  const extra: XPost[] = [];
  // every passage that states the post, the earliest first; a date the text gives beats one inferred
  for (const [p, cite] of posts.flatMap((p) => p.cites.map((c) => [p, c] as const))) {
    const s = sentenceOf(cite);
    if (!s) continue;
    const around = text.slice(Math.max(s.start, cite.start - 60), Math.min(s.end, cite.end + 20));
    const from = ctx.dates.find((d) => d.start >= s.start && d.end <= s.end && d.role === 'from');
    const taking = TAKES_OFFICE.exec(s.text);
    const pointDate = taking ? ctx.dates.find((d) => d.start >= s.start && d.end <= s.end && d.role === 'point' && !d.inferred && d.start > s.start + taking.index) : undefined;
    const stated = p.from && !p.from.inferred;
    if (!stated && from && !from.inferred) p.from = { iso: from.iso, precision: from.precision, inferred: false, note: null };
    else if (!stated && pointDate) p.from = { iso: pointDate.iso, precision: pointDate.precision, inferred: false, note: null };
    else if (!p.from && NEW_IN_POST.test(around)) p.from = byPublication('the text calls the holder new in the post');
    if (!p.to && PAST_POST.test(text.slice(Math.max(s.start, cite.start - 40), cite.end))) p.to = byPublication('the text says the post was held before');
    // successions: the person replaced held the same post until the other took it
    // (the succession belongs to the post written just before it: "X es el nuevo titular ..., en sustitución de Y")
    const nearest = (cue: RegExpExecArray | null) => {
      if (!cue) return null;
      const at = s.start + cue.index;
      const before = posts.flatMap((q) => q.cites.filter((c) => c.end <= at && at - c.end <= 80 && c.start >= s.start).map((c) => ({ q, c })));
      const last = before.sort((a, b) => b.c.end - a.c.end)[0];
      return last && last.q === p && last.c === cite ? cue : null;
    };
    const replaced = nearest(REPLACES.exec(s.text));
    const by = nearest(REPLACED_BY.exec(s.text));
    const other = (at: number) => M.mentions.find((m) => m.kind === 'Person' && m.start >= s.start + at && m.start - (s.start + at) <= 4);
    const successor = by ? other(by.index + by[0].length) : undefined;
    const predecessor = replaced ? other(replaced.index + replaced[0].length) : undefined;
    const holderName = ctx.entities.find((e) => e.key === p.person)?.name ?? 'the holder';
    if (predecessor && key(predecessor) && key(predecessor) !== p.person) {
      p.from ??= byPublication('the text says the holder replaces another');
      extra.push({
        ...p,
        key: ctx.newPostKey(),
        person: key(predecessor)!,
        role: gendered(p.role, predecessor.text),
        from: null,
        to: byPublication(`replaced by ${holderName}`),
        cites: [{ start: s.start + replaced!.index, end: predecessor.end }],
        confidence: 0.6,
      });
    }
    if (successor && key(successor) && key(successor) !== p.person) {
      p.to ??= byPublication(`replaced by ${successor.text}`);
      extra.push({
        ...p,
        key: ctx.newPostKey(),
        person: key(successor)!,
        role: gendered(p.role, successor.text),
        from: byPublication(`replaces ${holderName}`),
        to: null,
        cites: [{ start: s.start + by!.index, end: successor.end }],
        confidence: 0.6,
      });
    }
  }
  for (const e of extra) if (!posts.some((p) => p.person === e.person && foldName(p.role) === foldName(e.role))) posts.push(e);
}

/** A role in the gender of a holder's given name: "Directora General" for Efrén is "Director General". */
const gendered = (role: string, holder: string) => inGender(role, feminineName(holder));

function capitalize(role: string): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}
