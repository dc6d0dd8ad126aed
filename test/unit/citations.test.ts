import { describe, expect, it } from 'vitest';
import { citationKey, formatCuratedCitation, parseCitationKey, parseCuratedCitation, sha256Hex, spanHash } from '../../src/domain/citation.js';

describe('citation keys', () => {
  it('round-trip, even when the document id contains ":" and "@"', () => {
    for (const c of [
      { documentId: 'document:001_08e50318fca64ce1.txt', start: 745, end: 992 },
      { documentId: 'document:odd@name:1', start: 0, end: 1 },
    ]) {
      expect(parseCitationKey(citationKey(c))).toEqual(c);
    }
    expect(citationKey({ documentId: 'document:x.txt', start: 3, end: 9 })).toBe('document:x.txt@3:9');
  });

  it('rejects a malformed key', () => {
    expect(() => parseCitationKey('no-separators')).toThrow(/malformed citation key/);
  });
});

describe('curated citations', () => {
  const text = 'La reunión se celebró en Tecámac. Asistió la gobernadora.';

  it('are <docKey>:<start>-<end>:<hash8> with the hash of the span text', () => {
    const ref = formatCuratedCitation('001', text, 25, 32);
    expect(text.slice(25, 32)).toBe('Tecámac');
    expect(ref).toBe(`001:25-32:${spanHash('Tecámac')}`);
    expect(parseCuratedCitation(ref)).toEqual({ docKey: '001', start: 25, end: 32, hash: spanHash('Tecámac') });
  });

  it('count offsets in UTF-16 code units (JavaScript string indices)', () => {
    const emoji = '😀 Zoé';
    const ref = formatCuratedCitation('x', emoji, 3, 6);
    expect(ref).toBe(`x:3-6:${spanHash('Zoé')}`);
  });

  it('parse to null when malformed', () => {
    for (const bad of ['001:25-32', '001:25-32:XYZ12345', '001:a-b:12345678', ':1-2:12345678', '001 :1-2:12345678']) {
      expect(parseCuratedCitation(bad), bad).toBeNull();
    }
  });

  it('hash spans with sha256 of their UTF-8 text', () => {
    expect(spanHash('abc')).toBe('ba7816bf');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(Buffer.from('abc'))).toBe(sha256Hex('abc'));
  });
});
