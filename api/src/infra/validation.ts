import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeDe from 'ajv-i18n/localize/de/index.js';
import localizeEn from 'ajv-i18n/localize/en/index.js';
import type { FastifySchemaCompiler } from 'fastify';
import {
  createTranslator,
  EMAIL_FORMAT,
  type FieldError,
  SCHEMA_FORMATS,
  TEXT_KIND_KEYWORD,
} from '@klarkonform/shared';
import { addTextKeyword, type TextErrorParams, withTextKinds } from './text-input';

// Two validators: query strings, params and headers arrive as text and are
// coerced ("25" → 25); bodies are JSON and must already have the right types,
// so `{"limit": "25"}` is rejected instead of silently converted. Neither
// removes unknown properties: schemas forbid them and the request fails.
// Both normalise every string first and refuse control characters (text-input.ts).

function createAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
    messages: true,
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

export interface AjvLikeError {
  instancePath?: string;
  schemaPath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

// Turns ajv errors into field errors in the reader's language. The field is
// the input part plus the JSON path, and names the offending property for
// "required" and "additionalProperties" errors.
export function toFieldErrors(errors: readonly AjvLikeError[], part: string, lang: 'de' | 'en'): FieldError[] {
  const copies = withoutTextEchoes(pickUnionBranch(errors)).map(
    (e) => ({ ...e, message: undefined }) as unknown as ErrorObject,
  );
  (lang === 'de' ? localizeDe : localizeEn)(copies);
  const t = createTranslator(lang);
  for (const e of copies) {
    if (e.keyword === TEXT_KIND_KEYWORD) e.message = t(`textProblem.${(e.params as TextErrorParams).problem}`);
    // ajv-i18n's wording names the JSON property ("muss das erforderliche Attribut lastName
    // enthalten") or the format's id; the field path and its label say which field already.
    if (e.keyword === 'required') e.message = t('serviceProblem.required');
    if (e.keyword === 'format' && (e.params as { format?: string }).format === EMAIL_FORMAT) {
      e.message = t('serviceProblem.invalidEmail');
    }
  }
  return copies.map((e) => {
    const segments = (e.instancePath ?? '').split('/').filter(Boolean);
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required' && typeof params.missingProperty === 'string') segments.push(params.missingProperty);
    if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      segments.push(params.additionalProperty);
    }
    const extra = e.keyword === 'additionalProperties' ? ` (${params.additionalProperty})` : '';
    return { field: [part, ...segments].join('.'), message: `${e.message ?? 'invalid'}${extra}` };
  });
}

// A refused text explains itself ("darf nicht leer sein"); the length and pattern errors of the
// same value would only repeat it in ajv's words ('muss dem Muster "\S" entsprechen').
function withoutTextEchoes(errors: readonly AjvLikeError[]): readonly AjvLikeError[] {
  const refused = new Set(errors.filter((e) => e.keyword === TEXT_KIND_KEYWORD).map((e) => e.instancePath ?? ''));
  if (refused.size === 0) return errors;
  return errors.filter((e) => e.keyword === TEXT_KIND_KEYWORD || !refused.has(e.instancePath ?? ''));
}

// A body that is one of several shapes (a company or a person) fails every
// shape; reporting all of them confuses. Keep the errors of the shape the
// input meant: the one whose `kind` matched, else the one that knows the most of its fields
// (a patch of `lastName` is a person's, whatever is wrong with the value), else the one with
// fewest errors.
function pickUnionBranch(errors: readonly AjvLikeError[]): readonly AjvLikeError[] {
  const rootUnion = errors.some((e) => e.keyword === 'anyOf' && (e.instancePath ?? '') === '');
  if (!rootUnion) return errors;
  const branches = new Map<string, AjvLikeError[]>();
  for (const e of errors) {
    const branch = /^#\/anyOf\/(\d+)\//.exec(e.schemaPath ?? '')?.[1];
    if (branch === undefined) continue;
    branches.set(branch, [...(branches.get(branch) ?? []), e]);
  }
  if (branches.size === 0) return errors;
  const kindError = (branch: AjvLikeError[]) => (branch.some((e) => e.instancePath === '/kind') ? 1 : 0);
  const unknownFields = (branch: AjvLikeError[]) => branch.filter((e) => e.keyword === 'additionalProperties').length;
  const ranked = [...branches.values()].sort(
    (a, b) => kindError(a) - kindError(b) || unknownFields(a) - unknownFields(b) || a.length - b.length,
  );
  return ranked[0] ?? errors;
}
