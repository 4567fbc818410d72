import type { Opportunity, OpportunityStage } from '@klarkonform/shared';
import type { ApiClient } from '@klarkonform/shared/ui';

// The opportunity calls the pipeline makes, typed after the API contract of issue 12.
// TEMPORARY: until the API branch lands its typed client methods, these shapes are the
// contract's; after the merge they are the shared ones and this file only adapts names.

export interface OpportunityPage {
  items: Opportunity[];
  nextCursor: string | null;
}

export interface OpportunityListQuery {
  owner?: string;
  stage?: OpportunityStage;
  closeMonth?: string;
  contactId?: string;
  open?: boolean;
  cursor?: string;
  limit?: number;
}

export interface BoardColumn {
  stage: OpportunityStage;
  items: Opportunity[];
  count: number;
  amountCents: number;
  weightedCents: number;
}

export interface Board {
  columns: BoardColumn[];
}

/** One figure of the forecast: the weighted and plain sums of `count` opportunities. */
export interface ForecastFigure {
  weightedCents: number;
  amountCents: number;
  count: number;
}

export interface ForecastCell extends ForecastFigure {
  /** YYYY-MM */
  month: string;
}

export interface ForecastRow {
  ownerId: string;
  ownerName?: string;
  cells: ForecastCell[];
  overdue: ForecastFigure;
  undated: ForecastFigure;
}

export interface Forecast {
  /** YYYY-MM: the current month and the next two. */
  months: string[];
  rows: ForecastRow[];
  total: { cells: ForecastCell[]; overdue: ForecastFigure; undated: ForecastFigure };
}

export interface OpportunityCreateBody {
  title: string;
  contactId: string;
  amountCents: number;
  probability?: number;
  stage?: OpportunityStage;
  expectedCloseDate?: string;
  offerDate?: string;
  offerContent?: string;
  ownerId?: string;
}

export type OpportunityPatchBody = Partial<
  Pick<
    Opportunity,
    | 'title'
    | 'amountCents'
    | 'probability'
    | 'stage'
    | 'expectedCloseDate'
    | 'offerDate'
    | 'offerContent'
    | 'lossReason'
    | 'ownerId'
  >
>;

export interface OpportunityApi {
  listOpportunities(query: OpportunityListQuery, signal?: AbortSignal): Promise<OpportunityPage>;
  opportunityBoard(owner: string, signal?: AbortSignal): Promise<Board>;
  opportunityForecast(owner: string, signal?: AbortSignal): Promise<Forecast>;
  getOpportunity(id: string, signal?: AbortSignal): Promise<Opportunity>;
  createOpportunity(body: OpportunityCreateBody, idempotencyKey: string): Promise<Opportunity>;
  patchOpportunity(id: string, version: number, patch: OpportunityPatchBody): Promise<Opportunity>;
}

/** The typed client's opportunity methods. */
export function opportunityApi(api: ApiClient): OpportunityApi {
  return api as unknown as OpportunityApi;
}
