/**
 * Spanish date expressions in press text, resolved against the document's publication date:
 * "12 de enero de 2024", "el 12 de enero", "enero de 2024", "en 2023", "el pasado martes",
 * "ayer", "a partir del 16 de mayo", "a más tardar el 21 de marzo", "del 13 al 17 de mayo",
 * "15/05/2024", "2024-05-15", "1o. de mayo", "(2024, mayo 15)".
 *
 * Why not chrono-node. Measured chrono-node 2.10 (`chrono.es`, reference Monday 2024-05-20)
 * on the forms this module must read. It gets the easy absolute forms right ("12 de enero de
 * 2024", "enero de 2024", "15/05/2024", "2024-05-15", "1º de julio", "ayer", "hoy"), but:
 * - "el pasado martes" and "el martes pasado" came out as 2024-05-21, the *next* Tuesday;
 *   "el próximo viernes" as 2024-05-31, a week too far; "el lunes pasado" as the reference day;
 * - "del 13 al 17 de mayo" was read as a clock time ("del 13 al 17" → 13:00–17:00), and so
 *   was "de 8 a 15 horas";
 * - "1o. de mayo" lost its day (month precision only);
 * - a year alone ("en 2023", "durante 2023", "hacia finales de 2024") was not found at all;
 * - it knows nothing of roles (from/until), of "de este año", or of our year-inference rule,
 *   and its results are Date objects in a time zone, so precision has to be rebuilt from
 *   `knownValues` anyway.
 * Every form it gets right is a one-line pattern here, while each of its mistakes would need
 * our code to detect and override it; two sources of spans would also need reconciling. So this
 * module is self-contained regular expressions over an accent-folded copy of the text (same
 * length, so offsets carry over), with no dependency.
 *
 * Conventions:
 * - Offsets are JavaScript string indices (UTF-16) into the text given (expected in NFC).
 * - A span covers the date expression, not the preposition that sets its role: in "a partir
 *   del 16 de mayo" the span is "16 de mayo" with role 'from'. A leading weekday is part of the
 *   span ("viernes 12 de enero de 2024"), and so are "finales de" / "principios de".
 * - Ranges give two mentions: "del 13 al 17 de mayo" → "13" (role 'from', month and year
 *   taken from the end of the range) and "17 de mayo" (role 'until'). "del 28 de abril al 2
 *   de mayo", "entre el 13 y el 17 de mayo", "de enero a marzo de 2024", "de 2022 a 2023" and
 *   "2019-2024" likewise. Lists ("13, 14 y 15 de mayo") give one point per day.
 * - `inferred` is true when a part of the date was not written (a year taken from the
 *   publication date, a relative day such as "ayer"); `note` says how it was inferred.
 * - Year inference for a day or month written without a year: the publication year, unless
 *   that puts the date more than ~6 months (183 days) after publication, then the year before.
 *   The words around adjust it: "pasado" (the date must not be after publication), "próximo"
 *   (must not be before), and a deadline ("para", "a más tardar", "antes de") that would fall
 *   more than 6 months before publication moves to the next year.
 * - Without a publication date (published null), expressions that need one (no year written,
 *   relative days) are not returned.
 */
import { dateBounds, type DatePrecision } from '../domain/dates.js';
import { COUNTED_UNITS } from './numbers.js';
import { foldKeepingOffsets } from './fold.js';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO 8601 at its precision: "2024-01-12", "2024-05", "2024" */
  iso: string;
  precision: DatePrecision;
  inferred: boolean;
  note: string | null;
  role: 'point' | 'from' | 'until';
}

// ---------------------------------------------------------------------------------------------
// Folding: see src/text/fold.ts.
const fold = foldKeepingOffsets;

// ---------------------------------------------------------------------------------------------
// Vocabulary

const MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  ene: 1,
  feb: 2,
  mar: 3,
  abr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  ago: 8,
  sep: 9,
  sept: 9,
  set: 9,
  oct: 10,
  nov: 11,
  dic: 12,
};
const WEEKDAYS: Record<string, number> = { domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6 };

const FULL_MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)';
/** Full names, or abbreviations ("17 may", "3 sept.") where a day number makes them unambiguous. */
const ANY_MONTH = `(?:${FULL_MONTH}|(?:ene|feb|mar|abr|may|jun|jul|ago|sept|sep|set|oct|nov|dic)\\.?)(?![a-z])`;
const WEEKDAY = '(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)';
/** A day of the month: "16", "1o.", "1º", "1ro", "1er", "primero". */
const DAY = '(?:(\\d{1,2})(?:o\\.?|º|°|ª|ro\\.?|er\\.?)?|primero)';
const YEAR = '((?:19|20)\\d\\d)(?![\\d/]|[.,]\\d)';
const PART = '(principios|inicios|comienzos|mediados|finales|fines)';
const NOT_AFTER_WORD = '(?<![\\p{L}\\d])';

