/**
 * Quantities in Mexican press text: "mil 280", "9 millones 161 mil 742", "103 mil 714 millones
 * de pesos", "7,030 millones", "53.2 millones", "59 por ciento", "$250 millones", "3 mdp".
 *
 * Why our own code and not a library. Measured before writing this (npm, es culture):
 * - @microsoft/recognizers-text-number 1.3 (the only npm package that reads Spanish numerals
 *   in running text) offers the es-ES culture only, no es-MX: "7,030 millones" came out as 7,030,000
 *   (comma read as a decimal point), "1.5 mil millones" as 15,000,000,000 (dot read as a
 *   thousands separator), "1,203" was left unresolved, and the Mexican mixed forms were split
 *   into pieces: "mil 280" gave 1000 and 280, "9 millones 161 mil 742" gave three numbers.
 *   Its currency recognizer read "$250 millones" as dollars. "3 mdp" was not understood.
 * - words-to-numbers and the other npm "words to numbers" packages are English-only; the
 *   Spanish packages on npm go the other way (number → words).
 * Mexico writes "," for thousands and "." for decimals, and its press mixes digits and words
 * ("37 mil 140"); a small lexer plus a three-register accumulator (millions / thousands /
 * units) reads all of that exactly, and the rest of this module (what is counted, units,
 * qualifiers, changes, and what is *not* a quantity) is context work no library does for us.
 *
 * Pure: no I/O. Offsets are JavaScript string indices (UTF-16) into the text given. Matching
 * is accent- and case-insensitive on a folded copy of the text of the same length, so offsets
 * carry over unchanged (text is expected in NFC, as the normalize stage produces it).
 */
import { foldKeepingOffsets } from './fold.js';

export interface Quantity {
  /** Span of the expression: [currency sign] numeral [unit words | counted noun phrase]. */
  start: number;
  end: number;
  text: string;
  value: number;
  /** Normalized English unit ("MXN", "percent", "people", "hospitals"...) or "count". */
  unit: string;
  /** The Spanish noun phrase counted, lower-cased as written ("médicos generales"); null for money and percentages. */
  counted: string | null;
  /** "more than", "about", "almost", "up to", "at least", "less than", from words before the number. */
  qualifier: string | null;
  /** A change written right after the quantity ("…, un incremento de 59 por ciento"): +59; decreases are negative. */
  changePercent: number | null;
}

/**
 * What is counted → normalized unit. Keys are matched on accent-folded, lower-cased words at the
 * head of the counted phrase (longest key wins), so "médicos generales" beats "médicos".
 * Data, not code: extend freely.
 */
