/**
 * Reading a source document: decoding and validating its bytes, splitting off its front
 * matter, merging metadata from a sidecar JSON file, and checking that it is a Spanish text.
 *
 * Pure: the caller reads the files (the document and, if present, `<name>.json` beside it).
 * Every problem is a DocumentError naming the file and what to fix.
 */
import { cleanDocumentText } from '../text/characters.js';
import { Parser } from 'htmlparser2';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { detectFormat, normalize, type SourceFormat } from './normalize.js';

export type { SourceFormat } from './normalize.js';

interface DocumentMeta {
  title: string | null;
  publisher: string | null;
  url: string | null;
  /** ISO date: YYYY-MM-DD, YYYY-MM or YYYY. */
  published: string | null;
  /** How the publication date was inferred when the page does not give it (null when it does). */
  publishedNote: string | null;
  author: string | null;
}

export interface SourceDocument {
  fileName: string;
  format: SourceFormat;
  /** The content without the front matter. */
  body: string;
  /** Where `body` starts in the file's text (UTF-16 code units; a BOM counts). */
  bodyOffset: number;
  meta: DocumentMeta;
}

/**
 * Which part of what was sent a document's problem is in: its name, its text (front matter
 * included), the metadata given beside the text as a whole (the sidecar JSON), or one field of
 * it (the API's ingestDocument fields travel as the sidecar), so that a caller can point at it
 * without reading the message.
 */
export type DocumentPart = 'name' | 'text' | 'sidecar' | { sidecarField: string };

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly part: DocumentPart = 'text',
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DocumentError';
  }
}

export const MAX_DOCUMENT_BYTES = 1_000_000;

/** A page's date written before its text by the tool that saved it: "date 2025-05-14 ..." (removed by normalize). */
const PAGE_DATE = /^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s/;

const EMBED_MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
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
};
/** The signature line of an embedded social post: "— Ana Ruiz (@anaruiz) June 27, 2024" (or "27 de junio de 2024"). */
const EMBED_SIGNATURE = /[—–-]\s*[^\n()]{1,80}\(@[A-Za-z0-9_]{1,30}\)\s+(?:([A-Za-z]+)\s+(\d{1,2}),\s+(\d{4})|(\d{1,2})\s+de\s+([a-záéíóú]+)\s+de\s+(\d{4}))/giu;

/**
 * The day of the latest social post a page embeds: a page that gives no date of its own was
 * published that day or after, so it dates the page, inferred.
 */
function latestEmbeddedPostDate(body: string): string | null {
  let latest: string | null = null;
  for (const m of body.matchAll(EMBED_SIGNATURE)) {
    const month = EMBED_MONTHS[(m[1] ?? m[5] ?? '').toLowerCase()];
    const day = Number(m[2] ?? m[4]);
    const year = Number(m[3] ?? m[6]);
    if (!month || day < 1 || day > 31) continue;
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!latest || iso > latest) latest = iso;
  }
  return latest;
}

/** File extensions accepted as documents (a name without extension is sniffed). */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

// ---------------------------------------------------------------------------------------------
// Language check.

/**
 * Common Spanish function words: the brief's fourteen (de, la, el, que, en, los, del, se, las,
 * por, un, para, con, una) and eight more that are as frequent (y, al, su, sus, es, lo, como,
 * más). Their share among a text's word tokens is about a third in Spanish news prose.
 */
// prettier-ignore
const SPANISH_FUNCTION_WORDS = new Set([
  'de', 'la', 'el', 'que', 'en', 'los', 'del', 'se', 'las', 'por', 'un', 'para', 'con', 'una',
  'y', 'al', 'su', 'sus', 'es', 'lo', 'como', 'más',
]);
/**
 * Frequent words of English, French and Portuguese that are not Spanish words. French and
 * Portuguese share "de", "la", "que", "en", "se", "para", "por" with Spanish and score up to
 * 0.19 on the Spanish list alone; subtracting these separates them.
 */
// prettier-ignore
const FOREIGN_FUNCTION_WORDS = new Set([
  // English
  'the', 'and', 'of', 'to', 'is', 'that', 'for', 'with', 'on', 'was', 'are', 'this', 'by', 'from', 'be', 'have', 'it',
  // French
  'le', 'les', 'des', 'et', 'est', 'du', 'une', 'pour', 'dans', 'au', 'aux', 'qui', 'sur', 'pas', 'il', 'elle', 'sont', 'avec',
  // Portuguese
  'os', 'das', 'dos', 'em', 'não', 'com', 'uma', 'um', 'ao', 'na', 'pela', 'pelo', 'é', 'são', 'seu', 'sua',
]);
/**
 * Minimum of (Spanish function-word share − foreign function-word share), measured:
 * - the five corpus documents, normalized: 0.35–0.42 (raw files 0.32–0.38); their paragraphs
 *   of 12+ words: 0.13 and up (a one-sentence subtitle), most over 0.25;
 * - invented Spanish sentences of 11–20 words: 0.21–0.45;
 * - invented English paragraphs: −0.38 to −0.26; French: −0.09 to 0.05; Portuguese: −0.05 to
 *   0.12 (0.04 for the four together); Italian: below 0.
 * 0.15 separates whole documents with room on both sides. franc (trigram models) was measured
 * too: right on every paragraph of 12+ words, but wrong on 2 of 4 short Spanish headlines
 * (Galician, Italian), and it adds a dependency; this check is as good on documents and
 * says why it rejects one.
 */
