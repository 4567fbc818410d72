import type { FieldError, Language, ProblemCode, Translate } from '@klarkonform/shared';

/** Texts of a problem in the reader's language: the detail and the field errors. */
export type LocalizedProblem = (t: Translate, lang: Language) => { detail: string; errors?: readonly FieldError[] };

// The one error type services throw for expected failures; the error handler
// turns it into problem+json. `code` selects the localised title; `localize`,
// where given, writes the detail and field errors in the reader's language
// (the English `detail` is then what the log shows).
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: ProblemCode;
  readonly errors: readonly FieldError[] | undefined;
  readonly wwwAuthenticate: string | undefined;
  readonly localize: LocalizedProblem | undefined;
  /** Seconds after which a retry may succeed (sent as Retry-After with 429 and 503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    statusCode: number,
    code: ProblemCode,
    detail: string,
    extra: {
      errors?: readonly FieldError[];
      wwwAuthenticate?: string;
      localize?: LocalizedProblem;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(detail);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.errors = extra.errors;
    this.wwwAuthenticate = extra.wwwAuthenticate;
    this.localize = extra.localize;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export const notFound = (what = 'Resource') => new HttpError(404, 'notFound', `${what} not found`);
