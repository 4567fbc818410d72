import type { FieldError, ProblemCode } from '@klarkonform/shared';

// The one error type services throw for expected failures; the error handler
// turns it into problem+json. `code` selects the localised title.
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: ProblemCode;
  readonly errors: readonly FieldError[] | undefined;
  readonly wwwAuthenticate: string | undefined;

  constructor(
    statusCode: number,
    code: ProblemCode,
    detail: string,
    extra: { errors?: readonly FieldError[]; wwwAuthenticate?: string } = {},
  ) {
    super(detail);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.errors = extra.errors;
    this.wwwAuthenticate = extra.wwwAuthenticate;
  }
}

export const notFound = (what = 'Resource') => new HttpError(404, 'notFound', `${what} not found`);
