/** The mapped string of normalization (normalize.ts): characters, each with the original span it came from. */

export interface Mapped {
  s: string;
  /** Original offset of each character (inclusive). */
  start: Int32Array;
  /** Original end of each character (exclusive). */
  end: Int32Array;
}

export class MappedBuilder {
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
export const isSpace = (ch: string): boolean => /\s/.test(ch);
/** Invisible characters dropped outright: zero-width space, word joiner, BOM, soft hyphen. */
export const isInvisible = (ch: string): boolean => ch === '\u200b' || ch === '\u2060' || ch === '\ufeff' || ch === '\u00ad';
