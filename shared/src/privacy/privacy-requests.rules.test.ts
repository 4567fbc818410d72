import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  daysInMonth,
  extensionProblem,
  isRequestOverdue,
  requestDueOn,
  requestReference,
} from './privacy-requests.rules';

const day = fc
  .record({
    y: fc.integer({ min: 1900, max: 2400 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => d <= daysInMonth(y, m))
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('Art. 12(3) due date', () => {
  it.each([
    ['2026-01-15', 0, '2026-02-15'],
    ['2026-01-31', 0, '2026-02-28'],
    ['2028-01-31', 0, '2028-02-29'],
    ['2028-01-29', 0, '2028-02-29'],
    ['2027-01-30', 0, '2027-02-28'],
    ['2026-03-31', 0, '2026-04-30'],
    ['2026-12-31', 0, '2027-01-31'],
    ['2028-02-29', 0, '2028-03-29'],
    ['2100-01-31', 0, '2100-02-28'],
    ['2000-01-31', 0, '2000-02-29'],
    ['2026-01-31', 2, '2026-04-30'],
    ['2026-11-30', 2, '2027-02-28'],
    ['2026-05-31', 1, '2026-07-31'],
  ])('received %s, extended %i months → due %s', (received, extension, due) => {
    expect(requestDueOn(received, extension)).toBe(due);
  });

  it('is the same day number, or the target month’s last day when it has none', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2 }), (received, extension) => {
        const due = requestDueOn(received, extension);
        const [ry, rm, rd] = received.split('-').map(Number) as [number, number, number];
        const [dy, dm, dd] = due.split('-').map(Number) as [number, number, number];
        expect(dy * 12 + dm - (ry * 12 + rm)).toBe(1 + extension);
        expect(dd).toBe(Math.min(rd, daysInMonth(dy, dm)));
        expect(due > received).toBe(true);
      }),
    );
  });

  it('never ends earlier for a later receipt, and an extension never shortens it', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 2 }), (a, b, extension) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(requestDueOn(early, extension) <= requestDueOn(late, extension)).toBe(true);
        expect(requestDueOn(a, extension) >= requestDueOn(a)).toBe(true);
      }),
    );
  });

  it('adds months across years (12 months = the same day next year, Feb 29 → Feb 28)', () => {
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addCalendarMonths('2026-06-30', 12)).toBe('2027-06-30');
  });
});

describe('overdue, references, extensions', () => {
  it('is overdue only after the due day and only while open', () => {
    expect(isRequestOverdue('open', '2026-02-28', '2026-02-28')).toBe(false);
    expect(isRequestOverdue('open', '2026-02-28', '2026-03-01')).toBe(true);
    expect(isRequestOverdue('inProgress', '2026-02-28', '2026-03-01')).toBe(true);
    expect(isRequestOverdue('done', '2026-02-28', '2026-03-01')).toBe(false);
    expect(isRequestOverdue('rejected', '2026-02-28', '2026-03-01')).toBe(false);
  });

  it('numbers requests DS-<year>-<at least 4 digits>', () => {
    expect(requestReference(2026, 7)).toBe('DS-2026-0007');
    expect(requestReference(2026, 12345)).toBe('DS-2026-12345');
  });

  it('allows one extension, while open and within the first month', () => {
    const open = { status: 'open' as const, receivedOn: '2026-01-31', extended: false };
    expect(extensionProblem(open, '2026-02-28')).toBeUndefined();
    expect(extensionProblem(open, '2026-03-01')).toBe('extensionLate');
    expect(extensionProblem({ ...open, extended: true }, '2026-02-01')).toBe('extensionOnce');
    expect(extensionProblem({ ...open, status: 'done' }, '2026-02-01')).toBe('extensionClosed');
  });
});
