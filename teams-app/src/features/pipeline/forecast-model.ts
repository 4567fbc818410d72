import type { ListFilter } from './list-filter';
import type { Forecast, ForecastFigure } from './pipeline-api';

// Pure shaping of the forecast for the chart and the table: which opportunities a figure
// stands for (the list filter it opens), and the chart's groups (months) and bars (owners).

/** A figure of the forecast: one owner's ('' = everyone) month, overdue or undated sum. */
export type ForecastTarget =
  | { owner: string; kind: 'month'; month: string }
  | { owner: string; kind: 'overdue' | 'undated' | 'beyond' };

/** The list filter showing exactly the opportunities of `target`: open ones of that owner and month (or bucket). */
export function filterOf(target: ForecastTarget): ListFilter {
  return {
    owner: target.owner,
    stage: '',
    closeMonth: target.kind === 'month' ? target.month : target.kind,
    openOnly: true,
  };
}

export interface ChartBar {
  ownerId: string;
  legend: string;
  weightedCents: number;
  count: number;
}

export interface ChartGroup {
  month: string;
  label: string;
  bars: ChartBar[];
}

/** One group per forecast month, one bar per owner (in the forecast's row order), weighted cents. */
export function chartGroups(
  forecast: Forecast,
  monthLabel: (month: string) => string,
  ownerLabel: (row: Forecast['rows'][number]) => string,
): ChartGroup[] {
  return forecast.months.map((month) => ({
    month,
    label: monthLabel(month),
    bars: forecast.rows.map((row) => {
      const cell = row.cells.find((candidate) => candidate.month === month);
      return {
        ownerId: row.ownerId,
        legend: ownerLabel(row),
        weightedCents: cell?.weightedCents ?? 0,
        count: cell?.count ?? 0,
      };
    }),
  }));
}

/** The total figure of `month` ({0,0,0} when the forecast has no cell for it). */
export function totalOf(forecast: Forecast, month: string): ForecastFigure {
  return forecast.total.cells.find((cell) => cell.month === month) ?? { weightedCents: 0, amountCents: 0, count: 0 };
}

/** The chart's text alternative: "Dezember 2026 12.345,00 €, Januar 2027 0,00 €, …" (weighted totals). */
export function chartSummary(
  forecast: Forecast,
  monthLabel: (month: string) => string,
  euro: (cents: number) => string,
): string {
  return forecast.months
    .map((month) => `${monthLabel(month)} ${euro(totalOf(forecast, month).weightedCents)}`)
    .join(', ');
}
