import { describe, expect, it } from 'vitest';
import { dateBounds, DateFormatError, parseIsoDate } from '../../src/domain/dates.js';

describe('parseIsoDate', () => {
  it('reads the precision from the shape of the value', () => {
    expect(parseIsoDate('2024-01-12')).toEqual({ iso: '2024-01-12', precision: 'day', inferred: false });
    expect(parseIsoDate('2024-05')).toEqual({ iso: '2024-05', precision: 'month', inferred: false });
    expect(parseIsoDate('2024')).toEqual({ iso: '2024', precision: 'year', inferred: false });
  });

  it('keeps whether the date was inferred and why', () => {
    expect(parseIsoDate('2024-05', { precision: 'month', inferred: true, note: 'from the newest cited source' })).toEqual({
      iso: '2024-05',
      precision: 'month',
      inferred: true,
      note: 'from the newest cited source',
    });
  });

  it('ignores surrounding whitespace', () => {
    expect(parseIsoDate(' 2024-02-29 ').iso).toBe('2024-02-29');
  });

  it.each([
    ['2024-13-45', /no month 13/],
    ['2024-13', /no month 13/],
    ['2024-00', /no month 00/],
    ['2023-02-29', /not a calendar date/],
    ['2024-04-31', /not a calendar date/],
    ['12/01/2024', /not an ISO date/],
    ['2024-1-5', /not an ISO date/],
    ['', /not an ISO date/],
    ['enero 2024', /not an ISO date/],
  ])('rejects %j with a DateFormatError that says why', (value, message) => {
    expect(() => parseIsoDate(value)).toThrow(DateFormatError);
    expect(() => parseIsoDate(value)).toThrow(message);
  });

  it('rejects a declared precision that the value does not have', () => {
    expect(() => parseIsoDate('2024-05-15', { precision: 'month' })).toThrow(/has precision day, not month/);
  });
});

describe('dateBounds', () => {
  it('is the day itself for a day', () => {
    expect(dateBounds(parseIsoDate('2024-01-12'))).toEqual({ start: '2024-01-12', end: '2024-01-12' });
  });

  it('covers the whole month, leap years included', () => {
    expect(dateBounds(parseIsoDate('2024-05'))).toEqual({ start: '2024-05-01', end: '2024-05-31' });
    expect(dateBounds(parseIsoDate('2024-02'))).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(dateBounds(parseIsoDate('2023-02'))).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(dateBounds(parseIsoDate('2024-04'))).toEqual({ start: '2024-04-01', end: '2024-04-30' });
  });

  it('covers the whole year', () => {
    expect(dateBounds(parseIsoDate('2024'))).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });
});
