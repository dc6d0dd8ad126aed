/**
 * Roles compared across documents: the same post is written "directora general", "titular",
 * "Director General" or "director". A role's key folds case, accents and gender, and names the
 * head of a body one way; two posts of one body with the same key are the same post. Data, not
 * logic: extend the tables to cover more wordings.
 */
import { foldName } from './names.js';

/** Feminine forms of role words and the form keys use (folded). */
const GENDERED: Record<string, string> = {
  directora: 'director', secretaria: 'secretario', subsecretaria: 'subsecretario', gobernadora: 'gobernador', presidenta: 'presidente',
  coordinadora: 'coordinador', alcaldesa: 'alcalde', jefa: 'jefe', delegada: 'delegado', senadora: 'senador', diputada: 'diputado',
  comisionada: 'comisionado', rectora: 'rector', ministra: 'ministro', consejera: 'consejero', vocera: 'vocero', tesorera: 'tesorero',
  regidora: 'regidor', sindica: 'sindico', embajadora: 'embajador', administradora: 'administrador', subdirectora: 'subdirector',
  electa: 'electo', encargada: 'encargado', titular: 'titular',
};

/** Wordings of "the head of this body": with a body named, they are one post. */
const HEAD_OF_BODY = new Set(['titular', 'director', 'director general', 'directora general', 'encargado de despacho', 'encargado del despacho']);

/** Posts held by several people at once (the rest have one holder at a time). */
const MANY_HOLDERS = new Set(['senador', 'diputado', 'regidor', 'consejero', 'vocal', 'asesor', 'sindico', 'comisionado', 'ministro', 'magistrado', 'coordinador', 'delegado', 'subdirector', 'subsecretario']);

/** The key a role is compared by: folded, masculine, the head of a body as "titular". */
export function roleKey(role: string): string {
  const words = foldName(role).split(' ').filter(Boolean).map((w) => GENDERED[w] ?? w);
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
