import {
  createTranslator,
  describeField,
  EMAIL_FORMAT,
  type JsonType,
  type Language,
  TEXT_KIND_KEYWORD,
  type Translate,
  valueLabels,
} from '@klarkonform/shared';
import type { LocalFieldError } from './http-error';
import type { TextErrorParams } from './text-input';

// Schema errors (ajv's) in the reader's words: one message per field, naming allowed values by
// their labels, and for a body that may be one of several shapes (a company or a person) only
// the errors of the shape the input meant — never ajv's "must match a schema in anyOf" noise.

/** The parts of an ajv error this module reads (ajv's ErrorObject, with `verbose` extras). */
export interface AjvLikeError {
  instancePath?: string;
  schemaPath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
  /** With ajv's `verbose`: the keyword's schema value (for anyOf: the branches) and the data. */
  schema?: unknown;
  data?: unknown;
}

// A field declared by another branch of a union: "„Branche“ gibt es nur bei Firmen."
const MISPLACED = 'x-misplaced';

type Schema = Record<string, unknown>;
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null;
const paramsOf = (e: AjvLikeError) => (e.params ?? {}) as Record<string, unknown>;

/** The contact kind a union branch is for, from its `kind: const` (e.g. 'company'). */
function branchKind(branch: unknown): string | undefined {
  const kind = isSchema(branch) && isSchema(branch.properties) ? branch.properties.kind : undefined;
  return isSchema(kind) && typeof kind.const === 'string' ? kind.const : undefined;
}

function declares(branch: unknown, property: string): boolean {
  return isSchema(branch) && isSchema(branch.properties) && Object.hasOwn(branch.properties, property);
}

const typesOf = (e: AjvLikeError): string[] => {
  const type = paramsOf(e).type;
  return Array.isArray(type) ? type.map(String) : String(type ?? '').split(',');
};

// Keeps, for one union (an anyOf error), the errors of the branch the input meant and drops the
// others, or replaces the lot by one clearer error: every branch refused the value's type (one
// type error naming all types) or the `kind` (one error listing the kinds).
function resolveUnion(union: AjvLikeError, errors: AjvLikeError[]): AjvLikeError[] {
  const at = union.instancePath ?? '';
  const prefix = `${union.schemaPath ?? ''}/`;
  const branches = Array.isArray(union.schema) ? (union.schema as unknown[]) : [];
  const inside = (e: AjvLikeError) => e !== union && (e.schemaPath ?? '').startsWith(prefix);
  const byBranch = new Map<number, AjvLikeError[]>();
  for (const e of errors.filter(inside)) {
    const index = Number((e.schemaPath ?? '').slice(prefix.length).split('/')[0]);
    byBranch.set(index, [...(byBranch.get(index) ?? []), e]);
  }
  const outside = errors.filter((e) => e !== union && !inside(e));
  const groups = [...byBranch.entries()];
  if (groups.length === 0) return outside;

  const typeMiss = (list: AjvLikeError[]) => list.some((e) => e.keyword === 'type' && (e.instancePath ?? '') === at);
  const kindMiss = (list: AjvLikeError[]) =>
    list.some((e) => (e.keyword === 'const' || e.keyword === 'enum') && e.instancePath === `${at}/kind`);
  if (groups.every(([, list]) => typeMiss(list))) {
    const types = [...new Set(groups.flatMap(([, list]) => list.filter((e) => e.keyword === 'type').flatMap(typesOf)))];
    return [...outside, { instancePath: at, keyword: 'type', params: { type: types } }];
  }
  if (branches.length > 0 && groups.every(([, list]) => kindMiss(list))) {
    const kinds = branches.map(branchKind).filter((kind): kind is string => kind !== undefined);
    const given = groups[0]?.[1].find((e) => e.instancePath === `${at}/kind`)?.data;
    return [...outside, { instancePath: `${at}/kind`, keyword: 'enum', params: { allowedValues: kinds }, data: given }];
  }

  // A property another branch declares is misplaced in this one (a company field on a person).
  const misplaced = (index: number, list: AjvLikeError[]) =>
    list.filter(
      (e) =>
        e.keyword === 'additionalProperties' &&
        (e.instancePath ?? '') === at &&
        branches.some((other, i) => i !== index && declares(other, String(paramsOf(e).additionalProperty))),
    ).length;
  const ranked = groups
    .map(([index, list]) => ({
      index,
      list,
      score: [Number(typeMiss(list)), Number(kindMiss(list)), misplaced(index, list), list.length],
    }))
    .sort((a, b) => compare(a.score, b.score) || a.index - b.index);
  const chosen = ranked[0];
  if (!chosen) return outside;
  const kept = chosen.list.map((e): AjvLikeError => {
    const property = String(paramsOf(e).additionalProperty);
    if (e.keyword !== 'additionalProperties' || (e.instancePath ?? '') !== at) return e;
    const owner = branches.find((other, i) => i !== chosen.index && declares(other, property));
    const kind = owner ? branchKind(owner) : undefined;
    return kind ? { ...e, keyword: MISPLACED, params: { property, kind } } : e;
  });
  return [...outside, ...kept];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** All unions resolved, outermost first; a union inside a dropped branch goes with it. */
function withUnionsResolved(errors: readonly AjvLikeError[]): AjvLikeError[] {
  let current = [...errors];
  const unions = current
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => (a.schemaPath ?? '').length - (b.schemaPath ?? '').length);
  for (const union of unions) if (current.includes(union)) current = resolveUnion(union, current);
  return current;
}

