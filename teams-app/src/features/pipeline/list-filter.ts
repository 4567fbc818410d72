import type { OpportunityStage } from '@klarkonform/shared';
import type { OpportunityListQuery } from './pipeline-api';
import { addMonths } from './pipeline-model';

/**
 * The list's filters as the user set them (or a forecast figure set them): owner ('' all,
 * 'me', a user id), stage ('' all), close month (YYYY-MM, '' any) or the forecast's
 * "overdue"/"undated" buckets, and open only.
 */
export interface ListFilter {
  owner: string;
  stage: OpportunityStage | '';
  closeMonth: string;
  due: '' | 'overdue' | 'undated';
  openOnly: boolean;
}

export const NO_FILTER: ListFilter = { owner: '', stage: '', closeMonth: '', due: '', openOnly: false };

/** The API query of a filter (paging added by the caller). */
export function listQuery(filter: ListFilter): OpportunityListQuery {
  return {
    ...(filter.owner ? { owner: filter.owner } : {}),
    ...(filter.stage ? { stage: filter.stage } : {}),
    ...(filter.closeMonth && !filter.due ? { closeMonth: filter.closeMonth } : {}),
    ...(filter.openOnly || filter.due ? { open: true } : {}),
  };
}

/** The close months the filter offers: six back, twelve ahead of `currentMonth`, and the chosen one. */
export function monthChoices(currentMonth: string, chosen: string): string[] {
  const months = Array.from({ length: 19 }, (_, i) => addMonths(currentMonth, i - 6));
  if (chosen && !months.includes(chosen)) months.push(chosen);
  return months.sort();
}

/**
 * Whether an open opportunity belongs to the forecast's "overdue" (expected close before
 * `today`, YYYY-MM-DD) or "undated" (no expected close) bucket. Used on the open list where
 * the API has no filter for these buckets.
 */
export function inDueBucket(expectedCloseDate: string | undefined, due: 'overdue' | 'undated', today: string): boolean {
  return due === 'undated' ? !expectedCloseDate : expectedCloseDate !== undefined && expectedCloseDate < today;
}
