import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { createTranslator, SCHEMA_FORMATS } from '@klarkonform/shared';
import { fieldDetail, HttpError } from './http-error';
import { type AjvLikeError, toFieldErrors } from './schema-messages';
import { addTextKeyword, withTextKinds } from './text-input';

// Two validators: query strings, params and headers arrive as text and are
// coerced ("25" → 25); bodies are JSON and must already have the right types,
// so `{"limit": "25"}` is rejected instead of silently converted. Neither
// removes unknown properties: schemas forbid them and the request fails.
// Both normalise every string first and refuse control characters (text-input.ts). Errors are
// verbose (they carry the schema and the data) so that schema-messages.ts can say which shape
// of a union was meant and which value was not allowed.

function createAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
    messages: false,
    verbose: true,
  });
  addAppFormats(ajv);
  addTextKeyword(ajv);
  return ajv;
}

/** ajv-formats plus our formats (`idn-email`: addresses with umlaut domains); every ajv of the API uses these. */
export function addAppFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  for (const [name, check] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, check);
  return ajv;
}

const bodyAjv = createAjv(false);
const textAjv = createAjv('array');

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  const validate = ajv.compile(withTextKinds(schema as object) as object) as ValidateFunction;
  return (data: unknown) => {
    if (validate(data)) return { value: data };
    const error = Object.assign(new Error('validation failed'), { validation: validate.errors ?? [] });
    return { error };
  };
};

const bodyValidators = new WeakMap<object, ValidateFunction>();

/**
 * Checks a request body against a schema the route could not use (e.g. the patch shape of the
 * stored contact's kind), with the body validator; throws the same 400 as route validation.
 */
export function assertBodyShape(schema: object, body: unknown): void {
  let validate = bodyValidators.get(schema);
  if (!validate) {
    validate = bodyAjv.compile(withTextKinds(schema) as object) as ValidateFunction;
    bodyValidators.set(schema, validate);
  }
  if (validate(body)) return;
  const errors: readonly AjvLikeError[] = [...(validate.errors ?? [])];
  const texts = (lang: 'de' | 'en') => {
    const fields = toFieldErrors(errors, 'body', lang);
    return { detail: fieldDetail(fields, createTranslator(lang)), errors: fields };
  };
  const english = texts('en');
  throw new HttpError(400, 'validationFailed', english.detail, {
    errors: english.errors,
    localize: (_t, lang) => texts(lang),
  });
}

export type { AjvLikeError } from './schema-messages';
export { toFieldErrors } from './schema-messages';
