import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  createTranslator,
  type Language,
  type Problem,
  type ProblemCode,
  pickLanguage,
  type ServiceProblem,
} from '@klarkonform/shared';
import { isDatabaseUnreachableError } from './db-availability';
import { fieldDetail, HttpError, type LocalFieldError, withFieldLabels } from './http-error';
import { type AjvLikeError, toFieldErrors } from './validation';

// One place turns every failure into application/problem+json, its detail in the reader's
// language (Accept-Language: German or English, like the title). Expected errors say what went
// wrong; anything unexpected becomes a generic 500 whose details go to the log only.

export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  return pickLanguage(typeof header === 'string' ? header : undefined);
}

const STATUS_CODES: Record<number, ProblemCode> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  412: 'preconditionFailed',
  413: 'payloadTooLarge',
  415: 'unsupportedMediaType',
  428: 'preconditionRequired',
  429: 'tooManyRequests',
  503: 'serviceUnavailable',
};

/** Fastify's own client errors, by code, and the catalog text that explains them in the reader's language. */
const FASTIFY_PROBLEMS: Record<string, ServiceProblem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalidJson',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'emptyJson',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupportedMediaType',
  FST_ERR_CTP_BODY_TOO_LARGE: 'bodyTooLarge',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalidContentLength',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: ProblemCode,
  detail: string | undefined,
  errors?: readonly LocalFieldError[],
): FastifyReply {
  const lang = requestLanguage(reply.request);
  const body: Problem = {
    type: `https://klarkonform.de/problems/${code}`,
    title: createTranslator(lang)(`problem.${code}.title`),
    status,
    code,
    instance: reply.request.url.split('?')[0],
  };
  if (detail) body.detail = detail;
  if (errors && errors.length > 0) body.errors = errors.map(({ field, message }) => ({ field, message }));
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/** 503 serviceUnavailable with Retry-After (s): the database is unreachable for now. */
export function sendUnavailable(reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  const t = createTranslator(requestLanguage(reply.request));
  reply.header('retry-after', String(retryAfterSeconds));
  return sendProblem(reply, 503, 'serviceUnavailable', t('problem.serviceUnavailable.detail'));
}

export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
      const lang = requestLanguage(request);
      const t = createTranslator(lang);
      const validation = (error as FastifyError).validation as AjvLikeError[] | undefined;
      if (validation) {
        const part = (error as FastifyError).validationContext ?? 'body';
        const fields = withFieldLabels(toFieldErrors(validation, part, lang), request.routeOptions.config.fieldLabels);
        return sendProblem(reply, 400, 'validationFailed', fieldDetail(fields, t), fields);
      }
      if (error instanceof HttpError) {
        if (error.wwwAuthenticate) reply.header('www-authenticate', error.wwwAuthenticate);
        if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
        if (error.localize) {
          const { detail, errors } = error.localize(t, lang);
          return sendProblem(reply, error.statusCode, error.code, detail, errors);
        }
        // Without texts of its own, the status's general explanation (the message is for the log).
        return sendProblem(reply, error.statusCode, error.code, t(`problem.${error.code}.detail`), error.errors);
      }
      const availability = app.hasDecorator('dbAvailability') ? app.dbAvailability : undefined;
      if (availability ? availability.explains(error) : isDatabaseUnreachableError(error)) {
        request.log.warn({ error: error.name }, 'the database is unreachable');
        return sendUnavailable(reply, availability?.retryAfterSeconds() ?? 2);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const code = STATUS_CODES[status] ?? 'badRequest';
        const known = FASTIFY_PROBLEMS[(error as FastifyError).code ?? ''];
        // Fastify's own words are English and name its internals: the log keeps them.
        if (!known) request.log.info({ code: (error as FastifyError).code, reason: error.message }, 'client error');
        return sendProblem(reply, status, code, t(known ? `serviceProblem.${known}` : `problem.${code}.detail`));
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, 500, 'internal', t('problem.internal.detail'));
    });

    app.setNotFoundHandler((request, reply) => {
      const values = { method: request.method, path: request.url.split('?')[0] ?? '' };
      return sendProblem(
        reply,
        404,
        'notFound',
        createTranslator(requestLanguage(request))('serviceProblem.noSuchRoute', values),
      );
    });
  },
  { name: 'errors' },
);