// A refused text explains itself ("darf nicht leer sein"); the length and pattern errors of the
// same value would only repeat it in other words.
function withoutTextEchoes(errors: readonly AjvLikeError[]): AjvLikeError[] {
  const refused = new Set(errors.filter((e) => e.keyword === TEXT_KIND_KEYWORD).map((e) => e.instancePath ?? ''));
  return errors.filter((e) => e.keyword === TEXT_KIND_KEYWORD || !refused.has(e.instancePath ?? ''));
}

// Patterns with a sentence of their own; any other pattern "hat nicht das erwartete Format".
const PATTERN_PROBLEMS: Record<string, 'invalidId' | 'invalidCountry' | 'noSpaces'> = {
  '^[0-9a-f]{24}$': 'invalidId',
  '^[A-Z]{2}$': 'invalidCountry',
  '^\\S*$': 'noSpaces',
};
const FORMAT_PROBLEMS: Record<string, 'invalidEmail' | 'invalidDate' | 'invalidDateTime'> = {
  [EMAIL_FORMAT]: 'invalidEmail',
  email: 'invalidEmail',
  date: 'invalidDate',
  'date-time': 'invalidDateTime',
};
const BOUNDS: Record<string, 'atLeast' | 'atMost' | 'greaterThan' | 'lessThan'> = {
  minimum: 'atLeast',
  maximum: 'atMost',
  exclusiveMinimum: 'greaterThan',
  exclusiveMaximum: 'lessThan',
};
const SIZES: Record<string, 'tooManyEntries' | 'tooFewEntries' | 'tooLong' | 'tooShort'> = {
  maxItems: 'tooManyEntries',
  minItems: 'tooFewEntries',
  maxLength: 'tooLong',
  minLength: 'tooShort',
};

/** The given value, if it is short text worth quoting back ("unbekannter Wert „hot“"). */
const quotable = (data: unknown): string | undefined =>
  typeof data === 'string' && data.length <= 60 ? data : typeof data === 'number' ? String(data) : undefined;

