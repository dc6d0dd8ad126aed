import { describe, expect, it } from 'vitest';
import type { Extraction, XCommitment, XEntity, XEvent, XStatement } from '../../src/ingest/extract/facts.js';
import { resolveCommitments, resolveEntities, sameEvent, valuesAgree, type CommitmentCandidate, type EntityCandidate, type EventCandidate } from '../../src/ingest/resolve.js';

// Resolution decisions on small extractions written for these tests.
const commitment = (over: Partial<XCommitment> = {}): XCommitment => ({
  key: 'c1',
  summary: 'concluirá el hospital',
  start: null,
  deadline: null,
  concerns: ['hospital'],
  targets: [],
  cites: [],
  confidence: 0.6,
  ...over,
});
const statement = (speaker: string | null): XStatement => ({
  key: 's1',
  kind: 'declaration',
  speaker,
  event: null,
  date: null,
  summary: '',
  quote: null,
  about: [],
  figures: [],
  commitments: ['c1'],
  cites: [],
  confidence: 0.6,
});
const extraction = (c: XCommitment, speaker: string | null): Extraction => ({ entities: [], posts: [], events: [], figures: [], commitments: [c], statements: [statement(speaker)] });
const ids = new Map([
  ['hospital', 'facility:hospital-de-tepic'],
  ['old', 'facility:hospital-viejo'],
  ['clinic', 'facility:clinica-norte'],
  ['tepic', 'place:tepic'],
  ['ana', 'person:ana'],
  ['luis', 'person:luis'],
]);
const known: CommitmentCandidate = { id: 'commitment:old', makers: ['person:ana'], concerns: ['facility:hospital-de-tepic'], targetValues: [], deadline: null, start: null };

describe('a commitment repeats an earlier one', () => {
  it('when the maker, what it concerns and its target agree', () => {
    expect(resolveCommitments(extraction(commitment(), 'ana'), ids, [known]).get('c1')).toBe('commitment:old');
  });
  it('not when another person makes it: that is a new commitment', () => {
    expect(resolveCommitments(extraction(commitment(), 'luis'), ids, [known]).get('c1')).toBe('commitment:c1');
  });
  it('when one document names a second facility the other names otherwise', () => {
    const c = commitment({ concerns: ['hospital', 'old', 'tepic'] });
    expect(resolveCommitments(extraction(c, 'ana'), ids, [{ ...known, concerns: ['facility:hospital-de-tepic', 'facility:hospital-regional-viejo'] }]).get('c1')).toBe('commitment:old');
  });
  it('one facility of the many an earlier promise concerns: a repeat when the same person makes both, not when nobody is named', () => {
    const many = { ...known, concerns: ['facility:hospital-de-tepic', 'facility:a', 'facility:b'] };
    expect(resolveCommitments(extraction(commitment({ concerns: ['hospital'] }), 'ana'), ids, [many]).get('c1')).toBe('commitment:old');
    expect(resolveCommitments(extraction(commitment({ concerns: ['hospital'] }), null), ids, [many]).get('c1')).toBe('commitment:c1');
  });
  it('of two earlier promises that agree, the one that shares the larger part', () => {
    const many = { ...known, id: 'commitment:many', concerns: ['facility:hospital-de-tepic', 'facility:a', 'facility:b'] };
    expect(resolveCommitments(extraction(commitment({ concerns: ['hospital'] }), 'ana'), ids, [many, known]).get('c1')).toBe('commitment:old');
  });
  it('not when they share only a place', () => {
    const c = commitment({ concerns: ['clinic', 'tepic'] });
    expect(resolveCommitments(extraction(c, 'ana'), ids, [{ ...known, concerns: ['facility:hospital-de-tepic', 'place:tepic'] }]).get('c1')).toBe('commitment:c1');
  });
  it('when one source rounds the target the other gives exactly', () => {
    const x = extraction(commitment({ targets: ['f1'] }), 'ana');
    x.figures.push({ key: 'f1', value: 44_000, unit: 'becarios', counted: null, label: '', metric: '', qualifier: null, changePercent: null, asOf: null, subject: null, cites: [], confidence: 0.6 });
    expect(resolveCommitments(x, ids, [{ ...known, targetValues: [44_076] }]).get('c1')).toBe('commitment:old');
    expect(resolveCommitments(x, ids, [{ ...known, targetValues: [52_000] }]).get('c1')).toBe('commitment:c1');
  });
  it('not when the deadline differs', () => {
    const c = commitment({ deadline: { iso: '2026-12', precision: 'month', inferred: false, note: null } });
    expect(resolveCommitments(extraction(c, 'ana'), ids, [{ ...known, deadline: '2025-06' }]).get('c1')).toBe('commitment:c1');
  });
});

