import { describe, expect, it } from 'vitest';
import type { Extraction, XCommitment, XEvent, XStatement } from '../../src/ingest/extract/facts.js';
import { resolveCommitments, sameEvent, type CommitmentCandidate, type EventCandidate } from '../../src/ingest/resolve.js';

// Resolution decisions on small extractions written for these tests.
const commitment = (over: Partial<XCommitment> = {}): XCommitment => ({ key: 'c1', summary: 'concluirá el hospital', start: null, deadline: null, concerns: ['hospital'], targets: [], cites: [], confidence: 0.6, ...over });
const statement = (speaker: string | null): XStatement => ({ key: 's1', kind: 'declaration', speaker, event: null, date: null, summary: '', quote: null, about: [], figures: [], commitments: ['c1'], cites: [], confidence: 0.6 });
const extraction = (c: XCommitment, speaker: string | null): Extraction => ({ entities: [], posts: [], events: [], figures: [], commitments: [c], statements: [statement(speaker)] });
const ids = new Map([['hospital', 'facility:hospital-de-tepic'], ['ana', 'person:ana'], ['luis', 'person:luis']]);
const known: CommitmentCandidate = { id: 'commitment:old', makers: ['person:ana'], concerns: ['facility:hospital-de-tepic'], targetValues: [], deadline: null, start: null };

describe('a commitment repeats an earlier one', () => {
  it('when the maker, what it concerns and its target agree', () => {
    expect(resolveCommitments(extraction(commitment(), 'ana'), ids, [known]).get('c1')).toBe('commitment:old');
  });
  it('not when another person makes it: that is a new commitment', () => {
    expect(resolveCommitments(extraction(commitment(), 'luis'), ids, [known]).get('c1')).toBe('commitment:c1');
  });
  it('not when the deadline differs', () => {
    const c = commitment({ deadline: { iso: '2026-12', precision: 'month', inferred: false, note: null } });
    expect(resolveCommitments(extraction(c, 'ana'), ids, [{ ...known, deadline: '2025-06' }]).get('c1')).toBe('commitment:c1');
  });
});

describe('one event told by two documents', () => {
  const event = (iso: string, inferred: boolean): XEvent => ({ key: 'e1', kind: 'meeting', title: '', date: { iso, precision: 'day', inferred, note: null }, place: null, venue: null, participants: [], cites: [], confidence: 0.6 });
  const told: EventCandidate = { id: 'event:a', iso: '2025-03-04', start: '2025-03-04', end: '2025-03-04', kind: 'meeting', place: null, participants: ['person:ana', 'person:luis'] };
  it('a day or two before a publication date that dates it', () => {
    expect(sameEvent(event('2025-03-05', true), ['person:ana', 'person:luis'], null, told)).toBeGreaterThanOrEqual(0.8);
  });
  it('but not when the text gives another day', () => {
    expect(sameEvent(event('2025-03-05', false), ['person:ana', 'person:luis'], null, told)).toBe(0);
  });
});