export const SPANISH_SCORE_THRESHOLD = 0.15;
/** Below this many words the share says too little: the check is not applied. */
export const LANGUAGE_CHECK_MIN_WORDS = 8;

export interface LanguageScore {
  words: number;
  spanish: number;
  foreign: number;
  score: number;
}

export function spanishScore(text: string): LanguageScore {
  const words =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return { words: 0, spanish: 0, foreign: 0, score: 0 };
  const spanish = words.filter((w) => SPANISH_FUNCTION_WORDS.has(w)).length / words.length;
  const foreign = words.filter((w) => FOREIGN_FUNCTION_WORDS.has(w)).length / words.length;
  return { words: words.length, spanish, foreign, score: spanish - foreign };
}

const SPANISH_TAGS = /^(es(-[a-z0-9]+)?|spa|español|espanol|spanish|castellano)$/i;

// ---------------------------------------------------------------------------------------------
// Content checks.

function decode(fileName: string, content: string | Buffer): string {
  if (typeof content === 'string') {
    const bytes = Buffer.byteLength(content, 'utf8');
    if (bytes > MAX_DOCUMENT_BYTES) {
      throw new DocumentError(fileName, `is ${bytes} bytes, over the limit of ${MAX_DOCUMENT_BYTES} bytes`);
    }
    return content;
  }
  if (content.length > MAX_DOCUMENT_BYTES) {
    throw new DocumentError(fileName, `is ${content.length} bytes, over the limit of ${MAX_DOCUMENT_BYTES} bytes`);
  }
  if (content.includes(0)) throw new DocumentError(fileName, 'contains NUL bytes: binary content, not a text document');
  try {
    // ignoreBOM keeps a BOM as U+FEFF so offsets are those of the file read as UTF-8 text.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    throw new DocumentError(fileName, 'is not valid UTF-8 text (binary content or another encoding); convert it to UTF-8');
  }
}

/** C0 controls other than tab, line feed, form feed and carriage return; DEL; C1 controls; U+FFFD. */
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/g;

function checkText(fileName: string, text: string): void {
  if (text.includes('\u0000')) throw new DocumentError(fileName, 'contains NUL characters: binary content, not a text document');
  const controls = (text.match(CONTROL) ?? []).length;
  if (controls >= 2 && controls / text.length > 0.01) {
    throw new DocumentError(fileName, `looks binary: ${controls} of ${text.length} characters are control or replacement characters`);
  }
}

// ---------------------------------------------------------------------------------------------
// Front matter and sidecar.

type Fields = Record<string, unknown>;

function splitFrontMatter(fileName: string, text: string): { fields: Fields | null; bodyOffset: number } {
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  const open = /^---[ \t]*(\r?\n|$)/.exec(text.slice(bom));
  if (!open) return { fields: null, bodyOffset: 0 };
  const yamlStart = bom + open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(yamlStart);
  const m = close.exec(rest);
  if (!m) {
    throw new DocumentError(fileName, 'front matter opened with "---" on the first line is never closed (add a "---" line after it)');
  }
  const yamlText = rest.slice(0, m.index);
  let bodyOffset = yamlStart + m.index + m[0].length;
  if (text[bodyOffset] === '\r') bodyOffset++;
  if (text[bodyOffset] === '\n') bodyOffset++;
  let parsed: unknown;
  try {
    parsed = parseYaml(yamlText);
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0]?.line;
      const where = line !== undefined ? ` at front matter line ${line}` : '';
      throw new DocumentError(fileName, `front matter is not valid YAML${where}: ${e.message.split('\n')[0]}`);
    }
    throw new DocumentError(fileName, `front matter is not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (parsed === null || parsed === undefined) return { fields: {}, bodyOffset };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DocumentError(fileName, 'front matter must be a mapping of fields (title: ..., published: ...)');
  }
  return { fields: parsed as Fields, bodyOffset };
}

function parseSidecar(fileName: string, sidecarJson: string): Fields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(sidecarJson.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new DocumentError(fileName, `sidecar JSON is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, 'sidecar');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DocumentError(fileName, 'sidecar JSON must be an object of fields ({"title": ..., "published": ...})', 'sidecar');
  }
  return parsed as Fields;
}