describe('two reported figures agree', () => {
  it('when equal, or one is the other rounded', () => {
    expect(valuesAgree(44_000, 44_076)).toBe(true);
    expect(valuesAgree(5_500_000_000, 5_512_300_000)).toBe(true);
  });
  it('not when both are exact and differ, or differ by more than rounding', () => {
    expect(valuesAgree(250, 251)).toBe(false);
    expect(valuesAgree(44_000, 46_000)).toBe(false);
  });
});

describe('one event told by two documents', () => {
  const event = (iso: string, inferred: boolean): XEvent => ({
    key: 'e1',
    kind: 'meeting',
    title: '',
    date: { iso, precision: 'day', inferred, note: null },
    place: null,
    venue: null,
    participants: [],
    cites: [],
    confidence: 0.6,
  });
  const told: EventCandidate = {
    id: 'event:a',
    iso: '2025-03-04',
    start: '2025-03-04',
    end: '2025-03-04',
    inferred: false,
    kind: 'meeting',
    place: null,
    venue: null,
    participants: ['person:ana', 'person:luis'],
  };
  it('a day or two before a publication date that dates it', () => {
    expect(sameEvent(event('2025-03-05', true), ['person:ana', 'person:luis'], null, told)).toBeGreaterThanOrEqual(0.8);
  });
  it('but not when the text gives another day', () => {
    expect(sameEvent(event('2025-03-05', false), ['person:ana', 'person:luis'], null, told)).toBe(0);
  });
  it('a day or two after an event the graph dates by its first report', () => {
    const reported = { ...told, iso: '2025-03-06', start: '2025-03-06', end: '2025-03-06', inferred: true };
    expect(sameEvent(event('2025-03-05', true), ['person:ana', 'person:luis'], null, reported)).toBeGreaterThanOrEqual(0.8);
    expect(sameEvent(event('2025-03-02', false), ['person:ana', 'person:luis'], null, reported)).toBe(0);
  });
  it('one person in common is enough at the same venue, not in a month-wide date elsewhere', () => {
    const crowd = ['person:ana', 'person:eva', 'person:raul', 'person:sara'];
    const atVenue = { ...told, iso: '2025-03-06', start: '2025-03-06', end: '2025-03-06', inferred: true, place: 'place:salon-azul', participants: ['person:ana', 'person:tomas'] };
    const inMonth = { ...told, id: 'event:m', iso: '2025-03', start: '2025-03-01', end: '2025-03-31', participants: ['person:ana'] };
    expect(sameEvent(event('2025-03-05', true), crowd, 'place:cdmx', atVenue, 'place:salon-azul')).toBeGreaterThanOrEqual(0.8);
    expect(sameEvent(event('2025-03-05', true), crowd, 'place:cdmx', inMonth, 'place:salon-azul')).toBe(0);
  });
  it('an act the graph holds undated is the one a later document dates, when most of the same people took part; a gathering only with the same company', () => {
    const signing = (iso: string): XEvent => ({ ...event(iso, false), kind: 'agreement' });
    const undated = { ...told, iso: null, start: null, end: null, kind: 'agreement', participants: ['person:ana', 'person:luis', 'person:eva', 'person:raul'] };
    expect(sameEvent(signing('2025-03-05'), ['person:ana', 'person:luis', 'person:eva'], null, undated)).toBeGreaterThanOrEqual(0.8);
    expect(sameEvent(signing('2025-03-05'), ['person:ana', 'person:tomas', 'person:sara'], null, undated)).toBe(0);
    // the same officials meet again and again: a gathering needs nearly the same company
    expect(sameEvent(event('2025-03-05', false), ['person:ana', 'person:luis', 'person:eva', 'person:tomas'], null, { ...undated, kind: 'meeting' })).toBe(0);
    expect(sameEvent(event('2025-03-05', false), ['person:ana', 'person:luis', 'person:eva', 'person:raul'], null, { ...undated, kind: 'meeting' })).toBeGreaterThanOrEqual(0.8);
  });
  it('an undated appointment is the dated one of the same people', () => {
    const appointment = (iso: string | null): XEvent => ({ ...event(iso ?? '2025-03-05', false), kind: 'appointment', date: iso ? { iso, precision: 'day', inferred: false, note: null } : null });
    const undated = { ...told, iso: null, start: null, end: null, kind: 'appointment', participants: ['person:ana', 'person:luis', 'person:eva'] };
    expect(sameEvent(appointment('2025-03-05'), ['person:ana', 'person:luis'], null, undated)).toBeGreaterThanOrEqual(0.8);
    expect(sameEvent(appointment('2025-03-05'), ['person:ana', 'person:raul'], null, undated)).toBe(0);
    expect(sameEvent(event('2025-03-05', false), ['person:ana', 'person:luis'], null, { ...undated, kind: 'meeting' })).toBe(0);
  });
  it('a day the graph holds wins over a month that contains it', () => {
    const month = { ...told, id: 'event:m', iso: '2025-03', start: '2025-03-01', end: '2025-03-31' };
    expect(sameEvent(event('2025-03-04', false), ['person:ana', 'person:luis'], null, told)).toBeGreaterThan(sameEvent(event('2025-03-04', false), ['person:ana', 'person:luis'], null, month));
  });
});

