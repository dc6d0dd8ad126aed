/**
 * Stage 4: mentions of people, organizations, places, facilities and programs, the posts written
 * beside names ("el director general del IMSS, Tomás Garibay"; "la gobernadora Rosa Ibarra"),
 * acronyms defined in the text, and descriptions that point back to a person ("la mandataria").
 *
 * Rule-based on purpose: Spanish NER models do not run offline on Node here, and the genre is
 * regular (titles, appositions, acronyms in parentheses). Pure: text in, mentions out.
 */
import { foldName } from '../../domain/names.js';
import type { Span } from '../../text/sentences.js';
import type { Evidence } from '../evidence.js';
import {
  COPULAS,
  FACILITY_SITE,
  isGivenName,
  LOWER_CASE_BODIES,
  LOWER_CASE_HEADS,
  NAMED_AFTER,
  NOT_NAME_OPENERS,
  ROSTER_ROLES,
  BACK_REFERENCES,
  FACILITY_HEADS,
  GENERIC_BODIES,
  FEMININE_ROLE,
  HONORIFICS,
  NAME_CONNECTORS,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  PROGRAM_HEADS,
  ROLE_WORDS,
} from './lexicon.js';

export type MentionKind = 'Person' | 'Organization' | 'Place' | 'Facility' | 'Program';

export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** facility or place category when known */
  category: string | null;
  /** an acronym the text defines for this name ("Instituto Mexicano del Seguro Social (IMSS)") */
  acronym: string | null;
  sentence: number;
}

interface RoleMention {
  start: number;
  end: number;
  /** the post as written, e.g. "Director General", "Secretaria de Salud" */
  role: string;
  /** the person who holds it */
  person: Mention;
  /** the organization and the place named in the post's qualifier */
  organization: Mention | null;
  jurisdiction: Mention | null;
  feminine: boolean;
  sentence: number;
}

export interface BackReference {
  start: number;
  end: number;
  text: string;
  feminine: boolean | null;
  /** role words in the description ("el titular del IMSS") */
  role: string | null;
  sentence: number;
}

/** A post named without a name beside it ("la gobernadora del Estado de México destacó..."). */
export interface RoleReference {
  start: number;
  end: number;
  role: string;
  organization: Mention | null;
  jurisdiction: Mention | null;
  feminine: boolean;
  sentence: number;
}

export interface Mentions {
  mentions: Mention[];
  roles: RoleMention[];
  roleReferences: RoleReference[];
  backReferences: BackReference[];
}

export interface PlaceLookup {
  /** kind of place ('state', 'municipality', 'country'...) when the name is a known place */
  placeKind(name: string): string | null;
  /** the gazetteer's name for a place ("Oax." -> "Oaxaca"), or null when unknown */
  canonical(name: string): string | null;
}

/** A name, then what joins it to the post written next ("Eva Ruiz es el nuevo"): see COPULAS. */
const NAME_COPULA_BEFORE = new RegExp(
  `(\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:de|del|la|los|y)?\\s*\\p{Lu}[\\p{L}'’-]+){1,5}),?\\s+(?:quien\\s+)?(?:${COPULAS.source})\\s+(?:(?:el|la|nuevo|nueva|actual|virtual|próximo|próxima|futuro|futura)\\s+)*$`,
  'u',
);

/** Capitalised words of bodies and programs that never occur in a person's name. */
const INSTITUTIONAL_WORDS = new Set(
  (
    'sistema salud seguridad social servicios estado federal nacional publico general mexicano mexicana bienestar federalizacion ' +
    'instituto gobierno secretaria republica municipal descentralizado trabajadores seguro atencion modelo programa plan ' +
    'hospital centro oficial federacion comision presidencial consejo direccion coordinacion mexico ciudad norte sur oriente poniente'
  ).split(' '),
);

/** All-caps words that are ordinary words in headers and captions, not acronyms. */
// prettier-ignore
const CAPS_WORDS = new Set(['foto', 'fotos', 'video', 'videos', 'nota', 'aviso', 'boletin', 'prensa', 'hoy', 'urgente', 'comunicado', 'mexico', 'gobierno', 'salud', 'estado', 'servicios', 'de', 'del']);

