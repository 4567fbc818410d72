export { ApiError, CARDS_PER_REQUEST, createApiClient, fileNameOf, ifMatch, NetworkError } from './api-client';
export type {
  ApiClient,
  ApiClientOptions,
  CardRequest,
  CreatedContact,
  CreatedOpportunity,
  DownloadedFile,
  LeadReviewItem,
  LeadReviewPage,
  Me,
  UpdatedOpportunity,
} from './api-client';
