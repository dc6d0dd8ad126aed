/**
 * First stage of ingestion: from a raw document (plain text, Markdown or HTML) to the article's
 * clean text, with an exact map from every kept character back to the original input (for
 * citations) and a list of the spans dropped as boilerplate, each with its reason.
 *
 * Pure: no I/O, same input, same output.
 *
 * How it works: a format stage turns the input into a "mapped string" (characters, each with
 * the original span it came from, line breaks where the format has them), then a common stage
 * applies the boilerplate rules line by line, finds a trailing run of related-article links,
 * and collapses whitespace into paragraphs separated by "\n\n".
 */
import { Parser } from 'htmlparser2';

export type SourceFormat = 'text' | 'markdown' | 'html';

interface RemovedSpan {
  /** Offset in the original input (UTF-16 code units), inclusive. */
  start: number;
  /** Offset in the original input, exclusive. */
  end: number;
  /** Which rule removed it, e.g. "related-article links", "photo credit", "html <nav>". */
  reason: string;
}

export interface Normalized {
  /** The article's clean text: paragraphs separated by "\n\n", whitespace collapsed inside. */
  text: string;
  /**
   * Maps an offset in `text` to the offset in the original input. For a kept character, the
   * offset of that character (for an HTML entity, of the entity's "&"); for a collapsed
   * whitespace run, its first character; for a paragraph separator and for text.length, the
   * end of the last kept character before it.
   */
  toOriginal(offset: number): number;
  /**
   * Maps an exclusive end offset in `text` to the exclusive end in the original input: the end
   * of the character before it (after an entity, the end of the entity; before a closing tag,
   * the position before the tag). Use it for span ends so that a citation does not take in
   * the markup that follows the span.
   */
  toOriginalEnd(end: number): number;
  /** Spans of the original input removed as boilerplate or non-text, sorted by start. */
  removed: RemovedSpan[];
}

// ---------------------------------------------------------------------------------------------
// Mapped string: characters with their origin.

interface Mapped {
  s: string;
  /** Original offset of each character (inclusive). */
  start: Int32Array;
  /** Original end of each character (exclusive). */
  end: Int32Array;
}

