import type { Ajv, AnySchemaObject, SchemaValidateFunction } from 'ajv';
import { normalizeTextInput, TEXT_KIND_KEYWORD, type TextKind, type TextProblem } from '@klarkonform/shared';

// Every text a request carries (body, query string, params, headers) passes the shared text
// rules (text.rules.ts) inside validation, before length, pattern and format are checked, so
// handlers and services only ever see normalised text and a refusal is an ordinary field error.
//
// How: `withTextKinds` marks every string schema of a route with the keyword (`line` unless the
// schema says `multiline`), so a route, present or future, cannot leave a string out; the
// keyword replaces the string in its parent with the normalised form (ajv re-reads modified
// data) or fails with the problem. In a union the same property must have the same text kind
// in every branch: a branch that fails still normalises what it reads.

export interface TextErrorParams {
  problem: TextProblem;
}

const validateText: SchemaValidateFunction = (
  kind: TextKind,
  data: string,
  parentSchema?: AnySchemaObject,
  cxt?: Parameters<SchemaValidateFunction>[3],
) => {
  const required = typeof parentSchema?.minLength === 'number' && parentSchema.minLength >= 1;
  const result = normalizeTextInput(data, kind, required);
  if (!result.ok) {
    const params: TextErrorParams = { problem: result.problem };
    validateText.errors = [{ keyword: TEXT_KIND_KEYWORD, message: result.problem, params }];
    return false;
  }
  if (result.value !== data && cxt?.parentData !== undefined) {
    (cxt.parentData as Record<string | number, unknown>)[cxt.parentDataProperty] = result.value;
  }
  return true;
};

/** Registers the text keyword on an ajv instance, ahead of every other string keyword. */
export function addTextKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: TEXT_KIND_KEYWORD,
    type: 'string',
    schemaType: 'string',
    modifying: true,
    errors: true,
    before: 'maxLength',
    validate: validateText,
  });
}

// Values, not subschemas: never walked. `propertyNames` checks keys, which cannot be replaced.
const NOT_SUBSCHEMAS = new Set(['const', 'enum', 'default', 'examples', 'required', 'propertyNames']);
// Maps from names to subschemas: a property may be called "enum" or "default".
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function mark(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(mark);
  if (!isRecord(node)) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (NOT_SUBSCHEMAS.has(key)) copy[key] = value;
    else if (SCHEMA_MAPS.has(key) && isRecord(value)) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, mark(schema)]));
    } else copy[key] = mark(value);
  }
  const type = copy.type;
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'));
  if (isString && copy[TEXT_KIND_KEYWORD] === undefined) copy[TEXT_KIND_KEYWORD] = 'line';
  return copy;
}

const marked = new WeakMap<object, unknown>();

/** A copy of the schema whose every string schema carries the text keyword (memoised). */
export function withTextKinds(schema: object): unknown {
  const cached = marked.get(schema);
  if (cached !== undefined) return cached;
  const copy = mark(schema);
  marked.set(schema, copy);
  return copy;
}