const PART_NOTE: Record<string, string> = {
  principios: 'beginning of',
  inicios: 'beginning of',
  comienzos: 'beginning of',
  mediados: 'middle of',
  finales: 'end of',
  fines: 'end of',
};

// ---------------------------------------------------------------------------------------------
// Calendar helpers

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}
const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
function fromDayNumber(n: number): Ymd {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
const pad = (n: number): string => String(n).padStart(2, '0');
const isoDay = (p: Ymd): string => `${p.y}-${pad(p.m)}-${pad(p.d)}`;
const weekdayOf = (y: number, m: number, d: number): number => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

type Bias = 'neutral' | 'past' | 'future' | 'deadline';

/**
 * The year of a day (or, with d = 1 and month precision, of a month) written without one.
 * Returns the year and a note.
 */
function inferYear(m: number, d: number, pub: Ymd, bias: Bias, precision: 'day' | 'month'): { y: number; note: string } {
  const pubDay = dayNumber(pub.y, pub.m, pub.d);
  const y = pub.y;
  const base = `year ${y} taken from the publication date (${isoDay(pub)})`;
  const at = (year: number) => (precision === 'day' ? dayNumber(year, m, validDay(year, m, d) ? d : 28) : dayNumber(year, m, 1));
  // a month "is after" publication when it starts after it; "before" when it ends before it
  const endOf = (year: number) => (precision === 'day' ? at(year) : dayNumber(year, m + 1, 1) - 1);
  switch (bias) {
    case 'past':
      if (at(y) > pubDay) return { y: y - 1, note: `year ${y - 1}: the text says "pasado" and ${y} would put it after publication (${isoDay(pub)})` };
      break;
    case 'future':
      if (endOf(y) < pubDay) return { y: y + 1, note: `year ${y + 1}: the text says "próximo" and ${y} would put it before publication (${isoDay(pub)})` };
      break;
    case 'deadline':
      if (endOf(y) < pubDay - 183) return { y: y + 1, note: `year ${y + 1}: a deadline in ${y} would be more than six months before publication (${isoDay(pub)})` };
      break;
    case 'neutral':
      if (at(y) > pubDay + 183) return { y: y - 1, note: `year ${y - 1}: ${y} would put it more than six months after publication (${isoDay(pub)})` };
      break;
  }
  return { y, note: base };
}

// ---------------------------------------------------------------------------------------------
// Context: role and bias from the words before (and after) a span

const FROM_BEFORE = /(?:^|[^a-z])(?:a\s+partir\s+(?:de|del|de\s+la|de\s+los)|desde)\s+(?:el\s+|la\s+|los\s+|este\s+|esta\s+)?(?:pasado\s+|proximo\s+)?(?:dia\s+|dias\s+|mes\s+de\s+|ano\s+)?$/;
const UNTIL_BEFORE =
  /(?:^|[^a-z])(?:a\s+mas\s+tardar|antes\s+(?:de|del)|hasta|para|hacia|como\s+fecha\s+limite)\s+(?:el\s+|la\s+|los\s+|en\s+|este\s+|esta\s+|en\s+el\s+)?(?:pasado\s+|proximo\s+)?(?:dia\s+|mes\s+de\s+|ano\s+)?$/;
const DEADLINE_BEFORE = /(?:^|[^a-z])(?:a\s+mas\s+tardar|antes\s+(?:de|del)|para|como\s+fecha\s+limite)\s+(?:el\s+|la\s+|en\s+|en\s+el\s+)?(?:dia\s+|mes\s+de\s+)?$/;
const PAST_BEFORE = new RegExp(`(?:^|[^a-z])pasado\\s+(?:${WEEKDAY}\\s+)?$`);
const FUTURE_BEFORE = new RegExp(`(?:^|[^a-z])(?:proximo|proxima|siguiente|entrante)\\s+(?:${WEEKDAY}\\s+)?$`);
const PAST_AFTER = /^\s+(?:pasado|anterior)(?![a-z])/;
const FUTURE_AFTER = /^\s+(?:proximo|entrante|que\s+viene)(?![a-z])/;

function roleAt(f: string, start: number): DateMention['role'] {
  const before = f.slice(Math.max(0, start - 40), start);
  if (FROM_BEFORE.test(before)) return 'from';
  if (UNTIL_BEFORE.test(before)) return 'until';
  return 'point';
}

function biasAt(f: string, start: number, end: number): Bias {
  const before = f.slice(Math.max(0, start - 40), start);
  const after = f.slice(end, end + 20);
  if (PAST_BEFORE.test(before) || PAST_AFTER.test(after)) return 'past';
  if (FUTURE_BEFORE.test(before) || FUTURE_AFTER.test(after)) return 'future';
  if (DEADLINE_BEFORE.test(before)) return 'deadline';
  return 'neutral';
}

// ---------------------------------------------------------------------------------------------
// Candidates

interface Candidate {
  start: number;
  end: number;
  /** lower wins when two candidates overlap */
  priority: number;
  precision: DatePrecision;
  y: number;
  m: number;
  d: number;
  inferred: boolean;
  notes: string[];
  /** range partner, resolved after overlaps are settled */
  rangeWith?: Candidate;
  rangeEnd?: boolean;
  /** an impossible date ("31 de febrero"): holds its span so that no part of it is read, and is not returned */
  discard?: boolean;
}

interface Ctx {
  text: string;
  f: string;
  pub: Ymd | null;
  out: Candidate[];
}

function add(ctx: Ctx, c: Omit<Candidate, 'notes'> & { notes?: string[] }): Candidate {
  const cand: Candidate = { notes: [], ...c };
  ctx.out.push(cand);
  return cand;
}

function dayValue(raw: string | undefined): number {
  return raw === undefined ? 1 : Number(raw); // "primero" has no digits
}

/** A day and month without a year: resolve the year against publication, or give up. */
function resolveYear(ctx: Ctx, start: number, end: number, m: number, d: number, precision: 'day' | 'month'): { y: number; note: string } | null {
  if (!ctx.pub) return null;
  return inferYear(m, d, ctx.pub, biasAt(ctx.f, start, end), precision);
}

function scanNumeric(ctx: Ctx): void {
  const { f } = ctx;
  for (const m of f.matchAll(/(?<![\d/.\-])(\d{4})-(\d{2})-(\d{2})(?![\d\-])/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) continue;
    add(ctx, { start: m.index, end: m.index + m[0].length, priority: 0, precision: 'day', y, m: mo, d, inferred: false });
  }
  for (const m of f.matchAll(/(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/\-]|\.\d)/g)) {
    let [a, b] = [Number(m[1]), Number(m[3])];
    const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    const notes: string[] = [];
    if (!validDay(y, b, a)) {
      // day-first is the Mexican order; a month-first date is accepted only when it cannot be day-first
      if (!validDay(y, a, b)) continue;
      [a, b] = [b, a];
      notes.push('read month-first: day-first is not a calendar date');
    }
    if (m[4]!.length === 2) notes.push(`two-digit year read as ${y}`);
    add(ctx, { start: m.index, end: m.index + m[0].length, priority: 0, precision: 'day', y, m: b, d: a, inferred: false, notes });
  }
}