// prettier-ignore
export const COUNTED_UNITS: ReadonlyArray<readonly [string, string]> = [
  ['personas', 'people'], ['persona', 'people'], ['habitantes', 'people'], ['mexiquenses', 'people'],
  ['mexicanos', 'people'], ['mexicanas', 'people'], ['ciudadanos', 'people'], ['derechohabientes', 'people'],
  ['beneficiarios', 'people'], ['beneficiarias', 'people'], ['usuarios', 'people'], ['pacientes', 'patients'],
  ['mujeres', 'women'], ['hombres', 'men'], ['ninas y ninos', 'children'], ['ninos', 'children'], ['menores', 'children'],
  ['familias', 'families'], ['hogares', 'households'],
  ['trabajadores', 'workers'], ['trabajadoras', 'workers'], ['trabajadores de la salud', 'workers'],
  ['empleados', 'employees'], ['servidores publicos', 'public servants'], ['profesionales de la salud', 'health professionals'],
  ['medicos generales', 'general physicians'], ['medicos especialistas', 'specialist physicians'],
  ['especialistas', 'specialist physicians'], ['medicos', 'physicians'], ['medico', 'physicians'],
  ['enfermeras', 'nurses'], ['enfermeros', 'nurses'], ['enfermeras y enfermeros', 'nurses'],
  ['camas', 'hospital beds'], ['camas censables', 'hospital beds'], ['consultorios', 'consulting rooms'],
  ['quirofanos', 'operating rooms'], ['centros de salud', 'health centers'], ['centro de salud', 'health centers'],
  ['hospitales', 'hospitals'], ['hospital', 'hospitals'], ['clinicas', 'clinics'], ['unidades medicas', 'medical units'],
  ['unidades de salud', 'medical units'], ['ambulancias', 'ambulances'],
  ['estados', 'states'], ['entidades', 'states'], ['entidades federativas', 'states'], ['municipios', 'municipalities'],
  ['alcaldias', 'municipalities'], ['localidades', 'localities'], ['comunidades', 'communities'],
  ['consultas de especialidad', 'specialty consultations'], ['consultas de medicina familiar', 'family medicine consultations'],
  ['consultas', 'consultations'], ['cirugias', 'surgeries'], ['intervenciones quirurgicas', 'surgeries'],
  ['partos', 'births'], ['nacimientos', 'births'], ['plazas', 'positions'], ['vacantes', 'positions'],
  ['vacunas', 'vaccine doses'], ['dosis', 'doses'], ['medicamentos', 'medicines'], ['recetas', 'prescriptions'],
  ['piezas', 'items'], ['escuelas', 'schools'], ['viviendas', 'homes'], ['obras', 'public works'],
  ['convenios', 'agreements'], ['programas', 'programs'], ['comites', 'committees'],
  ['anos', 'years'], ['meses', 'months'], ['semanas', 'weeks'], ['dias', 'days'], ['horas', 'hours'],
  ['kilometros', 'km'], ['km', 'km'], ['metros', 'm'], ['hectareas', 'hectares'], ['toneladas', 'tonnes'], ['litros', 'liters'],
];

/** Words that may stand before the head noun without hiding it: "82 nuevos médicos". */
// prettier-ignore
const PRE_NOMINAL = new Set(['nuevos', 'nuevas', 'nuevo', 'nueva', 'distintos', 'distintas', 'diferentes', 'diversos', 'diversas', 'otros', 'otras', 'principales']);

const QUALIFIERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:^|[^a-z])(?:un\s+)?poco\s+mas\s+de\s*$/, 'more than'],
  [/(?:^|[^a-z])poco\s+menos\s+de\s*$/, 'almost'],
  [/(?:^|[^a-z])mas\s+de\s*$/, 'more than'],
  [/(?:^|[^a-z])(?:supera|superan|supero|superaron|superaba|rebasa|rebasan|rebaso)\s+(?:a\s+)?(?:los\s+|las\s+)?$/, 'more than'],
  [/(?:^|[^a-z])menos\s+de\s*$/, 'less than'],
  [/(?:^|[^a-z])(?:alrededor\s+de|cerca\s+de|aproximadamente|aprox\.|unos|unas|del\s+orden\s+de)\s*$/, 'about'],
  [/(?:^|[^a-z])casi\s*$/, 'almost'],
  [/(?:^|[^a-z])hasta\s*$/, 'up to'],
  [/(?:^|[^a-z])(?:al\s+menos|por\s+lo\s+menos|como\s+minimo|minimo)\s*$/, 'at least'],
];

// ---------------------------------------------------------------------------------------------
// Folding: see src/text/fold.ts.
const fold = foldKeepingOffsets;

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

// ---------------------------------------------------------------------------------------------
// Lexer

const UNITS: Record<string, number> = {
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiun: 21,
  veintiuno: 21,
  veintiuna: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};
const MULTIPLIERS: Record<string, number> = {
  mil: 1e3,
  millon: 1e6,
  millones: 1e6,
  billon: 1e12,
  billones: 1e12,
};

type TokKind = 'num' | 'word' | 'mult' | 'y' | 'medio';
interface Tok {
  kind: TokKind;
  start: number;
  end: number;
  value: number;
  /** word tokens: the folded word, to tell "cien" from "ciento" */
  word?: string;
  /** num tokens: written with a decimal point */
  decimal?: boolean;
  /** num tokens: written with thousands separators */
  grouped?: boolean;
}

const NUM_AT = /\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const WORD_AT = /[a-z]+/y;

