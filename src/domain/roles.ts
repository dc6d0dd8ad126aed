/**
 * Roles compared across documents: the same post is written "directora general", "titular",
 * "Director General" or "director". A role's key folds case, accents and gender, and names the
 * head of a body one way; two posts of one body with the same key are the same post. Data, not
 * logic: extend the tables to cover more wordings.
 */
import { foldName } from './names.js';

/** Feminine forms of role words and the form keys use (folded). */
const GENDERED: Record<string, string> = {
  directora: 'director',
  secretaria: 'secretario',
  subsecretaria: 'subsecretario',
  gobernadora: 'gobernador',
  presidenta: 'presidente',
  coordinadora: 'coordinador',
  alcaldesa: 'alcalde',
  jefa: 'jefe',
  delegada: 'delegado',
  senadora: 'senador',
  diputada: 'diputado',
  comisionada: 'comisionado',
  rectora: 'rector',
  ministra: 'ministro',
  consejera: 'consejero',
  vocera: 'vocero',
  tesorera: 'tesorero',
  regidora: 'regidor',
  sindica: 'sindico',
  embajadora: 'embajador',
  administradora: 'administrador',
  subdirectora: 'subdirector',
  electa: 'electo',
  encargada: 'encargado',
  titular: 'titular',
};

const FEMININE = Object.fromEntries(Object.entries(GENDERED).map(([f, m]) => [m, f]));

/**
 * A role in a holder's gender, from the same table: ("Directora General", man) -> "Director General",
 * ("Secretario de Salud", woman) -> "Secretaria de Salud". Only the first word changes; its capital stays.
 */
export function inGender(role: string, feminine: boolean): string {
  const [head = '', ...rest] = role.split(' ');
  const f = foldName(head);
  const to = feminine ? FEMININE[f] : GENDERED[f];
  if (!to || foldName(to) === f) return role;
  // the table is folded: keep the written head's accents and capital, swap only its ending
  const shared = [...f].findIndex((ch, i) => ch !== to[i]);
  const cut = shared < 0 ? f.length : shared;
  const word = head.slice(0, cut) + to.slice(cut);
  return [word, ...rest].join(' ');
}

/** Wordings of "the head of this body": with a body named, they are one post. */
const HEAD_OF_BODY = new Set(['titular', 'director', 'director general', 'directora general', 'encargado de despacho', 'encargado del despacho']);

/** Posts held by several people at once (the rest have one holder at a time). */
const MANY_HOLDERS = new Set([
  'senador',
  'diputado',
  'regidor',
  'consejero',
  'vocal',
  'asesor',
  'sindico',
  'comisionado',
  'ministro',
  'magistrado',
  'coordinador',
  'delegado',
  'subdirector',
  'subsecretario',
]);

/** The key a role is compared by: folded, masculine, the head of a body as "titular". */
export function roleKey(role: string): string {
  const words = foldName(role)
    .split(' ')
    .filter(Boolean)
    .map((w) => GENDERED[w] ?? w);
  const key = words.join(' ');
  return HEAD_OF_BODY.has(key) ? 'titular' : key;
}

/** Whether two roles name the same post of one body ("Directora General" ~ "titular" ~ "director general"). */
export function sameRoleKey(a: string, b: string): boolean {
  return roleKey(a) === roleKey(b);
}

/** Whether a post has one holder at a time, so that a new holder ends the previous one's tenure. */
export function singleHolder(role: string): boolean {
  const first = roleKey(role).split(' ')[0] ?? '';
  return !MANY_HOLDERS.has(first) && !MANY_HOLDERS.has(roleKey(role));
}

/**
 * Whether a role asked for names a post: the same head ("secretario", "presidente electo",
 * "titular") and, when either names a domain after "de", domains whose words one holds all of the
 * other's ("secretario de Educación" asks for "Secretario de Educación Pública"). The head of a
 * body ("director general", "titular") is not the head of a unit inside it ("Titular de la
 * Representación ..."). For questions, not for identity (sameRoleKey).
 */
export function roleAnswers(asked: string, role: string): boolean {
  const split = (r: string) => {
    const words = roleKey(r).split(' ').filter(Boolean);
    const at = words.indexOf('de');
    const head = (at < 0 ? words : words.slice(0, at)).join(' ');
    const domain = at < 0 ? [] : words.slice(at + 1).filter((w) => !['de', 'del', 'la', 'el', 'y', 'e', 'los', 'las', 'para'].includes(w));
    return { head, domain };
  };
  const a = split(asked);
  const b = split(role);
  if (!a.head || a.head !== b.head) return false;
  if (!a.domain.length || !b.domain.length) return !a.domain.length && !b.domain.length;
  return a.domain.every((w) => b.domain.includes(w)) || b.domain.every((w) => a.domain.includes(w));
}