function messageOf(e: AjvLikeError, field: string, t: Translate, lang: Language): Omit<LocalFieldError, 'field'> {
  const params = paramsOf(e);
  const number = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB');
  switch (e.keyword) {
    case TEXT_KIND_KEYWORD:
      return { message: t(`textProblem.${(params as unknown as TextErrorParams).problem}`) };
    case 'required':
      return { message: t('serviceProblem.required') };
    case MISPLACED: {
      const label = describeField(field, t) ?? String(params.property);
      return { message: t('serviceProblem.notAField', { label, kinds: t(`kindPlural.${params.kind}`) }), named: true };
    }
    case 'additionalProperties': {
      const label = describeField(field, t, true);
      if (label) return { message: t('serviceProblem.notHere', { label }), named: true };
      return { message: t('serviceProblem.unknownField', { name: String(params.additionalProperty) }), named: true };
    }
    case 'type': {
      const expected = typesOf(e).map((type) => t(`jsonType.${type as JsonType}`));
      return { message: t('serviceProblem.wrongType', { expected: expected.join(` ${t('serviceProblem.or')} `) }) };
    }
    case 'enum':
    case 'const': {
      const values = e.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      // The label for people, the value itself for those writing the request: "Divers (divers)".
      const allowed = valueLabels(values ?? [], lang)
        .map((label, i) => {
          const value = String(values?.[i]);
          return label.toLowerCase() === value.toLowerCase() ? label : `${label} (${value})`;
        })
        .join(', ');
      const value = quotable(e.data);
      return value === undefined
        ? { message: t('serviceProblem.allowedValues', { allowed }) }
        : { message: t('serviceProblem.notAllowedValue', { value, allowed }) };
    }
    case 'format':
      return { message: t(`serviceProblem.${FORMAT_PROBLEMS[String(params.format)] ?? 'invalidFormat'}`) };
    case 'pattern':
      return { message: t(`serviceProblem.${PATTERN_PROBLEMS[String(params.pattern)] ?? 'invalidFormat'}`) };
    case 'uniqueItems':
      return { message: t('serviceProblem.duplicateEntries') };
    case 'minProperties':
      return { message: t('serviceProblem.emptyObject'), named: true };
    default: {
      const bound = BOUNDS[e.keyword ?? ''];
      if (bound) return { message: t(`serviceProblem.${bound}`, { limit: number.format(Number(params.limit)) }) };
      const size = SIZES[e.keyword ?? ''];
      if (size) return { message: t(`serviceProblem.${size}`, { limit: number.format(Number(params.limit)) }) };
      return { message: t('serviceProblem.invalidValue') };
    }
  }
}

// Which of several errors for one field is said: what the field is (unknown, missing, of the
// wrong type, not an allowed value) before how it is written, before its size.
const RANKS: Record<string, number> = {
  [MISPLACED]: 0,
  additionalProperties: 0,
  required: 0,
  type: 1,
  enum: 2,
  const: 2,
  [TEXT_KIND_KEYWORD]: 3,
  format: 3,
  pattern: 3,
};

/** The field an error is about: the request part, the JSON path, and the property it names. */
function fieldOf(e: AjvLikeError, part: string): string {
  const segments = (e.instancePath ?? '').split('/').filter(Boolean);
  const params = paramsOf(e);
  if (e.keyword === 'required' && typeof params.missingProperty === 'string') segments.push(params.missingProperty);
  if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    segments.push(params.additionalProperty);
  }
  if (e.keyword === MISPLACED) segments.push(String(params.property));
  return [part, ...segments].filter(Boolean).join('.');
}

/**
 * Schema errors as field errors in the reader's language, at most one per field: `field` is
 * the machine path ("body.lead.status"), `message` says what is wrong in words, allowed values
 * by their labels ("erlaubt sind: Neu, In Qualifizierung, …"). `part` is the request part
 * ("body", "querystring", …), or '' for a whole stored contact.
 */
export function toFieldErrors(errors: readonly AjvLikeError[], part: string, lang: Language): LocalFieldError[] {
  const t = createTranslator(lang);
  const chosen = new Map<string, { rank: number; error: LocalFieldError }>();
  for (const e of withoutTextEchoes(withUnionsResolved(errors))) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const field = fieldOf(e, part);
    const rank = RANKS[e.keyword ?? ''] ?? 4;
    const seen = chosen.get(field);
    if (seen && seen.rank <= rank) continue;
    chosen.set(field, { rank, error: { field, ...messageOf(e, field, t, lang) } });
  }
  const result = [...chosen.values()].map(({ error }) => error);
  // Never an empty answer: a failure ajv could not attribute is still said, in words.
  return result.length > 0 || errors.length === 0
    ? result
    : [{ field: part, message: t('serviceProblem.invalidValue') }];
}
