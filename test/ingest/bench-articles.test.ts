import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../src/bench/articles.js';
import { readSourceDocument } from '../../src/ingest/metadata.js';
import { extract } from '../../src/ingest/pipeline.js';

// The benchmark's synthetic articles: what the benchmark measures must be what the pipeline reads.
const articles = generateArticles(12, 7);

describe('synthetic articles for the ingest benchmark', () => {
  it('are the same for the same seed, and differ for another', () => {
    expect(generateArticles(12, 7)).toEqual(articles);
    expect(generateArticles(12, 8).map((a) => a.content)).not.toEqual(articles.map((a) => a.content));
  });

  it('have unique file names and pass the document checks, with their front matter read', () => {
    expect(new Set(articles.map((a) => a.fileName)).size).toBe(articles.length);
    for (const a of articles) {
      const doc = readSourceDocument(a.fileName, a.content);
      expect(doc.format).toBe('markdown');
      expect(doc.meta.title).toBeTruthy();
      expect(doc.meta.published).toMatch(/^202[345]-\d{2}-\d{2}$/);
    }
  });

  it('name the same officials again across articles, as real coverage does', () => {
    const seen = new Map<string, number>();
    for (const a of generateArticles(60, 7)) for (const o of a.officials) seen.set(o, (seen.get(o) ?? 0) + 1);
    expect([...seen.values()].some((n) => n >= 3)).toBe(true);
  });

  it('are read by the pipeline: every official named comes out as a person, and the figures are found', () => {
    for (const a of articles) {
      const x = extract(a.fileName, a.content);
      const people = x.extraction.entities.filter((e) => e.kind === 'Person').map((e) => e.name);
      expect(a.officials.length).toBeGreaterThanOrEqual(2);
      expect(people).toEqual(expect.arrayContaining(a.officials));
      const found = x.extraction.figures.map((f) => `${f.value} ${f.unit}`);
      expect(a.figures.some((f) => found.includes(`${f.value} ${f.unit}`))).toBe(true);
    }
  });
});
