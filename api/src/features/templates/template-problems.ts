import type { FastifyRequest } from 'fastify';
import type { ProblemCode, Translate } from '@klarkonform/shared';
import { createTranslator } from '@klarkonform/shared';
import { fieldDetail, HttpError, type LocalFieldError } from '../../infra/http-error';
import { type AjvLikeError, toFieldErrors } from '../../infra/validation';

// A template's `name` is labelled „Name“, not „Firmenname“ as a contact's `name` is: the shared
// field table maps paths without knowing the route, so this feature words its problems about
// `body.name` itself (schema errors of create and patch, and the 409 of a taken name).

const english = createTranslator('en');

/** The detail of field errors with `body.name` called „Name“ / "Name" (fieldDetail otherwise). */
export function templateFieldDetail(errors: readonly LocalFieldError[], t: Translate): string {
  const first = errors[0];
  if (first?.field !== 'body.name' || first.named) return fieldDetail(errors, t);
  const sentence = `${t('field.templateName')}: ${first.message}`;
  return errors.length > 1
    ? t('serviceProblem.moreProblems', { detail: sentence, count: errors.length - 1 })
    : sentence;
}

/** A problem with these field errors (message keys and values), its detail naming the field by its template label. */
export function templateProblem(
  status: number,
  code: ProblemCode,
  problems: readonly { field: string; key: string; values?: Record<string, string | number> }[],
): HttpError {
  const texts = (t: Translate) => {
    const errors: LocalFieldError[] = problems.map((p) => ({ field: p.field, message: t(p.key, p.values ?? {}) }));
    return { detail: templateFieldDetail(errors, t), errors };
  };
  const en = texts(english);
  return new HttpError(status, code, en.detail, { errors: en.errors, localize: texts });
}

/**
 * Throws the schema errors Fastify attached to `request` (routes with `attachValidation`) as the
 * usual 400 validationFailed, worded like every other route's but with the template's labels.
 */
export function assertValidRequest(request: FastifyRequest): void {
  const error = request.validationError as
    | (Error & { validation?: AjvLikeError[]; validationContext?: string })
    | undefined;
  if (!error) return;
  const validation = error.validation ?? [];
  const part = error.validationContext ?? 'body';
  const texts = (t: Translate, lang: 'de' | 'en') => {
    const errors = toFieldErrors(validation, part, lang);
    return { detail: templateFieldDetail(errors, t), errors };
  };
  const en = texts(english, 'en');
  throw new HttpError(400, 'validationFailed', en.detail, { errors: en.errors, localize: texts });
}
