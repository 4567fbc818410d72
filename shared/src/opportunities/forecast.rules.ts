import { localDate } from '../contacts/contact.rules';
import type { ForecastCell, ForecastFigure, OpportunityStage } from './opportunity.schema';
import { isOpenStage } from './stage.rules';

// The forecast's arithmetic, pure: which figure an open opportunity counts in and the sums.
// Money is integer euro cents throughout; a weighted amount is rounded once per opportunity
// (half up) and then summed, so every figure is the sum of the figures of its opportunities.

/** How many months the forecast shows: the current calendar month and the next two. */
export const FORECAST_MONTHS = 3;

/** What the forecast reads of an opportunity. */
export interface ForecastInput {
  ownerId: string;
  ownerName?: string | undefined;
  stage: OpportunityStage;
  amountCents: number;
  probability: number;
  /** "YYYY-MM-DD"; absent: undated. */
  expectedCloseDate?: string | undefined;
}

/** The figure an open opportunity counts in: one of the months, or one of the three others. */
export type ForecastBucket = string | 'overdue' | 'undated' | 'beyond';

/**
 * amountCents × probability / 100, rounded half up to whole cents (both non-negative integers).
 * Exact for every stored amount: amountCents ≤ 10^12 and probability ≤ 100 stay far below 2^53.
 */
export function weightedCents(amountCents: number, probability: number): number {
  return Math.floor((amountCents * probability + 50) / 100);
}

/** The calendar month "YYYY-MM" of `now` in Europe/Berlin (German business months). */
export function monthOf(now: Date): string {
  return localDate(now).slice(0, 7);
}

/** The month `offset` months after "YYYY-MM" (offset may be negative). */
export function addMonths(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  const month0 = ((index % 12) + 12) % 12;
  return `${String((index - month0) / 12).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}`;
}

/** The forecast's months: the current one in Berlin and the next FORECAST_MONTHS - 1. */
export function forecastMonths(now: Date): string[] {
  const current = monthOf(now);
  return Array.from({ length: FORECAST_MONTHS }, (_, i) => addMonths(current, i));
}

/** The close month "YYYY-MM" of a close date, or undefined for none. */
export function closeMonthOf(expectedCloseDate: string | undefined | null): string | undefined {
  return expectedCloseDate ? expectedCloseDate.slice(0, 7) : undefined;
}

/** Where an open opportunity with this close date counts, given the forecast's months (ascending). */
export function bucketOf(expectedCloseDate: string | undefined | null, months: readonly string[]): ForecastBucket {
  const month = closeMonthOf(expectedCloseDate);
  if (month === undefined) return 'undated';
  const first = months[0] ?? month;
  const last = months[months.length - 1] ?? month;
  if (month < first) return 'overdue';
  if (month > last) return 'beyond';
  return month;
}

const zero = (): ForecastFigure => ({ weightedCents: 0, amountCents: 0, count: 0 });

function add(figure: ForecastFigure, o: ForecastInput): void {
  figure.weightedCents += weightedCents(o.amountCents, o.probability);
  figure.amountCents += o.amountCents;
  figure.count += 1;
}

/** One line of the forecast: a cell per month and the three other figures. */
export interface ForecastLine {
  cells: ForecastCell[];
  overdue: ForecastFigure;
  undated: ForecastFigure;
  beyond: ForecastFigure;
}

export interface ForecastResult {
  months: string[];
  rows: Array<ForecastLine & { ownerId: string; ownerName: string }>;
  total: ForecastLine;
}

function emptyLine(months: readonly string[]): ForecastLine {
  return { cells: months.map((month) => ({ month, ...zero() })), overdue: zero(), undated: zero(), beyond: zero() };
}

function addTo(line: ForecastLine, bucket: ForecastBucket, o: ForecastInput): void {
  if (bucket === 'overdue' || bucket === 'undated' || bucket === 'beyond') add(line[bucket], o);
  else {
    const cell = line.cells.find((c) => c.month === bucket);
    if (cell) add(cell, o);
  }
}

/**
 * The forecast of these opportunities at `now`: closed ones are left out; each open one counts
 * in exactly one figure of its owner's row and of the total (by its close date: a month of
 * `forecastMonths(now)`, overdue, undated or beyond). Rows are ordered by owner name, then id;
 * an owner's name is the one of their first opportunity that has one, else their id.
 */
export function computeForecast(opportunities: Iterable<ForecastInput>, now: Date): ForecastResult {
  const months = forecastMonths(now);
  const total = emptyLine(months);
  const rows = new Map<string, ForecastLine & { ownerId: string; ownerName: string }>();
  for (const o of opportunities) {
    if (!isOpenStage(o.stage)) continue;
    const bucket = bucketOf(o.expectedCloseDate, months);
    let row = rows.get(o.ownerId);
    if (!row) {
      row = { ownerId: o.ownerId, ownerName: o.ownerName || o.ownerId, ...emptyLine(months) };
      rows.set(o.ownerId, row);
    } else if (row.ownerName === row.ownerId && o.ownerName) row.ownerName = o.ownerName;
    addTo(row, bucket, o);
    addTo(total, bucket, o);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.ownerName.localeCompare(b.ownerName, 'de') || (a.ownerId < b.ownerId ? -1 : 1),
  );
  return { months, rows: sorted, total };
}

/** The sum of every figure of a line (months, overdue, undated, beyond): all its open opportunities. */
export function lineTotal(line: ForecastLine): ForecastFigure {
  const sum = zero();
  for (const f of [...line.cells, line.overdue, line.undated, line.beyond]) {
    sum.weightedCents += f.weightedCents;
    sum.amountCents += f.amountCents;
    sum.count += f.count;
  }
  return sum;
}
