import { describe, expect, it } from 'vitest';
import { attemptsAfterExit, restartBackoffMs } from '../../src/graph/neo4j-supervisor.js';

describe('the local Neo4j restart backoff', () => {
  it('waits 1 s, then doubles up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(restartBackoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts over after an instance stayed up for 15 s, and keeps counting otherwise', () => {
    expect(attemptsAfterExit(5, 15_000)).toBe(0);
    expect(attemptsAfterExit(5, 14_999)).toBe(5);
    expect(attemptsAfterExit(0, 100)).toBe(0);
  });
});
