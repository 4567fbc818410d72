export { ApiError, CARDS_PER_REQUEST, createApiClient, ifMatch, NetworkError } from './api-client';
export type {
  ApiClient,
  ApiClientOptions,
  CardRequest,
  CreatedContact,
  CreatedOpportunity,
  LeadReviewItem,
  LeadReviewPage,
  Me,
  UpdatedOpportunity,
} from './api-client';