const STRING_FIELDS = ['title', 'publisher', 'url', 'author', 'language'] as const;

interface RawMeta {
  title?: string | null;
  publisher?: string | null;
  url?: string | null;
  published?: string | null;
  author?: string | null;
  language?: string | null;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  return `a ${typeof v}`;
}

/** Checks field types; `where` says which source (front matter or sidecar JSON). */
function readFields(fileName: string, fields: Fields, where: 'sidecar JSON' | 'front matter'): RawMeta {
  const out: RawMeta = {};
  const part = (key: string): DocumentPart => (where === 'sidecar JSON' ? { sidecarField: key } : 'text');
  const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());
  for (const key of STRING_FIELDS) {
    if (!(key in fields)) continue;
    const v = fields[key];
    if (v === null || v === undefined) {
      out[key] = null;
    } else if (typeof v === 'string') {
      out[key] = blankToNull(v);
    } else if (key === 'author' && Array.isArray(v) && v.every((a) => typeof a === 'string')) {
      out.author = blankToNull(
        (v as string[])
          .map((a) => a.trim())
          .filter((a) => a !== '')
          .join(', '),
      );
    } else {
      const expected = key === 'author' ? 'a string or a list of strings' : 'a string';
      throw new DocumentError(fileName, `${where} field "${key}" must be ${expected}, not ${typeName(v)}`, part(key));
    }
  }
  if ('published' in fields) {
    const v = fields.published;
    if (v === null || v === undefined) out.published = null;
    else if (typeof v === 'string') out.published = blankToNull(v);
    else if (typeof v === 'number' && Number.isInteger(v)) out.published = String(v);
    else if (v instanceof Date) out.published = v.toISOString();
    else throw new DocumentError(fileName, `${where} field "published" must be a date string (YYYY-MM-DD, YYYY-MM or YYYY), not ${typeName(v)}`, part('published'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Field values.

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Validates a publication date: YYYY-MM-DD, YYYY-MM, YYYY, or an ISO date-time (reduced to its
 * date as written). Not in the future: its first day must not start more than a day after
 * `now` (a day of slack for time zones ahead of the clock that runs the ingestion).
 */
export function parsePublished(value: string, now: Date): { ok: true; date: string } | { ok: false; problem: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(value.trim());
  if (!m) {
    return { ok: false, problem: `published date "${value}" is not an ISO date (use YYYY-MM-DD, YYYY-MM or YYYY)` };
  }
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) {
    return { ok: false, problem: `published date "${value}" has no month ${m[2]}` };
  }
  if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month))) {
    return { ok: false, problem: `published date "${value}" does not exist (day ${m[3]} of ${m[1]}-${m[2]})` };
  }
  const date = [m[1], m[2], m[3]].filter((p) => p !== undefined).join('-');
  const first = Date.UTC(year, (month ?? 1) - 1, day ?? 1);
  if (first > now.getTime() + 24 * 3600 * 1000) {
    return { ok: false, problem: `published date ${date} is in the future (now is ${now.toISOString().slice(0, 10)})` };
  }
  return { ok: true, date };
}

function checkUrl(fileName: string, url: string, part: DocumentPart): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DocumentError(fileName, `url "${url}" is not a valid URL (expected http:// or https://)`, part);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DocumentError(fileName, `url "${url}" is not an http(s) URL`, part);
  }
  return url;
}

// ---------------------------------------------------------------------------------------------
// Title fallback.

const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const DATELINE = new RegExp(`\\b\\d{1,2}\\s+de\\s+(${MONTHS})(\\s+(de|del)\\s+\\d{4})?\\b`, 'i');

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A line that reads like a headline: some words, not shouting, not a dateline or number. */
function headlineLike(line: string): boolean {
  const words = line.match(/\p{L}+/gu) ?? []; // words with letters: "No. 027/2024" has one
  if (words.length < 3 || line.length > 200) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters !== '' && letters === letters.toUpperCase()) return false;
  if (DATELINE.test(line)) return false;
  return !/[.:;,]$/.test(line);
}

function htmlTitle(html: string): string | null {
  let title = '';
  let h1: string | null = null;
  let inTitle = false;
  let h1Depth = 0;
  let h1Text = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (name === 'h1' && h1 === null) h1Depth++;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1' && h1Depth > 0) {
          h1Depth--;
          if (h1Depth === 0 && h1 === null) h1 = collapse(h1Text);
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        if (h1Depth > 0) h1Text += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const h = h1 as string | null;
  if (h) return h;
  return collapse(title) || null;
}

/**
 * A title when the metadata has none: for HTML the first <h1>, else <title>; for Markdown the
 * first "# " heading; otherwise the first line near the top that reads like a headline
 * (skipping letterheads in capitals, datelines and bulletin numbers), else the first line.
 */