function scanCitationForms(ctx: Ctx): void {
  const { f } = ctx;
  // "(2024, mayo 15)"
  for (const m of f.matchAll(new RegExp(`${NOT_AFTER_WORD}${YEAR},\\s*(${FULL_MONTH})\\s+(\\d{1,2})(?!\\d)`, 'gu'))) {
    const [y, mo, d] = [Number(m[1]), MONTHS[m[2]!]!, Number(m[3])];
    if (!validDay(y, mo, d)) continue;
    add(ctx, { start: m.index, end: m.index + m[0].length, priority: 1, precision: 'day', y, m: mo, d, inferred: false });
  }
  // "mayo 15, 2024", "mayo 15 de 2024"
  for (const m of f.matchAll(new RegExp(`${NOT_AFTER_WORD}(${FULL_MONTH})\\s+(\\d{1,2}),?\\s+(?:de\\s+)?${YEAR}`, 'gu'))) {
    const [mo, d, y] = [MONTHS[m[1]!]!, Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) continue;
    add(ctx, { start: m.index, end: m.index + m[0].length, priority: 1, precision: 'day', y, m: mo, d, inferred: false });
  }
}

const DAY_DATE = new RegExp(
  `${NOT_AFTER_WORD}(?:(${WEEKDAY}),?\\s+)?${DAY}\\s+(?:de\\s+)?(${ANY_MONTH})` + `(?:\\s+(?:de\\s+|del\\s+)?${YEAR}|\\s+(?:de|del)\\s+(?:este|presente)\\s+ano|\\s+del\\s+ano\\s+en\\s+curso)?`,
  'gu',
);
/** Days written before a "17 de mayo": "del 13 al ", "13, 14 y ", "entre el 13 y el ", "13-". */
const DAY_BEFORE = /(?<![\p{L}\d])(\d{1,2})(?:o\.?|º|°|ª|ro\.?|er\.?)?\s*(,|y|al|a|hasta\s+el|hasta|-|–)\s*(?:el\s+)?$/u;

