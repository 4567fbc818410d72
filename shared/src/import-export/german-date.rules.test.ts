import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGermanDate, formatGermanDay, isCalendarDay, parseGermanDate } from './german-date.rules';

const calendarDay = fc
  .date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
  .filter((iso) => /^\d{4}-\d{2}-\d{2}$/.test(iso));

describe('German dates (TT.MM.JJJJ)', () => {
  it.each([
    ['2024-02-01', '01.02.2024'],
    ['2024-02-29', '29.02.2024'],
    ['0999-12-31', '31.12.0999'],
  ])('formats %s as %s', (iso, german) => {
    expect(formatGermanDate(iso)).toBe(german);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '1.2.2024', '', '2024-2-1'])('formats no date for %j', (text) => {
    expect(formatGermanDate(text)).toBeUndefined();
  });

  it.each([
    ['01.02.2024', '2024-02-01'],
    ['1.2.2024', '2024-02-01'],
    [' 31.12.1999 ', '1999-12-31'],
    ['01.02.24', '2024-02-01'],
    ['01.02.29', '2029-02-01'],
    ['01.02.30', '1930-02-01'],
    ['2024-02-01', '2024-02-01'],
    ['2024-02-01T10:00:00Z', '2024-02-01'],
    ['01.02.2024 10:30', '2024-02-01'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseGermanDate(text)).toBe(iso);
  });

  it.each(['31.02.2024', '29.02.2023', '0.0.00', '00.00.0000', '12/31/2024', 'morgen', '2024-02-30', '1.2.', ''])(
    'reads no date from %j',
    (text) => {
      expect(parseGermanDate(text)).toBeUndefined();
    },
  );

  it('formats every calendar day as TT.MM.JJJJ and reads it back', () => {
    fc.assert(
      fc.property(calendarDay, (iso) => {
        const german = formatGermanDate(iso);
        expect(german).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
        expect(parseGermanDate(german ?? '')).toBe(iso);
      }),
    );
  });

  it('agrees with the calendar on which days exist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = new Date(Date.UTC(2000, m - 1, d));
          date.setUTCFullYear(y);
          const exists = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(isCalendarDay(y, m, d)).toBe(exists);
        },
      ),
    );
  });

  it('names the Berlin day of a point in time', () => {
    expect(formatGermanDay('2024-02-01T22:59:59Z')).toBe('01.02.2024');
    expect(formatGermanDay('2024-02-01T23:00:00Z')).toBe('02.02.2024');
    expect(formatGermanDay('2024-07-31T22:00:00Z')).toBe('01.08.2024');
    expect(formatGermanDay('kein Datum')).toBeUndefined();
  });
});
