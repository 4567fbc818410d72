import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_CHANNELS, CONTACT_KINDS, QUALITY_CODES, type QualityCode } from '../../contacts/contact-enums.schema';
import type { QualityFinding } from '../../contacts/contact-query.schema';
import type { Company, Person } from '../../contacts/contact.schema';
import { makeCompany, makeEvent, makePerson, NOW } from '../../contacts/contact.fixtures';
import { companyFindings, contactFindings } from '../../contacts/quality.rules';
import { type FixTarget, fixPermission, fixTargetOf } from './fix-target';

// Findings as the real checklist raises them, one case per place a fix can lead to.
const person = (overrides: Partial<Person>) => contactFindings(makePerson(overrides), NOW);
const company = (overrides: Partial<Company>, people: Person[] = []) => {
  const subject = makeCompany(overrides);
  return [
    ...contactFindings(subject, NOW),
    ...companyFindings(
      subject,
      people.map((p) => ({ ...p, companyId: subject.id })),
    ),
  ];
};
const lead = { relationships: ['lead' as const], customerSince: undefined };

const CASES: Array<[string, QualityFinding[], FixTarget]> = [
  ['contact.noName@lastName', person({ lastName: ' ' }), { action: 'edit', subject: 'contact', field: 'lastName' }],
  ['contact.noName@name', company({ name: ' ' }), { action: 'edit', subject: 'contact', field: 'name' }],
  [
    'contact.noRelationship@relationships',
    person({ relationships: [], customerSince: undefined }),
    { action: 'edit', subject: 'contact', field: 'relationships' },
  ],
  [
    'contact.invalidEmail@emails.1',
    person({
      emails: [
        { address: 'max@muster.de', primary: true },
        { address: 'max@muster', primary: false },
      ],
    }),
    { action: 'edit', subject: 'contact', field: 'emails.1' },
  ],
  [
    'contact.invalidPhone@businessPhones.0',
    person({ businessPhones: ['12'] }),
    { action: 'edit', subject: 'contact', field: 'businessPhones.0' },
  ],
  [
    'contact.invalidPhone@mobilePhone',
    person({ mobilePhone: 'unbekannt' }),
    { action: 'edit', subject: 'contact', field: 'mobilePhone' },
  ],
  [
    'contact.invalidPhone@homePhones.1',
    person({ homePhones: ['030 123456', 'privat'] }),
    { action: 'edit', subject: 'contact', field: 'homePhones.1' },
  ],
  ['contact.noEmail@emails', person({ emails: [] }), { action: 'edit', subject: 'contact', field: 'emails' }],
  [
    'contact.consentWithoutProof@consent.newsletter',
    person({
      consent: {
        channels: {
          email: [],
          phone: [],
          letter: [],
          newsletter: [makeEvent('optIn', '2026-01-01T00:00:00Z', { proof: '' })],
        },
      },
    }),
    { action: 'consent', subject: 'contact', channel: 'newsletter' },
  ],
  [
    'person.noCompany@companyId',
    person({ companyId: undefined, roles: [] }),
    { action: 'edit', subject: 'contact', field: 'companyId' },
  ],
  ['person.noRole@roles', person({ roles: [] }), { action: 'edit', subject: 'contact', field: 'roles' }],
  [
    'person.noPrimaryEmail@emails',
    person({ emails: [{ address: 'a@muster.de', primary: false }] }),
    { action: 'edit', subject: 'contact', field: 'emails' },
  ],
  [
    'person.multiplePrimaryEmails@emails',
    person({
      emails: [
        { address: 'a@muster.de', primary: true },
        { address: 'b@muster.de', primary: true },
      ],
    }),
    { action: 'edit', subject: 'contact', field: 'emails' },
  ],
  [
    'person.duplicateEmail@emails',
    person({
      emails: [
        { address: 'a@muster.de', primary: true },
        { address: 'A@muster.de', primary: false },
      ],
    }),
    { action: 'edit', subject: 'contact', field: 'emails' },
  ],
  ['company.noPeople', company({}), { action: 'addPerson', subject: 'contact' }],
  [
    'company.noDecisionMaker@roles',
    company({}, [makePerson({ roles: ['billingContact'] })]),
    { action: 'assignRole', subject: 'contact', role: 'decisionMaker' },
  ],
  [
    'company.noBillingContact@roles',
    company({}, [makePerson({ roles: ['decisionMaker'] })]),
    { action: 'assignRole', subject: 'contact', role: 'billingContact' },
  ],
  [
    'company.incompleteContactData@emails',
    company({ emails: [], businessPhones: [] }, [makePerson({ roles: ['decisionMaker', 'billingContact'] })]),
    { action: 'edit', subject: 'contact', field: 'emails' },
  ],
  [
    'company.incompleteContactData@address.city',
    company({ address: { street: 'Weg 1' } }, [makePerson({ roles: ['decisionMaker', 'billingContact'] })]),
    { action: 'edit', subject: 'contact', field: 'address.city' },
  ],
  [
    'customer.noCustomerSince@customerSince',
    person({ customerSince: undefined }),
    { action: 'edit', subject: 'contact', field: 'customerSince' },
  ],
  ['lead.noLeadData@lead', person(lead), { action: 'edit', subject: 'contact', field: 'lead.source' }],
  [
    'lead.noStatus@lead.status',
    person({ ...lead, lead: { source: 'website' } }),
    { action: 'edit', subject: 'contact', field: 'lead.status' },
  ],
  [
    'lead.noSource@lead.source',
    person({ ...lead, lead: { status: 'new' } }),
    { action: 'edit', subject: 'contact', field: 'lead.source' },
  ],
  [
    'lead.invalidBudget@lead.budget',
    person({ lead: { budget: { minEur: 9000, maxEur: 1000 } } }),
    { action: 'edit', subject: 'contact', field: 'lead.budget' },
  ],
  [
    'lead.stale@lead',
    person({
      ...lead,
      lead: { status: 'new', source: 'website' },
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-12-01T00:00:00Z',
    }),
    { action: 'lead', subject: 'contact' },
  ],
];

