/**
 * Dates as the sources give them: a day, a month or a year, and whether the date was written
 * in the text for that fact or inferred (from a publication date, from context).
 */
export type DatePrecision = 'day' | 'month' | 'year';

export interface FuzzyDate {
  /** ISO 8601 at its precision: "2024-01-12", "2024-05", "2024" */
  iso: string;
  precision: DatePrecision;
  inferred: boolean;
  note?: string;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export class DateFormatError extends Error {}

/** Parses "2024", "2024-05" or "2024-05-15" into a FuzzyDate, checking the calendar. */
export function parseIsoDate(value: string, extra: Partial<Omit<FuzzyDate, 'iso'>> = {}): FuzzyDate {
  const m = ISO.exec(value.trim());
  if (!m) throw new DateFormatError(`"${value}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  const [, y, mo, d] = m;
  const precision: DatePrecision = d ? 'day' : mo ? 'month' : 'year';
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) throw new DateFormatError(`"${value}" has no month ${mo}`);
  if (d) {
    const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (probe.getUTCDate() !== Number(d)) throw new DateFormatError(`"${value}" is not a calendar date`);
  }
  if (extra.precision && extra.precision !== precision) {
    throw new DateFormatError(`"${value}" has precision ${precision}, not ${extra.precision}`);
  }
  return { iso: m[0], precision, inferred: extra.inferred ?? false, ...(extra.note ? { note: extra.note } : {}) };
}

/** First and last calendar day a fuzzy date covers, as ISO day strings. */
export function dateBounds(date: FuzzyDate): { start: string; end: string } {
  const [y, m] = date.iso.split('-').map(Number) as [number, number?];
  if (date.precision === 'day') return { start: date.iso, end: date.iso };
  if (date.precision === 'month') {
    const last = new Date(Date.UTC(y, m!, 0)).getUTCDate();
    return { start: `${date.iso}-01`, end: `${date.iso}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/**
 * First days a date index seeks for the fuzzy dates overlapping [from, to] (ISO days, either end
 * open): a day date overlaps when it falls in the range; a month or year date starts on the 1st
 * and may start before `from` and still overlap it, but then it is from's own month or year, so
 * the only first days before `from` worth seeking are the first of from's month and of its year
 * (`startsBefore`, whose last days are then checked against `from`).
 */
export function startDaysOverlapping(from: string | null, to: string | null): { dayFrom: string; dayTo: string; startsBefore: string[] } {
  const startsBefore = from ? [...new Set([`${from.slice(0, 7)}-01`, `${from.slice(0, 4)}-01-01`])].filter((d) => d < from) : [];
  return { dayFrom: from ?? '0000-01-01', dayTo: to ?? '9999-12-31', startsBefore };
}
