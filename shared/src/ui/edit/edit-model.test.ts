import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEAD_SOURCES, LEAD_STATUSES, RELATIONSHIPS, ROLES, SALUTATIONS } from '../../contacts/contact-enums.schema';
import { makeCompany, makePerson } from '../../contacts/contact.fixtures';
import type { Company, Contact, Person } from '../../contacts/contact.schema';
import {
  addressOf,
  cleanEmails,
  draftOf,
  duplicateProbe,
  type EditDraft,
  identityChanged,
  parseEuros,
  parseTags,
  patchFor,
  pendingCompany,
  rebase,
} from './edit-model';

const max = () =>
  makePerson({ id: '0123456789abcdef01234567', position: 'Geschäftsführer', tags: ['VIP'], ownerId: 'u1' });
const edit = (contact: Contact, changes: Partial<EditDraft>, companyName = 'Muster GmbH') => {
  const base = draftOf(contact, companyName);
  return patchFor(contact.kind, base, { ...base, ...changes });
};

describe('patchFor: what a save sends', () => {
  it('sends nothing without a change, and nothing for an empty row added and left', () => {
    const contact = max();
    const base = draftOf(contact);
    expect(patchFor('person', base, base)).toBeUndefined();
    expect(edit(contact, { emails: [...base.emails, { address: ' ', primary: false }], homePhones: [''] })).toBe(
      undefined,
    );
  });

  it('sends the names, trimmed, and null for a cleared optional one', () => {
    expect(edit(max(), { firstName: ' Maximilian ', title: 'Dr.', salutation: 'divers' })).toEqual({
      firstName: 'Maximilian',
      title: 'Dr.',
      salutation: 'divers',
    });
    expect(edit(max(), { firstName: '', position: '  ' })).toEqual({ firstName: null, position: null });
    expect(edit(makeCompany({ industry: 'Bau' }), { name: 'Muster AG', industry: '' })).toEqual({
      name: 'Muster AG',
      industry: null,
    });
  });

  it('links, relinks and unlinks the company; a company still to be created waits for the save', () => {
    const contact = max();
    expect(edit(contact, { company: { id: 'b'.repeat(24), name: 'Beispiel AG' } })).toEqual({
      companyId: 'b'.repeat(24),
    });
    expect(edit(contact, { company: null })).toEqual({ companyId: null });
    // Only the name shown differs: the same link.
    expect(edit(contact, { company: { id: 'a'.repeat(24), name: 'Anders' } })).toBeUndefined();
    const base = draftOf(contact);
    const draft = { ...base, company: { id: '', name: 'Neu GmbH' } };
    expect(patchFor('person', base, draft)).toBeUndefined();
    expect(pendingCompany('person', draft)).toBe('Neu GmbH');
    expect(pendingCompany('company', draft)).toBeUndefined();
  });

  it('keeps exactly one primary e-mail address', () => {
    const two = [
      { address: 'max@muster.de', primary: false },
      { address: ' max@privat.de ', primary: true },
    ];
    expect(edit(max(), { emails: two })).toEqual({
      emails: [
        { address: 'max@muster.de', primary: false },
        { address: 'max@privat.de', primary: true },
      ],
    });
    // The primary row emptied: the first address left becomes primary.
    expect(
      cleanEmails([
        { address: 'a@x.de', primary: false },
        { address: '', primary: true },
        { address: 'b@x.de', primary: false },
      ]),
    ).toEqual([
      { address: 'a@x.de', primary: true },
      { address: 'b@x.de', primary: false },
    ]);
    expect(edit(max(), { emails: [{ address: '', primary: true }] })).toEqual({ emails: [] });
  });

  it('sends phones without blank entries and null for a cleared mobile number', () => {
    const contact = makePerson({ mobilePhone: '0171 1234567', businessPhones: ['030 1234'] });
    expect(edit(contact, { businessPhones: ['030 1234', ' 030 5678 '], homePhones: ['', '089 11'] })).toEqual({
      businessPhones: ['030 1234', '030 5678'],
      homePhones: ['089 11'],
    });
    expect(edit(contact, { mobilePhone: '', businessPhones: [''] })).toEqual({ mobilePhone: null, businessPhones: [] });
  });

  it('sends the address as a whole, and null when only the default country is left', () => {
    const company = makeCompany();
    expect(edit(company, { city: 'Potsdam', postcode: '14467' })).toEqual({
      address: { street: 'Musterstraße 1', postcode: '14467', city: 'Potsdam', country: 'DE' },
    });
    expect(edit(company, { street: '', postcode: '', city: '' })).toEqual({ address: null });
    expect(edit(company, { street: '', postcode: '', city: '', country: 'AT' })).toEqual({
      address: { country: 'AT' },
    });
    expect(addressOf({ street: ' ', postcode: '', city: '', country: '' })).toBeNull();
  });

  it('sends the website and the owner; the owner cannot be removed', () => {
    expect(edit(max(), { website: ' muster.de ', ownerId: 'u2' })).toEqual({ website: 'muster.de', ownerId: 'u2' });
    expect(edit(max(), { ownerId: '' })).toBeUndefined();
    expect(edit(makeCompany({ website: 'muster.de' }), { website: '' })).toEqual({ website: null });
  });

  it('sends the lead as a whole, budgets as whole euros, and never person fields for a company', () => {
    const company = makeCompany({ relationships: ['lead'], lead: { status: 'new', source: 'website' } });
    expect(
      edit(company, { leadSource: 'tradeFair', budgetMin: '10.000', budgetMax: '25 000 €', roles: ['billingContact'] }),
    ).toEqual({ lead: { status: 'new', source: 'tradeFair', budget: { minEur: 10000, maxEur: 25000 } } });
    expect(edit(company, { leadSource: '', leadStatus: '' })).toEqual({ lead: null });
    expect(edit(max(), { customerSince: '' })).toEqual({ customerSince: null });
    expect(edit(max(), { tags: 'VIP, Messe, VIP ,', specifics: 'Nur per E-Mail' })).toEqual({
      tags: ['VIP', 'Messe'],
      notes: { specifics: 'Nur per E-Mail' },
    });
  });
});

