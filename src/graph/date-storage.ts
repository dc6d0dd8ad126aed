/**
 * How a fuzzy date is stored on a node and read back: the one place that says it. A date field
 * `f` is six flat properties, `<f>Iso`, `<f>Precision`, `<f>Inferred`, `<f>Note`, `<f>Start` and
 * `<f>End`; the last two are ISO days, which compare in calendar order, so range indexes and
 * filters work on them. The writers (seed, ingest, tenures, the generator) store with
 * `dateProps`, the look-ahead asks for `datePropsOf`, and records.ts rebuilds with `readDate`.
 */
import { dateBounds, type DatePrecision, type FuzzyDate } from '../domain/dates.js';
import type { PropValue } from '../domain/model.js';

/** The API's date: the fuzzy date with the first and last day it covers. */
export interface DateValue extends FuzzyDate {
  start: string;
  end: string;
}

/** The date fields of the API's nodes, each stored as the six properties above. */
export const DATE_FIELDS = ['date', 'from', 'to', 'start', 'deadline', 'asOf', 'published'] as const;

/** A post's bounds: the ones documents give, else the inferred tenure (ingest/tenures.ts), stored under these fields. */
export const TENURE: Readonly<Record<string, string>> = { from: 'tenureFrom', to: 'tenureTo' };

export type StoredDate = ReturnType<typeof storedDate>;

/** The names of the properties that store date field `f`. */
export const storedDate = (f: string) => ({ iso: `${f}Iso`, precision: `${f}Precision`, inferred: `${f}Inferred`, note: `${f}Note`, start: `${f}Start`, end: `${f}End` });

/** The properties that store `date` as field `field` (none without a date). */
export function dateProps(field: string, date: FuzzyDate | undefined): Record<string, PropValue> {
  if (!date) return {};
  const { start, end } = dateBounds(date);
  const p = storedDate(field);
  return { [p.iso]: date.iso, [p.precision]: date.precision, [p.inferred]: date.inferred, [p.note]: date.note ?? null, [p.start]: start, [p.end]: end };
}

/** The stored properties readDate needs to rebuild field `f` (a post's bounds with their inferred tenure). */
export function datePropsOf(f: string): string[] {
  return [f, ...(TENURE[f] ? [TENURE[f]!] : [])].flatMap((p) => Object.values(storedDate(p)));
}

/** Date field `own` as stored in `props` (else `tenure`, a post's inferred bounds), or null. */
export function readDate(props: Record<string, unknown>, own: StoredDate, tenure?: StoredDate): DateValue | null {
  const p = typeof props[own.iso] !== 'string' && tenure && typeof props[tenure.iso] === 'string' ? tenure : own;
  const iso = props[p.iso];
  if (typeof iso !== 'string') return null;
  const date: DateValue = { iso, precision: props[p.precision] as DatePrecision, inferred: Boolean(props[p.inferred]), start: props[p.start] as string, end: props[p.end] as string };
  if (props[p.note]) date.note = props[p.note] as string;
  return date;
}