const key = (finding: QualityFinding) => (finding.field ? `${finding.code}@${finding.field}` : finding.code);

describe('fixTargetOf', () => {
  it.each(CASES)('%s', (name, findings, expected) => {
    const finding = findings.find((f) => key(f) === name);
    expect(finding, `the checklist raises ${name}`).toBeDefined();
    expect(fixTargetOf(finding as QualityFinding, name.startsWith('company.') ? 'company' : 'person')).toEqual(
      expected,
    );
  });

  it('has a case for every QualityCode', () => {
    const covered = new Set(CASES.map(([name]) => name.split('@')[0]));
    expect(QUALITY_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('fixes a company finding on a person card at the company', () => {
    const finding: QualityFinding = {
      code: 'company.incompleteContactData',
      severity: 'warning',
      field: 'address.city',
      messageKey: 'quality.company.incompleteContactData',
    };
    expect(fixTargetOf(finding, 'person')).toEqual({ action: 'edit', subject: 'company', field: 'address.city' });
    expect(fixTargetOf({ ...finding, code: 'company.noPeople' }, 'person')).toEqual({
      action: 'addPerson',
      subject: 'company',
    });
  });

  it('gives every code, field and kind a well-formed target', () => {
    const field = fc.option(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('emails', 'emails.0', 'emails.99', 'consent.fax', 'consent.phone', 'lead', 'address.city'),
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(fc.constantFrom(...QUALITY_CODES), field, fc.constantFrom(...CONTACT_KINDS), (code, f, kind) => {
        const finding: QualityFinding = {
          code: code as QualityCode,
          severity: 'warning',
          messageKey: `quality.${code}`,
          ...(f === undefined ? {} : { field: f }),
        };
        const target = fixTargetOf(finding, kind);
        expect(target.subject).toBe(code.startsWith('company.') && kind === 'person' ? 'company' : 'contact');
        if (target.action === 'edit') {
          // The finding's own field, or the code's default field when it names none the editor knows.
          const { field: _own, ...withoutField } = finding;
          const fallback = fixTargetOf(withoutField, kind);
          expect(fallback.action).toBe('edit');
          if (fallback.action === 'edit') expect([f, fallback.field]).toContain(target.field);
          // Either way a word path, with at most a one- or two-digit list index.
          expect(target.field).toMatch(/^[A-Za-z]+(\.[A-Za-z]+)*(\.\d{1,2})?$/);
        }
        if (target.action === 'consent') expect(CONSENT_CHANNELS).toContain(target.channel);
        if (target.action === 'consent' && f?.startsWith('consent.')) {
          const named = f.slice('consent.'.length);
          if ((CONSENT_CHANNELS as readonly string[]).includes(named)) expect(target.channel).toBe(named);
        }
      }),
    );
  });
});

describe('fixPermission', () => {
  it('asks for consent:write to record consent and contacts:write for everything else', () => {
    expect(CASES.map(([name, , target]) => `${name.split('@')[0]} ${fixPermission(target)}`)).toEqual(
      CASES.map(([name]) =>
        name.startsWith('contact.consentWithoutProof')
          ? `${name.split('@')[0]} consent:write`
          : `${name.split('@')[0]} contacts:write`,
      ),
    );
  });
});