function scanDayMonth(ctx: Ctx): void {
  const { f, text } = ctx;
  for (const m of f.matchAll(DAY_DATE)) {
    const start = m.index;
    const end = start + m[0].length;
    const weekdayWord = m[1];
    const d = dayValue(m[2]);
    const monthWord = m[3]!.replace(/\.$/, '');
    const mo = MONTHS[monthWord]!;
    const yearText = m[4];
    const notes: string[] = [];
    let y: number;
    let inferred = false;
    if (yearText) y = Number(yearText);
    else if (/(?:este|presente)\s+ano|ano\s+en\s+curso/.test(m[0])) {
      if (!ctx.pub) continue;
      y = ctx.pub.y;
      inferred = true;
      notes.push(`year ${y} from "este año" and the publication date (${isoDay(ctx.pub)})`);
    } else {
      const r = resolveYear(ctx, start, end, mo, d, 'day');
      if (!r) continue;
      y = r.y;
      inferred = true;
      notes.push(r.note);
    }
    if (!validDay(y, mo, d)) {
      add(ctx, { start, end, priority: 2, precision: 'day', y, m: mo, d, inferred, discard: true });
      continue;
    }
    if (weekdayWord !== undefined && WEEKDAYS[weekdayWord] !== weekdayOf(y, mo, d)) {
      notes.push(`the text says "${text.slice(start, start + weekdayWord.length)}", but ${isoDay({ y, m: mo, d })} is another day of the week`);
    }
    const last = add(ctx, { start, end, priority: 2, precision: 'day', y, m: mo, d, inferred, notes });

    // Days written before it without their month: "del 13 al 17 de mayo", "13, 14 y 15 de mayo"
    if (weekdayWord !== undefined) continue; // "viernes 12 de enero": no days before it
    let cursor = start;
    const chain: Array<{ start: number; end: number; d: number; sep: string }> = [];
    while (chain.length < 10) {
      const before = f.slice(Math.max(0, cursor - 30), cursor);
      const b = DAY_BEFORE.exec(before);
      if (!b) break;
      const bStart = cursor - before.length + b.index;
      chain.unshift({ start: bStart, end: bStart + b[1]!.length, d: Number(b[1]), sep: b[2]!.replace(/\s+/g, ' ') });
      cursor = bStart;
    }
    if (!chain.length) continue;
    const isRangeSep = (sep: string) => ['al', 'a', 'hasta', 'hasta el', '-', '–'].includes(sep);
    const opener = f.slice(Math.max(0, chain[0]!.start - 25), chain[0]!.start);
    const entre = /(?:^|[^a-z])entre(?:\s+el|\s+los\s+dias)?\s+$/.test(opener);
    if (chain.length === 1 && (isRangeSep(chain[0]!.sep) || (chain[0]!.sep === 'y' && entre))) {
      const c = chain[0]!;
      // "del 28 al 2 de mayo": the first day belongs to the month before
      let fm = mo;
      let fy = y;
      if (c.d > d) {
        fm = mo === 1 ? 12 : mo - 1;
        fy = mo === 1 ? y - 1 : y;
      }
      if (!validDay(fy, fm, c.d)) continue;
      const first = add(ctx, {
        start: c.start,
        end: c.end,
        priority: 2,
        precision: 'day',
        y: fy,
        m: fm,
        d: c.d,
        inferred,
        notes: ['month and year from the end of the range', ...(inferred ? notes.filter((n) => n.startsWith('year')) : [])],
      });
      first.rangeWith = last;
      last.rangeWith = first;
      last.rangeEnd = true;
    } else if (chain.every((c) => c.sep === ',' || c.sep === 'y')) {
      for (const c of chain) {
        if (!validDay(y, mo, c.d)) continue;
        add(ctx, {
          start: c.start,
          end: c.end,
          priority: 2,
          precision: 'day',
          y,
          m: mo,
          d: c.d,
          inferred,
          notes: ['month and year from the last day of the list', ...(inferred ? notes.filter((n) => n.startsWith('year')) : [])],
        });
      }
    }
  }
}

