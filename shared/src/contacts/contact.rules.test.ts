import { describe, expect, it } from 'vitest';
import { NOW, makeCompany, makePerson } from './contact.fixtures';
import {
  auditChanges,
  contactInputProblems,
  customerSinceAfter,
  emailProblems,
  inapplicablePatchFields,
  leadStaleness,
  localDate,
  primaryEmail,
  toContactSummary,
} from './contact.rules';

describe('emailProblems and contactInputProblems', () => {
  it.each([
    [[], []],
    [[{ address: 'a@m.de', primary: true }], []],
    [[{ address: 'a@m.de', primary: false }], ['noPrimaryEmail']],
    [
      [
        { address: 'a@m.de', primary: true },
        { address: 'b@m.de', primary: true },
      ],
      ['multiplePrimaryEmails'],
    ],
    [
      [
        { address: 'a@m.de', primary: true },
        { address: ' A@M.DE', primary: false },
      ],
      ['duplicateEmail'],
    ],
  ])('%o → %o', (emails, problems) => {
    expect(emailProblems(emails)).toEqual(problems);
  });

  it('reports fields for the API error', () => {
    expect(
      contactInputProblems({
        emails: [{ address: 'a@m.de', primary: false }],
        lead: { budget: { minEur: 5, maxEur: 1 } },
      }),
    ).toEqual([
      { field: 'emails', code: 'noPrimaryEmail' },
      { field: 'lead.budget', code: 'budgetRange' },
    ]);
    expect(contactInputProblems({ emails: null, lead: null })).toEqual([]);
    expect(contactInputProblems({ lead: { budget: { minEur: 5 } } })).toEqual([]);
  });
});

describe('inapplicablePatchFields', () => {
  it('names the fields the stored kind does not have', () => {
    expect(inapplicablePatchFields('company', { name: 'X', tags: [], firstName: 'Y' })).toEqual(['firstName']);
    expect(inapplicablePatchFields('person', { name: 'X', lastName: 'Y', lead: null })).toEqual(['name']);
  });
});

describe('dates', () => {
  it('uses the Berlin calendar day', () => {
    expect(localDate(new Date('2026-03-14T23:30:00Z'))).toBe('2026-03-15');
    expect(localDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it.each([
    [[], ['customer'], undefined, '2026-03-15'],
    [['lead'], ['lead', 'customer'], undefined, '2026-03-15'],
    [['customer'], ['customer'], undefined, undefined],
    [[], ['customer'], '2020-05-01', '2020-05-01'],
    [['customer'], [], '2020-05-01', '2020-05-01'],
    [[], ['supplier'], null, undefined],
  ] as const)('customerSince %o → %o', (before, after, given, expected) => {
    expect(customerSinceAfter(before, after, given, NOW)).toBe(expected);
  });
});

describe('leadStaleness', () => {
  const lead = (overrides: object) => ({
    relationships: ['lead' as const],
    lead: { status: 'qualifying' as const },
    createdAt: '2026-02-01T00:00:00Z',
    updatedAt: '2026-03-01T00:00:00Z',
    ...overrides,
  });

  it.each([
    ['fresh lead', lead({}), 'fresh'],
    ['open for more than 90 days', lead({ createdAt: '2025-11-01T00:00:00Z' }), 'openTooLong'],
    [
      'untouched for more than 12 months',
      lead({ createdAt: '2024-01-01T00:00:00Z', updatedAt: '2025-03-01T00:00:00Z' }),
      'untouched',
    ],
    [
      'recent activity keeps it touched',
      lead({
        createdAt: '2024-01-01T00:00:00Z',
        updatedAt: '2025-01-01T00:00:00Z',
        lead: { status: 'offer', lastActivityAt: '2026-03-10T00:00:00Z' },
      }),
      'openTooLong',
    ],
    [
      'won leads are not stale',
      lead({ createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z', lead: { status: 'won' } }),
      'fresh',
    ],
    ['not a lead', lead({ relationships: ['customer'], createdAt: '2020-01-01T00:00:00Z' }), 'fresh'],
    ['archived', lead({ createdAt: '2020-01-01T00:00:00Z', archived: { at: 'x' } }), 'fresh'],
  ])('%s', (_case, subject, expected) => {
    expect(leadStaleness(subject, NOW)).toBe(expected);
  });
});

describe('summaries', () => {
  it('maps a person and a company', () => {
    const person = makePerson({
      emails: [
        { address: 'a@m.de', primary: false },
        { address: 'b@m.de', primary: true },
      ],
      lead: { status: 'offer' },
    });
    expect(primaryEmail(person)).toBe('b@m.de');
    expect(toContactSummary(person, 'Muster GmbH')).toEqual({
      id: person.id,
      kind: 'person',
      displayName: 'Max Mustermann',
      contactNumber: person.contactNumber,
      companyName: 'Muster GmbH',
      email: 'b@m.de',
      relationships: ['customer'],
      archived: false,
      leadStatus: 'offer',
    });
    const company = makeCompany({ emails: [] });
    expect(toContactSummary(company)).not.toHaveProperty('email');
    expect(primaryEmail(makePerson({ emails: [{ address: 'only@m.de', primary: false }] }))).toBe('only@m.de');
  });
});

describe('auditChanges', () => {
  it('lists changed top-level fields with before and after', () => {
    const before = {
      version: 1,
      firstName: 'Max',
      tags: ['a'],
      address: { city: 'Berlin', street: 'X' },
      title: 'Dr.',
    };
    const after = {
      version: 2,
      firstName: 'Moritz',
      tags: ['a'],
      address: { street: 'X', city: 'Berlin' },
      position: 'CEO',
    };
    expect(auditChanges(before, after)).toEqual([
      { field: 'firstName', before: 'Max', after: 'Moritz' },
      { field: 'title', before: 'Dr.' },
      { field: 'position', after: 'CEO' },
    ]);
  });

  it('treats creation and absent-vs-undefined sensibly', () => {
    expect(auditChanges(null, { a: 1 })).toEqual([{ field: 'a', after: 1 }]);
    expect(auditChanges({ a: undefined, b: [1, { c: 2 }] }, { b: [1, { c: 2 }] })).toEqual([]);
    expect(auditChanges({ b: [1, 2] }, { b: [2, 1] })).toEqual([{ field: 'b', before: [1, 2], after: [2, 1] }]);
    expect(auditChanges({ b: {} }, { b: [] })).toHaveLength(1);
  });
});