interface Token {
  start: number;
  end: number;
  text: string;
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}'’]|[-.](?=[\p{L}\p{N}]))*/gu;
const isCap = (t: string) => /^\p{Lu}/u.test(t);
const isAcronym = (t: string) => /^\p{Lu}[\p{Lu}\d]{1,9}(-[\p{L}]+)?$/u.test(t) && t.replace(/[^\p{Lu}]/gu, '').length >= 2;
const startsWithAny = (folded: string, heads: string[]) => heads.find((h) => folded === foldName(h) || folded.startsWith(`${foldName(h)} `));

function capitalizeRole(role: string): string {
  return role.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase()).replace(/(?<=\s)(De|La|Del|El|Para|Los|Las|Y|E)(?=\s|$)/g, (w) => w.toLowerCase());
}

/** "GOBIERNO DEL ESTADO DE MÉXICO" -> "Gobierno del Estado de México"; acronyms ("IMSS-BIENESTAR") stay. */
function titleCase(s: string): string {
  return s
    .split(/(\s+)/)
    .map((w) => {
      if (NAME_CONNECTORS.has(w.toLowerCase())) return w.toLowerCase();
      if (/^\s+$/.test(w) || /-/.test(w) || (/^\p{Lu}+$/u.test(w) && w.length <= 5 && !/[AEIOUÁÉÍÓÚ]{1}.*[AEIOUÁÉÍÓÚ]/u.test(w))) return w;
      const lower = w.toLowerCase();
      return NAME_CONNECTORS.has(lower) ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('')
    .replace(/^./, (c) => c.toUpperCase());
}

function tokens(text: string, span: Span): Token[] {
  const out: Token[] = [];
  for (const m of span.text.matchAll(TOKEN)) out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[0] });
  return out;
}

/** Whether a run of capitalised tokens reads as a person's name. */
function personLike(words: string[]): boolean {
  const ws = words.filter((w) => !HONORIFICS.test(w));
  if (ws.length < 2 || ws.length > 6) return false;
  const folded = foldName(ws.join(' '));
  if (startsWithAny(folded, ORGANIZATION_HEADS) || startsWithAny(folded, PROGRAM_HEADS) || FACILITY_HEADS.some(([h]) => folded.startsWith(foldName(h)))) return false;
  if (ws.some((w) => isAcronym(w))) return false;
  if (!isGivenName(ws[0]!) && ws.some((w) => INSTITUTIONAL_WORDS.has(foldName(w)))) return false;
  const capWords = ws.filter((w) => isCap(w));
  return capWords.length >= 2 && ws.every((w) => isCap(w) || NAME_CONNECTORS.has(w.toLowerCase()));
}

function classify(words: string[], places: PlaceLookup): { kind: MentionKind; category: string | null } | null {
  const text = words.join(' ');
  const folded = foldName(text);
  if (words.length > 1 && words.every((w) => w === w.toUpperCase())) {
    // a header line in capitals names a body only when it starts like one ("GOBIERNO DEL ESTADO DE MÉXICO")
    return startsWithAny(folded, ORGANIZATION_HEADS) && !CAPS_WORDS.has(folded) ? { kind: 'Organization', category: null } : null;
  }
  const facility = FACILITY_HEADS.find(([h]) => folded === foldName(h) || folded.startsWith(`${foldName(h)} `));
  if (facility && words.length > 1) return { kind: 'Facility', category: facility[1] };
  if (startsWithAny(folded, ORGANIZATION_HEADS) && words.length > 1) return { kind: 'Organization', category: null };
  if (startsWithAny(folded, PROGRAM_HEADS) && words.length > 1) return { kind: 'Program', category: null };
  const place = places.placeKind(text);
  if (place) return { kind: 'Place', category: place };
  if (words.length === 1 && isAcronym(words[0]!) && !CAPS_WORDS.has(foldName(words[0]!))) return { kind: 'Organization', category: null };
  if (words.length >= 1 && isAcronym(words[0]!) && /^\p{Lu}+-/u.test(words[0]!)) return { kind: 'Organization', category: null };
  // "IMSS Bienestar", "IMSS – Bienestar": an acronym and a capitalised word that is no place names one body
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    isAcronym(words[0]!) &&
    !CAPS_WORDS.has(foldName(words[0]!)) &&
    words.slice(1).every((w) => isCap(w) && !isAcronym(w) && w !== w.toUpperCase()) &&
    !places.placeKind(words.slice(1).join(' '))
  ) {
    return { kind: 'Organization', category: null };
  }
  if (isGivenName(words[0]!) && personLike(words)) return { kind: 'Person', category: null };
  return null;
}

