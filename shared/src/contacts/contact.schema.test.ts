import Ajv, { type AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import * as common from './contact-common.schema';
import * as enums from './contact-enums.schema';
import * as input from './contact-input.schema';
import * as notes from './contact-notes.schema';
import * as query from './contact-query.schema';
import * as contact from './contact.schema';
import * as consent from './consent.schema';
import * as card from './sender-card.schema';
import { TEXT_KIND_KEYWORD } from '../text/text.rules';
import { SCHEMA_FORMATS } from './normalize.rules';
import { makeCompany, makeEvent, makePerson } from './contact.fixtures';

const shared = { ...common, ...enums, ...input, ...notes, ...query, ...contact, ...consent, ...card };

// Every schema object these modules export, found by shape so a new one is never missed.
const schemas = Object.entries(shared as Record<string, unknown>).filter(
  (entry): entry is [string, AnySchema & object] => {
    const value: unknown = entry[1];
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      ('type' in value || 'anyOf' in value || 'enum' in value)
    );
  },
);

// Fastify's defaults (coercion, defaults) minus `removeAdditional`, which would silently drop
// unknown fields instead of rejecting them.
const fastifyLike = () => {
  const ajv = new Ajv({ strict: false, coerceTypes: 'array', useDefaults: true, allErrors: false });
  addFormats(ajv);
  for (const [name, check] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, check);
  return ajv;
};

function objectSchemas(schema: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(schema)) for (const item of schema) objectSchemas(item, found);
  else if (typeof schema === 'object' && schema !== null) {
    const record = schema as Record<string, unknown>;
    if ('properties' in record) found.push(record);
    for (const value of Object.values(record)) objectSchemas(value, found);
  }
  return found;
}

describe('schemas', () => {
  it('finds the exported schemas', () => {
    expect(schemas.length).toBeGreaterThan(50);
  });

  it.each(schemas)('%s compiles with ajv, also in strict mode', (_name, schema) => {
    expect(() => fastifyLike().compile(schema)).not.toThrow();
    const strict = new Ajv({ strict: true, allowUnionTypes: false });
    addFormats(strict);
    for (const [name, check] of Object.entries(SCHEMA_FORMATS)) strict.addFormat(name, check);
    // The one annotation of ours (text.rules.ts); the API's validator gives it its meaning.
    strict.addKeyword(TEXT_KIND_KEYWORD);
    expect(() => strict.compile(schema)).not.toThrow();
  });

  const bodies = schemas.filter(([, schema]) => {
    const root = schema as Record<string, unknown>;
    return root.type === 'object' || Array.isArray(root.anyOf);
  });
  it.each(bodies)('%s rejects an unknown field', (_name, schema) => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const [name, check] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, check);
    const validate = ajv.compile(schema);
    expect(validate({ zzUnknown: 1 })).toBe(false);
    const unknown = validate.errors?.filter((error) => error.keyword === 'additionalProperties');
    expect(unknown?.map((error) => error.params.additionalProperty)).toContain('zzUnknown');
  });

  it.each(schemas)('%s closes every object and bounds every string and array', (_name, schema) => {
    for (const object of objectSchemas(schema)) expect(object.additionalProperties).toBe(false);
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      if (Array.isArray(node)) {
        node.forEach((item, i) => {
          walk(item, `${path}/${i}`);
        });
        return;
      }
      const record = node as Record<string, unknown>;
      const types = ([] as unknown[]).concat(record.type ?? []);
      if (types.includes('string') && !('const' in record)) expect(record.maxLength, path).toBeTypeOf('number');
      if (types.includes('array')) expect(record.maxItems, path).toBeTypeOf('number');
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
    };
    walk(schema, '#');
  });
});

