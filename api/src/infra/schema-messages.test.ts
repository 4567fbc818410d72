import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { ContactCreate, ObjectId } from '@klarkonform/shared';
import { toFieldErrors } from './schema-messages';
import { validatorCompiler } from './validation';

/** The route validator's errors for `data`, as the error handler receives them. */
function errorsOf(schema: object, data: unknown, httpPart = 'body') {
  const validate = validatorCompiler({ schema, method: 'POST', url: '/x', httpPart }) as (data: unknown) => {
    error?: { validation: [] };
  };
  const result = validate(structuredClone(data));
  if (!result.error) throw new Error('expected a validation error');
  return result.error.validation;
}

describe('toFieldErrors', () => {
  it('keeps the errors of the union branch the kind names, and names a field of the other kind', () => {
    const errors = errorsOf(ContactCreate, { kind: 'person', lastName: 'Muster', industry: 'Bau', extra: 1 });
    expect(toFieldErrors(errors, 'body', 'de')).toEqual([
      { field: 'body.industry', message: '„Branche“ gibt es nur bei Firmen.', named: true },
      { field: 'body.extra', message: 'Unbekanntes Feld „extra“', named: true },
    ]);
  });

  it('merges the type errors of a nullable object into one, and reports inside the branch that fits', () => {
    const schema = Type.Object({ address: Type.Union([Type.Null(), Type.Object({ city: Type.String() })]) });
    expect(toFieldErrors(errorsOf(schema, { address: 7 }), 'body', 'en')).toEqual([
      { field: 'body.address', message: 'must be empty (null) or an object' },
    ]);
    expect(toFieldErrors(errorsOf(schema, { address: { city: 7 } }), 'body', 'en')).toEqual([
      { field: 'body.address.city', message: 'must be text' },
    ]);
  });

  it('says one thing per field: a malformed id is "not a valid id", not also too short', () => {
    const schema = Type.Object({ companyId: ObjectId });
    expect(toFieldErrors(errorsOf(schema, { companyId: 'abc' }), 'body', 'de')).toEqual([
      { field: 'body.companyId', message: 'ist keine gültige Kennung (24 Zeichen aus 0–9 und a–f)' },
    ]);
  });

  it('lists allowed values by label, numbers in the reader’s format, and never answers with nothing', () => {
    const schema = Type.Object({ status: Type.Enum(['new', 'won']), amount: Type.Integer({ maximum: 1_000_000 }) });
    expect(toFieldErrors(errorsOf(schema, { status: 7, amount: 2_000_000 }), 'body', 'de')).toEqual([
      { field: 'body.status', message: 'unbekannter Wert „7“; erlaubt sind: Neu (new), Gewonnen (won)' },
      { field: 'body.amount', message: 'darf höchstens 1.000.000 sein' },
    ]);
    expect(toFieldErrors([{ keyword: 'anyOf', instancePath: '', schemaPath: '#/anyOf' }], 'body', 'en')).toEqual([
      { field: 'body', message: 'is invalid' },
    ]);
  });
});
