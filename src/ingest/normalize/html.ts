/** HTML to a mapped string (normalize.ts): block breaks, entities, the markup and boilerplate elements dropped. */
import { Parser } from 'htmlparser2';
import type { RemovedSpan } from '../normalize.js';
import { type Mapped, MappedBuilder } from './mapped.js';

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

export function mapHtml(input: string): { mapped: Mapped; removed: RemovedSpan[] } {
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