/** Bodies whose names go on with a purpose ("para ..."). */
const PURPOSE_HEADS = new Set(['comision', 'consejo', 'comite', 'coordinacion', 'fondo', 'instituto', 'sistema', 'junta', 'mesa']);
const HEADED_CONNECTORS = new Set([...NAME_CONNECTORS, 'a', 'y', 'e']);
/** "programas como", "programas sociales, incluyendo", "los programas:": a list of program names follows. */
const PROGRAM_LIST =
  /\b(?:programas|becas)(?:\s+(?:sociales|nacionales|federales|del\s+bienestar|de\s+becas))?\s*(?:,\s*)?(?:como|incluyendo|entre\s+ellos|entre\s+ellas|:)\s+(?:(?:el|la|los|las)\s+)?/iu;
// prettier-ignore
const PROGRAM_NAME_CONNECTORS = new Set(['el', 'la', 'los', 'las', 'de', 'del', 'es', 'para', 'por', 'a', 'al', 'en']);
/** Bodies every state has one of: a state written after them with "en" is theirs. */
const STATE_BODY_HEAD = /^(?:la\s+)?(?:Secretar[ií]a|Subsecretar[ií]a|Fiscal[ií]a|Servicios\s+de\s+Salud)\b/u;
const HEAD_WORDS = new Set([...ORGANIZATION_HEADS, ...PROGRAM_HEADS, ...FACILITY_HEADS.map(([h]) => h)].map((h) => foldName(h).split(' ')[0]!));
const isHead = (w: string) => HEAD_WORDS.has(foldName(w));
/** Whether a run starting with these words names a body, facility or program (which may hold "y", "a"). */
function headed(first: string, second: string | undefined): boolean {
  return isHead(first) && !(foldName(first) === 'estado' && second === 'de');
}

