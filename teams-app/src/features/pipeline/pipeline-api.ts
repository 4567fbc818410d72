// The opportunity shapes the pipeline works with: the shared schemas' types (the API's own),
// under the names the views use. The calls are the typed client's (api.listOpportunities,
// opportunityBoard, opportunityForecast, getOpportunity, createOpportunity, updateOpportunity).
export type {
  BoardColumn,
  Forecast,
  ForecastCell,
  ForecastFigure,
  ForecastRow,
  OpportunityBoard as Board,
  OpportunityCreate as OpportunityCreateBody,
  OpportunityListQuery,
  OpportunityPatch as OpportunityPatchBody,
} from '@klarkonform/shared';
