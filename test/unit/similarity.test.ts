import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../src/domain/model.js';
import { compareNames } from '../../src/domain/similarity.js';

// Name pairs written for these tests: what merges, what is only a candidate for an editor.
const PLACES = new Set(['tepic', 'tlalnepantla', 'oaxaca', 'torreon', 'leon', 'nayarit']);
const isPlace = (words: string) => PLACES.has(words);
const verdict = (kind: EntityKind, a: string, b: string, sameDocument = false) => compareNames(kind, a, b, { isPlace, sameDocument }).verdict;

describe('names that are one entity', () => {
  it.each<[EntityKind, string, string]>([
    ['Person', 'José Ángel Pérez Soto', 'Jose Angel Perez Soto'], // accents
    ['Person', 'ROSA IBARRA TENA', 'Rosa Ibarra Tena'], // case
    ['Person', 'Leandro Villareal Campos', 'Leandro Villarreal Campos'], // a typo of one letter
    ['Person', 'J. Pérez Soto', 'Juan Pérez Soto'], // an initial
    ['Person', 'Rosa Ibarra', 'Rosa Ibarra Tena'], // a missing second surname
    ['Organization', 'IMSS-Bienestar', 'IMSS Bienestar'], // punctuation
    ['Organization', 'Secretaría de Salud', 'Secretaria de Salud'],
    ['Facility', 'Hospital General de Valle Dorado', 'Hospital General Valle Dorado de Tlalnepantla'], // the longer adds only its place
    ['Program', 'Jóvenes Sembrando el Futuro', 'Jovenes Sembrando el Futuro'],
  ])('%s: %s ~ %s', (kind, a, b) => {
    expect(verdict(kind, a, b)).toBe('same');
  });
});

describe('look-alikes that stay apart, as candidates for an editor', () => {
  it.each<[EntityKind, string, string]>([
    ['Facility', 'Hospital Infantil de Tepic', 'Hospital de Tepic'], // a qualifier
    ['Facility', 'Hospital General de Zona No. 12', 'Hospital General de Zona'], // a number
    ['Facility', 'Hospital de Especialidades de León', 'Hospital de León'],
    ['Facility', 'Hospital Regional de Alta Especialidad en Oaxaca', 'Hospital Regional de Alta Especialidad'], // a place the other lacks is not enough
    ['Organization', 'Secretaría de Salud de Nayarit', 'Secretaría de Salud'], // a state's body is not the federal one
    ['Program', 'Jóvenes Escribiendo el Futuro', 'Jóvenes Sembrando el Futuro'], // one word apart, not one letter
    ['Person', 'Rosa Ibarra Tena', 'Rosa Ibáñez Tena'],
  ])('%s: %s / %s', (kind, a, b) => {
    expect(verdict(kind, a, b)).toBe('candidate');
  });

  it('says why', () => {
    expect(compareNames('Facility', 'Hospital Infantil de Tepic', 'Hospital de Tepic', { isPlace }).why).toMatch(/adds infantil/);
  });
});

describe('inside one document', () => {
  it('a surname alone refers back to the person named in full', () => {
    expect(verdict('Person', 'Ibarra Tena', 'Rosa Ibarra Tena', true)).toBe('same');
    expect(verdict('Person', 'Ibarra Tena', 'Rosa Ibarra Tena')).not.toBe('same');
  });
});

describe('what does not tell two apart', () => {
  it("an institution's acronym the shorter name lacks", () => {
    expect(verdict('Facility', 'Hospital Regional de Alta Especialidad del ISSSTE en Oaxaca', 'Hospital Regional de Alta Especialidad en Oaxaca')).toBe('same');
  });
  it('but two places do', () => {
    expect(verdict('Facility', 'Hospital Regional de Alta Especialidad en Oaxaca', 'Hospital Regional de Alta Especialidad en Oaxaca Torreón')).toBe('candidate');
  });
});
