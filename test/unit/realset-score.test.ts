import { describe, expect, it } from 'vitest';
import { holdersKey, type ACite, type ADate, type AEntity, type APost, type Answers, type DocAnswer } from '../../src/eval/answers.js';
import { GoldError, parseGold } from '../../src/eval/gold.js';
import { locate, sameDate, sameRole, sameUnit, scoreRealset, type Row } from '../../src/eval/score.js';

// Small gold files and API answers written for these tests: the scorer's matching rules, one by one.

const TEXT = 'La gobernadora Ana Ruiz Peña se reunió con el director del IMSS, Luis Vega. Foto: Pedro Gil. Habrá 40 hospitales.';
const at = (phrase: string): ACite => {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}" in the test text`);
  return { start, end: start + phrase.length, excerpt: phrase };
};
const day = (iso: string): ADate => ({ iso, start: iso, end: iso, precision: 'DAY', inferred: false });
const person = (id: string, names: string[], cite: string): AEntity => ({ id, kind: 'Person', names, cites: [at(cite)] });
const ana = person('Person:ana', ['Ana Ruiz Peña'], 'Ana Ruiz Peña');
const luis = person('Person:luis', ['Luis Vega'], 'Luis Vega');

function doc(over: Partial<DocAnswer> = {}): DocAnswer {
  return { found: true, text: TEXT, entities: [ana, luis], posts: [], events: [], statements: [], figures: [], commitments: [], ...over };
}
function answers(docs: Record<string, DocAnswer>, over: Partial<Answers> = {}): Answers {
  return { documents: new Map(Object.entries(docs)), holders: new Map(), entitiesNamed: new Map(), duplicates: [], ...over };
}
const row = (rows: Row[], type: string) => {
  const r = rows.find((x) => x.type.startsWith(type));
  if (!r) throw new Error(`no row ${type}`);
  return r;
};
const gold = (yaml: string) => parseGold(yaml, 'test.yaml');

describe('reading a gold file', () => {
  it('reads entries with their facts', () => {
    const [a] = gold(`
- id: t01
  exhaustive: [people]
  people:
    - name: Ana Ruiz Peña
      aliases: [Ana Ruiz]
      posts: [{role: gobernadora, of: Sonora, from: 2021-09}]
  events:
    - {key: e1, kind: meeting, date: [2024-01-10, 2024-01-12], participants: [Ana Ruiz Peña]}
`);
    expect(a).toMatchObject({
      id: 't01',
      exhaustive: ['people'],
      people: [{ name: 'Ana Ruiz Peña', aliases: ['Ana Ruiz'], posts: [{ role: 'gobernadora', of: 'Sonora', from: '2021-09', to: null }] }],
    });
    expect(a!.events[0]!.date).toEqual(['2024-01-10', '2024-01-12']);
  });
  it('names the entry and the field of a mistake', () => {
    expect(() => gold('- id: t01\n  people: [{aliases: [x]}]')).toThrow(new GoldError('entry t01 people[0]: name is missing'));
    expect(() => gold('- id: t01\n  exhaustive: [peeple]')).toThrow(/unknown fact type "peeple"/);
    expect(() => gold('- id: t01\n- id: t01')).toThrow(/t01 is used twice/);
    expect(() => gold('- id: t01\n  events: [{key: e1, date: 2024-13-45x}]')).toThrow(/not an ISO date/);
  });
});

