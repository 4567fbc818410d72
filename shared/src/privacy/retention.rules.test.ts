import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_YEARS } from './privacy.schema';
import {
  berlinDayOf,
  coversOf,
  eraseOnAfter,
  erasureDue,
  erasureOutcomeOf,
  keepUntilOf,
  recordTypeOfActivity,
  type RetainedRecord,
} from './retention.rules';

const letter = (id: string, madeAt: string): RetainedRecord => ({
  record: 'activity',
  recordId: id,
  recordType: 'businessLetter',
  madeAt,
});

describe('retention periods (HGB §257(5), AO §147(4): from the end of the calendar year)', () => {
  it('keeps a letter of 14.03.2026 for 6 years until 31.12.2032, erasable from 01.01.2033', () => {
    expect(keepUntilOf('2026-03-14', 6)).toBe('2032-12-31');
    expect(eraseOnAfter('2032-12-31')).toBe('2033-01-01');
  });

  it('counts a letter of 31.12. like one of 01.01. of the same year', () => {
    expect(keepUntilOf('2026-12-31', 6)).toBe(keepUntilOf('2026-01-01', 6));
  });

  it('keeps nothing with a period of 0 years', () => {
    expect(keepUntilOf('2026-03-14', 0)).toBeUndefined();
  });

  it('takes the Berlin day: 31.12. 23:30 UTC is already the next year in Berlin', () => {
    expect(berlinDayOf('2026-12-31T23:30:00.000Z')).toBe('2027-01-01');
    expect(keepUntilOf(berlinDayOf('2026-12-31T23:30:00.000Z'), 6)).toBe('2033-12-31');
  });

  it('treats e-mails and letters as business letters, calls and notes as nothing kept', () => {
    expect(recordTypeOfActivity('email')).toBe('businessLetter');
    expect(recordTypeOfActivity('letter')).toBe('businessLetter');
    expect(recordTypeOfActivity('call')).toBeUndefined();
    expect(recordTypeOfActivity('note')).toBeUndefined();
  });

  it('is due on eraseOn in Berlin, not the evening before in UTC', () => {
    expect(erasureDue('2033-01-01', new Date('2032-12-31T22:59:00.000Z'))).toBe(false);
    expect(erasureDue('2033-01-01', new Date('2032-12-31T23:00:00.000Z'))).toBe(true);
  });
});

describe('the erasure decision', () => {
  const now = new Date('2027-06-01T10:00:00.000Z');
  it('erases at once when no record is covered', () => {
    expect(
      erasureOutcomeOf(coversOf([letter('a', '2019-05-01T10:00:00Z')], DEFAULT_RETENTION_YEARS, now), false),
    ).toEqual({ outcome: 'erased', coveredBy: [] });
  });

  it('restricts until the day after the latest period ends, longest first', () => {
    const covers = coversOf(
      [letter('a', '2022-05-01T10:00:00Z'), letter('b', '2025-02-01T10:00:00Z')],
      DEFAULT_RETENTION_YEARS,
      now,
    );
    const outcome = erasureOutcomeOf(covers, false);
    expect(outcome.outcome).toBe('restricted');
    expect(outcome.eraseOn).toBe('2032-01-01');
    expect(outcome.coveredBy.map((c) => c.recordId)).toEqual(['b', 'a']);
  });

  it('answers held under a legal hold, whatever is covered', () => {
    expect(erasureOutcomeOf([], true).outcome).toBe('held');
  });
});

// Days from 1900 to 2199, as instants at any time of day.
const instant = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2199-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const years = fc.integer({ min: 1, max: 30 });

describe('retention properties', () => {
  it('keepUntil is always a 31.12., years after the Berlin year of the record', () => {
    fc.assert(
      fc.property(instant, years, (at, y) => {
        const day = berlinDayOf(at);
        const until = keepUntilOf(day, y) as string;
        expect(until.slice(5)).toBe('12-31');
        expect(Number(until.slice(0, 4))).toBe(Number(day.slice(0, 4)) + y);
      }),
    );
  });

  it('a record is covered exactly until its keepUntil and due from the next day (leap years too)', () => {
    fc.assert(
      fc.property(instant, years, (at, y) => {
        const until = keepUntilOf(berlinDayOf(at), y) as string;
        const covered = (day: string) =>
          coversOf(
            [letter('x', at.toISOString())],
            { businessLetter: y, bookingVoucher: 0, books: 0 },
            new Date(`${day}T12:00:00Z`),
          );
        expect(covered(until)).toHaveLength(1);
        const next = eraseOnAfter(until);
        expect(next.slice(5)).toBe('01-01');
        expect(covered(next)).toHaveLength(0);
        expect(erasureDue(next, new Date(`${next}T12:00:00Z`))).toBe(true);
      }),
    );
  });

  it('the Berlin day never differs from the UTC day by more than one, and only around midnight', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const berlin = berlinDayOf(at);
        const utc = at.toISOString().slice(0, 10);
        if (berlin !== utc) {
          expect(berlin > utc).toBe(true);
          expect(at.getUTCHours()).toBeGreaterThanOrEqual(22);
        }
      }),
    );
  });

  it('eraseOn is the day after the latest keepUntil of any set of records, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 8 }), years, (dates, y) => {
        const now = new Date('1899-06-01T00:00:00Z');
        const records = dates.map((d, i) => letter(String(i).padStart(2, '0'), d.toISOString()));
        const periods = { businessLetter: y, bookingVoucher: 0, books: 0 };
        const a = erasureOutcomeOf(coversOf(records, periods, now), false);
        const b = erasureOutcomeOf(coversOf([...records].reverse(), periods, now), false);
        const latestYear = Math.max(...dates.map((d) => Number(berlinDayOf(d).slice(0, 4))));
        expect(a.eraseOn).toBe(`${String(latestYear + y + 1).padStart(4, '0')}-01-01`);
        expect(b).toEqual(a);
      }),
    );
  });
});
