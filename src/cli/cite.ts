import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatCuratedCitation } from '../domain/citation.js';

/**
 * Curator's helper: prints the citation reference of every occurrence of a phrase in a document,
 * in the seed format `<docKey>:<start>-<end>:<hash8>`. The doc key is the file name's prefix
 * before the first underscore ("001" for 001_08e5...txt).
 */
export function citeCommand(file: string, phrase: string): number {
  const text = readFileSync(file, 'utf8');
  const key = basename(file).split('_')[0]!;
  let found = 0;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    process.stdout.write(`${formatCuratedCitation(key, text, i, i + phrase.length)}\n`);
    found++;
  }
  if (!found) {
    process.stderr.write(`phrase not found in ${file}\n`);
    return 1;
  }
  return 0;
}