function scanMonthYear(ctx: Ctx): void {
  const { f } = ctx;
  // month ranges: "de enero a marzo de 2024", "entre abril y junio"
  const range = new RegExp(`(?:^|[^a-z])(?:de|desde|entre)\\s+(${FULL_MONTH})\\s+(?:a|al|hasta|y)\\s+(${FULL_MONTH})(?:\\s+(?:de\\s+|del\\s+)?${YEAR})?`, 'gd');
  for (const m of f.matchAll(range)) {
    const [s1, e1] = m.indices![1]!;
    const s2 = m.indices![2]![0];
    const end2 = m.index + m[0].length;
    const [m1, m2] = [MONTHS[m[1]!]!, MONTHS[m[2]!]!];
    let y2: number;
    let written = true;
    const notes: string[] = [];
    if (m[3]) y2 = Number(m[3]);
    else {
      const r = resolveYear(ctx, s2, end2, m2, 1, 'month');
      if (!r) continue;
      y2 = r.y;
      written = false;
      notes.push(r.note);
    }
    const y1 = m1 > m2 ? y2 - 1 : y2;
    const a = add(ctx, { start: s1, end: e1, priority: 3, precision: 'month', y: y1, m: m1, d: 1, inferred: !written, notes: [written ? 'year from the end of the range' : notes[0]!] });
    const b = add(ctx, { start: s2, end: end2, priority: 3, precision: 'month', y: y2, m: m2, d: 1, inferred: !written, notes });
    a.rangeWith = b;
    b.rangeWith = a;
    b.rangeEnd = true;
  }
  // "mayo de 2024", "finales de mayo de 2024", "octubre 2023", "mayo de este año"
  const my = new RegExp(`(?:^|[^a-z])((?:${PART}\\s+(?:de\\s+)?)?(${FULL_MONTH})\\s+(?:de\\s+|del\\s+)?(?:${YEAR}|(?:este|presente)\\s+ano(?![a-z])))`, 'gd');
  for (const m of f.matchAll(my)) {
    const start = m.indices![1]![0];
    const end = m.index + m[0].length;
    const mo = MONTHS[m[3]!]!;
    const notes: string[] = [];
    let y: number;
    let inferred = false;
    if (m[4]) y = Number(m[4]);
    else {
      if (!ctx.pub) continue;
      y = ctx.pub.y;
      inferred = true;
      notes.push(`year ${y} from "este año" and the publication date (${isoDay(ctx.pub)})`);
    }
    if (m[2]) notes.push(`${PART_NOTE[m[2]]} the month`);
    add(ctx, { start, end, priority: 4, precision: 'month', y, m: mo, d: 1, inferred, notes });
  }
  // a month alone after a preposition: "en marzo", "para diciembre", "a finales de mayo"
  const context = new RegExp(
    `(?:^|[^a-z])(?:(?:en|para|desde|durante|hasta|hacia|a\\s+partir\\s+de|antes\\s+de|despues\\s+de|a\\s+mas\\s+tardar\\s+en|el\\s+mes\\s+de)\\s+(?:${PART}\\s+de\\s+)?|(?:a\\s+|en\\s+)?${PART}\\s+de\\s+)$`,
  );
  for (const m of f.matchAll(new RegExp(`(?<![a-z])${FULL_MONTH}(?![a-z])`, 'g'))) {
    const end = m.index + m[0].length;
    if (/^\s+(?:de\s+|del\s+)?\d/.test(f.slice(end, end + 8))) continue; // "mayo de 2024": above
    const before = f.slice(Math.max(0, m.index - 40), m.index);
    const c = context.exec(before);
    if (!c) continue;
    const part = c[1] ?? c[2];
    const start = part ? m.index - before.length + before.lastIndexOf(part) : m.index;
    const mo = MONTHS[m[0]]!;
    const r = resolveYear(ctx, start, end, mo, 1, 'month');
    if (!r) continue;
    const notes = [r.note];
    if (part) notes.push(`${PART_NOTE[part]} the month`);
    add(ctx, { start, end, priority: 6, precision: 'month', y: r.y, m: mo, d: 1, inferred: true, notes });
  }
}

