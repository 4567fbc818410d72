import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berlinDateTime, createDateFormat, parseUiDate } from './date-format';

const de = createDateFormat('de');
const en = createDateFormat('en');

describe('dates in the UI language', () => {
  it.each([
    ['2026-11-30', '30.11.2026', '30 Nov 2026'],
    ['2019-03-01', '01.03.2019', '1 Mar 2019'],
    // An instant late in the evening UTC is already the next day in Berlin.
    ['2026-12-31T23:30:00Z', '01.01.2027', '1 Jan 2027'],
  ])('%s is %s in German and %s in English', (value, german, english) => {
    expect(de.date(value)).toBe(german);
    expect(en.date(value)).toBe(english);
  });

  it('shows date and time in Berlin time, 24-hour clock, in both languages', () => {
    expect(de.dateTime('2026-11-30T13:05:00Z')).toBe('30.11.2026, 14:05');
    expect(en.dateTime('2026-11-30T13:05:00Z')).toBe('30 Nov 2026, 14:05');
    expect(de.time('2026-07-01T13:05:00Z')).toBe('15:05');
    expect(en.time(new Date('2026-07-01T13:05:00Z'))).toBe('15:05');
  });

  it('gives nothing for no date and keeps text that is no date', () => {
    expect(de.date(undefined)).toBe('');
    expect(de.date('')).toBe('');
    expect(en.dateTime(null)).toBe('');
    expect(de.date('demnächst')).toBe('demnächst');
  });

  it('says today, yesterday, the weekday or the date, as a mail list does', () => {
    const now = new Date('2026-11-30T15:00:00Z'); // a Monday
    expect(de.relative('2026-11-30T08:12:00Z', now)).toBe('09:12');
    expect(en.relative('2026-11-30T08:12:00Z', now)).toBe('09:12');
    expect(de.relative('2026-11-29T16:00:00Z', now)).toBe('Gestern');
    expect(en.relative('2026-11-29T16:00:00Z', now)).toBe('Yesterday');
    expect(de.relative('2026-11-26T09:00:00Z', now)).toMatch(/^Do\.?,? 10:00$/);
    expect(en.relative('2026-11-26T09:00:00Z', now)).toMatch(/^Thu,? 10:00$/);
    expect(de.relative('2026-11-20T09:00:00Z', now)).toBe('20.11.2026');
  });
});

describe('reading a typed date', () => {
  it.each([
    ['30.11.2026', '2026-11-30'],
    ['1.3.2019', '2019-03-01'],
    [' 30. 11. 2026 ', '2026-11-30'],
    ['30/11/2026', '2026-11-30'],
    ['30-11-2026', '2026-11-30'],
    ['2026-11-30', '2026-11-30'],
    ['30 Nov 2026', '2026-11-30'],
    ['3 Sept 2026', '2026-09-03'],
    ['30. November 2026', '2026-11-30'],
    ['1. März 2019', '2019-03-01'],
    ['1. Mär. 2019', '2019-03-01'],
    ['Nov 30, 2026', '2026-11-30'],
    ['29.02.2028', '2028-02-29'],
  ])('%s is %s', (text, iso) => {
    expect(parseUiDate(text)).toBe(iso);
  });

  it.each([
    '',
    '31.11.2026',
    '29.02.2027',
    '11/30/2026', // month first is not read: 30 is no month
    '30.11.26',
    '30 Foo 2026',
    'morgen',
    '2026-13-01',
  ])('%s is no date', (text) => {
    expect(parseUiDate(text)).toBeUndefined();
  });

  it('reads back every date it shows, in both languages', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(de.parseDate(de.date(iso))).toBe(iso);
          expect(en.parseDate(en.date(iso))).toBe(iso);
        },
      ),
    );
  });
});

describe('Berlin wall-clock time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(berlinDateTime('2026-11-30', '09:12').toISOString()).toBe('2026-11-30T08:12:00.000Z');
    expect(berlinDateTime('2026-07-01', '09:12').toISOString()).toBe('2026-07-01T07:12:00.000Z');
  });
});
