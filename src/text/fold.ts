/**
 * Lower case without accents, keeping the length of the input (one UTF-16 unit in, one out), so
 * that offsets found in the folded text are offsets in the original. (`foldName` in
 * src/domain/names.ts also drops punctuation and so changes lengths; it is for comparing names.)
 */
const ACCENTS: Record<string, string> = {
  á: 'a',
  à: 'a',
  ä: 'a',
  â: 'a',
  é: 'e',
  è: 'e',
  ë: 'e',
  ê: 'e',
  í: 'i',
  ì: 'i',
  ï: 'i',
  î: 'i',
  ó: 'o',
  ò: 'o',
  ö: 'o',
  ô: 'o',
  ú: 'u',
  ù: 'u',
  ü: 'u',
  û: 'u',
  ñ: 'n',
  '\u00a0': ' ',
};

export function foldKeepingOffsets(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const l = c.toLowerCase();
    const one = l.length === 1 ? l : c;
    out += ACCENTS[one] ?? one;
  }
  return out;
}
