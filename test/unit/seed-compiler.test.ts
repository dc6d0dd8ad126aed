import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPresent } from '../support/shared.js';
import { citationKey, formatCuratedCitation, sha256Hex } from '../../src/domain/citation.js';
import { compileSeed, SeedError, type CorpusTexts } from '../../src/ingest/seed/compile.js';
import type { SeedFile } from '../../src/ingest/seed/format.js';
import { compileSeedFromDisk, CORPUS_DIR, readSeedFiles } from '../../src/ingest/seed/load.js';

// A small made-up document (not corpus text) and a seed that cites it.
const TEXT = 'Boletín 001. La gobernadora Ana Pérez y el director Luis Soto se reunieron en Villa Nueva el lunes.\nSe anunció un hospital de 120 camas.\n';
const FILE = 'test-doc.txt';
const cite = (phrase: string, text = TEXT) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in text: ${phrase}`);
  return formatCuratedCitation('d1', text, start, start + phrase.length);
};

function corpus(text = TEXT): CorpusTexts {
  return new Map([[FILE, Buffer.from(text, 'utf8')]]);
}

function seed(): SeedFile {
  return {
    documents: [{ key: 'd1', file: FILE, sha256: sha256Hex(TEXT), title: 'Test bulletin', kind: 'bulletin', published: '2024-01-15' }],
    people: [
      { slug: 'ana-perez', name: 'Ana Pérez', cite: [cite('Ana Pérez')] },
      { slug: 'luis-soto', name: 'Luis Soto', cite: [cite('Luis Soto')] },
    ],
    places: [{ slug: 'villa-nueva', name: 'Villa Nueva', kind: 'city', cite: [cite('Villa Nueva')] }],
    events: [
      {
        id: 'e1',
        kind: 'meeting',
        title: 'Meeting in Villa Nueva',
        date: { value: '2024-01-15', inferred: true, note: 'bulletin date' },
        place: 'villa-nueva',
        participants: [
          { person: 'ana-perez', cite: [cite('La gobernadora Ana Pérez')] },
          { person: 'luis-soto', cite: [cite('el director Luis Soto')] },
        ],
        cite: [cite('se reunieron en Villa Nueva')],
      },
    ],
    figures: [{ id: 'f1', value: 120, unit: 'beds', metric: 'hospital-beds', cite: [cite('120 camas')] }],
    statements: [{ id: 's1', kind: 'announcement', event: 'e1', summary: 'A hospital was announced.', figures: ['f1'], cite: [cite('Se anunció un hospital de 120 camas.')] }],
  };
}

/** Runs the compiler and returns its SeedError (failing the test if it compiled). */
function seedError(files: SeedFile[], texts: CorpusTexts | null = corpus()): SeedError {
  try {
    compileSeed(files, texts);
  } catch (e) {
    expect(e).toBeInstanceOf(SeedError);
    return e as SeedError;
  }
  throw new Error('expected the seed to be rejected, but it compiled');
}

describe('compileSeed', () => {
  it('compiles a consistent seed into nodes and relationships that carry their citations', () => {
    const batch = compileSeed([seed()], corpus());
    const ids = batch.nodes.map((n) => n.id).sort();
    expect(ids).toEqual(['document:test-doc.txt', 'event:e1', 'figure:f1', 'person:ana-perez', 'person:luis-soto', 'place:villa-nueva', 'statement:s1']);

    const start = TEXT.indexOf('se reunieron en Villa Nueva');
    const event = batch.nodes.find((n) => n.id === 'event:e1')!;
    expect(event.cites).toEqual([citationKey({ documentId: 'document:test-doc.txt', start, end: start + 'se reunieron en Villa Nueva'.length })]);
    expect(event.props).toMatchObject({ dateIso: '2024-01-15', datePrecision: 'day', dateInferred: true, dateStart: '2024-01-15', dateEnd: '2024-01-15' });

    const types = batch.rels.map((r) => `${r.from} ${r.type} ${r.to}`).sort();
    expect(types).toEqual([
      'event:e1 HELD_IN place:villa-nueva',
      'person:ana-perez PARTICIPATED_IN event:e1',
      'person:luis-soto PARTICIPATED_IN event:e1',
      'statement:s1 AT_EVENT event:e1',
      'statement:s1 REPORTS figure:f1',
    ]);
  });

  it('is pure: the same input gives the same batch', () => {
    expect(compileSeed([seed()], corpus())).toEqual(compileSeed([seed()], corpus()));
  });

  it('rejects a span whose hash does not match the text, naming the fact', () => {
    const s = seed();
    const [, range] = cite('Luis Soto').split(':');
    s.people![1]!.cite = [`d1:${range}:00000000`];
    const err = seedError([s]);
    expect(err.problems).toHaveLength(1);
    expect(err.message).toMatch(/person luis-soto: citation "d1:\d+-\d+:00000000" does not match the document text/);
  });

  it('rejects a document whose sha256 differs from the curated one, naming the document', () => {
    const s = seed();
    s.documents![0]!.sha256 = sha256Hex('another text');
    const err = seedError([s]);
    expect(err.message).toContain(`document d1 (${FILE}): content hash ${sha256Hex(TEXT)} differs from the curated ${sha256Hex('another text')}`);
  });

  it('rejects a span past the end of the document, naming the fact', () => {
    const s = seed();
    s.figures![0]!.cite = [`d1:${TEXT.length - 2}-${TEXT.length + 5}:12345678`];
    const err = seedError([s]);
    expect(err.problems).toEqual([`figure f1: citation "d1:${TEXT.length - 2}-${TEXT.length + 5}:12345678" ends past the document (${TEXT.length})`]);
  });

  it('rejects a span past the article body (bodyEnd), naming the fact', () => {
    const s = seed();
    s.documents![0]!.bodyEnd = TEXT.indexOf('\n');
    const err = seedError([s]);
    expect(err.problems).toHaveLength(2); // the figure and the statement cite the second line
    expect(err.message).toMatch(/figure f1: citation "[^"]+" lies past the end of the article body/);
    expect(err.message).toMatch(/statement s1: citation "[^"]+" lies past the end of the article body/);
  });

  it('rejects unknown references, naming the fact that holds them', () => {
    const s = seed();
    s.events![0]!.participants!.push({ person: 'nobody', cite: [cite('Ana Pérez')] });
    s.statements![0]!.figures = ['f-missing'];
    s.statements![0]!.speaker = 'villa-nueva';
    const err = seedError([s]);
    expect(err.problems).toEqual(expect.arrayContaining(['event e1: unknown entity "nobody"', 'statement s1: unknown figure:f-missing', 'statement s1: "villa-nueva" is not a Person']));
  });

  it('rejects a citation of an unknown document and a malformed citation', () => {
    const s = seed();
    s.people![0]!.cite = ['d9:0-3:12345678'];
    s.people![1]!.cite = ['not a citation'];
    const err = seedError([s]);
    expect(err.problems).toEqual(['person ana-perez: citation "d9:0-3:12345678" names unknown document d9', 'person luis-soto: malformed citation "not a citation"']);
  });

  it('rejects malformed dates, naming the fact', () => {
    const s = seed();
    s.events![0]!.date = '2024-13-45';
    expect(seedError([s]).problems).toEqual(['event e1: "2024-13-45" has no month 13']);
  });

  it('rejects a slug used twice across kinds', () => {
    const s = seed();
    s.places!.push({ slug: 'ana-perez', name: 'Ana Pérez (town)', kind: 'city', cite: [cite('Ana Pérez')] });
    expect(seedError([s]).message).toContain('place ana-perez: slug already used by person:ana-perez');
  });

  it('reports a document missing from the corpus, but skips span checks when there is no corpus at all', () => {
    expect(seedError([seed()], new Map()).problems).toEqual([`document d1 (${FILE}): file not found in the corpus`]);
    expect(() => compileSeed([seed()], null)).not.toThrow();
  });

  it('collects every problem before failing, so one run lists them all', () => {
    const s = seed();
    s.documents![0]!.sha256 = '0'.repeat(64);
    s.events![0]!.place = 'atlantis';
    s.figures![0]!.asOf = '2024-02-30';
    const err = seedError([s]);
    expect(err.problems).toHaveLength(3);
    expect(err.message).toMatch(/^seed data has 3 problem\(s\):/);
  });
});

describe('the curated seed (data/seed)', () => {
  it.runIf(sharedPresent('the seed corpus', CORPUS_DIR, existsSync(join(CORPUS_DIR, 'README.md'))))('compiles against the real corpus without a problem', () => {
    const { batch, corpusPresent } = compileSeedFromDisk();
    expect(corpusPresent).toBe(true);
    expect(batch.nodes.length).toBeGreaterThan(50);
    expect(batch.rels.length).toBeGreaterThan(50);
    // Every document of the seed was found and verified, so its text travels with it.
    const documents = readSeedFiles().flatMap((f) => f.documents ?? []);
    expect(documents.length).toBeGreaterThan(0);
    for (const d of documents) {
      const node = batch.nodes.find((n) => n.id === `document:${d.file}`);
      expect(node?.props.text, d.file).toEqual(expect.any(String));
    }
  });
});