describe('parseEuros and parseTags', () => {
  it.each([
    ['10000', 10000],
    ['10.000', 10000],
    ['10 000 €', 10000],
    ['1.250.000,00', 1250000],
    ['5.000,-', 5000],
    ['10,000', 10000],
    ['', undefined],
    ['  ', undefined],
  ])('reads %j as %j', (text, euros) => expect(parseEuros(text)).toBe(euros));

  it.each(['1,5', 'zehn', '-5', '10.00', '1.5'])('refuses %j', (text) => expect(parseEuros(text)).toBeNaN());

  it('trims tags, drops empties and duplicates', () => {
    expect(parseTags(' a, b ,,a ')).toEqual(['a', 'b']);
  });
});

describe('duplicate check', () => {
  it('runs when a name or an address changes, not for the case of an address or other fields', () => {
    const contact = max();
    const base = draftOf(contact);
    const changed = (changes: Partial<EditDraft>) => identityChanged('person', base, { ...base, ...changes });
    expect(changed({ lastName: 'Meyer' })).toBe(true);
    expect(changed({ emails: [...base.emails, { address: 'max@privat.de', primary: false }] })).toBe(true);
    expect(changed({ emails: [{ address: 'MAX.MUSTERMANN@muster.de', primary: true }] })).toBe(false);
    expect(changed({ position: 'Inhaber', mobilePhone: '0171 1' })).toBe(false);
    expect(identityChanged('company', draftOf(makeCompany()), { ...draftOf(makeCompany()), name: 'Muster AG' })).toBe(
      true,
    );
  });

  it('asks with the edited values and leaves the contact itself out', () => {
    const contact = max();
    const draft = { ...draftOf(contact), lastName: 'Meier', title: 'Dr.' };
    expect(duplicateProbe(contact, draft)).toEqual({
      kind: 'person',
      salutation: 'Herr',
      firstName: 'Max',
      lastName: 'Meier',
      title: 'Dr.',
      companyId: 'a'.repeat(24),
      emails: [{ address: 'max.mustermann@muster.de', primary: true }],
      excludeId: contact.id,
    });
  });
});

describe('rebase', () => {
  it('keeps the user’s changes over the newer version and names contested fields', () => {
    const contact = max();
    const base = draftOf(contact, 'Muster GmbH');
    const draft = { ...base, specifics: 'Nur per E-Mail', position: 'Inhaber', city: 'Köln' };
    const latest = { ...contact, version: 4, position: 'Gesellschafter', department: 'Leitung' } as Contact;
    const next = rebase(base, draft, latest);
    expect(next.draft).toMatchObject({ specifics: 'Nur per E-Mail', position: 'Inhaber', department: 'Leitung' });
    expect(next.draft.company).toEqual({ id: 'a'.repeat(24), name: 'Muster GmbH' });
    expect(next.conflicts).toEqual(['position']);
    expect(patchFor('person', next.base, next.draft)).toEqual({
      position: 'Inhaber',
      address: { city: 'Köln', country: 'DE' },
      notes: { specifics: 'Nur per E-Mail' },
    });
  });
});

