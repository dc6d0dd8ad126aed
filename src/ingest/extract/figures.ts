/**
 * Figures: which quantities of a sentence are figures, and one figure per measure in a document.
 * Pure.
 */
import { foldName } from '../../domain/names.js';
import type { Quantity } from '../../text/numbers.js';
import type { Span } from '../../text/sentences.js';
import type { XCommitment, XFigure, XStatement } from './facts.js';
import { NOT_FIGURE_UNITS, NUMBER_IN_NAME } from './lexicon.js';

/**
 * Whether a quantity is a figure: not a duration or an age, not a bare numeral with nothing
 * counted (a clinic's number, an ordinal, a phone number), not a number inside a name
 * ("Noventa Grados", "Clínica No. 57").
 */
export function isFigure(q: Quantity, text: string, s: Span): boolean {
  if (NOT_FIGURE_UNITS.has(q.unit)) return false;
  if (q.unit === 'count' && q.counted === null) return false;
  if (NUMBER_IN_NAME.test(text.slice(Math.max(s.start, q.start - 25), q.start))) return false;
  // a numeral written as a capitalised word inside the sentence, with a capitalised noun: a name
  const midSentence = q.start > s.start && !/[.:!?]\s*$/.test(text.slice(s.start, q.start));
  const inName = /^\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(q.text) && midSentence;
  // "la 42 Sesión Ordinaria": a number before a capitalised (not all-capitals) singular noun names something
  // (singular: "61 Centros de Salud" counts centres)
  const beforeName = /^[\d.,]+\s+\p{Lu}\p{Ll}*[^sS\s]\b/u.test(q.text);
  return !inName && !beforeName;
}

/**
 * The same value of the same thing written twice in one document (a headline and its body) is one
 * figure with both passages; statements and commitments that pointed at the copy point at it.
 */
export function oneFigurePerMeasure(figures: XFigure[], statements: XStatement[], commitments: XCommitment[]): { figures: XFigure[] } {
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