/** Reads one numeral token at `pos` of the folded text, or null. Boundaries are checked here. */
function tokenAt(f: string, pos: number): Tok | null {
  const c = f[pos];
  if (isDigit(c)) {
    NUM_AT.lastIndex = pos;
    const m = NUM_AT.exec(f);
    if (!m) return null;
    const raw = m[0];
    const end = pos + raw.length;
    let value: number;
    let decimal = false;
    let grouped: boolean;
    if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(raw)) {
      value = Number(raw.replace(/\./g, ''));
      grouped = true;
    } else {
      grouped = raw.includes(',');
      decimal = raw.includes('.');
      value = Number(raw.replace(/,/g, ''));
    }
    return { kind: 'num', start: pos, end, value, decimal, grouped };
  }
  if (c !== undefined && c >= 'a' && c <= 'z') {
    if (isLetter(f[pos - 1]) || isDigit(f[pos - 1])) return null;
    WORD_AT.lastIndex = pos;
    const m = WORD_AT.exec(f);
    if (!m) return null;
    const word = m[0];
    const end = pos + word.length;
    if (isLetter(f[end]) || isDigit(f[end])) return null;
    if (word === 'y') return { kind: 'y', start: pos, end, value: 0, word };
    if (word === 'medio') return { kind: 'medio', start: pos, end, value: 0.5, word };
    const u = UNITS[word];
    if (u !== undefined) return { kind: 'word', start: pos, end, value: u, word };
    const mu = MULTIPLIERS[word];
    if (mu !== undefined) return { kind: 'mult', start: pos, end, value: mu, word };
  }
  return null;
}

/** Whether `next` may continue a numeral whose last accepted token is `prev`. */
function continues(prev: Tok, next: Tok): boolean {
  switch (prev.kind) {
    case 'num':
      return next.kind === 'mult';
    case 'medio':
      return next.kind === 'mult' && next.value === 1e6;
    case 'mult':
      if (next.kind === 'mult') return next.value > prev.value;
      // "mil 280", "9 millones 161 mil 742": what follows a multiplier is a plain integer below a thousand
      if (next.kind === 'num') return !next.decimal && !next.grouped && next.value < 1000;
      return next.kind === 'word' && next.value < 1000;
    case 'word': {
      if (next.kind === 'mult') return true;
      if (next.kind === 'y') return prev.value >= 30 && prev.value <= 90 && prev.value % 10 === 0;
      if (next.kind !== 'word') return false;
      if (prev.value >= 100 && prev.word !== 'cien') return next.value < 100;
      return false;
    }
    case 'y':
      return next.kind === 'word' && next.value >= 1 && next.value <= 9;
  }
}

interface Numeral {
  start: number;
  end: number;
  value: number;
  toks: Tok[];
}

const clean = (x: number): number => Number(x.toPrecision(15));

function valueOf(toks: Tok[]): number {
  let total = 0;
  let section = 0; // below a million: "161 mil"
  let small = 0; // below a thousand: "742", "doscientos treinta y dos"
  for (const t of toks) {
    if (t.kind === 'num' || t.kind === 'word' || t.kind === 'medio') small += t.value;
    else if (t.kind === 'mult') {
      if (t.value === 1e3) {
        section += (small || 1) * 1e3;
        small = 0;
      } else {
        total += (section + small || 1) * t.value;
        section = 0;
        small = 0;
      }
    }
  }
  return clean(total + section + small);
}

/** Reads the longest numeral starting at `pos` of the folded text. */
function numeralAt(f: string, pos: number): Numeral | null {
  const first = tokenAt(f, pos);
  if (!first || first.kind === 'y') return null;
  const toks: Tok[] = [first];
  let at = first.end;
  for (;;) {
    const gap = /^[ \t]+/.exec(f.slice(at, at + 8));
    if (!gap) break;
    const next = tokenAt(f, at + gap[0].length);
    if (!next || !continues(toks[toks.length - 1]!, next)) break;
    toks.push(next);
    at = next.end;
  }
  while (toks.length && (toks[toks.length - 1]!.kind === 'y' || toks[toks.length - 1]!.kind === 'medio')) toks.pop();
  if (!toks.length) return null;
  // A lone "un"/"una"/"uno" is an article or a pronoun, not a count; "millones" alone is vague.
  if (toks.length === 1) {
    const t = toks[0]!;
    if (t.kind === 'word' && t.value === 1) return null;
    if (t.kind === 'mult' && t.value !== 1e3) return null;
  }
  const last = toks[toks.length - 1]!;
  return { start: first.start, end: last.end, value: valueOf(toks), toks };
}

