import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  bucketOf,
  computeForecast,
  type ForecastInput,
  forecastMonths,
  lineTotal,
  monthOf,
  weightedCents,
} from './forecast.rules';
import { isOpenStage } from './stage.rules';
import { MAX_AMOUNT_CENTS, OPPORTUNITY_STAGES } from './opportunity.schema';

// 2026-11-30 23:30 UTC is already 1 December in Berlin (CET, UTC+1).
const LATE_NOVEMBER_UTC = new Date('2026-11-30T23:30:00Z');
const MID_NOVEMBER = new Date('2026-11-15T10:00:00Z');

describe('weightedCents', () => {
  it.each([
    [100_000, 60, 60_000],
    [1, 50, 1], // 0.5 ct rounds half up
    [1, 49, 0],
    [3, 50, 2], // 1.5 → 2
    [333, 10, 33], // 33.3 → 33
    [335, 10, 34], // 33.5 → 34
    [12_345, 0, 0],
    [12_345, 100, 12_345],
    [MAX_AMOUNT_CENTS, 99, 990_000_000_000],
  ])('%i ct × %i %% = %i ct', (amount, probability, expected) => {
    expect(weightedCents(amount, probability)).toBe(expected);
  });

  it('is an integer between 0 and the amount, and exactly the half-up rounding of amount × p / 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), fc.integer({ min: 0, max: 100 }), (a, p) => {
        const w = weightedCents(a, p);
        expect(Number.isInteger(w)).toBe(true);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThanOrEqual(a);
        // Exact check in BigInt: w = floor((a·p + 50) / 100).
        expect(BigInt(w)).toBe((BigInt(a) * BigInt(p) + 50n) / 100n);
      }),
    );
  });
});

