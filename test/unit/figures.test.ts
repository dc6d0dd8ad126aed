import { describe, expect, it } from 'vitest';
import { agreement, precisionUnit } from '../../src/domain/figures.js';

describe('precisionUnit', () => {
  it('reads rounding from trailing zeros of large round numbers', () => {
    expect(precisionUnit(9_100_000)).toBe(100_000);
    expect(precisionUnit(2_000_000)).toBe(1_000_000);
    expect(precisionUnit(25_000)).toBe(1_000);
  });

  it('treats exact counts and small round numbers as exact', () => {
    expect(precisionUnit(9_161_742)).toBe(1);
    expect(precisionUnit(120)).toBe(1);
    expect(precisionUnit(60)).toBe(1);
  });

  it('reads decimals as the unit of the last decimal place', () => {
    expect(precisionUnit(9.1)).toBeCloseTo(0.1);
    expect(precisionUnit(12.25)).toBeCloseTo(0.01);
  });
});

describe('agreement', () => {
  it('finds 9161742 and "9.1 millones" (9100000, rounded to the hundred thousand) consistent', () => {
    const a = agreement([9_161_742, 9_100_000]);
    expect(a.consistent).toBe(true);
    expect(a).toMatchObject({ reports: 2, min: 9_100_000, max: 9_161_742 });
    expect(a.explanation).toContain('less than the rounding unit 100000');
  });

  it('finds a real disagreement inconsistent', () => {
    const a = agreement([9_161_742, 8_900_000]);
    expect(a.consistent).toBe(false);
    expect(a.explanation).toContain('more than the rounding unit 100000');
  });

  it('finds two different exact counts inconsistent', () => {
    expect(agreement([120, 121]).consistent).toBe(false);
  });

  it('finds equal values consistent and a single report trivially so', () => {
    expect(agreement([42, 42])).toMatchObject({ consistent: true, reports: 2, explanation: '2 reports give the same value' });
    expect(agreement([42])).toMatchObject({ consistent: true, reports: 1, explanation: 'only one report of this measure' });
  });
});
