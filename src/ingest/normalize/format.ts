/** Which format a document is in (plain text, Markdown or HTML), from its name and content. */
import type { SourceFormat } from '../normalize.js';

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
