import { describe, expect, it } from 'vitest';
import { editorFieldOf, errorFieldOf } from './edit-fields';

describe('editorFieldOf: where a finding opens the editor', () => {
  it.each([
    ['lastName', 'person', 'lastName'],
    ['name', 'person', 'lastName'],
    ['name', 'company', 'name'],
    ['emails', 'person', 'emails.0'],
    ['emails.1', 'company', 'emails.1'],
    ['businessPhones.0', 'person', 'businessPhones.0'],
    ['mobilePhone', 'company', 'mobilePhone'],
    ['homePhones.0', 'person', 'homePhones.0'],
    ['companyId', 'person', 'companyId'],
    ['roles', 'person', 'roles'],
    ['relationships', 'company', 'relationships'],
    ['customerSince', 'person', 'customerSince'],
    ['lead', 'company', 'lead.status'],
    ['lead.status', 'person', 'lead.status'],
    ['lead.source', 'person', 'lead.source'],
    ['lead.budget', 'company', 'lead.budget.minEur'],
    ['address', 'company', 'address.street'],
    ['address.city', 'company', 'address.city'],
    ['website', 'person', 'website'],
    ['industry', 'company', 'industry'],
    ['ownerId', 'person', 'ownerId'],
    ['body.emails.1.address', 'person', 'emails.1'],
    ['lead.lastActivityAt', 'person', 'lead.status'],
  ] as const)('%s of a %s → %s', (path, kind, field) => {
    expect(editorFieldOf(path, kind)).toBe(field);
  });

  it.each([
    ['consent.email', 'person'],
    ['roles', 'company'],
    ['companyId', 'company'],
    ['industry', 'person'],
    ['', 'person'],
    ['nonsense.path', 'company'],
  ] as const)('has no input for %j of a %s (the editor opens at the top)', (path, kind) => {
    expect(editorFieldOf(path, kind)).toBeUndefined();
  });
});

describe('errorFieldOf: where an API field error is shown', () => {
  it('keeps list problems with the list and the budget range at "Budget bis"', () => {
    expect(errorFieldOf('body.emails', 'person')).toBe('emails');
    expect(errorFieldOf('body.emails.2.address', 'person')).toBe('emails.2');
    expect(errorFieldOf('body.lead.budget', 'company')).toBe('lead.budget.maxEur');
    expect(errorFieldOf('body.lead.budget.minEur', 'company')).toBe('lead.budget.minEur');
    expect(errorFieldOf('body.address.postcode', 'person')).toBe('address.postcode');
    expect(errorFieldOf('body.companyId', 'person')).toBe('companyId');
    expect(errorFieldOf('headers.if-match', 'person')).toBeUndefined();
  });
});
