import { describe, expect, it } from 'vitest';
import { splitByBlocks } from '../../src/chaos/one-hostile.js';

describe("the fairness phase's windows: the canary beside the hostile client, or in its pauses", () => {
  const blocks = [
    { block: 'on' as const, at: 1000 },
    { block: 'off' as const, at: 2000 },
    { block: 'on' as const, at: 3000 },
    { block: 'off' as const, at: 4000 },
  ];

  it('counts an answer sent and received inside a block as beside, inside a pause as alone', () => {
    const split = splitByBlocks(
      [
        { at: 1100, ms: 9 },
        { at: 2500, ms: 4 },
        { at: 3900, ms: 12 },
        { at: 4500, ms: 5 },
      ],
      blocks,
    );
    expect(split).toEqual({ beside: [9, 12], alone: [4, 5] });
  });

  it('leaves out answers before the first block, straddling a change, or just after a block ends', () => {
    const split = splitByBlocks(
      [
        { at: 500, ms: 3 }, // before the client began
        { at: 1995, ms: 10 }, // sent beside, answered in the pause
        { at: 2020, ms: 4 }, // within the guard after the block's last answer
        { at: 2995, ms: 8 }, // sent in the pause, answered beside the next block
        { at: 2060, ms: 6 }, // in the pause, past the guard
      ],
      blocks,
      50,
    );
    expect(split).toEqual({ beside: [], alone: [6] });
  });
});
