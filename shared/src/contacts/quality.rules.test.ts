import { describe, expect, it } from 'vitest';
import { NOW, makeCompany, makeEvent, makePerson } from './contact.fixtures';
import type { Company, Person } from './contact.schema';
import { companyFindings, contactFindings, qualityFindings } from './quality.rules';

const codes = (findings: { code: string; field?: string }[]) =>
  findings.map((finding) => (finding.field ? `${finding.code}@${finding.field}` : finding.code));

describe('contactFindings', () => {
  it('finds nothing on a complete person', () => {
    expect(contactFindings(makePerson(), NOW)).toEqual([]);
  });

  it.each<[string, Partial<Person>, string[]]>([
    ['blank last name', { lastName: ' ' }, ['contact.noName@lastName']],
    ['no relationship', { relationships: [], customerSince: undefined }, ['contact.noRelationship@relationships']],
    ['customer without date', { customerSince: undefined }, ['customer.noCustomerSince@customerSince']],
    ['invalid email', { emails: [{ address: 'max@muster', primary: true }] }, ['contact.invalidEmail@emails.0']],
    ['no email', { emails: [] }, ['contact.noEmail@emails']],
    [
      'phone that does not parse',
      { businessPhones: ['12'], mobilePhone: 'unbekannt' },
      ['contact.invalidPhone@businessPhones.0', 'contact.invalidPhone@mobilePhone'],
    ],
    ['no company', { companyId: undefined, roles: [] }, ['person.noCompany@companyId']],
    ['staff without role', { roles: [] }, ['person.noRole@roles']],
    [
      'no primary email',
      {
        emails: [
          { address: 'a@muster.de', primary: false },
          { address: 'b@muster.de', primary: false },
        ],
      },
      ['person.noPrimaryEmail@emails'],
    ],
    [
      'two primary emails',
      {
        emails: [
          { address: 'a@muster.de', primary: true },
          { address: 'b@muster.de', primary: true },
        ],
      },
      ['person.multiplePrimaryEmails@emails'],
    ],
    [
      'the same email twice',
      {
        emails: [
          { address: 'a@muster.de', primary: true },
          { address: 'A@Muster.de', primary: false },
        ],
      },
      ['person.duplicateEmail@emails'],
    ],
    ['lead without lead data', { relationships: ['lead'], customerSince: undefined }, ['lead.noLeadData@lead']],
    [
      'lead without status and source',
      { relationships: ['lead'], customerSince: undefined, lead: { timeframe: 'Q2 2026' } },
      ['lead.noStatus@lead.status', 'lead.noSource@lead.source'],
    ],
    [
      'stale lead',
      {
        relationships: ['lead'],
        customerSince: undefined,
        lead: { status: 'new', source: 'website' },
        createdAt: '2025-01-01T00:00:00Z',
        updatedAt: '2025-12-01T00:00:00Z',
      },
      ['lead.stale@lead'],
    ],
    ['budget min above max', { lead: { budget: { minEur: 9000, maxEur: 1000 } } }, ['lead.invalidBudget@lead.budget']],
  ])('%s', (_case, overrides, expected) => {
    expect(codes(contactFindings(makePerson(overrides), NOW))).toEqual(expected);
  });

  it('flags granted consent without proof, per channel', () => {
    const person = makePerson({
      consent: {
        channels: {
          email: [makeEvent('optIn', '2026-01-01T00:00:00Z', { proof: '' })],
          phone: [makeEvent('optIn', '2026-01-01T00:00:00Z')],
          letter: [
            makeEvent('optIn', '2026-01-01T00:00:00Z', { proof: undefined }),
            makeEvent('optOut', '2026-02-01T00:00:00Z'),
          ],
          newsletter: [],
        },
      },
    });
    expect(codes(contactFindings(person, NOW))).toEqual(['contact.consentWithoutProof@consent.email']);
  });

  it('orders findings by severity', () => {
    const person = makePerson({ lastName: ' ', relationships: [], customerSince: undefined, emails: [] });
    expect(contactFindings(person, NOW).map((finding) => finding.severity)).toEqual(['error', 'warning', 'info']);
  });

  it('gives each finding its i18n key', () => {
    const [finding] = contactFindings(makePerson({ companyId: undefined, roles: [] }), NOW);
    expect(finding).toEqual({
      code: 'person.noCompany',
      severity: 'warning',
      field: 'companyId',
      messageKey: 'quality.person.noCompany',
    });
  });

  it('checks phones in the region of the address', () => {
    expect(contactFindings(makePerson({ businessPhones: ['01 234567'], address: { country: 'AT' } }), NOW)).toEqual([]);
  });

  it('leaves archived and merged contacts alone', () => {
    const archived = makePerson({
      lastName: ' ',
      archived: { at: '2026-01-01T00:00:00Z', reason: 'Doppelt', by: { id: 'u', name: 'U' } },
    });
    expect(contactFindings(archived, NOW)).toEqual([]);
    expect(contactFindings(makePerson({ relationships: [], mergedInto: 'b'.repeat(24) }), NOW)).toEqual([]);
  });
});

describe('companyFindings', () => {
  const company = makeCompany();
  const staff = (overrides: Partial<Person>) => makePerson({ companyId: company.id, ...overrides });

  it('finds nothing on a complete customer', () => {
    const people = [staff({ roles: ['decisionMaker'] }), staff({ roles: ['billingContact'] })];
    expect(companyFindings(company, people)).toEqual([]);
  });

  it.each<[string, Partial<Company>, Person[], string[]]>([
    ['no people', {}, [], ['company.noPeople']],
    ['only people of other companies', {}, [makePerson({ companyId: 'c'.repeat(24) })], ['company.noPeople']],
    [
      'only archived people',
      {},
      [staff({ archived: { at: '2026-01-01T00:00:00Z', reason: 'weg', by: { id: 'u', name: 'U' } } })],
      ['company.noPeople'],
    ],
    ['no decision maker', {}, [staff({ roles: ['billingContact'] })], ['company.noDecisionMaker@roles']],
    ['customer without billing contact', {}, [staff({ roles: ['decisionMaker'] })], ['company.noBillingContact@roles']],
    ['supplier needs no billing contact', { relationships: ['supplier'] }, [staff({ roles: ['decisionMaker'] })], []],
    [
      'no email, no phone, no city',
      { emails: [], businessPhones: [], address: { street: 'Weg 1' } },
      [staff({ roles: ['decisionMaker', 'billingContact'] })],
      ['company.incompleteContactData@emails', 'company.incompleteContactData@address.city'],
    ],
  ])('%s', (_case, overrides, people, expected) => {
    expect(codes(companyFindings(makeCompany({ ...overrides, id: company.id }), people))).toEqual(expected);
  });
});

describe('qualityFindings', () => {
  it('adds company checks when people are given', () => {
    const company = makeCompany({ relationships: [], customerSince: undefined });
    expect(codes(qualityFindings(company, NOW))).toEqual(['contact.noRelationship@relationships']);
    expect(codes(qualityFindings(company, NOW, []))).toEqual([
      'contact.noRelationship@relationships',
      'company.noPeople',
    ]);
    expect(codes(qualityFindings(makePerson(), NOW, []))).toEqual([]);
  });
});
