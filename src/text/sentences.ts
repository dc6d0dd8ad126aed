/**
 * Sentence and paragraph splitting for Spanish press text, keeping offsets.
 *
 * Written here because the general splitters (Intl.Segmenter included) break after Spanish
 * abbreviations common in this genre ("No. 015/2024", "Lic.", "Dr.", "Méx.") and after initials;
 * a sentence here also never crosses a paragraph break, which headlines and bullet lists rely on.
 */
export interface Span {
  start: number;
  end: number;
  text: string;
}

// prettier-ignore
const ABBREVIATIONS = new Set([
  'no', 'núm', 'num', 'lic', 'licda', 'dr', 'dra', 'ing', 'mtro', 'mtra', 'sr', 'sra', 'srta', 'prof', 'profa', 'gral', 'gob', 'méx',
  'mex', 'edo', 'col', 'av', 'etc', 'aprox', 'art', 'fracc', 'dip', 'sen', 'arq', 'pág', 'tel', 'ext', 'depto', 'admón', 'cía', 'jr',
]);

function trimmed(base: number, raw: string): Span | null {
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  return body ? { start: base + lead, end: base + lead + body.length, text: body } : null;
}

/** Blocks of text separated by blank lines. */
function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
    const s = trimmed(m.index, m[0]);
    if (s) out.push(s);
  }
  return out;
}

export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs(text)) {
    const t = p.text;
    let start = 0;
    const push = (end: number) => {
      const s = trimmed(p.start + start, t.slice(start, end));
      if (s) out.push(s);
      start = end;
    };
    for (let i = 0; i < t.length; i++) {
      const ch = t[i]!;
      if (ch === '\n') {
        // A line break ends a sentence unless the line plainly continues (ends with a comma, colon...).
        if (!/[,;:(]$/.test(t.slice(start, i).trimEnd())) push(i + 1);
        continue;
      }
      if (ch !== '.' && ch !== '?' && ch !== '!' && ch !== '…') continue;
      const after = t.slice(i + 1);
      if (after.length && !/^["”»')\]]*\s/.test(after)) continue; // 7.5, www.gob.mx
      const next = after.replace(/^["”»')\]]*\s*/, '')[0];
      if (ch === '.') {
        const word = /(\p{L}+)$/u.exec(t.slice(0, i))?.[1] ?? '';
        if (ABBREVIATIONS.has(word.toLowerCase())) continue;
        if (word.length === 1 && /\p{Lu}/u.test(word)) continue; // initials: "J. Pérez"
      }
      if (next !== undefined && /[a-záéíóúñü0-9]/.test(next)) continue; // lower case after the stop: not an end
      let end = i + 1;
      while (end < t.length && /["”»')\]]/.test(t[end]!)) end++;
      push(end);
      i = end - 1;
    }
    push(t.length);
  }
  return out;
}
