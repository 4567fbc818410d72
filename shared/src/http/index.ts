export { ApiError, CARDS_PER_REQUEST, createApiClient, ifMatch, NetworkError } from './api-client';
export type {
  ApiClient,
  ApiClientOptions,
  CardRequest,
  CreatedContact,
  LeadReviewItem,
  LeadReviewPage,
  Me,
} from './api-client';
