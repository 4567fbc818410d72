import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  berlinTime,
  berlinToday,
  DUE_BUCKETS,
  dueBucket,
  isoWeekday,
  isPastDue,
  QUICK_DUE_CHOICES,
  quickDueDate,
  weekEnd,
  workingDayFrom,
} from './follow-up-due.rules';

// Calendar days from 1990 to 2100, and instants over the same span.
const day = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

describe('due buckets', () => {
  it('puts every follow-up into exactly one bucket, by its day against today', () => {
    fc.assert(
      fc.property(day, day, (due, today) => {
        const bucket = dueBucket(due, today);
        expect(DUE_BUCKETS).toContain(bucket);
        const memberships = [
          due < today,
          due === today,
          due > today && due <= weekEnd(today),
          due > weekEnd(today),
        ].filter(Boolean);
        expect(memberships).toHaveLength(1);
        expect(bucket).toBe(DUE_BUCKETS[[due < today, due === today, due <= weekEnd(today), true].indexOf(true)]);
      }),
    );
  });

  it('ends the week on the Sunday of the ISO week (0 to 6 days on)', () => {
    fc.assert(
      fc.property(day, (today) => {
        const end = weekEnd(today);
        expect(isoWeekday(end)).toBe(7);
        expect(end >= today).toBe(true);
        expect(end <= addDays(today, 6)).toBe(true);
      }),
    );
  });

  it('orders the buckets with the days: a later day is never in an earlier bucket', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(DUE_BUCKETS.indexOf(dueBucket(early, today))).toBeLessThanOrEqual(
          DUE_BUCKETS.indexOf(dueBucket(late, today)),
        );
      }),
    );
  });

  it.each([
    // Monday 30.11.2026: the week runs to Sunday 06.12.
    ['2026-11-30', '2026-11-29', 'overdue'],
    ['2026-11-30', '2026-11-30', 'today'],
    ['2026-11-30', '2026-12-06', 'week'],
    ['2026-11-30', '2026-12-07', 'later'],
    // Sunday: "Diese Woche" is empty, Monday is "Später".
    ['2026-12-06', '2026-12-07', 'later'],
    ['2026-12-06', '2026-12-05', 'overdue'],
    // Year boundary: Thursday 31.12.2026 belongs to ISO week 53, which ends on Sunday 03.01.2027.
    ['2026-12-31', '2027-01-03', 'week'],
    ['2026-12-31', '2027-01-04', 'later'],
    ['2027-01-01', '2026-12-31', 'overdue'],
    // Leap day.
    ['2028-02-28', '2028-02-29', 'week'],
  ])('on %s a follow-up due %s is %s', (today, due, bucket) => {
    expect(dueBucket(due, today)).toBe(bucket);
  });
});

describe('today in Berlin', () => {
  it('is the Berlin calendar day of the instant, also on the days the clocks change', () => {
    // 29.03.2026 (02:00 → 03:00) and 25.10.2026 (03:00 → 02:00).
    expect(berlinToday(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(berlinToday(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(berlinToday(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(berlinToday(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(berlinToday(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(berlinToday(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(berlinToday(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(berlinToday(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
    // New Year's Eve in Berlin is already the next year in the evening (UTC).
    expect(berlinToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(berlinTime(new Date('2026-10-25T01:30:00Z'))).toBe('02:30');
  });

  it('is the UTC day or the next one (Berlin is one or two hours ahead)', () => {
    fc.assert(
      fc.property(instant, (now) => {
        const utcDay = now.toISOString().slice(0, 10);
        expect([utcDay, addDays(utcDay, 1)]).toContain(berlinToday(now));
        const inTwoHours = new Date(now.getTime() + 2 * 3_600_000).toISOString().slice(0, 10);
        const inOneHour = new Date(now.getTime() + 3_600_000).toISOString().slice(0, 10);
        expect([inOneHour, inTwoHours]).toContain(berlinToday(now));
      }),
    );
  });

  it('passes a follow-up of today once its time has passed', () => {
    expect(isPastDue('2026-11-30', '09:00', '2026-11-30', '14:05')).toBe(true);
    expect(isPastDue('2026-11-30', '15:00', '2026-11-30', '14:05')).toBe(false);
    expect(isPastDue('2026-11-30', undefined, '2026-11-30', '23:59')).toBe(false);
    expect(isPastDue('2026-11-29', undefined, '2026-11-30', '00:00')).toBe(true);
  });
});

describe('quick choices', () => {
  it.each([
    // Monday 30.11.2026
    ['2026-11-30', 'tomorrow', '2026-12-01'],
    ['2026-11-30', 'in3Days', '2026-12-03'],
    ['2026-11-30', 'inAWeek', '2026-12-07'],
    // Friday: "morgen" is Monday; in 3 days is Monday; in a week is Friday.
    ['2026-12-04', 'tomorrow', '2026-12-07'],
    ['2026-12-04', 'in3Days', '2026-12-07'],
    ['2026-12-04', 'inAWeek', '2026-12-11'],
    // Wednesday: in 3 days is Saturday → Monday.
    ['2026-12-02', 'in3Days', '2026-12-07'],
    // Saturday and Sunday: Monday; a week on Saturday is Saturday → Monday after.
    ['2026-12-05', 'tomorrow', '2026-12-07'],
    ['2026-12-06', 'tomorrow', '2026-12-07'],
    ['2026-12-05', 'inAWeek', '2026-12-14'],
    // Over the year boundary.
    ['2026-12-31', 'tomorrow', '2027-01-01'],
    ['2027-01-01', 'tomorrow', '2027-01-04'],
  ] as const)('on %s "%s" is %s', (today, choice, due) => {
    expect(quickDueDate(choice, today)).toBe(due);
  });

  it('never lands on a weekend, is after today and keeps the order of the choices', () => {
    fc.assert(
      fc.property(day, (today) => {
        const dates = QUICK_DUE_CHOICES.map((choice) => quickDueDate(choice, today));
        for (const due of dates) {
          expect(isoWeekday(due)).toBeLessThanOrEqual(5);
          expect(due > today).toBe(true);
        }
        expect([...dates].sort()).toEqual(dates);
        // "morgen" is at most three days on (Friday → Monday), "in einer Woche" at most nine.
        expect(dates[0]! <= addDays(today, 3)).toBe(true);
        expect(dates[2]! <= addDays(today, 9)).toBe(true);
      }),
    );
  });

  it('moves only weekend days, to the Monday after', () => {
    fc.assert(
      fc.property(day, (d) => {
        const moved = workingDayFrom(d);
        if (isoWeekday(d) <= 5) expect(moved).toBe(d);
        else expect([addDays(d, 1), addDays(d, 2)]).toContain(moved);
        expect(isoWeekday(moved)).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('adds days across month, year and leap-year ends', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
        expect(Date.parse(addDays(d, n)) - Date.parse(d)).toBe(n * 86_400_000);
      }),
    );
  });
});