const YEAR_CONTEXT =
  /(?:^|[^a-z\d])(?:en|el|desde|durante|hasta|para|de|del|antes\s+de|despues\s+de|a\s+partir\s+de|hacia|ano|anos|al\s+cierre\s+de|(?:19|20)\d\d\s*(?:,|y|e)|a\s+mas\s+tardar\s+en|(?:a\s+)?(?:principios|inicios|comienzos|mediados|finales|fines)\s+de(?:l)?)\s+(?:el\s+)?$/;
/** Not a year but a count: "2024 personas", "2024 mil", "2024%", "2024 camas" (the nouns are those numbers.ts counts). */
const COUNTED_HEADS = new Set(COUNTED_UNITS.map(([k]) => k.split(' ')[0]!));
function notAYear(f: string, end: number): boolean {
  const after = f.slice(end, end + 30);
  if (/^\s*(?:%|por\s+ciento|mil(?![a-z])|millon|millones|pesos|dolares|mdp)/.test(after)) return true;
  const w = /^[ \t]+([a-z]+)/.exec(after);
  return w !== null && COUNTED_HEADS.has(w[1]!);
}

function scanYears(ctx: Ctx): void {
  const { f } = ctx;
  // ranges: "de 2022 a 2023", "entre 2019 y 2024", "desde 2020 hasta 2023", "2019-2024"
  const range =
    /(?:(?:^|[^a-z])(?:de|del|desde|entre)\s+(?:el\s+)?((?:19|20)\d\d)\s+(?:a|al|hasta|y)\s+(?:el\s+)?((?:19|20)\d\d)|(?<![\d/.,$\-])((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d))(?![\d/\-]|[.,]\d)/dg;
  for (const m of f.matchAll(range)) {
    const a = m[1] ?? m[3]!;
    const b = m[2] ?? m[4]!;
    if (Number(b) <= Number(a)) continue;
    const end2 = m.index + m[0].length;
    const s2 = end2 - b.length;
    const s1 = (m.indices![1] ?? m.indices![3]!)[0];
    if (notAYear(f, end2)) continue;
    const x = add(ctx, { start: s1, end: s1 + 4, priority: 5, precision: 'year', y: Number(a), m: 1, d: 1, inferred: false });
    const z = add(ctx, { start: s2, end: end2, priority: 5, precision: 'year', y: Number(b), m: 1, d: 1, inferred: false });
    x.rangeWith = z;
    z.rangeWith = x;
    z.rangeEnd = true;
  }
  // a year alone after a preposition: "en 2023", "durante 2023", "hacia finales de 2024"
  for (const m of f.matchAll(/(?<![\p{L}\d/.,$\-])((?:19|20)\d\d)(?![\d/\-]|[.,]\d)/gu)) {
    const before = f.slice(Math.max(0, m.index - 40), m.index);
    if (!YEAR_CONTEXT.test(before)) continue;
    if (notAYear(f, m.index + 4)) continue;
    let start = m.index;
    const notes: string[] = [];
    const part = new RegExp(`${PART}\\s+(?:de|del)\\s+(?:el\\s+)?$`).exec(before);
    if (part) {
      start = m.index - part[0].length;
      notes.push(`${PART_NOTE[part[1]!]} the year`);
    }
    add(ctx, { start, end: m.index + 4, priority: 7, precision: 'year', y: Number(m[1]), m: 1, d: 1, inferred: false, notes });
  }
}

function scanRelative(ctx: Ctx): void {
  const { f, pub } = ctx;
  if (!pub) return;
  const pubN = dayNumber(pub.y, pub.m, pub.d);
  const rel = (start: number, end: number, offset: number, what: string) =>
    add(ctx, {
      start,
      end,
      priority: 8,
      precision: 'day',
      ...fromDayNumber(pubN + offset),
      inferred: true,
      notes: [`${what}, counted from the publication date (${isoDay(pub)})`],
    });

  for (const m of f.matchAll(/(?<![\p{L}])(pasado\s+manana|anteayer|antier|antenoche|anoche|ayer|hoy|manana)(?![\p{L}])/gu)) {
    const word = m[1]!.replace(/\s+/g, ' ');
    const start = m.index;
    const end = start + m[0].length;
    const before = f.slice(Math.max(0, start - 20), start);
    const after = f.slice(end, end + 12);
    switch (word) {
      case 'hoy':
        if (/^\s+(?:en\s+)?dia(?![a-z])/.test(after)) continue; // "hoy en día", "hoy día"
        rel(start, end, 0, '"hoy": the day of publication');
        break;
      case 'ayer':
      case 'anoche':
        rel(start, end, -1, `"${word}": the day before publication`);
        break;
      case 'anteayer':
      case 'antier':
      case 'antenoche':
        rel(start, end, -2, `"${word}": two days before publication`);
        break;
      case 'pasado manana':
        rel(start, end, 2, '"pasado mañana": two days after publication');
        break;
      case 'manana': {
        // "esta mañana" is today; "la mañana", "por la mañana", "de la mañana" are mornings
        const esta = /(?<![a-z])esta\s+$/.exec(before);
        if (esta) {
          rel(start - (before.length - esta.index), end, 0, '"esta mañana": the day of publication');
          break;
        }
        if (/(?:^|[^a-z])(?:la|una|las|cada|esa|toda|aquella|media)\s+$/.test(before) || /(?:^|[^a-z])pasado\s+$/.test(before)) continue;
        rel(start, end, 1, '"mañana": the day after publication');
        break;
      }
    }
  }

  const pubW = weekdayOf(pub.y, pub.m, pub.d);
  const weekdayRe = new RegExp(`(?<![\\p{L}])(?:(pasado|proximo|siguiente|este|esta)\\s+(${WEEKDAY})|(${WEEKDAY})\\s+(pasado|proximo|entrante|que\\s+viene))(?![\\p{L}])`, 'gud');
  for (const m of f.matchAll(weekdayRe)) {
    const which = (m[1] ?? m[4]!).replace(/\s+/g, ' ');
    const target = WEEKDAYS[m[2] ?? m[3]!]!;
    const [ws, we] = (m.indices![2] ?? m.indices![3])!;
    const day = ctx.text.slice(ws, we).toLowerCase();
    const end = m.index + m[0].length;
    if (/^\s+\d/.test(f.slice(end, end + 4))) continue; // "el pasado martes 14 de mayo": a written date follows
    let offset: number;
    let what: string;
    if (which === 'pasado') {
      offset = -((pubW - target + 7) % 7 || 7);
      what = `the last ${day} before publication`;
    } else if (which === 'este' || which === 'esta') {
      // the same Monday-to-Sunday week as the publication date
      const monday = (pubW + 6) % 7;
      offset = ((target + 6) % 7) - monday;
      what = `the ${day} of the week of publication`;
    } else {
      offset = (target - pubW + 7) % 7 || 7;
      what = `the first ${day} after publication`;
    }
    rel(m.index, end, offset, what);
  }

  // "el pasado 3", "el próximo día 15": a day of the month alone, the last one on or before the publication
  // (or the first after it); a count ("el pasado 3 por ciento") or a written month ("el pasado 3 de mayo") is not one
  const dayAlone =
    /(?<![\p{L}])el\s+(pasado|proximo)\s+(?:dia\s+)?(\d{1,2})(?![\d%]|[.,]\d)(?!\s*(?:de|del)\s+\p{L})(?=\s*(?:[,.;:)]|$|\s(?:se|con|en|a|al|y|e|cuando|ante|para|durante|por\s+la|fue|fueron)\s))/gu;
  for (const m of f.matchAll(dayAlone)) {
    const n = Number(m[2]);
    if (n < 1 || n > 31) continue;
    const past = m[1] === 'pasado';
    // the month of publication, else the one before (after) it, where that day exists
    let y = pub.y;
    let mo = pub.m;
    const fits = () => n <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (past ? n > pub.d : n < pub.d) {
      mo += past ? -1 : 1;
      if (mo === 0) {
        mo = 12;
        y--;
      }
      if (mo === 13) {
        mo = 1;
        y++;
      }
    }
    if (!fits()) continue;
    const start = m.index + 3;
    add(ctx, {
      start,
      end: m.index + m[0].length,
      priority: 8,
      precision: 'day',
      y,
      m: mo,
      d: n,
      inferred: true,
      notes: [`"el ${past ? 'pasado' : 'próximo'} ${n}": the ${past ? 'last' : 'next'} day ${n} ${past ? 'on or before' : 'after'} the publication date (${isoDay(pub)})`],
    });
  }

  // "el año pasado", "este año", "el próximo año", "el mes pasado", "este mes"
  const period =
    /(?<![\p{L}])(?:(este|el\s+presente|el\s+actual|el\s+proximo|el\s+siguiente|el\s+pasado)\s+(ano|mes)|el\s+(ano|mes)\s+(pasado|anterior|proximo|entrante|que\s+viene|en\s+curso))(?![\p{L}])/gu;
  for (const m of f.matchAll(period)) {
    const which = (m[1] ?? m[4]!).replace(/\s+/g, ' ');
    const unit = m[2] ?? m[3]!;
    const step = /pasado|anterior/.test(which) ? -1 : /proximo|siguiente|entrante|que viene/.test(which) ? 1 : 0;
    const start = m.index + (/^el\s/.test(m[0]) ? 3 : 0);
    const end = m.index + m[0].length;
    if (unit === 'ano') {
      add(ctx, { start, end, priority: 8, precision: 'year', y: pub.y + step, m: 1, d: 1, inferred: true, notes: [`counted from the publication date (${isoDay(pub)})`] });
    } else {
      const mi = pub.y * 12 + (pub.m - 1) + step;
      add(ctx, { start, end, priority: 8, precision: 'month', y: Math.floor(mi / 12), m: (mi % 12) + 1, d: 1, inferred: true, notes: [`counted from the publication date (${isoDay(pub)})`] });
    }
  }
}

