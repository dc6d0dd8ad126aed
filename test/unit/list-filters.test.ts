import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/cypher.js';
import { LIST_FILTER_KEYS, type ListName } from '../../src/graph/list-filters.js';

/** What the repository adds to every list's filters: the page, the order, a variant's starting node. */
const ADDED = ['skip', 'limit', 'desc', 'anchor'];

/** The parameters a Cypher file reads, comments left out. */
const paramsOf = (name: string) =>
  new Set(
    [
      ...cypher(name)
        .replace(/\/\/.*$/gm, '')
        .matchAll(/\$([A-Za-z_]\w*)/g),
    ].map((m) => m[1]!),
  );

const FILES: Record<ListName, string[]> = {
  events: ['read/list-events', 'read/list-events-of-participant'],
  statements: ['read/list-statements', 'read/list-statements-of-speaker'],
  commitments: ['read/list-commitments'],
  figures: ['read/list-figures'],
  documents: ['read/list-documents'],
  posts: ['read/list-posts'],
  entities: ['read/list-entities'],
};

describe('the filters of each list and the parameters of its Cypher', () => {
  for (const [name, files] of Object.entries(FILES) as [ListName, string[]][]) {
    it(`${name}: every parameter is a filter or added by the repository, and every filter is read`, () => {
      const keys = LIST_FILTER_KEYS[name];
      for (const file of files)
        expect(
          [...paramsOf(file)].filter((p) => !keys.includes(p) && !ADDED.includes(p)),
          file,
        ).toEqual([]);
      const read = new Set(files.flatMap((f) => [...paramsOf(f)]));
      expect(keys.filter((k) => !read.has(k))).toEqual([]);
    });
  }
});
