import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/domain/dates.js';
import { DATE_FIELDS, dateProps, datePropsOf, readDate, storedDate } from '../../src/graph/date-storage.js';
import { toNode } from '../../src/graph/records.js';

describe('how a fuzzy date is stored and read back', () => {
  it('stores a date as six flat properties, its bounds as ISO days', () => {
    expect(dateProps('deadline', parseIsoDate('2025-02'))).toEqual({
      deadlineIso: '2025-02',
      deadlinePrecision: 'month',
      deadlineInferred: false,
      deadlineNote: null,
      deadlineStart: '2025-02-01',
      deadlineEnd: '2025-02-28',
    });
    expect(dateProps('date', undefined)).toEqual({});
  });

  it('reads back what it stored, for every date field', () => {
    for (const field of DATE_FIELDS) {
      const date = parseIsoDate('2024', { inferred: true, note: 'year of the bulletin' });
      expect(readDate(dateProps(field, date), storedDate(field))).toEqual({ ...date, start: '2024-01-01', end: '2024-12-31' });
    }
  });

  it("asks for exactly the properties it stores, and for a post's bounds their tenure too", () => {
    expect(datePropsOf('date').sort()).toEqual(Object.keys(dateProps('date', parseIsoDate('2024-05-01'))).sort());
    expect(datePropsOf('from')).toEqual(expect.arrayContaining(['fromIso', 'tenureFromIso', 'tenureFromStart']));
  });

  it('is what an API node carries for every date field (null when not stored)', () => {
    const node = toNode('event:e', ['Node', 'Fact', 'Event'], {});
    for (const field of DATE_FIELDS) expect(node).toHaveProperty(field, null);
  });
});