export function findMentions(text: string, sentenceSpans: Span[], places: PlaceLookup, evidence?: Evidence | null): Mentions {
  /** the NLP engine labels exactly this run a person */
  // (or the run less a last surname with a particle the engine left out: "Tadeo Salgado" of "Tadeo Salgado de la O")
  const engineSaysPerson = (start: number, end: number) =>
    !!evidence?.persons.some((p) => p.start === start && (p.end === end || (p.end < end && /^\s+(?:de|del|de\s+la|de\s+las|de\s+los|y)\s+\p{Lu}[\p{L}'’-]*$/u.test(text.slice(p.end, end)))));
  const mentions: Mention[] = [];
  const roles: RoleMention[] = [];
  const backReferences: BackReference[] = [];
  const roleReferences: RoleReference[] = [];
  const add = (m: Mention): number => {
    const same = mentions.findIndex((x) => x.start === m.start && x.end === m.end);
    if (same >= 0) return same;
    mentions.push(m);
    return mentions.length - 1;
  };

  sentenceSpans.forEach((s, si) => {
    const toks = tokens(text, s);
    const folded = ` ${foldName(s.text)} `;
    const inRoster = ROSTER_ROLES.some((r) => folded.includes(` ${r.plural} `));
    // Capitalised runs, joined by connectors, never across punctuation.
    let i = 0;
    while (i < toks.length) {
      const t = toks[i]!;
      // "Estado" opens a name ("Estado de México") even at the start of a sentence
      // "Julio Menchaca": a given name that is also a month opens a name when a capitalised word follows
      const next = toks[i + 1];
      const opensName =
        (t.text === 'Estado' && next?.text === 'de') || (isGivenName(t.text) && !!next && isCap(next.text) && !NOT_NAMES.has(next.text.toLowerCase()) && /^\s+$/.test(text.slice(t.end, next.start)));
      if (!isCap(t.text) || (NOT_NAMES.has(t.text.toLowerCase()) && !opensName)) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < toks.length) {
        const gap = text.slice(toks[j]!.end, toks[j + 1]!.start);
        const next = toks[j + 1]!;
        // "Centro de Investigación, Capacitación y Adiestramiento Tecámac": a list inside a headed name
        // (only when the list goes on to its "y": "Palacio de Gobierno, Garibay presentó" is no list)
        const listed =
          /^,\s+$/.test(gap) &&
          FACILITY_HEADS.some(([h]) => foldName(toks[i]!.text) === foldName(h).split(' ')[0]) &&
          isCap(next.text) &&
          !isHead(next.text) &&
          !places.placeKind(next.text) &&
          !isGivenName(next.text) &&
          /^[\p{L}\s,]{0,60}\s(y|e)\s+\p{Lu}/u.test(text.slice(next.start, Math.min(s.end, next.start + 80)));
        // "IMSS- Bienestar": a hyphenated name broken by a space
        const brokenHyphen = (/^-\s+$/.test(gap) || (/^\s+[-–—]\s+$/.test(gap) && isAcronym(toks[j]!.text))) && isCap(next.text);
        if ((!/^\s+$/.test(gap) && !listed && !brokenHyphen) || gap.includes('\n')) break;
        if (isCap(next.text)) {
          j++;
          continue;
        }
        // connectors: "Instituto Mexicano del Seguro Social", "Hospital General de Valle de Ceylán"
        let k = j + 1;
        const connectors = headed(toks[i]!.text, toks[i + 1]?.text) ? HEADED_CONNECTORS : NAME_CONNECTORS;
        while (k < toks.length && connectors.has(toks[k]!.text.toLowerCase()) && /^\s+$/.test(text.slice(toks[k - 1]!.end, toks[k]!.start))) k++;
        // "Gobierno de México y del IMSS Bienestar": "y del" joins two bodies, not two words of one name
        const coordination = toks.slice(j + 1, k).some((t, n, all) => ['y', 'e'].includes(t.text) && ['del', 'de', 'la', 'los', 'las', 'el'].includes(all[n + 1]?.text ?? ''));
        if (coordination) break;
        if (
          k > j + 1 &&
          k < toks.length &&
          isCap(toks[k]!.text) &&
          !(connectors === HEADED_CONNECTORS && (foldName(toks[k]!.text) === foldName(toks[i]!.text) || FACILITY_HEADS.some(([h]) => foldName(h).split(' ')[0] === foldName(toks[k]!.text)))) &&
          /^\s+$/.test(text.slice(toks[k - 1]!.end, toks[k]!.start)) &&
          (connectors === HEADED_CONNECTORS || !['y', 'e'].includes(toks[k - 1]!.text))
        ) {
          j = k;
          continue;
        }
        // a body's purpose is part of its name: "Comisión Presidencial para las acciones de seguimiento del Plan ..."
        if (toks.slice(i, j + 1).some((t) => PURPOSE_HEADS.has(foldName(t.text))) && next.text === 'para') {
          let p = j + 2;
          while (p < toks.length && p - j <= 7 && !isCap(toks[p]!.text) && /^\s+$/.test(text.slice(toks[p - 1]!.end, toks[p]!.start))) p++;
          if (p < toks.length && p - j <= 7 && isCap(toks[p]!.text) && /^\s+$/.test(text.slice(toks[p - 1]!.end, toks[p]!.start)) && NAME_CONNECTORS.has(toks[p - 1]!.text.toLowerCase())) {
            j = p;
            continue;
          }
        }
        break;
      }
      const words = toks.slice(i, j + 1).map((x) => x.text);
      // "Julián Ortega Ríos, Durango" in a roster: a name with its state after it is a person
      const stateAfter = /^\s*(?:,|\()\s*(\p{Lu}[\p{L}.]*(?:\s+(?:de|del|la)?\s*\p{Lu}[\p{L}.]*)*)\s*\)?\s*(?:$|[,;.\-–—•]|\s(?:y|e)\s)/u.exec(
        text.slice(toks[j]!.end, Math.min(s.end, toks[j]!.end + 40)),
      );
      // (only in a roster: a sentence naming the post in the plural, or a bulleted line; "Villa Serena, Durango.-" is a dateline)
      const rostered =
        words.length >= 2 &&
        words.length <= 5 &&
        personLike(words) &&
        !!stateAfter &&
        places.placeKind(stateAfter[1]!) === 'state' &&
        !places.placeKind(words.join(' ')) &&
        (inRoster || /[-•*·]\s+$/u.test(text.slice(Math.max(s.start, toks[i]!.start - 3), toks[i]!.start)));
      const byEngine = !rostered && words.length >= 2 && personLike(words) && !NOT_NAME_OPENERS.test(words[0]!) && engineSaysPerson(toks[i]!.start, toks[j]!.end) && !places.placeKind(words.join(' '));
      const guess = rostered ? { kind: 'Person' as const, category: null } : (classify(words, places) ?? (byEngine ? { kind: 'Person' as const, category: null } : null));
      // the person a scholarship, a hospital or a street is named after is not an actor
      const namedAfter = guess?.kind === 'Person' && NAMED_AFTER.test(text.slice(Math.max(s.start, toks[i]!.start - 60), toks[i]!.start));
      // "el antiguo hospital Presidente Benito Juárez", "la beca Jóvenes Escribiendo el Futuro": a head in lower case names the run
      const lowerHead = /\b(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(s.start, toks[i]!.start - 12), toks[i]!.start));
      const head = lowerHead ? LOWER_CASE_HEADS[lowerHead[1]!] : undefined;
      const byLowerHead = head && (guess === null || namedAfter) && words.length >= 2 ? head : null;
      const c = byLowerHead ?? (namedAfter ? null : guess);
      if (c) {
        const start = byLowerHead ? toks[i]!.start - lowerHead![0].length : toks[i]!.start;
        // a facility's number is part of its name: "Clínica No. 12", "Hospital General de Zona 8", "Unidad de Medicina Familiar número 31"
        const afterNo = /^(No|Núm|Num|N[°º])$/u.test(toks[j]!.text);
        const numbered =
          c.kind === 'Facility' ? (afterNo ? /^\.?\s*\d+\b/u : /^\s*(?:(?:No|Núm|Num|N[°º])\.?\s*|número\s+)?\d+\b/u).exec(text.slice(toks[j]!.end, Math.min(s.end, toks[j]!.end + 16))) : null;
        const baseEnd = toks[j]!.end + (numbered ? numbered[0].length : 0);
        const acr = /^\s*\(([\p{Lu}][\p{L}\d-]{1,15})\)/u.exec(text.slice(baseEnd, baseEnd + 20));
        // a facility's institution and town are part of its name, past its acronym: "Hospital Regional de Alta
        // Especialidad (HRAE) del ISSSTE en Durango" is not the one "en Sinaloa"
        // a facility named after someone or something, in quotes: Hospital General "Dr. Ignacio Morones Prieto"
        // (past its acronym too: la Unidad de Medicina Familiar (UMF) "Villa Unión")
        const quoted = c.kind === 'Facility' ? /^(?:\s*\([\p{Lu}][\p{L}\d-]{1,15}\))?\s*[“"«]([^”"»\n]{3,60})[”"»]/u.exec(text.slice(baseEnd, Math.min(s.end, baseEnd + 90))) : null;
        const sited = c.kind === 'Facility' && !quoted ? FACILITY_SITE.exec(text.slice(baseEnd, Math.min(s.end, baseEnd + 80))) : null;
        const siteOk = !!sited && !!sited[0].trim() && (!sited[3] || !!places.placeKind(sited[3]));
        // a state's ministry: "la Secretaría de Salud en Durango" is the Secretaría de Salud de Durango, not the federal one
        const stateBody =
          c.kind === 'Organization' && STATE_BODY_HEAD.test(text.slice(start, baseEnd))
            ? /^\s+en\s+(?:el\s+estado\s+de\s+)?(\p{Lu}\p{Ll}+(?:\s+(?:de\s+)?\p{Lu}\p{Ll}+){0,2})/u.exec(text.slice(baseEnd, Math.min(s.end, baseEnd + 40)))
            : null;
        const stateOk = !!stateBody && places.placeKind(stateBody[1]!) === 'state';
        const end = quoted ? baseEnd + quoted[0].length : siteOk ? baseEnd + sited![0].length : stateOk ? baseEnd + stateBody![0].length : baseEnd;
        const raw = (t: string) => (byLowerHead ? t.charAt(0).toUpperCase() + t.slice(1) : t);
        const surface0 = quoted
          ? `${text.slice(start, baseEnd)} ${quoted[1]!.trim()}`
          : stateOk
            ? `${text.slice(start, baseEnd)} de ${stateBody![1]!}`
            : text.slice(start, baseEnd) + (siteOk ? text.slice(baseEnd + (sited![1]?.length ?? 0), end) : '');
        const surface = raw(surface0);
        add({
          start,
          end,
          text: surface === surface.toUpperCase() && words.length > 1 ? titleCase(surface) : surface,
          kind: c.kind,
          category: c.category,
          acronym: acr && isAcronym(acr[1]!) ? acr[1]! : null,
          sentence: si,
        });
        if (numbered || siteOk || quoted || stateOk) while (j + 1 < toks.length && toks[j + 1]!.start < end) j++;
      } else if (words.length > 1) {
        // a run that is not a known kind may still hold one: "Estado de México" inside "Reunión Estado de México"
        for (let a = i + 1; a <= j; a++) {
          const sub = toks.slice(a, j + 1).map((x) => x.text);
          const cc = classify(sub, places);
          if (cc && cc.kind !== 'Person') {
            add({ start: toks[a]!.start, end: toks[j]!.end, text: text.slice(toks[a]!.start, toks[j]!.end), kind: cc.kind, category: cc.category, acronym: null, sentence: si });
            break;
          }
        }
      }
      i = j + 1;
    }

    // Programs named in a list after the word ("programas como Sembrando Vida y La Escuela es Nuestra"):
    // each capitalised item is a program, whatever else its words could name (a town, a person).
    const listCue = PROGRAM_LIST.exec(s.text);
    if (listCue) {
      let at = s.start + listCue.index + listCue[0].length;
      for (const item of text.slice(at, s.end).split(/(,\s+|\s+(?:y|e)\s+)/u)) {
        const isSep = /^(,\s+|\s+(?:y|e)\s+)$/u.test(item);
        if (!isSep) {
          const ws = item.trim().split(/\s+/u);
          const nameLike = ws.length >= 1 && ws.length <= 6 && /^\p{Lu}/u.test(ws[0]!) && ws.every((w) => /^\p{Lu}/u.test(w) || PROGRAM_NAME_CONNECTORS.has(w)) && /^\p{Lu}/u.test(ws[ws.length - 1]!);
          if (!nameLike) break;
          const start = at + item.indexOf(ws[0]!);
          const end = start + item.trim().length;
          for (let k = mentions.length - 1; k >= 0; k--) if (mentions[k]!.start >= start && mentions[k]!.end <= end && mentions[k]!.kind !== 'Program') mentions.splice(k, 1);
          if (!mentions.some((x) => x.start < end && start < x.end)) add({ start, end, text: text.slice(start, end), kind: 'Program', category: null, acronym: null, sentence: si });
        }
        at += item.length;
      }
    }

    // Bodies written in lower case ("el gobierno federal").
    for (const m of s.text.matchAll(LOWER_CASE_BODIES)) {
      const start = s.start + m.index;
      if (!mentions.some((x) => start < x.end && x.start < start + m[0].length))
        add({ start, end: start + m[0].length, text: m[0], kind: 'Organization', category: null, acronym: null, sentence: si });
    }

    // Posts written beside names.
    const lower = s.text.toLowerCase();
    for (const role of ROLE_WORDS) {
      let from = 0;
      for (;;) {
        const at = lower.indexOf(role, from);
        if (at < 0) break;
        from = at + role.length;
        if (at > 0 && /\p{L}/u.test(lower[at - 1]!)) continue;
        if (/\p{L}/u.test(lower[at + role.length] ?? '')) continue;
        const absStart = s.start + at;
        if (roles.some((r) => absStart >= r.start && absStart < r.end)) continue; // inside a longer role
        readRole(text, s, si, absStart, absStart + role.length, role, mentions, add, roles, roleReferences, places);
      }
    }

    for (const [re, gender] of BACK_REFERENCES) {
      for (const m of s.text.matchAll(new RegExp(re.source, 'giu'))) {
        const start = s.start + m.index;
        backReferences.push({ start, end: start + m[0].length, text: m[0], feminine: gender === 'f', role: /titular/i.test(m[0]) ? 'titular' : null, sentence: si });
      }
    }
  });

  // A post written in capitals ("la Secretaria de Salud, Macarena...") is a post, not a mention of a body;
  // legal forms ("Órgano Público Descentralizado") name no body.
  const genericAcronyms = new Set(mentions.filter((m) => m.acronym && GENERIC_BODIES.has(foldName(m.text))).map((m) => m.acronym!));
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.kind !== 'Organization') continue;
    if (genericAcronyms.has(m.text)) {
      mentions.splice(k, 1);
      continue;
    }
    const isPost = roles.some((r) => r.start === m.start && foldName(r.role) === foldName(m.text)) || roleReferences.some((r) => r.start === m.start && foldName(r.role) === foldName(m.text));
    if (isPost || GENERIC_BODIES.has(foldName(m.text))) mentions.splice(k, 1);
  }
  // Words inside a post ("Presidente de la República") are not mentions of their own.
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.kind !== 'Person' && roles.some((r) => m.start >= r.start && m.end <= r.start + r.role.length + 2 && !r.organization && !r.jurisdiction) && /^rep[uú]blica$/i.test(m.text))
      mentions.splice(k, 1);
  }
  // A surname alone ("Garibay detalló") names the person named in full elsewhere in the text.
  const surnames = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.kind !== 'Person') continue;
    const ws = m.text.split(/\s+/).filter((w) => isCap(w) && !HONORIFICS.test(w));
    for (const w of ws.slice(1)) if (w.length > 3 && !isGivenName(w)) surnames.set(w, m);
  }
  sentenceSpans.forEach((s, si) => {
    const toks = tokens(text, s);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (!surnames.has(t.text) || mentions.some((m) => t.start >= m.start && t.end <= m.end)) continue;
      let j = i; // "Santibáñez Cruz": both surnames, one mention
      while (j + 1 < toks.length && surnames.get(toks[j + 1]!.text) === surnames.get(t.text) && /^\s+$/.test(text.slice(toks[j]!.end, toks[j + 1]!.start))) j++;
      // "Cabañas Ruiz": a surname that is also a place's name is the surname here
      for (let k = mentions.length - 1; k >= 0; k--) if (mentions[k]!.kind === 'Place' && mentions[k]!.start >= t.start && mentions[k]!.end <= toks[j]!.end) mentions.splice(k, 1);
      add({ start: t.start, end: toks[j]!.end, text: text.slice(t.start, toks[j]!.end), kind: 'Person', category: null, acronym: null, sentence: si });
      i = j;
    }
  });

  // Acronyms defined once name the organization wherever they recur.
  const byAcronym = new Map<string, Mention>();
  for (const m of mentions) if (m.acronym) byAcronym.set(m.acronym, m);
  for (const m of mentions) if (m.kind === 'Organization' && byAcronym.has(m.text) && !m.acronym) m.acronym = m.text;
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, roles, roleReferences, backReferences };
}

