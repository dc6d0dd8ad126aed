/**
 * Many documents at once (src/ingest/many.ts, what `kg ingest` runs): several are made ready
 * while an earlier one is written, and the graph comes out as a one-by-one ingest leaves it; a
 * document that fails fails alone.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { generateArticles } from '../../src/bench/articles.js';
import { graphChecksum, graphDifference } from '../../src/chaos/checksum.js';
import type { Db } from '../../src/graph/db.js';
import { ingestMany, type ManyDocument, type ManyOutcome } from '../../src/ingest/many.js';
import { DocumentError } from '../../src/ingest/metadata.js';
import { ingest } from '../../src/ingest/pipeline.js';
import type { CoreNlp, NlpDoc } from '../../src/nlp/corenlp.js';
import { connectTestDb, emptyGraph } from '../support/db.js';

const db: Db = connectTestDb();
afterAll(() => db.close());
beforeEach(() => emptyGraph(db));

const fixture = (name: string) => readFileSync(new URL(`../ingest/fixtures/${name}`, import.meta.url));
const doc = (fileName: string, content: string | Buffer): ManyDocument => ({ fileName, load: () => ({ content, sidecar: null }) });
const failure = (o: ManyOutcome | undefined) => (o && !o.ok ? (o.error instanceof DocumentError ? o.error.problem : String(o.error)) : null);

describe('ingesting many documents at once', () => {
  it('gives the graph a one-by-one ingest gives: the same nodes, relationships, citations and properties', async () => {
    // generated articles whose officials recur, so later ones link to, repeat and flag what earlier ones wrote
    const articles = generateArticles(24, 7);
    for (const a of articles) await ingest(db, a.fileName, a.content);
    const oneByOne = await graphChecksum(db.driver);
    await emptyGraph(db);
    const outcomes = await ingestMany(
      db,
      articles.map((a) => doc(a.fileName, a.content)),
      { concurrency: 4 },
    );
    expect(outcomes.map(failure)).toEqual(articles.map(() => null));
    const many = await graphChecksum(db.driver);
    expect(graphDifference(oneByOne, many)).toBe('');
    expect(many).toEqual(oneByOne);
  }, 180_000);

  it('makes at most `concurrency` documents ready at once, and answers in the order given', async () => {
    let inFlight = 0;
    let most = 0;
    const annotated: string[] = [];
    // an NLP engine that finds nothing and takes a while: what matters here is how many wait on it at once
    const nlp: CoreNlp = {
      url: 'http://nlp.invalid',
      ready: async () => true,
      annotate: async (text: string): Promise<NlpDoc> => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        annotated.push(text.slice(0, 20));
        return { text, sentences: [], mentions: [] };
      },
    } as CoreNlp;
    const articles = generateArticles(10, 3);
    const done: number[] = [];
    const outcomes = await ingestMany(
      db,
      articles.map((a) => doc(a.fileName, a.content)),
      { concurrency: 3, nlp, onDone: (i) => done.push(i) },
    );
    expect(most).toBe(3);
    expect(annotated).toHaveLength(10);
    expect(done).toEqual([...Array(10).keys()]);
    expect(outcomes.map((o) => (o.ok ? o.result.document : null))).toEqual(articles.map((a) => `document:${a.fileName}`));
  }, 120_000);

  it('fails a bad document alone: the others are written, and its reason is its own', async () => {
    const outcomes = await ingestMany(db, [
      doc('bueno.md', fixture('boletin-monterrey.md')),
      doc('vacio.txt', '   \n'),
      { fileName: 'perdido.txt', load: () => ({ content: readFileSync('/nonexistent/perdido.txt'), sidecar: null }) },
      // another text under a name the graph holds by now: refused inside its write transaction
      doc('bueno.md', fixture('nota-oaxaca.txt')),
      doc('oaxaca.txt', fixture('nota-oaxaca.txt')),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, false, true]);
    expect(failure(outcomes[1])).toMatch(/empty|no text|vac/i);
    expect(failure(outcomes[2])).toMatch(/ENOENT/);
    expect(failure(outcomes[3])).toMatch(/already holds a different document named "bueno.md"/);
    const documents = outcomes.flatMap((o) => (o.ok ? [o.result.document] : []));
    expect(documents).toEqual(['document:bueno.md', 'document:oaxaca.txt']);
  }, 120_000);
});