class MappedBuilder {
  private readonly chunks: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  /** Adds `text`, every code unit of it taken from the original span [start, end). */
  add(text: string, start: number, end: number): void {
    this.chunks.push(text);
    for (let i = 0; i < text.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Adds input[from, to) character by character, each mapped to itself. */
  addRaw(input: string, from: number, to: number): void {
    if (to <= from) return;
    this.chunks.push(input.slice(from, to));
    for (let i = from; i < to; i++) {
      this.starts.push(i);
      this.ends.push(i + 1);
    }
  }

  /** Adds one character mapped to input offset `at` (its own code unit). */
  addChar(ch: string, at: number): void {
    this.add(ch, at, at + 1);
  }

  /** A synthetic break (no character of the original), anchored at `at`. */
  addBreak(text: string, at: number): void {
    this.add(text, at, at);
  }

  build(): Mapped {
    return { s: this.chunks.join(''), start: Int32Array.from(this.starts), end: Int32Array.from(this.ends) };
  }
}

// ---------------------------------------------------------------------------------------------
// Character classes.

/** Whitespace that collapses to one space (JS \s includes U+00A0, U+2000–U+200A, U+202F, U+3000...). */
const isSpace = (ch: string): boolean => /\s/.test(ch);
/** Invisible characters dropped outright: zero-width space, word joiner, BOM, soft hyphen. */
const isInvisible = (ch: string): boolean => ch === '\u200b' || ch === '\u2060' || ch === '\ufeff' || ch === '\u00ad';

// ---------------------------------------------------------------------------------------------
// Format detection.

const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const MARKDOWN_EXT = new Set(['.md', '.markdown', '.mdown', '.mkd']);

function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * The format of a document: by extension (.html/.htm, .md/.markdown), otherwise (for .txt and
 * anything else) by its content: HTML when it starts like an HTML document or closes several
 * common tags, Markdown when it shows at least two Markdown signs (headings, bold, links,
 * images, code fences), else plain text.
 */
export function detectFormat(fileName: string, content: string): SourceFormat {
  const ext = extensionOf(fileName);
  if (HTML_EXT.has(ext)) return 'html';
  if (MARKDOWN_EXT.has(ext)) return 'markdown';
  const sample = content.slice(0, 100_000).replace(/^\ufeff/, '');
  if (/^\s*<(!doctype\s+html|html|head|body)\b/i.test(sample)) return 'html';
  const closing = sample.match(/<\/(p|div|span|a|h[1-6]|li|ul|ol|article|section|strong|em|b|i|td|tr|table|body|html)\s*>/gi);
  if (closing && closing.length >= 3) return 'html';
  let signs = 0;
  signs += (sample.match(/^ {0,3}#{1,6}[ \t]+\S/gm) ?? []).length;
  // Bold may wrap over lines of one paragraph ("**GOBIERNO DE\nMÉXICO**").
  signs += (sample.match(/\*\*[^*\n]+(?:\n[^*\n]+)*\*\*|__[^_\n]+__/g) ?? []).length;
  signs += (sample.match(/!?\[[^\]\n]+\]\([^)\s]+\)/g) ?? []).length;
  signs += (sample.match(/^ {0,3}(```|~~~)/gm) ?? []).length;
  return signs >= 2 ? 'markdown' : 'text';
}

// ---------------------------------------------------------------------------------------------
// Plain text.

function mapText(input: string): Mapped {
  const b = new MappedBuilder();
  b.addRaw(input, 0, input.length);
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// HTML.

/** Elements whose whole content is not article text. */
const HTML_DROP: Record<string, string> = {
  script: 'html <script>',
  style: 'html <style>',
  noscript: 'html <noscript>',
  template: 'html <template>',
  head: 'html <head>',
  title: 'html <title>',
  svg: 'html <svg>',
  math: 'html <math>',
  iframe: 'html <iframe>',
  object: 'html <object>',
  canvas: 'html <canvas>',
  select: 'html <select>',
  button: 'html <button>',
  nav: 'html <nav>',
  header: 'html <header>',
  footer: 'html <footer>',
  aside: 'html <aside>',
  form: 'html <form>',
  figcaption: 'html <figcaption>',
};

/** Elements that start and end a paragraph. */
// prettier-ignore
const HTML_BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'caption',
]);

/** Class or id words that mark an element as site furniture rather than the article. */
const HTML_BOILERPLATE_CLASS =
  /(?:^|[\s_-])(related|relacionad[oa]s?|share|sharing|social|newsletter|subscribe|suscripci[oó]n|comments?|comentarios|advert|advertisement|publicidad|breadcrumbs?|sidebar|cookies?)(?:$|[\s_-])/i;

function mapHtml(input: string): { mapped: Mapped; removed: RemovedSpan[] } {
  const b = new MappedBuilder();
  const removed: RemovedSpan[] = [];
  const stack: string[] = [];
  type Skip = { depth: number; start: number; reason: string };
  let skip: Skip | null = null;
  let pre = 0;
  let ending = false;

  const paragraphBreak = (at: number) => b.addBreak('\n\n', at);

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        stack.push(name);
        if (skip) return;
        const at = parser.startIndex;
        let reason = HTML_DROP[name];
        if (name === 'header' && stack.slice(0, -1).some((n) => n === 'article' || n === 'main')) {
          // An article's own <header> holds its headline and dateline: keep it.
          reason = undefined;
        }
        if (!reason && ('hidden' in attribs || attribs['aria-hidden'] === 'true')) reason = `hidden html <${name}>`;
        if (!reason && name !== 'body' && name !== 'html' && name !== 'article' && name !== 'main') {
          const marker = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
          const m = HTML_BOILERPLATE_CLASS.exec(marker);
          if (m) reason = `html <${name}> marked "${m[1]!.toLowerCase()}"`;
        }
        if (reason) {
          skip = { depth: stack.length, start: at, reason };
          return;
        }
        if (name === 'br') b.addBreak('\n', at);
        else if (HTML_BLOCK.has(name)) paragraphBreak(at);
        else if (name === 'td' || name === 'th') b.addBreak(' ', at);
        if (name === 'pre') pre++;
      },
      onclosetag(name, implied) {
        const depth = stack.length;
        stack.pop();
        const end = ending ? input.length : parser.endIndex + 1;
        if (skip) {
          if (depth === skip.depth) {
            removed.push({ start: skip.start, end: Math.max(end, skip.start), reason: skip.reason });
            skip = null;
          }
          return;
        }
        if (name === 'br') return;
        if (HTML_BLOCK.has(name)) paragraphBreak(implied ? parser.startIndex : parser.endIndex + 1);
        if (name === 'pre' && pre > 0) pre--;
      },
      ontext(text) {
        if (skip) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const raw = input.slice(start, end);
        if (raw === text) {
          for (let i = 0; i < text.length; i++) {
            const ch = text[i]!;
            b.addChar(pre === 0 && (ch === '\n' || ch === '\r' || ch === '\t' || ch === '\f') ? ' ' : ch, start + i);
          }
        } else {
          // A character reference: every code unit it decodes to maps to the reference.
          const decoded = pre === 0 ? text.replace(/[\n\r\t\f]/g, ' ') : text;
          b.add(decoded, start, end);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(input);
  ending = true;
  parser.end();
  // An element still open at the end (e.g. "<script>" never closed) runs to the end of the input.
  const open = skip as Skip | null;
  if (open) removed.push({ start: open.start, end: input.length, reason: open.reason });
  return { mapped: b.build(), removed };
}

// ---------------------------------------------------------------------------------------------
// Markdown.

interface RawLine {
  from: number;
  to: number; // exclusive, before the line terminator
  next: number; // start of the next line
}

function rawLines(input: string): RawLine[] {
  const lines: RawLine[] = [];
  let from = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === '\n') {
      lines.push({ from, to: i, next: i + 1 });
      from = i + 1;
    } else if (ch === '\r') {
      const next = input[i + 1] === '\n' ? i + 2 : i + 1;
      lines.push({ from, to: i, next });
      from = next;
      i = next - 1;
    }
  }
  lines.push({ from, to: input.length, next: input.length });
  return lines;
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Marks the Markdown inline syntax of one line as dropped; returns the keep mask. */
function markdownInlineMask(line: string): boolean[] {
  const keep = new Array<boolean>(line.length).fill(true);
  const drop = (from: number, to: number) => {
    for (let i = from; i < to; i++) keep[i] = false;
  };
  const guarded = new Uint8Array(line.length); // characters no later rule may touch
  const isProtected = (i: number) => guarded[i] === 1;
  const protect = (from: number, to: number) => guarded.fill(1, from, to);

  // Backslash escapes: drop the backslash, keep (and protect) the escaped character.
  for (let i = 0; i < line.length - 1; i++) {
    if (line[i] === '\\' && /[\\`*_{}[\]()#+\-.!>~|<]/.test(line[i + 1]!)) {
      keep[i] = false;
      protect(i + 1, i + 2);
      i++;
    }
  }
  // Code spans: drop the backticks, keep and protect the code.
  for (const m of line.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) {
    const at = m.index;
    if (isProtected(at)) continue;
    const fence = m[1]!.length;
    drop(at, at + fence);
    drop(at + m[0].length - fence, at + m[0].length);
    protect(at, at + m[0].length);
  }
  // Images: dropped whole, alt text included.
  for (const m of line.matchAll(/!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g)) {
    if (isProtected(m.index)) continue;
    drop(m.index, m.index + m[0].length);
    protect(m.index, m.index + m[0].length);
  }
  // Links: [text](url "title") and [text][ref] keep the text.
  for (const m of line.matchAll(/\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])/g)) {
    if (isProtected(m.index)) continue;
    const textEnd = m.index + 1 + m[1]!.length;
    keep[m.index] = false;
    drop(textEnd, m.index + m[0].length);
  }
  // Autolinks <https://...>: keep the address, drop the brackets.
  for (const m of line.matchAll(/<((?:https?|mailto|ftp):[^<>\s]+)>/gi)) {
    if (isProtected(m.index)) continue;
    keep[m.index] = false;
    keep[m.index + m[0].length - 1] = false;
    protect(m.index, m.index + m[0].length);
  }
  // Inline HTML tags.
  for (const m of line.matchAll(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi)) {
    if (isProtected(m.index)) continue;
    drop(m.index, m.index + m[0].length);
  }
  // Emphasis: runs of * or ~ that open or close (touch a non-space on one side), and runs of _
  // that do so at a word boundary (snake_case and URLs keep their underscores).
  for (const m of line.matchAll(/\*+|_+|~~+/g)) {
    const at = m.index;
    const end = at + m[0].length;
    if (isProtected(at) || !keep[at]) continue;
    const before = line[at - 1];
    const after = line[end];
    const spaceBefore = before === undefined || /\s/.test(before);
    const spaceAfter = after === undefined || /\s/.test(after);
    if (spaceBefore && spaceAfter) continue; // a lone "*" between spaces is text
    if (m[0][0] === '_' && isWordChar(before) && isWordChar(after)) continue; // intraword underscore
    if (m[0][0] === '*' && m[0].length === 1 && /\d/.test(before ?? '') && /\d/.test(after ?? '')) continue; // 3*4
    drop(at, end);
  }
  return keep;
}

function mapMarkdown(input: string): { mapped: Mapped; removed: RemovedSpan[] } {
  const b = new MappedBuilder();
  const removed: RemovedSpan[] = [];
  const lines = rawLines(input);
  let fence: { marker: string; start: number } | null = null;
  let previousBlank = true;

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const text = input.slice(line.from, line.to);
    const newline = () => {
      if (line.next > line.to) b.addRaw(input, line.to, line.to + 1);
      else b.addBreak('\n', line.to);
    };

    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.marker[0] === '`' ? '`' : '~'}{${fence.marker.length},}\\s*$`);
      if (close.test(text)) {
        removed.push({ start: fence.start, end: line.to, reason: 'markdown code block' });
        fence = null;
        b.addBreak('\n\n', line.to);
        previousBlank = true;
      }
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (open) {
      fence = { marker: open[1]!, start: line.from };
      b.addBreak('\n\n', line.from);
      continue;
    }
    const blank = text.trim() === '';
    // Link reference definitions: [id]: https://...
    if (/^ {0,3}\[[^\]]+\]:\s*\S+/.test(text)) {
      b.addBreak('\n', line.to);
      continue;
    }
    // Thematic breaks (---, ***, ___) and setext underlines (=== or --- under a text line).
    if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(text) || (!previousBlank && /^ {0,3}=+\s*$/.test(text))) {
      b.addBreak('\n\n', line.from);
      newline();
      previousBlank = true;
      continue;
    }

    const keep = markdownInlineMask(text);
    let contentFrom = 0;
    let heading = false;
    let listItem = false;
    const headingMatch = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(text);
    if (headingMatch) {
      heading = true;
      contentFrom = headingMatch[0].length;
      const closing = /[ \t]+#+[ \t]*$/.exec(text);
      if (closing && closing.index >= contentFrom) for (let i = closing.index; i < text.length; i++) keep[i] = false;
    } else {
      const quote = /^ {0,3}(?:>[ \t]?)+/.exec(text);
      if (quote) contentFrom = quote[0].length;
      const bullet = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+/.exec(text.slice(contentFrom));
      if (bullet) {
        listItem = true;
        contentFrom += bullet[0].length;
      }
    }
    for (let i = 0; i < contentFrom; i++) keep[i] = false;

    if (heading || listItem) b.addBreak('\n\n', line.from);
    let i = 0;
    while (i < text.length) {
      if (!keep[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && keep[j]) j++;
      b.addRaw(input, line.from + i, line.from + j);
      i = j;
    }
    newline();
    if (heading) b.addBreak('\n', line.to);
    previousBlank = blank;
  }
  if (fence) removed.push({ start: fence.start, end: input.length, reason: 'markdown code block' });
  return { mapped: b.build(), removed };
}

// ---------------------------------------------------------------------------------------------
// Boilerplate rules.

/** A line of the mapped string. */
interface Line {
  from: number;
  to: number;
  paragraph: number;
}

// prettier-ignore
const SOCIAL_WORDS = new Set([
  'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'instagram', 'linkedin', 'email', 'e-mail', 'correo', 'imprimir',
  'compartir', 'comparte', 'tiktok', 'youtube', 'threads', 'pinterest', 'messenger', 'copiar', 'enlace', 'link', 'print',
  'share', 'tweet', 'tuitear', 'bluesky', 'reddit',
]);

/** Labels that introduce links to other articles. */
// prettier-ignore
const RELATED_LABEL = new RegExp(
  '^(?:' +
    [
      'tambi[eé]n (?:puedes|podr[ií]as|te puede|te podr[ií]a) (?:leer|interesar|gustar)',
      'tambi[eé]n (?:lee|lea)',
      'te (?:puede|podr[ií]a|pueden|podr[ií]an) interesar',
      '(?:puede|podr[ií]a) interesarte',
      'quiz[aá]s? te interese',
      'le(?:e|a|er) tambi[eé]n',
      'lee m[aá]s',
      'sigue leyendo',
      'seguir leyendo',
      'notas? relacionadas?',
      'noticias relacionadas',
      'art[ií]culos? relacionados?',
      'contenido relacionado',
      'relacionad[oa]s?',
      'm[aá]s noticias',
      'm[aá]s notas',
      'otras noticias',
      'te recomendamos',
      'recomendad[oa]s',
      'te sugerimos',
      'te compartimos',
      'mira tambi[eé]n',
      'ver tambi[eé]n',
      'checa tambi[eé]n',
      'lo m[aá]s (?:le[ií]do|visto)',
      'm[aá]s le[ií]d[ao]s',
      'm[aá]s informaci[oó]n',
      'most viewed',
      'lo [uú]ltimo',
      '[uú]ltimas noticias',
    ].join('|') +
    ')',
  'i',
);
/** Labels strong enough to count without a colon ("Lee también Inauguran ..."). */
const STRONG_RELATED_LABEL = /^(?:tambi[eé]n puedes leer|te puede interesar|le(?:e|a) tambi[eé]n|te recomendamos|notas relacionadas|te compartimos|m[aá]s informaci[oó]n)\b/i;

/** Site widgets and comment forms, in Spanish and English (whole lines, folded to lower case). */
const WIDGET_LINE =
  /^(?:categor[ií]as|categories|no hay categor[ií]as|etiquetas|tags|archivos|archives|entradas recientes|recent posts|comentarios recientes|recent comments|buscar|search|men[uú]|inicio|home|no comment yet,? add your voice below!?|deja una respuesta|leave a reply|cancelar respuesta|tu direcci[oó]n de correo electr[oó]nico no ser[aá] publicada\.?.*|publicar comentario|post comment|skip to (?:primary navigation|main content|primary sidebar|content))$/i;
/** A relative-time or view-count widget: "hace 3 semanas", "hace 2 horas 11". */
const RELATIVE_TIME_WIDGET = /^hace\s+\d+\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|meses|mes|a[ñn]os?)(?:\s+\d+)?$/i;
/** The credit line of an embedded social post: "— Name (@handle) June 27, 2024". */
const SOCIAL_EMBED_CREDIT = /^[—–-]\s*[^()\n]{1,80}\(@[\w.]+\)\s+(?:\p{L}+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+de\s+\p{L}+\s+de\s+\d{4})\s*$/u;
/** Caption credits written in parentheses at the end of a caption: "(Especial)", "(Archivo)". */
const CAPTION_CREDIT = /\((?:especial|archivo|cortes[ií]a(?:\s+[^()\n]{1,40})?|cuartoscuro|agencias?|redes sociales|captura de pantalla|ilustrativa|imagen ilustrativa)\)\s*$/i;

/** Sentence-initial words that, capitalized after a headline, start the article's own text. */
const SENTENCE_START = /\s(?=(?:El|La|Los|Las|Un|Una|En|Con|Por|Para|Durante|Tras|Seg[uú]n|Al|Este|Esta|Estos|Estas|Dicho|Dicha|Asimismo|Adem[aá]s|Ante|Desde|De acuerdo)\s)/g;

type LineVerdict = { reason: string } | { partial: { from: number; to: number; reason: string }[] } | null;

function collapse(text: string): string {
  return text
    .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-]*/gu) ?? []).length;
}

/** Strips decorations around a line's content: bullets, arrows, emoji, quotes, brackets. */
function stripDecorations(t: string): string {
  return t.replace(/^[\s\-–—*•·→►▶»>|\p{Extended_Pictographic}\uFE0F]+/u, '').replace(/[\s|\p{Extended_Pictographic}\uFE0F]+$/u, '');
}

function isLinkOnly(t: string): boolean {
  const s = stripDecorations(t)
    .replace(/^<(.*)>$/, '$1')
    .replace(/[.,;]$/, '');
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(s)) return true;
  return /^(?:[a-z0-9-]+\.)+(?:com|mx|org|net|info|news|tv|me|ly|co|io)(?:\.mx)?(?:\/\S*)?$/i.test(s);
}

/** Whole-line and in-line rules for one line (its raw text, as in the mapped string). */
function judgeLine(raw: string): LineVerdict {
  const t = collapse(raw);
  if (t === '') return null;
  const len = t.length;

  // Separator lines such as "---oOo---", "* * *", "____".
  const symbols = t.replace(/[^-–—_=*~·•]/g, '').length;
  const rest = t.replace(/[-–—_=*~·•\s]/g, '');
  if (symbols >= 3 && (rest === '' || /^(?:o0o|ooo|000|xxx)$/i.test(rest))) return { reason: 'separator line' };

  if (len <= 200 && (/^(?:©|\(c\)\s|copyright\b|derechos reservados\b)/i.test(t) || /\btodos los derechos reservados\b/i.test(t))) {
    return { reason: 'copyright notice' };
  }

  if (
    len <= 200 &&
    (/^(?:recuerda\s+)?suscr[ií]b(?:ete|irte|ase|anse)\b/i.test(t) ||
      /^recibe\b.*\b(?:newsletter|bolet[ií]n|noticias|resumen)\b/i.test(t) ||
      /^(?:[úu]nete|s[ií]guenos|reg[ií]strate)\b.*\b(?:canal|newsletter|bolet[ií]n|whatsapp|telegram)\b/i.test(t))
  ) {
    return { reason: 'subscription prompt' };
  }

  if (len <= 200) {
    if (/^s[ií]guenos\s+(?:en|a trav[eé]s|por)\s/i.test(t)) return { reason: 'social/share line' };
    if (
      /^(?:compart(?:e|ir)|comp[aá]rte(?:lo|la))(?:\s+(?:esta|la)\s+nota)?\s*(?:en|por|v[ií]a|:)?\s*(?:tus\s+)?(?:facebook|twitter|whatsapp|telegram|x|linkedin|email|correo|redes(?:\s+sociales)?)\b/i.test(
        t,
      )
    ) {
      return { reason: 'social/share line' };
    }
    if (/^(?:compartir|comparte|comparte esta nota|share)\s*:?$/i.test(t)) return { reason: 'social/share line' };
    if (/^(?:[#@][\p{L}\p{N}_.]+[\s,;|·•]*)+$/u.test(t)) return { reason: 'social/share line' };
    const words = t
      .toLowerCase()
      .split(/[\s|,·•/]+/)
      .filter((w) => w !== '');
    if (words.length >= 2 && words.every((w) => SOCIAL_WORDS.has(w))) return { reason: 'social/share line' };
  }

  if (len <= 160 && /^[(\[]?\s*(?:fotos?|fotograf[ií]as?|im[aá]gen(?:es)?|cr[eé]ditos?(?:\s+de\s+(?:la\s+)?(?:foto|imagen))?|ilustraci[oó]n|cortes[ií]a)\s*:/i.test(t)) {
    return { reason: 'photo credit' };
  }

  if (len <= 200 && (WIDGET_LINE.test(stripDecorations(t)) || RELATIVE_TIME_WIDGET.test(t))) return { reason: 'site widget' };
  if (len <= 200 && SOCIAL_EMBED_CREDIT.test(t)) return { reason: 'embedded social post' };

  if (/^(?:leave a (?:comment|reply)|deja (?:un|tu) comentario|escribe (?:un|tu) comentario|a[ñn]ade (?:un|tu) comentario|add a comment|\d+\s+comentarios?|comentarios?(?:\s*\(\d+\))?:?)$/i.test(t)) {
    return { reason: 'comment prompt' };
  }

  if (isLinkOnly(t)) return { reason: 'link-only line' };
  // the page's date written before its text by the tool that saved it ("date 2025-05-14 La presidenta...")
  const pageDate = /^(\s*date\s+\d{4}(?:-\d{2}(?:-\d{2})?)?)\s/.exec(raw);
  if (pageDate) return { partial: [{ from: 0, to: pageDate[1]!.length, reason: 'page date' }] };
  if (/^(?:links?|ligas?|enlaces?)\s+(?:de|del|a|al|para)\s+(?:(?:las?|los?)\s+)?(?:fotos?|fotograf[ií]as?|videos?|audios?|galer[ií]as?|im[aá]genes)\s*:?$/i.test(t)) {
    return { reason: 'media link label' };
  }

  // Related-article links.
  const label = RELATED_LABEL.exec(t);
  if (label) {
    const after = t.slice(label[0].length);
    if (/^\s*[:.\-–—|»>]*\s*$/.test(after)) return { reason: 'related-article label' };
    const sep = /^\s*[:|»>\-–—]\s*/.exec(after);
    const strong = STRONG_RELATED_LABEL.test(t) && /^\s/.test(after);
    if (sep || strong) {
      return relatedInline(raw);
    }
  }

  // In-line photo credits: "(Foto: Especial)" anywhere, "... Foto: Archivo" at the end of a line.
  const partial: { from: number; to: number; reason: string }[] = [];
  for (const m of raw.matchAll(/\(\s*(?:fotos?|fotograf[ií]as?|cr[eé]ditos?|imagen)\s*:[^()\n]{0,100}\)/gi)) {
    partial.push({ from: m.index, to: m.index + m[0].length, reason: 'photo credit' });
  }
  const caption = CAPTION_CREDIT.exec(raw);
  if (caption) partial.push({ from: caption.index, to: caption.index + caption[0].length, reason: 'photo credit' });
  const trailing = /(?<=\S\s+)(?:Fotos?|FOTOS?|Fotograf[ií]a|FOTOGRAF[IÍ]A|Cr[eé]dito|CR[EÉ]DITO)\s*:\s*[^.!?\n(]{1,80}?\s*$/.exec(raw);
  if (trailing && !partial.some((p) => trailing.index >= p.from && trailing.index < p.to)) {
    partial.push({ from: trailing.index, to: raw.length, reason: 'photo credit' });
  }
  return partial.length > 0 ? { partial } : null;
}

/**
 * A line that starts with a related-article label and a headline. The whole line goes when
 * it is only the link (short, or no article text after the headline). When the article text
 * continues on the same line (flattened pages do that), only the label and headline go: the
 * headline ends before a capitalized sentence-initial word ("... en Puebla El IMSS asumirá
 * ...") that starts at least 6 more words.
 */
function relatedInline(raw: string): LineVerdict {
  const lead = /^\s*/.exec(raw)![0].length;
  const label = RELATED_LABEL.exec(raw.slice(lead))!;
  const afterLabel = lead + label[0].length;
  const headlineStart = afterLabel + /^\s*[:|»>\-–—]?\s*/.exec(raw.slice(afterLabel))![0].length;
  const rest = raw.slice(headlineStart);
  // A headline starts with a capital, a digit or a quote; "Te compartimos que ..." is prose.
  if (!/^[\p{Lu}\p{N}¿¡"“«'‘]/u.test(rest)) return null;
  for (const m of rest.matchAll(SENTENCE_START)) {
    const headline = rest.slice(0, m.index);
    const tail = rest.slice(m.index);
    if (wordCount(headline) >= 3 && wordCount(tail) >= 6 && !/[.!?…]/.test(headline)) {
      return { partial: [{ from: lead, to: headlineStart + m.index, reason: 'related-article link' }] };
    }
  }
  const t = collapse(rest);
  const sentenceInside = /[.!?…]["»”’)]*\s+\S/.test(t);
  if (t.length <= 200 && !sentenceInside) return { reason: 'related-article link' };
  return null;
}

type LineKind = 'teaser' | 'headline' | 'tag' | 'prose';

/** What a line at the end of a page looks like: teaser ("…"), headline, category tag, prose. */
function lineKind(t: string): LineKind {
  if (/(?:…|\.\.\.)["»”’)]*$/.test(t) && t.length <= 400) return 'teaser';
  const words = wordCount(t);
  const endsOpen = !/[.,;:]$/.test(t);
  if (endsOpen && t.length <= 40 && words >= 1 && words <= 2) return 'tag';
  if (endsOpen && t.length <= 200 && words >= 3 && /^[\p{Lu}\p{N}¿¡"“«'‘]/u.test(t)) return 'headline';
  return 'prose';
}

// ---------------------------------------------------------------------------------------------
// Common stage.

function splitLines(s: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  let paragraph = 0;
  let inParagraph = false;
  const push = (to: number) => {
    const blank = collapse(s.slice(from, to)) === '';
    if (blank) {
      if (inParagraph) paragraph++;
      inParagraph = false;
    } else {
      inParagraph = true;
    }
    lines.push({ from, to, paragraph: blank ? -1 : paragraph });
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\n' || (ch === '\r' && s[i + 1] !== '\n')) {
      push(i);
      from = i + 1;
    }
  }
  push(s.length);
  return lines;
}

function finish(input: string, m: Mapped, initialRemoved: RemovedSpan[]): Normalized {
  const { s } = m;
  const reasons: (string | undefined)[] = new Array(s.length);
  const lines = splitLines(s).filter((l) => l.paragraph >= 0);

  const markRange = (from: number, to: number, reason: string) => {
    for (let i = from; i < to; i++) if (reasons[i] === undefined && !isSpace(s[i]!)) reasons[i] = reason;
  };
  const keptText = (l: Line) => {
    let out = '';
    for (let i = l.from; i < l.to; i++) if (reasons[i] === undefined) out += s[i];
    return collapse(out);
  };

  // Line rules.
  for (const line of lines) {
    const verdict = judgeLine(s.slice(line.from, line.to));
    if (!verdict) continue;
    if ('reason' in verdict) markRange(line.from, line.to, verdict.reason);
    else for (const p of verdict.partial) markRange(line.from + p.from, line.from + p.to, p.reason);
  }

  blockRules(s, lines, reasons, markRange, keptText);

  // Trailing run of related-article links: walk back from the end over the lines still kept.
  const kept = lines.filter((l) => keptText(l) !== '');
  let runStart = kept.length;
  const kinds: LineKind[] = [];
  while (runStart > 0) {
    const kind = lineKind(keptText(kept[runStart - 1]!));
    if (kind === 'prose') break;
    kinds.unshift(kind);
    runStart--;
  }
  // The run starts at a paragraph start: do not cut a paragraph in two.
  while (runStart < kept.length && runStart > 0 && kept[runStart - 1]!.paragraph === kept[runStart]!.paragraph) {
    runStart++;
    kinds.shift();
  }
  // A label line just before (or at the start of) the run makes the intent explicit.
  const labelBefore = lines.find((l) => reasons[firstNonSpace(s, l)] === 'related-article label' && (runStart === kept.length || l.to <= kept[runStart]!.from));
  const lastLabel = [...lines].reverse().find((l) => reasons[firstNonSpace(s, l)] === 'related-article label');
  const labelled = lastLabel !== undefined && lastLabel === labelBefore && keptBetween(lines, lastLabel, kept[runStart], keptText) === 0;
  const teasers = kinds.filter((k) => k === 'teaser').length;
  const headlines = kinds.filter((k) => k === 'headline').length;
  const texts = kept.slice(runStart).map(keptText);
  const duplicated = texts.some((t, i) => i > 0 && t === texts[i - 1]);
  const previous = runStart > 0 ? keptText(kept[runStart - 1]!) : '';
  const introducesList = /:$/.test(previous);
  const isRun = runStart > 0 && runStart < kept.length && (labelled ? teasers + headlines >= 1 : !introducesList && (teasers >= 2 || (headlines >= 3 && (teasers >= 1 || duplicated))));
  if (isRun) {
    for (const l of kept.slice(runStart)) markRange(l.from, l.to, 'related-article links');
  }

  return build(input, m, lines, reasons, initialRemoved);
}

/** A site menu item: a bulleted line of at most five words and no punctuation ("• Noticias"). */
const MENU_ITEM = /^\s*[•·*▪◦‣-]\s*[^.,;:!?()\n]{1,60}$/u;
const shortLabel = (t: string) => t.length <= 60 && wordCount(t) <= 5 && !/[.,;:!?"“”«»()]/.test(t);

/**
 * Rules over runs of lines:
 * - site menus: three or more bulleted short items in a row, with the short unbulleted lines
 *   between two such runs (the site's name, its owner's byline);
 * - embedded social posts: the text of the post before its credit line ("— Name (@handle) date"),
 *   when it carries the marks of one (a pic.twitter.com link, hashtags, handles);
 * - editor's initials: a last line of two to four lower-case letters.
 */
function blockRules(s: string, lines: Line[], reasons: (string | undefined)[], markRange: (from: number, to: number, reason: string) => void, keptText: (l: Line) => string): void {
  const kept = lines.filter((l) => keptText(l) !== '');
  const isItem = (l: Line) => MENU_ITEM.test(s.slice(l.from, l.to)) && wordCount(keptText(l)) <= 5;
  const runs: [number, number][] = [];
  for (let i = 0; i < kept.length;) {
    let j = i;
    while (j < kept.length && isItem(kept[j]!)) j++;
    if (j - i >= 3) runs.push([i, j]);
    i = j > i ? j : i + 1;
  }
  for (const [a, b] of runs) for (const l of kept.slice(a, b)) markRange(l.from, l.to, 'site menu');
  for (let r = 0; r + 1 < runs.length; r++) {
    const between = kept.slice(runs[r]![1], runs[r + 1]![0]);
    if (between.length <= 3 && between.every((l) => shortLabel(keptText(l)))) for (const l of between) markRange(l.from, l.to, 'site menu');
  }
  // the post's own lines, back from its credit line while they carry hashtags, handles or its link
  for (let i = 1; i < lines.length; i++) {
    if (reasons[firstNonSpace(s, lines[i]!)] !== 'embedded social post') continue;
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const t = keptText(lines[j]!);
      if (t === '') continue;
      if (!/pic\.twitter\.com|t\.co\/|instagram\.com|(?:[#@][\p{L}\p{N}_]+.*){2,}/u.test(t)) break;
      markRange(lines[j]!.from, lines[j]!.to, 'embedded social post');
    }
  }
  // headlines right under a related-article label ("Más información") link to other stories
  for (let i = 0; i < lines.length; i++) {
    if (reasons[firstNonSpace(s, lines[i]!)] !== 'related-article label') continue;
    for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
      const t = keptText(lines[j]!);
      if (t === '' || !['headline', 'teaser'].includes(lineKind(t))) break;
      markRange(lines[j]!.from, lines[j]!.to, 'related-article links');
    }
  }
  const last = kept[kept.length - 1];
  if (last && /^[\p{Ll}]{2,4}$/u.test(keptText(last)) && kept.length > 1) markRange(last.from, last.to, "editor's initials");
}

function firstNonSpace(s: string, l: Line): number {
  for (let i = l.from; i < l.to; i++) if (!isSpace(s[i]!)) return i;
  return l.from;
}

function keptBetween(lines: Line[], a: Line, b: Line | undefined, keptText: (l: Line) => string): number {
  return lines.filter((l) => l.from > a.from && (b === undefined || l.from < b.from) && keptText(l) !== '').length;
}

function build(input: string, m: Mapped, lines: Line[], reasons: (string | undefined)[], initialRemoved: RemovedSpan[]): Normalized {
  const { s } = m;
  const out: string[] = [];
  const outStart: number[] = [];
  const outEnd: number[] = [];
  let pendingSpace = -1; // index in s of the first whitespace of a pending run
  let breakPending = false;
  let lastParagraph = -1;

  for (const line of lines) {
    if (line.paragraph !== lastParagraph) {
      breakPending = out.length > 0 || breakPending;
      pendingSpace = -1;
    } else if (pendingSpace < 0 && line.from > 0) {
      pendingSpace = line.from - 1; // the line break inside the paragraph
    }
    lastParagraph = line.paragraph;
    for (let i = line.from; i < line.to; i++) {
      const ch = s[i]!;
      if (reasons[i] !== undefined || isInvisible(ch)) continue;
      if (isSpace(ch)) {
        if (pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (breakPending && out.length > 0) {
        const at = outEnd[outEnd.length - 1]!;
        out.push('\n\n');
        outStart.push(at, at);
        outEnd.push(at, at);
      } else if (pendingSpace >= 0 && out.length > 0) {
        out.push(' ');
        outStart.push(m.start[pendingSpace]!);
        outEnd.push(m.end[pendingSpace]!);
      }
      breakPending = false;
      pendingSpace = -1;
      out.push(ch);
      outStart.push(m.start[i]!);
      outEnd.push(m.end[i]!);
    }
  }

  const text = out.join('');
  const starts = Int32Array.from(outStart);
  const ends = Int32Array.from(outEnd);
  const check = (offset: number) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
      throw new RangeError(`offset ${offset} is outside the normalized text (0..${text.length})`);
    }
  };
  const toOriginal = (offset: number): number => {
    check(offset);
    if (offset < text.length) return starts[offset]!;
    return text.length === 0 ? 0 : ends[text.length - 1]!;
  };
  const toOriginalEnd = (end: number): number => {
    check(end);
    return end === 0 ? toOriginal(0) : ends[end - 1]!;
  };

  return { text, toOriginal, toOriginalEnd, removed: removedSpans(m, reasons, initialRemoved, input.length) };
}

function removedSpans(m: Mapped, reasons: (string | undefined)[], initial: RemovedSpan[], inputLength: number): RemovedSpan[] {
  const spans: RemovedSpan[] = [];
  let current: { reason: string; first: number; last: number } | null = null;
  let keptSince = false;
  const flush = () => {
    if (current) spans.push({ start: m.start[current.first]!, end: m.end[current.last]!, reason: current.reason });
    current = null;
  };
  for (let i = 0; i < m.s.length; i++) {
    const reason = reasons[i];
    if (reason === undefined) {
      if (!isSpace(m.s[i]!) && !isInvisible(m.s[i]!)) keptSince = true;
      continue;
    }
    const open = current as { reason: string; first: number; last: number } | null;
    if (open && open.reason === reason && !keptSince) open.last = i;
    else {
      flush();
      current = { reason, first: i, last: i };
    }
    keptSince = false;
  }
  flush();
  return [...spans, ...initial.map((r) => ({ ...r, end: Math.min(r.end, inputLength) }))].sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---------------------------------------------------------------------------------------------

/** The clean article text of a document, its offset map and the boilerplate removed. */
export function normalize(input: string, format: SourceFormat): Normalized {
  switch (format) {
    case 'text':
      return finish(input, mapText(input), []);
    case 'markdown': {
      const { mapped, removed } = mapMarkdown(input);
      return finish(input, mapped, removed);
    }
    case 'html': {
      const { mapped, removed } = mapHtml(input);
      return finish(input, mapped, removed);
    }
    default:
      throw new Error(`unknown source format: ${String(format)}`);
  }
}