function readRole(
  text: string,
  s: Span,
  si: number,
  roleStart: number,
  roleEnd: number,
  role: string,
  mentions: Mention[],
  add: (m: Mention) => number,
  roles: RoleMention[],
  roleReferences: RoleReference[],
  places: PlaceLookup,
): void {
  const before = text.slice(Math.max(s.start, roleStart - 80), roleStart);
  const article = /(?:^|\s)(el|la|los|las|del|de la|al|a la|como|su calidad de|nuevo|nueva)\s+(?:(?:virtual|nuevo|nueva|actual|próximo|próxima|futuro|futura)\s+)?$/i.exec(before);
  // "Tomás Garibay, director general del IMSS"; "Eva Ruiz es el nuevo subsecretario"; "Tadeo Salgado, fue
  // designado por la gobernadora como el nuevo secretario de Salud"
  const prevName =
    /(\p{Lu}[\p{L}'’-]+(?:\s+(?:de|del|la|los|y)?\s*\p{Lu}[\p{L}'’-]+){1,5}),\s+(?:(?:el|la|quien es|en su calidad de|actual|virtual|nuevo|nueva)\s+)*$/u.exec(before) ??
    NAME_COPULA_BEFORE.exec(before);
  // "ROLE NAME" ("la gobernadora Rosa Ibarra") or "ROLE qualifier, NAME" ("el director general del IMSS, Tomás Garibay")
  const rest = text.slice(roleEnd, Math.min(s.end, roleEnd + 200));
  const NAME =
    /^(?:(?:doctora?|licenciad[oa]|maestr[oa]|ingenier[oa]|profesora?|el|la)\s+)?((?:(?:Lic|Dr|Dra|Mtro|Mtra|Ing)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:de|del|la|los|y)\s+)?\p{Lu}[\p{L}'’-]+){1,5})/u;
  let qualifier = '';
  let nameAt = -1;
  let nameText = '';
  const direct = /^\s+/.exec(rest) ? NAME.exec(rest.trimStart()) : null;
  if (direct && personLike(direct[1]!.split(/\s+/))) {
    nameAt = roleEnd + (rest.length - rest.trimStart().length) + direct[0].length - direct[1]!.length;
    nameText = direct[1]!;
  } else {
    const comma = /^([^,;.]*(?:\.[^\s,;][^,;.]*)*),\s*/.exec(rest);
    if (comma) {
      qualifier = comma[1]!;
      const n = NAME.exec(rest.slice(comma[0].length));
      const at = n ? roleEnd + comma[0].length + n[0].length - n[1]!.length : -1;
      // after a comma the name must read as a person's ("Desarrollo Agrario, Territorial y Urbano" is the post's own list)
      const known = n ? isGivenName(n[1]!.split(/\s+/).find((w) => !HONORIFICS.test(w)) ?? '') || mentions.some((m) => m.kind === 'Person' && m.start === at) || !/\s(y|e)\s/.test(n[1]!) : false;
      if (n && known && personLike(n[1]!.split(/\s+/))) {
        nameAt = at;
        nameText = n[1]!;
      }
    } else {
      qualifier = /^[^,;.]*/.exec(rest)?.[0] ?? '';
    }
  }
  const qualEnd = roleEnd + qualifier.length;
  let personIdx = -1;
  let end = qualEnd;
  if (article && nameAt >= 0) {
    personIdx = add({ start: nameAt, end: nameAt + nameText.length, text: nameText, kind: 'Person', category: null, acronym: null, sentence: si });
    end = nameAt + nameText.length;
  } else if (prevName && personLike(prevName[1]!.split(/\s+/))) {
    const nStart = roleStart - before.length + prevName.index;
    personIdx = add({ start: nStart, end: nStart + prevName[1]!.length, text: prevName[1]!, kind: 'Person', category: null, acronym: null, sentence: si });
  }
  // Domain words of the post ("secretaria de Salud") stay in the role; bodies and places become links.
  const inQual = mentions.filter((m) => m.start >= roleEnd && m.end <= qualEnd && m.kind !== 'Person');
  const org = inQual.filter((m) => m.kind === 'Organization').pop();
  const place = inQual.find((m) => m.kind === 'Place');
  let roleText = text.slice(roleStart, roleEnd);
  // the post's domain: capitalised words after "de", up to the body or place the qualifier names
  // ("de Seguridad y Protección Ciudadana", "de Educación Pública", "de Salud" in "de Salud de Durango")
  const firstLink = Math.min(...[org, place].filter((m): m is Mention => !!m).map((m) => m.start - roleEnd), qualifier.length);
  const domain = /^\s+de\s+(\p{Lu}\p{Ll}+(?:\s+(?:(?:y|e|de|del|de la|para la|para el|para)\s+)?\p{Lu}\p{Ll}+)*)(?=$|[\s,])/u.exec(qualifier.slice(0, firstLink).replace(/\s+(de|del|de la)\s*$/u, ''));
  const capitalRun = /^\s+de\s+(\p{Lu}[\p{L}]+(?:\s+(?:de\s+|del\s+)?\p{Lu}[\p{L}]+)*)/u.exec(qualifier)?.[1] ?? '';
  // "secretario de Salud del Gobierno de México": the domain stays in the role when the body comes after it
  const bodyAfterDomain = !!domain && [org, place].every((m) => !m || m.start >= roleEnd + domain[0].length);
  if (domain && bodyAfterDomain && !places.placeKind(domain[1]!) && !places.placeKind(capitalRun)) roleText += ` de ${domain[1]!}`;
  else if (/^\s+(para|de|del)\s+(la|el)?\s*\p{Lu}/u.test(qualifier) && !org && !place && /comisionad|coordinad|titular|represent/i.test(role)) roleText += qualifier.replace(/\s+$/, '');
  const feminine = FEMININE_ROLE.test(role.split(' ')[0]!);
  if (personIdx < 0) {
    // a post named alone: it ends with the body or place right after it ("el titular del IMSS")
    const of = /^\s+(?:de|del|de la|de los)\s+/u.exec(text.slice(roleEnd, roleEnd + 12));
    const named = of ? mentions.find((m) => m.start === roleEnd + of[0].length) : undefined;
    if (article)
      roleReferences.push({
        start: roleStart,
        end: named ? named.end : roleEnd,
        role: capitalizeRole(roleText),
        organization: named?.kind === 'Organization' ? named : null,
        jurisdiction: named?.kind === 'Place' ? named : null,
        feminine,
        sentence: si,
      });
    return;
  }
  roles.push({
    start: roleStart,
    end: Math.max(end, qualEnd),
    role: capitalizeRole(roleText),
    person: mentions[personIdx]!,
    organization: org ?? null,
    jurisdiction: place ?? null,
    feminine,
    sentence: si,
  });
}
