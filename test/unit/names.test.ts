import { describe, expect, it } from 'vitest';
import { foldName, slugify } from '../../src/domain/names.js';

describe('foldName', () => {
  it('drops accents and case, so accented and plain spellings compare equal', () => {
    expect(foldName('Zoé Robledo Aburto')).toBe('zoe robledo aburto');
    expect(foldName('DELFINA GÓMEZ ÁLVAREZ')).toBe(foldName('Delfina Gomez Alvarez'));
    expect(foldName('Tecámac')).toBe('tecamac');
    expect(foldName('Peña Nieto')).toBe('pena nieto');
    expect(foldName('Müller')).toBe('muller');
  });

  it('treats decomposed and precomposed accents alike', () => {
    expect(foldName('Zoe\u0301')).toBe(foldName('Zo\u00e9'));
  });

  it('folds punctuation and runs of spaces to single spaces', () => {
    expect(foldName('  IMSS-Bienestar  ')).toBe('imss bienestar');
    expect(foldName('Centro de Investigación, Capacitación y Adiestramiento')).toBe('centro de investigacion capacitacion y adiestramiento');
    expect(foldName('Edo.  de   México')).toBe('edo de mexico');
  });

  it('keeps digits', () => {
    expect(foldName('Boletín No. 015/2024')).toBe('boletin no 015 2024');
  });
});

describe('slugify', () => {
  it('makes URL-safe kebab-case slugs without accents', () => {
    expect(slugify('Zoé Robledo Aburto')).toBe('zoe-robledo-aburto');
    expect(slugify('Andrés Manuel López Obrador')).toBe('andres-manuel-lopez-obrador');
    expect(slugify('IMSS-Bienestar')).toBe('imss-bienestar');
    expect(slugify('Estado de México')).toMatch(/^[a-z0-9-]+$/);
  });

  it('gives the same slug with and without accents or capitals', () => {
    expect(slugify('Delfina Gómez Álvarez')).toBe(slugify('delfina gomez alvarez'));
  });
});