// Property: what the form shows of a contact, saved unchanged, sends nothing; and whatever the
// form holds, the patch brings a contact to exactly that (the API applies a patch field by
// field: null deletes, `notes` sets the specifics, anything else replaces the field).

function applyPatch(contact: Contact, patch: Record<string, unknown> | undefined): Contact {
  const next = structuredClone(contact) as Record<string, unknown>;
  for (const [field, value] of Object.entries(patch ?? {})) {
    if (field === 'notes') (next.notes as { specifics: string }).specifics = (value as { specifics: string }).specifics;
    else if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as Contact;
}

const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüß][A-Za-zäöüß .'-]{0,18}[a-zäöü]$/);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const email = fc
  .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom('muster.de', 'beispiel.com', 'xn--mller-kva.de'))
  .map(([local, domain]) => `${local}@${domain}`);
const emails = fc
  .uniqueArray(email, { maxLength: 3 })
  .chain((list) =>
    fc.nat({ max: Math.max(0, list.length - 1) }).map((p) => list.map((address, i) => ({ address, primary: i === p }))),
  );
const phone = fc.stringMatching(/^0[1-9]\d{2,4} \d{3,7}$/);
const address = maybe(
  fc.record(
    {
      street: word,
      postcode: fc.stringMatching(/^\d{4,5}$/),
      city: word,
      country: fc.constantFrom('DE', 'AT', 'CH', 'FR'),
    },
    { requiredKeys: ['country'] },
  ),
);
const lead = maybe(
  fc.record(
    {
      source: fc.constantFrom(...LEAD_SOURCES),
      sourceDetail: word,
      status: fc.constantFrom(...LEAD_STATUSES),
      nextSteps: word,
      budget: fc.record({ minEur: fc.nat(), maxEur: fc.nat() }, { requiredKeys: [] }),
      timeframe: word,
    },
    { requiredKeys: [] },
  ),
);
const common = {
  emails,
  businessPhones: fc.array(phone, { maxLength: 2 }),
  mobilePhone: maybe(phone),
  homePhones: fc.array(phone, { maxLength: 2 }),
  address,
  website: maybe(fc.stringMatching(/^[a-z]{2,10}\.(de|com)$/)),
  ownerId: fc.constantFrom('u1', 'u2', 'user-3'),
  relationships: fc.subarray([...RELATIONSHIPS]),
  customerSince: maybe(fc.constantFrom('2019-03-01', '2024-12-31')),
  tags: fc.uniqueArray(word, { maxLength: 4 }),
  specifics: fc.string({ maxLength: 40 }),
  lead,
};

const person = fc
  .record({
    ...common,
    salutation: fc.constantFrom(...SALUTATIONS),
    title: maybe(word),
    firstName: maybe(word),
    lastName: word,
    companyId: maybe(fc.constantFrom('a'.repeat(24), 'b'.repeat(24))),
    position: maybe(word),
    department: maybe(word),
    roles: fc.subarray([...ROLES]),
  })
  .map(({ specifics, ...fields }) =>
    makePerson({ ...fields, notes: { specifics, history: [], openItems: [], free: [] } } as Partial<Person>),
  );
const company = fc
  .record({ ...common, name: word, industry: maybe(word) })
  .map(({ specifics, ...fields }) =>
    makeCompany({ ...fields, notes: { specifics, history: [], openItems: [], free: [] } } as Partial<Company>),
  );
// A stored contact leaves an absent optional field out (the builders' defaults are overridden).
const stored = (arb: fc.Arbitrary<Contact>, fields: readonly string[]) =>
  arb.map((contact) => {
    const clean = { ...contact } as Record<string, unknown>;
    for (const field of fields) if (clean[field] === undefined) delete clean[field];
    return clean as Contact;
  });
const optional = [
  'mobilePhone',
  'address',
  'website',
  'customerSince',
  'lead',
  'companyId',
  'title',
  'firstName',
  'position',
  'department',
  'industry',
];
const pairs = fc.oneof(
  fc.tuple(stored(person, optional), stored(person, optional)),
  fc.tuple(stored(company, optional), stored(company, optional)),
);

describe('draftOf and patchFor (properties)', () => {
  it('a contact saved without edits sends nothing', () => {
    fc.assert(
      fc.property(pairs, ([contact]) => {
        const base = draftOf(contact, 'Firma');
        expect(patchFor(contact.kind, base, structuredClone(base))).toBeUndefined();
      }),
    );
  });

  it('the patch brings the contact to the values the form holds', () => {
    fc.assert(
      fc.property(pairs, ([contact, edited]) => {
        const draft = draftOf(edited);
        const patch = patchFor(contact.kind, draftOf(contact), draft);
        expect(draftOf(applyPatch(contact, patch))).toEqual(draft);
      }),
    );
  });
});
