import { addMonths, type OpportunityStage } from '@klarkonform/shared';
import type { OpportunityListQuery } from './pipeline-api';

/** The forecast's figures beside the months, which the API's closeMonth filter also takes. */
export const CLOSE_BUCKETS = ['overdue', 'undated', 'beyond'] as const;
export type CloseBucket = (typeof CLOSE_BUCKETS)[number];

/**
 * The list's filters as the user set them (or a forecast figure set them): owner ('' all,
 * 'me', a user id), stage ('' all), close month ('' any, YYYY-MM, or one of the forecast's
 * buckets: overdue = open with a close date before the current month, undated, beyond = after
 * the forecast's third month), open only. The buckets count open opportunities only (API rule).
 */
export interface ListFilter {
  owner: string;
  stage: OpportunityStage | '';
  closeMonth: string;
  openOnly: boolean;
}

export const NO_FILTER: ListFilter = { owner: '', stage: '', closeMonth: '', openOnly: false };

export const isBucket = (closeMonth: string): closeMonth is CloseBucket =>
  (CLOSE_BUCKETS as readonly string[]).includes(closeMonth);

/** The API query of a filter (paging added by the caller). */
export function listQuery(filter: ListFilter): Partial<OpportunityListQuery> {
  return {
    ...(filter.owner ? { owner: filter.owner } : {}),
    ...(filter.stage ? { stage: filter.stage } : {}),
    ...(filter.closeMonth ? { closeMonth: filter.closeMonth } : {}),
    ...(filter.openOnly || isBucket(filter.closeMonth) ? { open: true } : {}),
  };
}

/** The close months the filter offers: six back, twelve ahead of `currentMonth`, and the chosen one. */
export function monthChoices(currentMonth: string, chosen: string): string[] {
  const months = Array.from({ length: 19 }, (_, i) => addMonths(currentMonth, i - 6));
  if (chosen && !isBucket(chosen) && !months.includes(chosen)) months.push(chosen);
  return months.sort();
}
