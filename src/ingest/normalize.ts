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
 * and collapses whitespace into paragraphs separated by "\n\n". The parts, under normalize/:
 * mapped.ts (the mapped string), format.ts (which format), text.ts, html.ts and markdown.ts (the
 * format stages), boilerplate.ts (the line rules) and common.ts (the common stage).
 */
import { finish } from './normalize/common.js';
import { mapHtml } from './normalize/html.js';
import { mapMarkdown } from './normalize/markdown.js';
import { mapText } from './normalize/text.js';

export type SourceFormat = 'text' | 'markdown' | 'html';

export { detectFormat } from './normalize/format.js';

export interface RemovedSpan {
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
