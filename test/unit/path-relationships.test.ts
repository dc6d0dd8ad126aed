/**
 * The relationship types a path may go through are declared once, in the model (PATH_REL_TYPES);
 * the Cypher that searches paths lists them in its pattern, as Cypher needs. Each list must be the
 * model's, so that a relationship type added to the model is searched by every path query.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATH_REL_TYPES } from '../../src/domain/model.js';

const patternTypes = (file: string): string[][] =>
  [...readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').matchAll(/allShortestPaths\(\(\w+\)-\[:([A-Z_|]+)\*/g)].map((m) => m[1]!.split('|').sort());

describe('the relationship types of paths', () => {
  it.each(['cypher/read/paths.cypher', 'cypher/bench/floor-paths.cypher', 'src/bench/neo4j-graphql-typedefs.ts'])('%s lists those of the model', (file) => {
    const lists = patternTypes(file);
    expect(lists.length).toBeGreaterThan(0);
    for (const types of lists) expect(types).toEqual([...PATH_REL_TYPES].sort());
  });

  it('leave out documents and review links', () => {
    expect(PATH_REL_TYPES).not.toContain('SOURCED_FROM');
    expect(PATH_REL_TYPES).not.toContain('CITES');
    expect(PATH_REL_TYPES).not.toContain('POSSIBLY_SAME_AS');
  });
});