describe('matching rules', () => {
  it('roles match when the words of one are all in the other', () => {
    expect(sameRole('director general', 'Director')).toBe(true);
    expect(sameRole('secretario de Salud', 'Secretario de Salud')).toBe(true);
    expect(sameRole('gobernador', 'gobernadora')).toBe(false);
  });
  it('dates match at the gold precision, and a range takes any day inside it', () => {
    expect(sameDate('2024-01', day('2024-01-12'))).toBe(true);
    expect(sameDate('2024-01-12', { ...day('2024-01'), precision: 'MONTH', start: '2024-01-01', end: '2024-01-31' })).toBe(false);
    expect(sameDate(['2024-01-10', '2024-01-12'], day('2024-01-11'))).toBe(true);
    expect(sameDate(['2024-01-10', '2024-01-12'], day('2024-01-13'))).toBe(false);
    expect(sameDate('2024', null)).toBe(false);
  });
  it('units match up to a plural ending, the counted noun or the stored unit name', () => {
    expect(sameUnit('hospital', 'hospitals', 'hospitales')).toBe(true);
    expect(sameUnit('mes', 'count', 'meses')).toBe(true);
    expect(sameUnit('peso', 'MXN', '2 mil 700 millones de pesos')).toBe(true);
    expect(sameUnit('por ciento', 'percent', '80%')).toBe(true);
    expect(sameUnit('cama', 'hospital beds', 'médicos')).toBe(false);
  });
  it('locates a not_fact quoted in pieces ("A ... B")', () => {
    const [r] = locate(TEXT, 'Foto: ... Gil');
    expect(TEXT.slice(r!.start, r!.end)).toBe('Foto: Pedro Gil');
    expect(locate(TEXT, 'a photographer nobody names')).toEqual([]);
  });
});