/**
 * Two written dates joined as a range: "del 28 de abril al 2 de mayo", "entre el 3 y el 7 de
 * junio de 2024", "desde marzo hasta junio". The first takes a written year from the second.
 */
function linkRanges(f: string, kept: Candidate[]): void {
  for (let i = 0; i + 1 < kept.length; i++) {
    const a = kept[i]!;
    const b = kept[i + 1]!;
    if (a.rangeWith || b.rangeWith || a.precision !== b.precision) continue;
    const gap = f.slice(a.end, b.start);
    const before = f.slice(Math.max(0, a.start - 25), a.start);
    const dash = /^\s*[-–]\s*$/.test(gap);
    const toRange = /^\s+(?:al?|hasta(?:\s+el)?)\s+(?:el\s+)?$/.test(gap) && /(?:^|[^a-z])(?:del?|desde(?:\s+el)?)\s+$/.test(before);
    const between = /^\s+y\s+(?:el\s+)?$/.test(gap) && /(?:^|[^a-z])entre\s+(?:el\s+)?$/.test(before);
    if (!dash && !toRange && !between) continue;
    if (a.inferred && !b.inferred && a.precision !== 'year') {
      a.y = a.m > b.m || (a.m === b.m && a.d > b.d) ? b.y - 1 : b.y;
      a.inferred = false;
      a.notes = ['year from the end of the range'];
    }
    a.rangeWith = b;
    b.rangeWith = a;
    b.rangeEnd = true;
    i++;
  }
}

