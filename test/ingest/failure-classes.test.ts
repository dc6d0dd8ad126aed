import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/domain/names.js';
import { extract, prepare, type Extracted } from '../../src/ingest/pipeline.js';

// One article per way the pipeline used to fail on real news, each written for these tests in
// the genre's style, with invented people and places (fixtures/failure-classes/).
const file = (name: string) => readFileSync(new URL(`./fixtures/failure-classes/${name}`, import.meta.url));
const read = (name: string) => extract(name, file(name));

const people = (x: Extracted) =>
  x.extraction.entities
    .filter((e) => e.kind === 'Person')
    .map((e) => e.name)
    .sort();
const nameOf = (x: Extracted, key: string | null) => x.extraction.entities.find((e) => e.key === key)?.name ?? null;
const figures = (x: Extracted) => x.extraction.figures.map((f) => f.value).sort((a, b) => a - b);
const speakerOf = (x: Extracted, words: string) =>
  x.extraction.statements.filter((s) => foldName(x.fullText.slice(s.cites[0]!.start, s.cites[0]!.end)).includes(foldName(words))).map((s) => nameOf(x, s.speaker));

describe('teaser boxes, photo credits, related headlines and site menus produce no fact', () => {
  const x = read('teaser-y-credito.txt');
  it('keeps the article and its own figures', () => {
    expect(people(x)).toEqual(['Rosaura Méndez Ibarra']);
    expect(figures(x)).toEqual([2, 12000, 35000000]);
  });
  it('takes nothing from the teaser, the "Más información" headlines or the photo credit', () => {
    expect(figures(x)).not.toContain(240000);
    expect(figures(x)).not.toContain(500);
    expect(people(x)).not.toContain('Arturo Pérez Lozano');
    expect(x.extraction.entities.map((e) => e.name)).not.toContain('Gómez Palacio');
  });
  it('reports what the normalizer removed and why', () => {
    const reasons = new Set(prepare('teaser-y-credito.txt', file('teaser-y-credito.txt')).norm.removed.map((r) => r.reason));
    expect([...reasons]).toEqual(expect.arrayContaining(['photo credit', 'related-article link', 'related-article label', 'related-article links', 'site menu']));
  });
});

describe('in a story with several speakers each statement goes to the one who said it', () => {
  const x = read('varios-oradores.txt');
  it('attributes by the name before the verb, the name after it, and the surname alone', () => {
    expect(speakerOf(x, '85 médicos')).toEqual(['Joaquín Ferrer Olmos']);
    expect(speakerOf(x, '60 camas')).toEqual(['Irene Cabañas Ruiz']);
    expect(speakerOf(x, 'Estamos listos')).toEqual(['Irene Cabañas Ruiz']);
    expect(speakerOf(x, 'plantilla se completará')).toEqual(['Joaquín Ferrer Olmos']);
  });
  it('reads a surname that is also a place name as the surname', () => {
    expect(x.extraction.entities.filter((e) => e.kind === 'Place').map((e) => e.name)).toEqual(['Zacatecas']);
  });
  it('gives a post "estatal" the state of the date line', () => {
    const post = x.extraction.posts.find((p) => nameOf(x, p.person) === 'Joaquín Ferrer Olmos');
    expect(nameOf(x, post!.jurisdiction)).toBe('Zacatecas');
  });
});

describe('names in rosters get their posts and stay people', () => {
  const x = read('lista-gobernadores.txt');
  const posts = x.extraction.posts.map((p) => [nameOf(x, p.person), p.role, nameOf(x, p.jurisdiction)]);
  it('reads "Name (State)" after a plural post and "- Name, State" lines under one', () => {
    expect(posts).toEqual(
      expect.arrayContaining([
        ['Rosa Ibarra Tena', 'Gobernadora', 'Sonora'],
        ['Leandro Vega Campos', 'Gobernador', 'Durango'],
        ['Mariela Soto Urquidi', 'Gobernadora', 'Colima'],
        ['Fermín Alcaraz Duarte', 'Gobernador', 'Nayarit'],
        ['Griselda Loera Pinto', 'Gobernadora', 'Sinaloa'],
        ['Eleuterio Zamudio Peña', 'Gobernador', 'Chihuahua'],
        ['Remedios Quiroga Salas', 'Gobernadora', 'Tlaxcala'],
      ]),
    );
    expect(x.extraction.entities.filter((e) => e.kind === 'Organization')).toEqual([]);
  });
});

describe('"Dr." and "No." do not cut names', () => {
  const x = read('nombres-con-dr.txt');
  it('reads the person after "El Dr." whole', () => {
    expect(people(x)).toEqual(['Ernesto Salas Quiroga']);
  });
  it('keeps a facility number inside its name and out of the figures', () => {
    expect(x.extraction.entities.map((e) => e.name)).toContain('Clínica No. 12 del IMSS');
    expect(figures(x)).toEqual([8000]);
  });
});

describe('the person a hospital, a scholarship or a university is named after is not a person of the story', () => {
  const x = read('nombres-con-dr.txt');
  it('does not make people of "Dr. Ignacio Morones Prieto", "beca Benito Juárez", "Universidad Rosario Castellanos"', () => {
    expect(people(x)).not.toContain('Ignacio Morones Prieto');
    expect(people(x)).not.toContain('Benito Juárez');
    expect(people(x)).not.toContain('Rosario Castellanos');
  });
  it('does not give a statement to such a name', () => {
    expect(speakerOf(x, 'asumió la dirección')).not.toContain('Ignacio Morones Prieto');
  });
});

describe('numbers that are part of names, ordinals, phone numbers and durations are not figures', () => {
  const x = read('numeros-en-nombres.txt');
  it('keeps only the measured quantities', () => {
    expect(figures(x)).toEqual([150, 1200000000]);
  });
  it('reads "Hospital General de Zona No. 8" as one facility', () => {
    expect(x.extraction.entities.map((e) => e.name)).toContain('Hospital General de Zona No. 8');
  });
});

describe('an agreement the text says was not signed is no signing event', () => {
  const x = read('convenio-no-firmado.txt');
  it('opens no event', () => {
    expect(x.extraction.events).toEqual([]);
  });
  it('still reads who said so', () => {
    expect(people(x)).toEqual(['Ramiro Leyva Soto']);
  });
});