describe('entities the text relates', () => {
  const facility = (key: string, name: string): XEntity => ({ key, kind: 'Facility', name, aliases: [], acronym: null, category: null, cites: [], confidence: 0.7 });
  it("a facility and the one it replaces stay two, listed as a possible duplicate with the text's evidence", () => {
    const known: EntityCandidate = { key: 'old', id: 'facility:hospital-viejo', kind: 'Facility', name: 'Hospital Viejo', aliases: [], acronym: null };
    const r = resolveEntities([facility('new', 'Hospital Nuevo de Tepic'), facility('old', 'Hospital Viejo')], [known], undefined, [
      { a: 'new', b: 'old', evidence: 'the text says one replaces the other' },
    ]);
    expect(r.entities.get('new')).toBe('facility:hospital-nuevo-de-tepic');
    expect(r.entities.get('old')).toBe('facility:hospital-viejo');
    expect(r.candidates).toEqual([{ key: 'new', id: 'facility:hospital-viejo', score: 0.6, evidence: 'the text says one replaces the other' }]);
  });
});

describe('a commitment that names only a body', () => {
  const withBody = new Map([...ids, ['body', 'organization:issste']]);
  const dated = (who: string | null) => extraction(commitment({ concerns: ['body'], deadline: { iso: '2026-12', precision: 'month', inferred: false, note: null } }), who);
  it('is no repeat of one that names a facility, even by the same person', () => {
    expect(resolveCommitments(dated('ana'), withBody, [{ ...known, concerns: ['facility:hospital-de-tepic', 'organization:issste'], deadline: '2026-12' }]).get('c1')).toBe('commitment:c1');
  });
  it('repeats one of the same body only with the same maker and the same deadline or target', () => {
    const body = { ...known, concerns: ['organization:issste'] };
    expect(resolveCommitments(dated('ana'), withBody, [{ ...body, deadline: '2026-12' }]).get('c1')).toBe('commitment:old');
    expect(resolveCommitments(dated('ana'), withBody, [body]).get('c1')).toBe('commitment:c1');
    expect(resolveCommitments(dated(null), withBody, [{ ...body, deadline: '2026-12' }]).get('c1')).toBe('commitment:c1');
  });
});

describe('a facility written only as its kind', () => {
  it('is at most a candidate for a facility of the graph with the same words: it may be any of many', () => {
    const generic: XEntity = { key: 'u', kind: 'Facility', name: 'Unidad de Medicina Familiar', aliases: [], acronym: null, category: null, cites: [], confidence: 0.7 };
    const known: EntityCandidate = { key: 'u', id: 'facility:unidad-de-medicina-familiar', kind: 'Facility', name: 'Unidad de Medicina Familiar', aliases: [], acronym: null };
    const r = resolveEntities([generic], [known], undefined, [], '3f2a9c1b');
    expect(r.linked).toEqual([]);
    expect(r.entities.get('u')).toBe('facility:unidad-de-medicina-familiar-3f2a9c1b');
    expect(r.candidates.map((c) => c.id)).toEqual(['facility:unidad-de-medicina-familiar']);
  });
});

describe('the same exact target', () => {
  const withBody = new Map([...ids, ['body', 'organization:imss-bienestar']]);
  const target = (value: number, who: string) => {
    const x = extraction(commitment({ concerns: ['body'], targets: ['f1'] }), who);
    x.figures.push({ key: 'f1', value, unit: 'people', counted: null, label: '', metric: '', qualifier: null, changePercent: null, asOf: null, subject: null, cites: [], confidence: 0.6 });
    return x;
  };
  const curated = { ...known, makers: ['person:luis'], concerns: ['organization:imss-bienestar', 'program:plan'], targetValues: [53_200_000] };
  it('about a body in common is a repeat, whoever repeats it', () => {
    expect(resolveCommitments(target(53_200_000, 'ana'), withBody, [curated]).get('c1')).toBe('commitment:old');
  });
  it('not a round one, nor one about nothing in common', () => {
    expect(resolveCommitments(target(50_000_000, 'ana'), withBody, [{ ...curated, targetValues: [50_000_000] }]).get('c1')).toBe('commitment:c1');
    expect(resolveCommitments(target(53_200_000, 'ana'), withBody, [{ ...curated, concerns: ['program:plan'] }]).get('c1')).toBe('commitment:c1');
  });
});