function parsePublished(published: string | null): Ymd | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(y, mo, d) ? { y, m: mo, d } : null;
}

function isoOf(c: Candidate): string {
  if (c.precision === 'year') return String(c.y);
  if (c.precision === 'month') return `${c.y}-${pad(c.m)}`;
  return isoDay(c);
}

/**
 * Finds the date expressions in a text, in order of position. `published` is the document's
 * publication date (YYYY-MM-DD) or null; dates that need it to be resolved are left out without it.
 */
export function findDates(text: string, published: string | null): DateMention[] {
  const f = fold(text);
  const ctx: Ctx = { text, f, pub: parsePublished(published), out: [] };
  scanNumeric(ctx);
  scanCitationForms(ctx);
  scanDayMonth(ctx);
  scanMonthYear(ctx);
  scanYears(ctx);
  scanRelative(ctx);

  // overlaps: the stronger pattern, then the longer span, wins
  const ranked = [...ctx.out].sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.some((k) => c.start < k.end && c.end > k.start)) continue;
    kept.push(c);
  }
  // a range whose other end lost an overlap is no range
  for (const c of kept) if (c.rangeWith && !kept.includes(c.rangeWith)) c.rangeWith = undefined;

  const emitted = kept.filter((c) => !c.discard).sort((a, b) => a.start - b.start);
  linkRanges(f, emitted);
  const out: DateMention[] = [];
  for (const c of emitted) {
    // the ends of a range take their role from it; anything else from the words before it
    const role = c.rangeWith ? (c.rangeEnd ? 'until' : 'from') : roleAt(f, c.start);
    const iso = isoOf(c);
    // sanity: the ISO string must be a real calendar date at its precision
    dateBounds({ iso, precision: c.precision, inferred: c.inferred });
    out.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), iso, precision: c.precision, inferred: c.inferred, note: c.notes.length ? c.notes.join('; ') : null, role });
  }
  return out;
}