describe('months', () => {
  it('takes the current month in Berlin, not in UTC', () => {
    expect(monthOf(LATE_NOVEMBER_UTC)).toBe('2026-12');
    expect(forecastMonths(LATE_NOVEMBER_UTC)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(forecastMonths(MID_NOVEMBER)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('adds months across years, both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 8000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -500, max: 500 }),
        (y, m, n) => {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          expect(addMonths(addMonths(month, n), -n)).toBe(month);
          expect(addMonths(month, n)).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        },
      ),
    );
  });

  it('puts a close date into its month, overdue, undated or beyond', () => {
    const months = forecastMonths(MID_NOVEMBER);
    expect(bucketOf('2026-11-01', months)).toBe('2026-11');
    expect(bucketOf('2027-01-31', months)).toBe('2027-01');
    expect(bucketOf('2026-10-31', months)).toBe('overdue');
    expect(bucketOf('2027-02-01', months)).toBe('beyond');
    expect(bucketOf(undefined, months)).toBe('undated');
  });
});

const sabine = { ownerId: 'u-sabine', ownerName: 'Sabine Vertrieb' };
const thomas = { ownerId: 'u-thomas', ownerName: 'Thomas Becker' };

describe('computeForecast, by hand', () => {
  // Today: 15 November 2026 → months 2026-11, 2026-12, 2027-01.
  const opportunities: ForecastInput[] = [
    { ...sabine, stage: 'offer', amountCents: 1_000_000, probability: 60, expectedCloseDate: '2026-11-20' }, // 600,000
    { ...sabine, stage: 'negotiation', amountCents: 333, probability: 50, expectedCloseDate: '2026-11-30' }, // 166.5 → 167
    { ...sabine, stage: 'meeting', amountCents: 250_000, probability: 40, expectedCloseDate: '2027-01-05' }, // 100,000
    { ...sabine, stage: 'needsAnalysis', amountCents: 99_999, probability: 10, expectedCloseDate: '2026-09-01' }, // overdue 9,999.9 → 10,000
    { ...thomas, stage: 'infoSent', amountCents: 500_005, probability: 20, expectedCloseDate: '2026-12-24' }, // 100,001
    { ...thomas, stage: 'offer', amountCents: 1_001, probability: 55 }, // undated 550.55 → 551
    { ...thomas, stage: 'negotiation', amountCents: 700_000, probability: 80, expectedCloseDate: '2027-03-01' }, // beyond 560,000
    { ...thomas, stage: 'won', amountCents: 9_999_999, probability: 100, expectedCloseDate: '2026-11-02' }, // closed: left out
    { ...thomas, stage: 'later', amountCents: 123, probability: 0, expectedCloseDate: '2026-12-02' }, // closed: left out
  ];
  const f = computeForecast(opportunities, MID_NOVEMBER);

  it('sums per owner and month', () => {
    expect(f.months).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(f.rows.map((r) => r.ownerName)).toEqual(['Sabine Vertrieb', 'Thomas Becker']);
    const [s, th] = f.rows;
    expect(s?.cells).toEqual([
      { month: '2026-11', weightedCents: 600_167, amountCents: 1_000_333, count: 2 },
      { month: '2026-12', weightedCents: 0, amountCents: 0, count: 0 },
      { month: '2027-01', weightedCents: 100_000, amountCents: 250_000, count: 1 },
    ]);
    expect(s?.overdue).toEqual({ weightedCents: 10_000, amountCents: 99_999, count: 1 });
    expect(th?.cells[1]).toEqual({ month: '2026-12', weightedCents: 100_001, amountCents: 500_005, count: 1 });
    expect(th?.undated).toEqual({ weightedCents: 551, amountCents: 1_001, count: 1 });
    expect(th?.beyond).toEqual({ weightedCents: 560_000, amountCents: 700_000, count: 1 });
  });

  it('totals over owners, leaving closed stages out', () => {
    expect(f.total.cells.map((c) => c.weightedCents)).toEqual([600_167, 100_001, 100_000]);
    expect(f.total.overdue.weightedCents).toBe(10_000);
    expect(f.total.undated.weightedCents).toBe(551);
    expect(f.total.beyond.weightedCents).toBe(560_000);
    expect(lineTotal(f.total)).toEqual({ weightedCents: 1_370_719, amountCents: 2_551_338, count: 7 });
  });
});

const input = fc.record({
  ownerId: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
  ownerName: fc.option(fc.constantFrom('Anna', 'Bernd', 'Clara'), { nil: undefined }),
  stage: fc.constantFrom(...OPPORTUNITY_STAGES),
  amountCents: fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }),
  probability: fc.integer({ min: 0, max: 100 }),
  expectedCloseDate: fc.option(
    fc
      .date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { nil: undefined },
  ),
});
const when = fc.date({ min: new Date('2021-01-01'), max: new Date('2031-12-31'), noInvalidDate: true });

describe('computeForecast, properties', () => {
  it('the total of each figure is the sum of the owners’ figures', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 60 }), when, (list, now) => {
        const f = computeForecast(list, now);
        for (const [i, cell] of f.total.cells.entries()) {
          const sum = f.rows.reduce((acc, r) => acc + (r.cells[i]?.weightedCents ?? 0), 0);
          expect(cell.weightedCents).toBe(sum);
          expect(cell.count).toBe(f.rows.reduce((acc, r) => acc + (r.cells[i]?.count ?? 0), 0));
        }
        for (const key of ['overdue', 'undated', 'beyond'] as const) {
          expect(f.total[key].weightedCents).toBe(f.rows.reduce((acc, r) => acc + r[key].weightedCents, 0));
        }
      }),
    );
  });

  it('months + overdue + undated + beyond = every open opportunity, rounded per item, in integers', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 60 }), when, (list, now) => {
        const f = computeForecast(list, now);
        const open = list.filter((o) => isOpenStage(o.stage));
        const all = lineTotal(f.total);
        expect(all.count).toBe(open.length);
        expect(all.amountCents).toBe(open.reduce((a, o) => a + o.amountCents, 0));
        expect(all.weightedCents).toBe(open.reduce((a, o) => a + weightedCents(o.amountCents, o.probability), 0));
        for (const figure of [...f.total.cells, f.total.overdue, f.total.undated, f.total.beyond]) {
          expect(Number.isSafeInteger(figure.weightedCents)).toBe(true);
        }
      }),
    );
  });
});