// ---------------------------------------------------------------------------------------------
// What is not a quantity

const MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|feb|mar|abr|may|jun|jul|ago|sep|sept|set|oct|nov|dic)';
const WEEKDAY = '(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)';
/** Day number followed by "de mayo", or by more days then the month ("13 al 17 de mayo", "13, 14 y 15 de mayo"). */
const DAY_BEFORE_MONTH = new RegExp(`^(?:\\s*(?:,|y|al|a|-|–)\\s*\\d{1,2})*\\s*(?:de(?:l)?\\s+)?${MONTH}\\b\\.?`);
const AFTER_MONTH_OR_DAY = new RegExp(`(?:^|[^a-z])(?:${MONTH}\\.?|${WEEKDAY}|dia|dias)\\s+$`);
const IDENTIFIER_BEFORE =
  /(?:^|[^a-z])(?:no|num|numero|n|art|articulo|articulos|fraccion|boletin|comunicado|folio|expediente|oficio|c\.\s?p|cp|capitulo|pagina|pag|p|inciso|clave|codigo|version|km|kilometro|carretera|calle|avenida|av|col|lote|manzana|mz|piso|oficina|ext|int|casilla|distrito|seccion|linea|ruta|tomo|volumen|vol|ley|decreto|acuerdo)\s*[.:#º°]?\s*$|[#º°]\s*$/;
const TIME_AFTER = /^\s*(?:horas|hrs?\b\.?|h\b|am\b|pm\b|a\.\s?m\.|p\.\s?m\.|de\s+la\s+(?:manana|tarde|noche))/;
const PHONE_PATTERNS: RegExp[] = [
  /(?:\+?52[\s.-]?)?(?:\(\d{2,3}\)|\b\d{2,3})[\s.-]?\d{3,4}[\s.-]\d{4}\b/g,
  /\b\d{4}[\s-]\d{4}\b/g,
  /\b\d{8,}\b/g,
  /(?:tel\.?|telefono|telefonos|whatsapp|llamar al|marcar al|lada)\s*:?\s*(?:\+?\d[\d\s().-]{5,}\d)/g,
];

function blockedRanges(f: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of PHONE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m; m = re.exec(f)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function notAQuantity(text: string, f: string, n: Numeral): boolean {
  const before = f.slice(Math.max(0, n.start - 40), n.start);
  const after = f.slice(n.end, n.end + 60);
  const prevChar = f[n.start - 1];
  const first = n.toks[0]!;
  const single = n.toks.length === 1;

  // glued to letters or other digits: "COVID-19", "G20", "1o.", "3er", "1º", "25°"
  if (isLetter(prevChar) || isDigit(prevChar)) return true;
  if ((prevChar === '-' || prevChar === '/' || prevChar === '.') && (isLetter(f[n.start - 2]) || isDigit(f[n.start - 2]))) return true;
  if (prevChar === '/' || prevChar === ':') return true;
  const nextChar = f[n.end];
  if (first.kind === 'num' && single && (isLetter(nextChar) || nextChar === '°' || nextChar === 'º' || nextChar === 'ª')) return true;
  // bulletin numbers, dates and times written with separators: "015/2024", "15/05/2024", "10:30", "2024-05-15"
  if (/^[/:\-–]\d/.test(after) || /^,\d/.test(after)) return true;
  if (first.kind === 'num' && single && /^0\d/.test(f.slice(n.start, n.end))) return true;
  if (single && IDENTIFIER_BEFORE.test(before)) return true;

  const integer = single && (first.kind === 'num' ? !first.decimal && !first.grouped : first.kind === 'word');
  // a day of the month: "el 16 de mayo", "del 13 al 17 de mayo", "mayo 15", "viernes 12"
  if (integer && n.value >= 1 && n.value <= 31 && (DAY_BEFORE_MONTH.test(after) || AFTER_MONTH_OR_DAY.test(before))) return true;
  // a time: "a las 10", "las 9 horas"
  if (integer && n.value <= 24 && (/(?:^|[^a-z])a\s+las?\s+$/.test(before) || (/(?:^|[^a-z])las?\s+$/.test(before) && TIME_AFTER.test(after)))) return true;
  // a year: four digits, no separator, 1900–2100, not counting a known noun ("2024 camas" would count)
  if (first.kind === 'num' && single && !first.decimal && !first.grouped && n.value >= 1900 && n.value <= 2100 && /^\d{4}$/.test(f.slice(n.start, n.end))) {
    const counted = countedAt(text, f, n.end, false);
    if (!counted || unitFor(f.slice(counted.start, counted.end)) === 'count') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// After the number: money, percentages, counted noun phrases

// prettier-ignore
const STOP_WORDS = new Set([
  'en', 'para', 'que', 'con', 'a', 'al', 'por', 'desde', 'hasta', 'entre', 'sin', 'durante', 'como', 'cuando', 'donde',
  'mientras', 'segun', 'sobre', 'tras', 'hacia', 'ante', 'contra', 'mediante', 'bajo', 'se', 'lo', 'le', 'les', 'su', 'sus',
  'es', 'son', 'fue', 'fueron', 'ha', 'han', 'habia', 'habian', 'esta', 'estan', 'estaban', 'sera', 'seran', 'cuyo', 'cuya',
  'cuyos', 'cuyas', 'ademas', 'asi', 'tambien', 'pero', 'mas', 'aunque', 'pues', 'ya', 'no', 'si', 'quien', 'quienes',
  'cual', 'cuales', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'esos', 'esas', 'aproximadamente', 'respectivamente',
  'cada', 'e', 'u', 'o', 'ni', 'un', 'una', 'unos', 'unas',
]);
const CONNECTORS = new Set(['de', 'del', 'y', 'la', 'las', 'el', 'los']);
/**
 * Conjugated verbs end a noun phrase: "23 estados firmaron", "10 hospitales atendieron",
 * "82 médicos llegarán". Tested on the original (accented) word: "atendió" is a verb, "servicio" is not.
 */
const VERB_ENDING = /(?:aron|ieron|aban|ían|ando|iendo|ará|erá|irá|arán|erán|irán|ó)$/;

interface Span {
  start: number;
  end: number;
}

/** The counted noun phrase starting after `from` (skipping spaces), or null. */
function countedAt(text: string, f: string, from: number, skipDe: boolean): Span | null {
  let at = from;
  const words: Span[] = [];
  const wordRe = /[ \t]+([a-z]+(?:-[a-z]+)*)/y;
  // markdown emphasis may open the phrase: "5 mil **consultas de especialidad**"
  const firstWordRe = /[ \t]+(?:\*\*|__|\*|_)?([a-z]+(?:-[a-z]+)*)/y;
  let first = true;
  while (words.length < 8) {
    const re = words.length === 0 ? firstWordRe : wordRe;
    re.lastIndex = at;
    const m = re.exec(f);
    if (!m) break;
    const w = m[1]!;
    const wStart = at + m[0].length - w.length;
    const wEnd = at + m[0].length;
    if (isLetter(f[wEnd]) || isDigit(f[wEnd])) break; // letters fold could not handle
    if (first && skipDe && w === 'de') {
      at = wEnd;
      first = false;
      continue;
    }
    first = false;
    if (STOP_WORDS.has(w) || UNITS[w] !== undefined || MULTIPLIERS[w] !== undefined) break;
    if (words.length && VERB_ENDING.test(text.slice(wStart, wEnd).toLowerCase())) break;
    if (w === 'y') {
      // "y" joins a second noun or adjective of the same phrase ("niñas y niños", "hospitales
      // básicos y comunitarios", "de segundo y tercer nivel"), not a second quantity ("médicos
      // y 300 enfermeras") nor a new subject ("65 años y rehabilitación").
      const look = /^[ \t]+([a-z0-9]+)/.exec(f.slice(wEnd, wEnd + 40));
      const nextWord = look?.[1] ?? '';
      const inComplement = words.some((x) => /^del?$/.test(f.slice(x.start, x.end)));
      if (!nextWord || /^\d/.test(nextWord) || UNITS[nextWord] !== undefined || MULTIPLIERS[nextWord] !== undefined || STOP_WORDS.has(nextWord)) break;
      if (!inComplement && !nextWord.endsWith('s')) break;
    }
    words.push({ start: wStart, end: wEnd });
    at = wEnd;
  }
  // trim trailing connectors: "hospitales de" → "hospitales"
  while (words.length && CONNECTORS.has(f.slice(words[words.length - 1]!.start, words[words.length - 1]!.end))) words.pop();
  // a phrase cannot start with a connector ("80 de cada 100")
  if (!words.length || CONNECTORS.has(f.slice(words[0]!.start, words[0]!.end))) return null;
  return { start: words[0]!.start, end: words[words.length - 1]!.end };
}

function unitFor(countedFolded: string): string {
  const words = countedFolded.split(/\s+/);
  const heads = [0];
  if (words.length > 1 && PRE_NOMINAL.has(words[0]!)) heads.push(1);
  let best: [string, string] | null = null;
  for (const h of heads) {
    for (const [key, unit] of COUNTED_UNITS) {
      const k = key.split(' ');
      if (k.every((w, i) => words[h + i] === w) && (!best || key.length > best[0].length)) best = [key, unit];
    }
    if (best) break;
  }
  return best ? best[1] : 'count';
}

const CURRENCY_AFTER: ReadonlyArray<readonly [RegExp, string, number]> = [
  [/^[ \t]+mmdp\b\.?/, 'MXN', 1e9],
  [/^[ \t]+mdp\b\.?/, 'MXN', 1e6],
  [/^[ \t]+mmdd\b\.?/, 'USD', 1e9],
  [/^[ \t]+mdd\b\.?/, 'USD', 1e6],
  [/^[ \t]+(?:de[ \t]+)?pesos?(?:[ \t]+mexicanos)?(?:[ \t]*\(?m\.[ \t]?n\.\)?)?/, 'MXN', 1],
  [/^[ \t]+(?:de[ \t]+)?(?:mxn|m\.[ \t]?n\.)/, 'MXN', 1],
  [/^[ \t]+(?:de[ \t]+)?(?:dolares|dolar)(?:[ \t]+(?:estadounidenses|americanos))?/, 'USD', 1],
  [/^[ \t]+(?:de[ \t]+)?(?:usd|dlls?\.?|us\$)/, 'USD', 1],
  [/^[ \t]+(?:de[ \t]+)?euros?/, 'EUR', 1],
];

const PERCENT_AFTER = /^(?:[ \t]?%|[ \t]+por[ \t]*ciento\b|[ \t]+porciento\b)/;
const POINTS_AFTER = /^[ \t]+puntos[ \t]+porcentuales\b/;

interface Draft extends Quantity {
  /** the numeral ends with a multiplier word, and that multiplier */
  trailingMult: number;
  numeralOnly: boolean;
  /** scale a suffix applied: 1e6 for "mdp", 1e9 for "mmdp" */
  suffixScale: number;
}

function buildQuantity(text: string, f: string, n: Numeral): Draft {
  let start = n.start;
  let end = n.end;
  let value = n.value;
  let unit = 'count';
  let counted: string | null = null;
  let currencyPrefix = false;
  let suffixScale = 1;

  const prefix = /(us\$|usd[ \t]?\$?|mxn[ \t]?\$?|mx\$|\$)[ \t]?$/.exec(f.slice(Math.max(0, n.start - 6), n.start));
  if (prefix) {
    start = n.start - prefix[0].length;
    unit = prefix[1]!.startsWith('us') ? 'USD' : 'MXN';
    currencyPrefix = true;
  }
  const last = n.toks[n.toks.length - 1]!;
  const endsWithBigMult = last.kind === 'mult' && last.value >= 1e6;
  const trailingMult = last.kind === 'mult' ? last.value : 0;
  const after = f.slice(n.end, n.end + 80);

  let m: RegExpExecArray | null;
  if ((m = PERCENT_AFTER.exec(after))) {
    unit = 'percent';
    end = n.end + m[0].length;
  } else if ((m = POINTS_AFTER.exec(after))) {
    unit = 'percentage points';
    end = n.end + m[0].length;
  } else {
    let currency: string | null = null;
    for (const [re, cur, scale] of CURRENCY_AFTER) {
      const c = re.exec(after);
      if (!c) continue;
      // "de pesos" only after millón/millones: "250 millones de pesos", not "250 de pesos"
      if (/^[ \t]+de[ \t]/.test(c[0]) && !endsWithBigMult) continue;
      currency = cur;
      value = clean(value * scale);
      suffixScale = scale;
      end = n.end + c[0].length;
      break;
    }
    if (currency) unit = currency;
    else if (!currencyPrefix) {
      const span = countedAt(text, f, n.end, endsWithBigMult);
      if (span) {
        counted = text.slice(span.start, span.end).toLowerCase();
        unit = unitFor(f.slice(span.start, span.end));
        end = span.end;
      }
    }
  }
  return {
    start,
    end,
    text: text.slice(start, end),
    value,
    unit,
    counted,
    qualifier: null,
    changePercent: null,
    trailingMult,
    numeralOnly: unit === 'count' && counted === null,
    suffixScale,
  };
}

function qualifierBefore(f: string, start: number): string | null {
  const before = f.slice(Math.max(0, start - 30), start);
  for (const [re, q] of QUALIFIERS) if (re.test(before)) return q;
  return null;
}

const CHANGE_NOUN = '(?:incremento|aumento|crecimiento|alza|repunte|disminucion|reduccion|caida|baja|descenso|decremento)';
const CHANGE_VERB = '(?:se[ \\t]+)?(?:incremento|incrementaron|aumento|aumentaron|crecio|crecieron|subio|subieron|disminuyo|disminuyeron|redujo|redujeron|cayo|cayeron|bajo|bajaron)';
const CHANGE_GAP = new RegExp(
  // markdown emphasis or a closing quote may sit between: "…especialidad**, un incremento de"
  '^[*_”"»\'’)]*[ \\t]*[,;(]?[ \\t]*' +
    '(?:(?:lo[ \\t]+que|que|cifra[ \\t]+que|y)[ \\t]+)?' +
    '(?:(?:representa|represento|representan|representaron|significa|significo|implica|implico|refleja|reflejo|registra|registro|tuvo|tuvieron)[ \\t]+)?' +
    '(?:con[ \\t]+)?' +
    `(?:(?:un|una|el)[ \\t]+(${CHANGE_NOUN})(?:[ \\t]+(?:de|en)[ \\t]+(?:la|el|los|las)[ \\t]+[a-z]+)?[ \\t]+(?:de|del)[ \\t]+` +
    `|(${CHANGE_VERB})[ \\t]+(?:en[ \\t]+)?(?:(?:un|el)[ \\t]+)?)` +
    '(?:(?:mas[ \\t]+de|casi|cerca[ \\t]+de|alrededor[ \\t]+de)[ \\t]+)?$',
);
const DECREASE = /^(?:disminucion|reduccion|caida|baja|descenso|decremento|(?:se[ \t]+)?(?:disminuyo|disminuyeron|redujo|redujeron|cayo|cayeron|bajo|bajaron))$/;

/**
 * Finds the quantities in a text, in order. Years, days of the month, times, bulletin and
 * article numbers, phone numbers and ordinals are left out. A percentage written as the change
 * of the quantity just before it ("…consultas, un incremento de 59 por ciento") is attached to
 * that quantity as `changePercent` instead of being returned on its own. In a range whose first
 * number is bare ("entre 20 y 30 por ciento", "de 3 a 5 millones de personas") the first number
 * takes the unit, counted noun and trailing multiplier of the second.
 */
export function findQuantities(text: string): Quantity[] {
  const f = fold(text);
  const blocked = blockedRanges(f);
  const drafts: Draft[] = [];
  let pos = 0;
  while (pos < f.length) {
    const c = f[pos]!;
    const startsToken = isDigit(c) ? !isDigit(f[pos - 1]) : c >= 'a' && c <= 'z' && !isLetter(f[pos - 1]);
    if (!startsToken) {
      pos++;
      continue;
    }
    const n = numeralAt(f, pos);
    if (!n) {
      // skip the rest of this word or digit group
      const step = /^(?:[a-z]+|[\d.,]+)/.exec(f.slice(pos, pos + 40));
      pos += step ? step[0].length : 1;
      continue;
    }
    const isBlocked = blocked.some(([s, e]) => n.start < e && n.end > s);
    if (isBlocked || notAQuantity(text, f, n)) {
      // skip the whole connected blob ("015/2024", "10:30", "55 1234 5678")
      const blob = /^[\d.,/:\-–]+/.exec(f.slice(n.end));
      pos = n.end + (blob ? blob[0].length : 0);
      continue;
    }
    const q = buildQuantity(text, f, n);
    q.qualifier = qualifierBefore(f, q.start);
    drafts.push(q);
    pos = Math.max(q.end, n.end);
  }

  // a decimal point typed with a space after it: "53. 2 millones" is 53.2 millones (a sentence does not
  // end inside "a 53." and go on "2 millones de ellos")
  for (let i = 0; i + 1 < drafts.length; i++) {
    const a = drafts[i]!;
    const b = drafts[i + 1]!;
    if (!a.numeralOnly || a.trailingMult || !Number.isInteger(a.value) || a.value >= 1000 || !b.trailingMult) continue;
    if (f.slice(a.end, b.start) !== '. ' || !/^\d[ \t]/.test(f.slice(b.start, b.start + 2))) continue;
    b.value = clean((a.value + Number(f[b.start]) / 10) * b.trailingMult * b.suffixScale);
    b.start = a.start;
    b.text = text.slice(b.start, b.end);
    drafts.splice(i, 1);
  }

  // ranges: "entre 20 y 30 por ciento", "de 3 a 5 millones de personas"
  for (let i = 0; i + 1 < drafts.length; i++) {
    const a = drafts[i]!;
    const b = drafts[i + 1]!;
    if (!a.numeralOnly || a.trailingMult || b.numeralOnly) continue;
    if (!/^[ \t]+(?:y|a|al|o|e|u|-|–)[ \t]+$/.test(f.slice(a.end, b.start))) continue;
    if (b.trailingMult && a.value < 1000) a.value = clean(a.value * b.trailingMult);
    a.value = clean(a.value * b.suffixScale);
    a.unit = b.unit;
    a.counted = b.counted;
  }

  // changes: "442 mil 420 consultas de especialidad, un incremento de 59 por ciento"
  const out: Quantity[] = [];
  for (const q of drafts) {
    const prev = out[out.length - 1];
    if (q.unit === 'percent' && prev && prev.unit !== 'percent' && prev.changePercent === null) {
      const gap = CHANGE_GAP.exec(f.slice(prev.end, q.start));
      if (gap) {
        const word = (gap[1] ?? gap[2] ?? '').trim();
        prev.changePercent = DECREASE.test(word) ? -q.value : q.value;
        continue;
      }
    }
    const { trailingMult: _t, numeralOnly: _n, suffixScale: _s, ...quantity } = q;
    out.push(quantity);
  }
  return out;
}

/**
 * Value of a numeral written alone ("mil 280", "9 millones 161 mil 742", "7,030 millones",
 * "53.2 millones", "doscientos treinta y dos", "un millón"); null when the string holds
 * anything else (units, currency signs, a second number).
 */
export function parseSpanishNumber(s: string): number | null {
  const f = fold(s);
  const lead = /^\s*/.exec(f)![0].length;
  const n = numeralAt(f, lead);
  if (!n) {
    // a lone "un"/"uno" is refused in running text, but as a whole string it is 1
    return /^\s*(?:un|una|uno)\s*$/.test(f) ? 1 : null;
  }
  if (f.slice(n.end).trim() !== '') return null;
  return n.value;
}
