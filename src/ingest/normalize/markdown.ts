/** Markdown to a mapped string (normalize.ts): inline markup dropped, lines kept. */
import type { RemovedSpan } from '../normalize.js';
import { type Mapped, MappedBuilder } from './mapped.js';

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

export function mapMarkdown(input: string): { mapped: Mapped; removed: RemovedSpan[] } {
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
