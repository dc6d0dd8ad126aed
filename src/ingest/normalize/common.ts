/** The common stage of normalization (normalize.ts): boilerplate lines dropped, whitespace collapsed into paragraphs, the offset map built. */
import type { Normalized, RemovedSpan } from '../normalize.js';
import { collapse, judgeLine, type Line, type LineKind, lineKind, wordCount } from './boilerplate.js';
import { isInvisible, isSpace, type Mapped } from './mapped.js';

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

export function finish(input: string, m: Mapped, initialRemoved: RemovedSpan[]): Normalized {
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
