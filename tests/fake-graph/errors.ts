import { randomUUID } from 'node:crypto';

/** A Graph error answer: HTTP status, `error.code`, `error.message`, optional extra headers. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Graph's error body `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function graphErrorBody(err: GraphError, requestId: string = randomUUID()): unknown {
  return {
    error: {
      code: err.code,
      message: err.message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': requestId,
      },
    },
  };
}

export const errors = {
  invalidUser: (smtp: string) => new GraphError(404, 'ErrorInvalidUser', `The requested user '${smtp}' is invalid.`),
  accessDenied: () =>
    new GraphError(
      403,
      'ErrorAccessDenied',
      'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
    ),
  itemNotFound: () =>
    new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store., The process failed to get the correct properties.',
    ),
  badRequest: (message: string) => new GraphError(400, 'BadRequest', message),
  unauthenticated: (message: string) => new GraphError(401, 'InvalidAuthenticationToken', message),
  throttled: (retryAfterSeconds: number, message = 'Application is over its MailboxConcurrency limit.') =>
    new GraphError(429, 'ApplicationThrottled', message, { 'Retry-After': String(retryAfterSeconds) }),
  unavailable: (retryAfterSeconds: number) =>
    new GraphError(503, 'ServiceUnavailable', 'Service Unavailable', { 'Retry-After': String(retryAfterSeconds) }),
};
