import { describe, expect, it } from 'vitest';
import { luceneQuery, nameMatchRank } from '../../src/graph/search.js';

describe('luceneQuery', () => {
  it('searches a single word and its prefix, accents and case folded', () => {
    expect(luceneQuery('Tecámac')).toBe('tecamac OR tecamac*');
  });

  it('ranks the whole phrase above its words', () => {
    expect(luceneQuery('Zoé Robledo')).toBe('"zoe robledo"^4 OR (zoe OR robledo)');
  });

  it('yields nothing for blank or punctuation-only input', () => {
    expect(luceneQuery('   ')).toBe('');
    expect(luceneQuery('!!')).toBe('');
  });

  it('never lets Lucene syntax through: operators become plain lower-case words', () => {
    expect(luceneQuery('c~ d* (e) "f" title:g AND h')).toBe('"c d e f title g and h"^4 OR (c OR d OR e OR f OR title OR g OR and OR h)');
  });
});

describe('nameMatchRank', () => {
  it('puts an exact name first, accents and case ignored', () => {
    expect(nameMatchRank('zoe robledo aburto', ['Zoé Robledo Aburto'])).toBe(3);
  });

  it('counts an exact alias as an exact match', () => {
    expect(nameMatchRank('AMLO', ['Andrés Manuel López Obrador', 'AMLO'])).toBe(3);
  });

  it('ranks names holding every word of the query next, then names containing the words as parts', () => {
    expect(nameMatchRank('Delfina Gómez', ['Delfina Gómez Álvarez'])).toBe(2);
    expect(nameMatchRank('Delf Gom', ['Delfina Gómez Álvarez'])).toBe(1);
    expect(nameMatchRank('Horacio', ['Delfina Gómez Álvarez'])).toBe(0);
  });

  it('orders candidates so that the best match of a query comes first', () => {
    const candidates: Record<string, string[]> = {
      exact: ['Delfina Gómez Álvarez'],
      words: ['Delfina Gómez Álvarez de la Cruz'],
      partial: ['Delfinado Gomezano'],
      none: ['Zoé Robledo Aburto'],
    };
    const ranked = Object.entries(candidates)
      .map(([k, names]) => [k, nameMatchRank('delfina gomez alvarez', names)] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    expect(ranked).toEqual(['exact', 'words', 'partial', 'none']);
  });
});
