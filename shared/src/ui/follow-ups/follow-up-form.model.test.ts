import { describe, expect, it } from 'vitest';
import { createDateFormat } from '../i18n/date-format';
import { normalTime, weekdayDate } from './follow-up-form.model';

describe('follow-up form', () => {
  it.each([
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['14.30', '14:30'],
    ['23:59', '23:59'],
    ['24:00', undefined],
    ['12:60', undefined],
    ['', undefined],
    ['halb zehn', undefined],
  ])('reads the time %s as %s', (typed, time) => {
    expect(normalTime(typed)).toBe(time);
  });

  it('shows a quick choice with its weekday in the UI language', () => {
    expect(weekdayDate('2026-12-07', 'de', createDateFormat('de').date)).toMatch(/^Mo\.?, 07\.12\.2026$/);
    expect(weekdayDate('2026-12-07', 'en', createDateFormat('en').date)).toBe('Mon, 7 Dec 2026');
  });
});