export function guessTitle(body: string, format: SourceFormat): string | null {
  if (format === 'html') return htmlTitle(body);
  const lines = body.split(/\r\n|\r|\n/);
  if (format === 'markdown') {
    const h1 = lines.find((l) => /^ {0,3}#[ \t]+\S/.test(l));
    if (h1) return normalize(h1, 'markdown').text || null;
  }
  const clean = (l: string) => (format === 'markdown' ? normalize(l, 'markdown').text : collapse(l));
  const candidates = lines.map(clean).filter((l) => l !== '');
  const headline = candidates.slice(0, 15).find(headlineLike);
  const first = headline ?? candidates[0];
  if (first === undefined) return null;
  return first.length <= 300 ? first : `${first.slice(0, 297).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads one document: validates it, splits off front matter, merges the sidecar JSON (the
 * front matter wins a field both give), and fills a missing title from the text.
 */
export function readSourceDocument(fileName: string, content: string | Buffer, sidecarJson?: string | null, now: Date = new Date()): SourceDocument {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (ext !== '' && !(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new DocumentError(fileName, `unsupported file type "${ext}" (expected ${DOCUMENT_EXTENSIONS.join(', ')})`, 'name');
  }
  const raw = decode(fileName, content);
  checkText(fileName, raw);
  // control characters and lone surrogates become spaces and U+FFFD, one for one (offsets hold)
  const text = cleanDocumentText(raw);
  if (text.replace(/^\ufeff/, '').trim() === '') {
    throw new DocumentError(fileName, text.length === 0 ? 'is empty' : 'is empty (only whitespace)');
  }

  const { fields, bodyOffset } = splitFrontMatter(fileName, text);
  const body = text.slice(bodyOffset);
  if (body.replace(/^\ufeff/, '').trim() === '') {
    throw new DocumentError(fileName, 'has front matter but no text after it');
  }

  const fromSidecar = sidecarJson != null ? readFields(fileName, parseSidecar(fileName, sidecarJson), 'sidecar JSON') : {};
  const fromFront = fields ? readFields(fileName, fields, 'front matter') : {};
  const merged: RawMeta = { ...fromSidecar };
  for (const [k, v] of Object.entries(fromFront) as [keyof RawMeta, string | null][]) {
    if (v !== null || !(k in merged)) merged[k] = v;
  }
  // where a merged field came from: the front matter wins a field both give
  const partOf = (k: keyof RawMeta): DocumentPart => (fromFront[k] != null || fromSidecar[k] == null ? 'text' : { sidecarField: k });

  if (merged.language && !SPANISH_TAGS.test(merged.language)) {
    throw new DocumentError(fileName, `language is "${merged.language}", but only Spanish (es) documents are supported`, partOf('language'));
  }

  const format = detectFormat(fileName, body);
  const normalized = normalize(body, format);
  if (normalized.text.trim() === '') {
    throw new DocumentError(fileName, `has no article text once ${format === 'text' ? 'boilerplate is' : 'markup and boilerplate are'} removed`);
  }
  const score = spanishScore(normalized.text);
  if (score.words >= LANGUAGE_CHECK_MIN_WORDS && score.score < SPANISH_SCORE_THRESHOLD) {
    throw new DocumentError(
      fileName,
      `does not look like Spanish: Spanish function words make ${(score.spanish * 100).toFixed(0)}% of its ${score.words} words` +
        ` and other languages' ${(score.foreign * 100).toFixed(0)}% (score ${score.score.toFixed(2)}, needs ${SPANISH_SCORE_THRESHOLD})`,
    );
  }

  let published: string | null = null;
  let publishedNote: string | null = null;
  // a page saved with its date as the first word of the text ("date 2025-05-14 La presidenta..."):
  // the page's date, when nothing else gives one
  const pageDate = PAGE_DATE.exec(body)?.[1] ?? null;
  const publishedText = merged.published ?? pageDate;
  if (publishedText) {
    const p = parsePublished(publishedText, now);
    if (!p.ok) throw new DocumentError(fileName, p.problem, merged.published ? partOf('published') : 'text');
    published = p.date;
  } else {
    const embedded = latestEmbeddedPostDate(body);
    const p = embedded ? parsePublished(embedded, now) : null;
    if (p?.ok) {
      published = p.date;
      publishedNote = 'the page gives no date; the latest social post it embeds is of this day, so it was published then or after';
    }
  }
  const url = merged.url ? checkUrl(fileName, merged.url, partOf('url')) : null;

  return {
    fileName,
    format,
    body,
    bodyOffset,
    meta: {
      title: merged.title ?? guessTitle(body, format),
      publisher: merged.publisher ?? null,
      url,
      published,
      publishedNote,
      author: merged.author ?? null,
    },
  };
}
