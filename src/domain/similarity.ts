/**
 * When two names are one entity: the rule shared by clustering inside a document, resolution
 * against the graph, and the seed evaluation. Pure.
 *
 * The same entity (merge):
 * - names equal once accents, case and punctuation are folded ("IMSS-Bienestar" ~ "IMSS Bienestar");
 * - a one-letter typo in a long name ("Villareal" ~ "Villarreal");
 * - people: the same given name and every other word of the shorter name in the longer one (a
 *   missing second surname, "Tomás Garibay" ~ "Tomás Garibay Luna"), or an initial for a given
 *   name ("J. Pérez Soto" ~ "Juan Pérez Soto");
 * - bodies, facilities, programs: every word of the shorter name in the longer one with the same
 *   head, the longer adding only places ("Hospital General de Valle de Ceylán" ~ "Hospital
 *   General Valle Ceylán de Tlalnepantla").
 * A candidate for an editor (kept apart, never merged):
 * - the longer name adds a discriminating word: a qualifier or a number ("Hospital Infantil de
 *   Tepic", "Hospital General de Zona No. 12" against "Hospital General"), or names another place;
 * - names close in spelling but not by one letter.
 * Inside one document a person's surnames alone refer back to the full name written there: the same
 * entity. Bodies and facilities get no such allowance ("Hospital Ceylán" and "Hospital General
 * Ceylán" in one story may be two hospitals).
 */
import { distance } from 'fastest-levenshtein';
import type { EntityKind } from './model.js';
import { foldName } from './names.js';

type NameVerdict = 'same' | 'candidate' | 'different';

export interface NameComparison {
  verdict: NameVerdict;
  /** 0..1; `same` from 0.85 up, `candidate` from 0.6 up */
  score: number;
  why: string;
}

export interface CompareOptions {
  /** whether a (folded) word or phrase is a place name; extra place words do not discriminate */
  isPlace?: (words: string) => boolean;
  /** both names are written in one document: a person's surnames alone refer back to the full name */
  sameDocument?: boolean;
}

const STOP = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'en', 'para']);
/**
 * Words of the kind of a body or facility rather than of its name: a name made only of these
 * ("Hospital Regional de Alta Especialidad", "Secretaría de Salud") is one of many, so a longer
 * name that adds a place to it may be another one.
 */
const GENERIC = new Set(
  (
    'hospital general regional alta especialidad especialidades clinica unidad medicina familiar medica centro salud zona instituto ' +
    'secretaria subsecretaria direccion coordinacion servicios sistema nacional estatal municipal federal publica publico oficina ' +
    'comision consejo gobierno ayuntamiento delegacion representacion comunitario integral basico universidad escuela programa'
  ).split(' '),
);
const words = (s: string) =>
  foldName(s)
    .split(' ')
    .filter((w) => w && !STOP.has(w));

/**
 * A name made only of the words of its kind ("Unidad de Medicina Familiar", "Hospital General"):
 * a description that fits many facilities, not the name of one.
 */
export function isGenericName(name: string): boolean {
  const ws = words(name);
  return ws.length > 0 && ws.every((w) => GENERIC.has(w));
}

const same = (score: number, why: string): NameComparison => ({ verdict: 'same', score, why });
const candidate = (score: number, why: string): NameComparison => ({ verdict: 'candidate', score, why });
const different = (score: number, why: string): NameComparison => ({ verdict: 'different', score, why });

export function compareNames(kind: EntityKind, a: string, b: string, opts: CompareOptions = {}): NameComparison {
  const fa = foldName(a);
  const fb = foldName(b);
  if (!fa || !fb) return different(0, 'an empty name');
  if (fa === fb) return same(1, 'the same name once accents, case and punctuation are folded');
  const longest = Math.max(fa.length, fb.length);
  if (longest >= 10 && distance(fa, fb) === 1) return same(0.87, 'one letter apart');
  const wa = words(a);
  const wb = words(b);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (kind === 'Person') {
    if (short.length >= 2 && short[0] === long[0] && short.every((w) => long.includes(w))) return same(0.9, 'the same given name, the shorter name inside the longer');
    // an initial for the given name: "J. Pérez Soto"
    if (short.length >= 2 && short[0]!.length === 1 && long[0]!.startsWith(short[0]!) && short.slice(1).every((w) => long.includes(w))) return same(0.88, 'an initial for the given name');
    if (opts.sameDocument && short.length < long.length && short.every((w) => long.slice(1).includes(w))) return same(0.86, 'the surnames of a person named in full in the same document');
  } else if (short.length >= 2 && short[0] === long[0] && short.every((w) => long.includes(w))) {
    const extra = long.filter((w) => !short.includes(w));
    // an institution's acronym ("del ISSSTE") or a place the shorter name lacks does not tell two apart,
    // unless the shorter name is a generic one (one of many) and the longer adds a place to it
    const acronyms = new Set([a, b].flatMap((n) => n.match(/\b\p{Lu}{2,}\b/gu) ?? []).map((w) => foldName(w)));
    const isPlace = (w: string) => !!opts.isPlace && opts.isPlace(w);
    const placeExtra = extra.length > 0 && isPlace(extra.filter((w) => !acronyms.has(w)).join(' '));
    const compatible = extra.every((w) => acronyms.has(w)) || placeExtra;
    const placeInShort = short.some(isPlace);
    const generic = short.filter((w) => !isPlace(w)).every((w) => GENERIC.has(w));
    if (compatible && placeExtra && placeInShort) return candidate(0.7, `the names give different places (${extra.join(' ')})`);
    if (compatible && placeExtra && generic) return candidate(0.75, `the shorter name is one of many (${short.join(' ')}); the longer adds ${extra.join(' ')}`);
    if (compatible) return same(0.88, `the longer name adds only ${placeExtra ? 'its place' : 'its institution'} (${extra.join(' ')})`);
    return candidate(0.75, `the longer name adds ${extra.join(' ')}, which may tell them apart`);
  }
  // one word apart in names of the same length: "Jóvenes Escribiendo el Futuro" / "Jóvenes Sembrando el Futuro"
  if (wa.length === wb.length && wa.length >= 3 && wa.filter((w, i) => w !== wb[i]).length === 1) return candidate(0.65, 'one word apart');
  const ratio = 1 - distance(fa, fb) / longest;
  if (ratio >= 0.8) return candidate(0.6 + (ratio - 0.8), 'close in spelling');
  return different(ratio * 0.6, 'different names');
}
