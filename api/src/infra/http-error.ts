import {
  createTranslator,
  type FieldError,
  fieldLabelKey,
  type Language,
  type ProblemCode,
  type ServiceProblem,
  type Translate,
} from '@klarkonform/shared';

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

type Values = Record<string, string | number>;
const english = createTranslator('en');

/**
 * An expected failure whose detail is the catalog text `serviceProblem.<key>` in the reader's
 * language (German or English; the English text is the error's message for the log). `values`
 * may depend on the language too: `(t) => ({ label: t('field.history') })`.
 */
export function problem(
  status: number,
  code: ProblemCode,
  key: ServiceProblem,
  values: Values | ((t: Translate) => Values) = {},
  extra: { retryAfterSeconds?: number; wwwAuthenticate?: string } = {},
): HttpError {
  const detail = (t: Translate) => t(`serviceProblem.${key}`, typeof values === 'function' ? values(t) : values);
  return new HttpError(status, code, detail(english), { ...extra, localize: (t) => ({ detail: detail(t) }) });
}

/**
 * 400 validationFailed for fields a rule beyond the schema refused; each message is a catalog key
 * (with values) and is written in the reader's language, like schema errors.
 */
export function fieldProblems(problems: ReadonlyArray<{ field: string; key: string; values?: Values }>): HttpError {
  const texts = (t: Translate) => {
    const errors = problems.map((p) => ({ field: p.field, message: t(p.key, p.values ?? {}) }));
    const first = errors[0];
    // The detail names the field by its label ("Offene Punkte: …"); the errors keep the path.
    const labelKey = first ? fieldLabelKey(first.field.replace(/^(body|querystring|params|headers)\./, '')) : undefined;
    return { detail: first ? `${labelKey ? t(labelKey) : first.field}: ${first.message}` : '', errors };
  };
  const en = texts(english);
  return new HttpError(400, 'validationFailed', en.detail, { errors: en.errors, localize: texts });
}

/** 404 for a record of the tenant that does not exist (or belongs to another tenant). */
export const notFound = (key: ServiceProblem = 'contactNotFound') => problem(404, 'notFound', key);