describe('scoring', () => {
  it('people: accents and case do not matter; a second copy of a person is wrong', () => {
    const g = gold('- id: t01\n  exhaustive: [people]\n  people: [{name: ana ruiz pena}, {name: Luis Vega}]');
    const copy = person('Person:ana-2', ['Ana Ruiz Peña'], 'Ana Ruiz Peña');
    const r = scoreRealset(g, answers({ t01: doc({ entities: [ana, luis, copy] }) }));
    expect(row(r.rows, 'people')).toMatchObject({ truth: 2, found: 3, matchedTruth: 2, matchedFound: 2 });
    expect(row(r.rows, 'people').wrong.map((w) => w.what)).toEqual(['person Ana Ruiz Peña']);
  });

  it('precision is counted only for the types an article lists as exhaustive', () => {
    const g = gold('- id: t01\n  people: [{name: Ana Ruiz Peña}]');
    const r = scoreRealset(g, answers({ t01: doc() }));
    expect(row(r.rows, 'people')).toMatchObject({ truth: 1, found: 0, matchedTruth: 1, precision: null, recall: 1 });
  });

  it('posts need the holder, the role and the body or territory', () => {
    const g = gold('- id: t01\n  people:\n    - {name: Luis Vega, posts: [{role: director general, of: IMSS}]}\n    - {name: Ana Ruiz Peña, posts: [{role: gobernadora, of: Sonora}]}');
    const post = (holder: AEntity, role: string, of: string[]): APost => ({ id: `Post:${role}`, role, holder, of, from: null, to: null, cites: [at('director del IMSS')] });
    const r = scoreRealset(g, answers({ t01: doc({ posts: [post(luis, 'Director', ['Instituto Mexicano del Seguro Social', 'IMSS']), post(ana, 'Gobernadora', [])] }) }));
    expect(row(r.rows, 'posts')).toMatchObject({ truth: 2, matchedTruth: 1 });
    expect(row(r.rows, 'posts').missed.map((m) => m.what)).toEqual(['Ana Ruiz Peña: gobernadora of Sonora']);
  });

  it('events need the date and half the participants; same_as holds only when both articles cite one node', () => {
    const g = gold(`
- id: t01
  events: [{key: e1, date: 2024-03-05, participants: [Ana Ruiz Peña, Luis Vega]}]
- id: t02
  events: [{key: e1, date: 2024-03, participants: [Luis Vega], same_as: t01:e1}]
- id: t03
  events: [{key: e1, date: 2024-03-05, participants: [Ana Ruiz Peña], same_as: t01:e1}]
`);
    const ev = (id: string, date: ADate, participants: string[][]) => ({ id, kind: 'meeting', date, places: [], participants, cites: [at('se reunió')] });
    const r = scoreRealset(
      g,
      answers({
        t01: doc({ events: [ev('Event:a', day('2024-03-05'), [['Ana Ruiz Peña']])] }),
        t02: doc({ events: [ev('Event:a', day('2024-03-05'), [['Luis Vega']])] }),
        t03: doc({ events: [ev('Event:b', day('2024-03-05'), [['Ana Ruiz Peña']])] }),
      }),
    );
    expect(row(r.rows, 'events')).toMatchObject({ truth: 3, matchedTruth: 3 });
    expect(row(r.rows, 'same-event')).toMatchObject({ truth: 2, matchedTruth: 1 });
    expect(row(r.rows, 'same-event').missed.map((m) => `${m.article} ${m.what}`)).toEqual(['t03 e1 = t01:e1: two nodes']);
  });

  it('a seed reference names the seed node', () => {
    const g = gold('- id: t01\n  events: [{key: e1, date: 2024-03-05, participants: [Luis Vega], same_as: "seed:event:toluca-meeting"}]');
    const r = scoreRealset(g, answers({ t01: doc({ events: [{ id: 'event:toluca-meeting', kind: 'meeting', date: day('2024-03-05'), places: [], participants: [['Luis Vega']], cites: [] }] }) }));
    expect(row(r.rows, 'same-event')).toMatchObject({ truth: 1, matchedTruth: 1 });
  });

  it('statements need the speaker and an about word in the cited passage', () => {
    const g = gold('- id: t01\n  statements: [{speaker: Ana Ruiz Peña, about: [hospitales]}, {speaker: Luis Vega, about: [hospitales]}]');
    const r = scoreRealset(g, answers({ t01: doc({ statements: [{ id: 'Statement:1', speaker: ['Ana Ruiz Peña'], cites: [at('Habrá 40 hospitales.')] }] }) }));
    expect(row(r.rows, 'statements')).toMatchObject({ truth: 2, matchedTruth: 1 });
  });

  it('matching takes as many pairs as it can, whatever order the API lists facts in', () => {
    const g = gold('- id: t01\n  statements: [{speaker: Ana Ruiz Peña, about: [reunió]}, {speaker: Ana Ruiz Peña, about: [hospitales]}]');
    const both = { id: 'Statement:both', speaker: ['Ana Ruiz Peña'], cites: [at('se reunió'), at('Habrá 40 hospitales.')] };
    const one = { id: 'Statement:one', speaker: ['Ana Ruiz Peña'], cites: [at('se reunió')] };
    for (const statements of [
      [both, one],
      [one, both],
    ]) {
      expect(row(scoreRealset(g, answers({ t01: doc({ statements }) })).rows, 'statements')).toMatchObject({ truth: 2, matchedTruth: 2 });
    }
  });

  it('a gold fact pairs with the closest of the facts it could match, so its same_as is read on that one', () => {
    const g = gold(`
- id: t01
  commitments: [{key: c1, by: Ana Ruiz Peña, what: [hospitales]}]
- id: t02
  commitments: [{key: c1, by: Ana Ruiz Peña, what: [reunió, hospitales], same_as: t01:c1}]
`);
    const c = (id: string, cites: ACite[]) => ({ id, makers: [['Ana Ruiz Peña']], deadline: null, cites });
    const shared = c('Commitment:shared', [at('se reunió'), at('Habrá 40 hospitales.')]);
    const other = c('Commitment:other', [at('se reunió')]);
    for (const commitments of [
      [other, shared],
      [shared, other],
    ]) {
      const r = scoreRealset(g, answers({ t01: doc({ commitments: [shared] }), t02: doc({ commitments }) }));
      expect(row(r.rows, 'commitment repeats')).toMatchObject({ truth: 1, matchedTruth: 1 });
    }
  });

  it('figures need the value and the unit', () => {
    const g = gold('- id: t01\n  exhaustive: [figures]\n  figures: [{value: 40, unit: hospital}]');
    const fig = (value: number, unit: string) => ({ id: `Figure:${value}${unit}`, value, unit, label: null, cites: [at('40 hospitales')] });
    const r = scoreRealset(g, answers({ t01: doc({ figures: [fig(40, 'hospitals'), fig(40, 'beds')] }) }));
    expect(row(r.rows, 'figures')).toMatchObject({ truth: 1, found: 2, matchedTruth: 1, matchedFound: 1 });
  });

  it('commitments need the maker named in the gold and a word of the promise', () => {
    const g = gold('- id: t01\n  people: [{name: Ana Ruiz Peña}]\n  commitments: [{key: c1, by: Ana Ruiz Peña, what: [hospitales]}, {key: c2, by: gobierno federal, what: [hospitales]}]');
    const c = (id: string, makers: string[][]) => ({ id, makers, deadline: null, cites: [at('Habrá 40 hospitales.')] });
    const r = scoreRealset(g, answers({ t01: doc({ commitments: [c('Commitment:1', [['Luis Vega']]), c('Commitment:2', [])] }) }));
    expect(row(r.rows, 'commitments')).toMatchObject({ truth: 2, matchedTruth: 1 });
    expect(row(r.rows, 'commitments').missed.map((m) => m.what)).toEqual(['c1 by Ana Ruiz Peña: hospitales']);
  });

  it('a time question is right only when the gold holder is the only holder', () => {
    const g = gold('- id: t01\n  temporal: [{role: gobernadora, of: Sonora, at: 2024-03, holder: Ana Ruiz Peña}]');
    const q = holdersKey({ role: 'gobernadora', of: 'Sonora', at: '2024-03' });
    const alone = scoreRealset(g, answers({ t01: doc() }, { holders: new Map([[q, [ana]]]) }));
    expect(row(alone.rows, 'time')).toMatchObject({ truth: 1, matchedTruth: 1 });
    const both = scoreRealset(g, answers({ t01: doc() }, { holders: new Map([[q, [ana, { ...ana, id: 'Person:rosa', names: ['Rosa Gil'] }]]]) }));
    expect(row(both.rows, 'time')).toMatchObject({ truth: 1, matchedTruth: 0 });
    const unknown = scoreRealset(g, answers({ t01: doc() }, { holders: new Map([[q, null]]) }));
    expect(row(unknown.rows, 'time').missed[0]!.what).toMatch(/no body or place named Sonora/);
  });

  it('a trap holds when both names are found as two entities', () => {
    const g = gold('- id: t01\n  traps: [{a: Hospital Infantil de Tepic, b: Hospital de Tepic}]');
    const apart = scoreRealset(
      g,
      answers(
        { t01: doc() },
        {
          entitiesNamed: new Map([
            ['Hospital Infantil de Tepic', ['Facility:a']],
            ['Hospital de Tepic', ['Facility:b']],
          ]),
        },
      ),
    );
    const merged = scoreRealset(
      g,
      answers(
        { t01: doc() },
        {
          entitiesNamed: new Map([
            ['Hospital Infantil de Tepic', ['Facility:a']],
            ['Hospital de Tepic', ['Facility:a']],
          ]),
        },
      ),
    );
    expect(row(apart.rows, 'traps').matchedTruth).toBe(1);
    expect(row(merged.rows, 'traps').matchedTruth).toBe(0);
  });

  it('a not_fact fails when an entity bears its name or a fact cites its passage', () => {
    const g = gold('- id: t01\n  not_facts: [{text: "Foto: Pedro Gil", why: photo credit}]');
    const clean = scoreRealset(g, answers({ t01: doc() }));
    const credited = scoreRealset(g, answers({ t01: doc({ entities: [ana, person('Person:pedro', ['Pedro Gil'], 'Pedro Gil')] }) }));
    expect(row(clean.rows, 'not_facts').matchedTruth).toBe(1);
    expect(row(credited.rows, 'not_facts').matchedTruth).toBe(0);
  });

  it('a citation is exact when its excerpt is the text at its offsets and, for an entity, names it', () => {
    const g = gold('- id: t01\n  people: [{name: Ana Ruiz Peña}]');
    const shifted = { ...ana, cites: [{ ...at('Ana Ruiz Peña'), start: at('Ana Ruiz Peña').start + 1 }] };
    const elsewhere = { ...luis, cites: [at('se reunió')] };
    const r = scoreRealset(g, answers({ t01: doc({ entities: [shifted, elsewhere] }) }));
    expect(row(r.rows, 'citations')).toMatchObject({ truth: 2, matchedTruth: 0 });
  });

  it('an article with no document in the graph counts every fact as missed, with a note', () => {
    const g = gold('- id: t01\n  people: [{name: Ana Ruiz Peña}]');
    const r = scoreRealset(g, answers({}));
    expect(row(r.rows, 'people')).toMatchObject({ truth: 1, matchedTruth: 0 });
    expect(r.notes[0]).toMatch(/t01: no document/);
  });
});