describe('stored contacts', () => {
  const company = makeCompany();
  const person = makePerson({
    consent: {
      legalBasis: 'consent',
      channels: { email: [makeEvent('optIn', '2026-01-01T00:00:00.000Z')], phone: [], letter: [], newsletter: [] },
    },
    lead: { status: 'qualifying', source: 'tradeFair', budget: { minEur: 0, maxEur: 5000 }, timeframe: 'Q2 2026' },
  });
  const validate = fastifyLike().compile(shared.Contact);

  it.each([
    ['company', company],
    ['person', person],
  ])('accepts a valid %s (ajv and TypeBox agree)', (_kind, contact) => {
    expect(validate(structuredClone(contact)), JSON.stringify(validate.errors)).toBe(true);
    expect(Value.Check(shared.Contact, contact)).toBe(true);
  });

  it.each([
    ['unknown top-level field', { ...person, tenantId: 't1' }],
    ['unknown nested field', { ...person, notes: { ...person.notes, secret: 1 } }],
    ['company field on a person', { ...person, industry: 'Bau' }],
    ['person field on a company', { ...company, lastName: 'Muster' }],
    [
      'a fourth e-mail address',
      { ...company, emails: ['a', 'b', 'c', 'd'].map((l, i) => ({ address: `${l}@muster.de`, primary: i === 0 })) },
    ],
    ['a third business phone', { ...company, businessPhones: ['030 1', '030 2', '030 3'] }],
    ['bad contact number', { ...person, contactNumber: 'C12' }],
    ['bad ObjectId', { ...person, companyId: 'XYZ' }],
    ['bad email', { ...person, emails: [{ address: 'kein-at', primary: true }] }],
    ['too many tags', { ...person, tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }],
    ['duplicate relationship', { ...person, relationships: ['lead', 'lead'] }],
    ['negative budget', { ...person, lead: { budget: { minEur: -1 } } }],
    ['fractional budget', { ...person, lead: { budget: { maxEur: 10.5 } } }],
    ['lower-case country', { ...company, address: { country: 'de' } }],
  ])('rejects %s', (_case, value) => {
    expect(validate(structuredClone(value))).toBe(false);
  });
});

describe('request bodies', () => {
  const create = fastifyLike().compile(shared.ContactCreate);
  const patch = fastifyLike().compile(shared.ContactPatch);

  it('accepts minimal creates and fills defaults', () => {
    const body: Record<string, unknown> = { kind: 'person', lastName: 'Mustermann' };
    expect(create(body)).toBe(true);
    expect(
      create({ kind: 'company', name: 'Muster GmbH', legalBasis: 'contract', notes: { specifics: 'Nur vormittags' } }),
    ).toBe(true);
  });

  it.each([
    ['missing kind', { lastName: 'Mustermann' }],
    ['server field', { kind: 'person', lastName: 'M', version: 3 }],
    ['consent history', { kind: 'person', lastName: 'M', consent: { channels: {} } }],
    ['notes history', { kind: 'person', lastName: 'M', notes: { specifics: '', history: [] } }],
    ['blank last name', { kind: 'person', lastName: '   ' }],
    ['person field on company', { kind: 'company', name: 'X', firstName: 'Max' }],
  ])('create rejects %s', (_case, body) => {
    expect(create(body)).toBe(false);
  });

  it('patch: null clears, kind cannot change, empty is refused', () => {
    expect(patch({ firstName: null, companyId: null, lead: null, customerSince: null })).toBe(true);
    expect(patch({ name: 'Neu GmbH', website: null })).toBe(true);
    expect(patch({ kind: 'company' })).toBe(false);
    expect(patch({ lastName: null })).toBe(false);
    expect(patch({})).toBe(false);
    expect(patch({ name: 'X', firstName: 'Y' })).toBe(false);
  });

  it('patch: coercion neither turns null into "" or 0 nor 0 into null', () => {
    const body: Record<string, unknown> = { title: null, lead: { budget: { minEur: 0 } } };
    expect(patch(body)).toBe(true);
    expect(body).toEqual({ title: null, lead: { budget: { minEur: 0 } } });
  });

  it('list query coerces and defaults like a query string', () => {
    const query: Record<string, unknown> = { limit: '50', archived: 'true' };
    expect(fastifyLike().compile(shared.ContactListQuery)(query)).toBe(true);
    expect(query).toEqual({ limit: 50, archived: true });
    const defaults: Record<string, unknown> = {};
    fastifyLike().compile(shared.ContactListQuery)(defaults);
    expect(defaults).toEqual({ archived: false, limit: 25 });
    expect(fastifyLike().compile(shared.ContactListQuery)({ limit: '101' })).toBe(false);
  });

  it('sender card query accepts one or several addresses', () => {
    const one: Record<string, unknown> = { email: 'max@muster.de' };
    expect(fastifyLike().compile(shared.SenderCardQuery)(one)).toBe(true);
    expect(one.email).toEqual(['max@muster.de']);
  });

  it.each([
    ['ArchiveRequest', shared.ArchiveRequest, { reason: 'ok' }],
    ['ConsentEventCreate', shared.ConsentEventCreate, { channel: 'fax', type: 'optIn', source: 'x' }],
    ['OpenItemPatch', shared.OpenItemPatch, { done: true, text: 'x' }],
    ['MergeRequest', shared.MergeRequest, { survivorId: 'a'.repeat(24) }],
  ])('%s rejects bad input', (_name, schema, body) => {
    expect(fastifyLike().compile(schema)(body)).toBe(false);
  });
});
