import {
  createTranslator,
  describeField,
  type FieldError,
  type Language,
  type ProblemCode,
  type ServiceProblem,
  type Translate,
} from '@klarkonform/shared';

/**
 * A field error as the API words it; `named` when the message names the field itself
 * ("„Branche“ gibt es nur bei Firmen."), so that the detail does not put the label before it
 * again. Only `field` and `message` are sent.
 */
export interface LocalFieldError extends FieldError {
  named?: boolean;
  /**
   * The catalog field key (`field.<label>`) that names this field where the shared field table's
   * label for its path does not fit the route (a template's `body.name` is „Name“, not
   * „Firmenname“); routes declare it as `config.fieldLabels`, rules as FieldProblem `label`.
   */
  label?: string;
}

/** Per route: machine path → catalog field key, for paths the shared field table labels otherwise. */
export type FieldLabels = Readonly<Record<string, string>>;

/** `errors` with the route's labels attached to the fields they name. */
export function withFieldLabels(
  errors: readonly LocalFieldError[],
  labels: FieldLabels | undefined,
): LocalFieldError[] {
  if (!labels) return [...errors];
  return errors.map((error) => {
    const label = labels[error.field];
    return label && !error.label ? { ...error, label } : error;
  });
}

/** Texts of a problem in the reader's language: the detail and the field errors. */
export type LocalizedProblem = (
  t: Translate,
  lang: Language,
) => { detail: string; errors?: readonly LocalFieldError[] };

const parentOf = (field: string) => field.split('.').slice(0, -1).join('.');
const withoutPart = (field: string) => field.replace(/^(body|querystring|params|headers)(\.|$)/, '');

/**
 * The detail of a problem with field errors: the first one as a sentence with the field's label
 * in the reader's language ("Budget: Das Mindestbudget ist größer als das Höchstbudget.",
 * "E-Mail-Adressen, Eintrag 2: ist keine gültige E-Mail-Adresse"), never the machine path of a
 * known field, and how many more there are.
 */
export function fieldDetail(errors: readonly LocalFieldError[], t: Translate): string {
  const first = errors[0];
  if (!first) return '';
  const where = first.named ? parentOf(first.field) : first.field;
  const label = first.label
    ? t(`field.${first.label}`)
    : withoutPart(where) === ''
      ? undefined
      : (describeField(where, t) ?? withoutPart(where));
  const sentence = label ? `${label}: ${first.message}` : first.message;
  return errors.length > 1
    ? t('serviceProblem.moreProblems', { detail: sentence, count: errors.length - 1 })
    : sentence;
}

// The one error type services throw for expected failures; the error handler
// turns it into problem+json. `code` selects the localised title; `localize`,
// where given, writes the detail and field errors in the reader's language
// (the English `detail` is then what the log shows).
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: ProblemCode;
  readonly errors: readonly LocalFieldError[] | undefined;
  readonly wwwAuthenticate: string | undefined;
  readonly localize: LocalizedProblem | undefined;
  /** Seconds after which a retry may succeed (sent as Retry-After with 429 and 503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    statusCode: number,
    code: ProblemCode,
    detail: string,
    extra: {
      errors?: readonly LocalFieldError[];
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

/** A field a rule refused: the machine path, the catalog key of the message and its values. */
export interface FieldProblem {
  field: string;
  key: string;
  values?: Values | ((t: Translate) => Values);
  /** The message names the field itself (see LocalFieldError). */
  named?: boolean;
  /** The field's catalog label where the shared table's does not fit (see LocalFieldError). */
  label?: string;
}

/**
 * 400 validationFailed (or `status`/`code`, e.g. a 409 that depends on the stored contact) for
 * fields a rule beyond the schema refused; each message is a catalog key with values, written in
 * the reader's language like schema errors, and the detail names the first field by its label.
 */
export function fieldProblems(
  problems: readonly FieldProblem[],
  status = 400,
  code: ProblemCode = 'validationFailed',
): HttpError {
  const texts = (t: Translate) => {
    const errors: LocalFieldError[] = problems.map((p) => ({
      field: p.field,
      message: t(p.key, typeof p.values === 'function' ? p.values(t) : (p.values ?? {})),
      ...(p.named ? { named: true } : {}),
      ...(p.label ? { label: p.label } : {}),
    }));
    return { detail: fieldDetail(errors, t), errors };
  };
  const en = texts(english);
  return new HttpError(status, code, en.detail, { errors: en.errors, localize: texts });
}

/** 404 for a record of the tenant that does not exist (or belongs to another tenant). */
export const notFound = (key: ServiceProblem = 'contactNotFound') => problem(404, 'notFound', key);
