import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyNameFromDomain, createSuggestion } from './sender-card.rules';

describe('createSuggestion', () => {
  it('prefills an unknown business sender', () => {
    expect(createSuggestion({ email: 'Max.Mustermann@Muster-Bau.de', displayName: 'Dr. Max Mustermann' })).toEqual({
      kind: 'person',
      title: 'Dr.',
      firstName: 'Max',
      lastName: 'Mustermann',
      email: 'max.mustermann@muster-bau.de',
      freeMail: false,
      companyName: 'Muster-Bau',
    });
  });

  it('uses the company matched by domain', () => {
    expect(
      createSuggestion({
        email: 'e.musterfrau@muster.de',
        displayName: 'Frau Musterfrau',
        company: { id: 'a'.repeat(24), name: 'Muster GmbH' },
      }),
    ).toEqual({
      kind: 'person',
      salutation: 'Frau',
      lastName: 'Musterfrau',
      email: 'e.musterfrau@muster.de',
      freeMail: false,
      companyId: 'a'.repeat(24),
      companyName: 'Muster GmbH',
    });
  });

  it('guesses no company for free-mail senders and no name for role mailboxes', () => {
    expect(createSuggestion({ email: 'anna.schmidt@gmx.de' })).toEqual({
      kind: 'person',
      firstName: 'Anna',
      lastName: 'Schmidt',
      email: 'anna.schmidt@gmx.de',
      freeMail: true,
    });
    expect(createSuggestion({ email: 'info@muster.de' })).toEqual({
      kind: 'company',
      email: 'info@muster.de',
      freeMail: false,
      companyName: 'Muster',
    });
  });

  it('refuses unusable addresses', () => {
    expect(createSuggestion({ email: '/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=abc' })).toBeNull();
    expect(createSuggestion({ email: '' })).toBeNull();
  });
});

const MUSTER = { id: 'a'.repeat(24), name: 'Muster GmbH' };

describe('createSuggestion: a company named in the display name is the company', () => {
  it('suggests the company of the issue: "Neue Firma GmbH" <info@neue-firma.de>', () => {
    expect(createSuggestion({ email: 'info@neue-firma.de', displayName: 'Neue Firma GmbH' })).toEqual({
      kind: 'company',
      email: 'info@neue-firma.de',
      freeMail: false,
      companyName: 'Neue Firma GmbH',
    });
  });

  it.each([
    ['Muster & Söhne KG', 'info@muster-soehne.de', 'Muster & Söhne KG'],
    ['Beispiel e.K.', 'kontakt@beispiel.de', 'Beispiel e.K.'],
    ['"Muster UG (haftungsbeschränkt)"', 'office@muster.de', 'Muster UG (haftungsbeschränkt)'],
    ['Muster GmbH', 'info@muster.de', 'Muster GmbH'],
    ['Samsung Co., Ltd.', 'info@samsung.com', 'Samsung Co., Ltd.'],
    ['Muster GmbH | Vertrieb', 'vertrieb@muster.de', 'Muster GmbH'],
    ['Muster Holding AG', 'muster.holding@gmail.com', 'Muster Holding AG'],
  ])('%j <%s> is the company %j', (displayName, email, companyName) => {
    const suggestion = createSuggestion({ email, displayName });
    expect(suggestion).toMatchObject({ kind: 'company', companyName });
    expect(suggestion).not.toHaveProperty('firstName');
    expect(suggestion).not.toHaveProperty('lastName');
  });

  it('keeps a person and takes the company the display name names beside them', () => {
    expect(
      createSuggestion({ email: 'max.mustermann@muster.de', displayName: 'Mustermann, Max (Muster Bau GmbH)' }),
    ).toEqual({
      kind: 'person',
      firstName: 'Max',
      lastName: 'Mustermann',
      email: 'max.mustermann@muster.de',
      freeMail: false,
      companyName: 'Muster Bau GmbH',
    });
    expect(createSuggestion({ email: 'max.mustermann@muster.de', displayName: 'Muster GmbH' })).toMatchObject({
      kind: 'person',
      firstName: 'Max',
      lastName: 'Mustermann',
      companyName: 'Muster GmbH',
    });
  });

  it('keeps the company matched by domain', () => {
    expect(
      createSuggestion({ email: 'info@muster.de', displayName: 'Muster Vertriebs GmbH', company: MUSTER }),
    ).toEqual({
      kind: 'company',
      email: 'info@muster.de',
      freeMail: false,
      companyId: MUSTER.id,
      companyName: MUSTER.name,
    });
  });

  const legalForm = fc.constantFrom(
    'GmbH',
    'AG',
    'KG',
    'e.K.',
    'UG (haftungsbeschränkt)',
    'GmbH & Co. KG',
    'e.V.',
    'OHG',
    'GbR',
    'SE',
    'mbH',
    'eG',
    'KGaA',
    'PartG mbB',
    'Ltd.',
    'Inc.',
  );
  const baseName = fc
    .array(fc.stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{2,10}$/), { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' '));

  it('suggests any "Name + legal form" as the company, not a person', () => {
    fc.assert(
      fc.property(baseName, legalForm, fc.constantFrom('info', 'kontakt', 'office', 'anfrage'), (base, form, local) => {
        const displayName = `${base} ${form}`;
        const suggestion = createSuggestion({ email: `${local}@beispiel-firma.de`, displayName });
        expect(suggestion).toMatchObject({ kind: 'company', companyName: displayName });
        expect(suggestion?.firstName ?? suggestion?.lastName).toBeUndefined();
      }),
    );
  });
});

describe('createSuggestion: function mailboxes and mailing lists', () => {
  it.each([
    ['"Geschäftsleitung"', 'geschaeftsleitung@muster.de'],
    ['"Alle Mitarbeiter"', 'alle@muster.de'],
    ['Buchhaltung', 'rechnungseingang@muster.de'],
    ['Ihr Team von Muster', 'noreply@muster.de'],
  ])('%j <%s> is a function of the company: no person, the company by domain', (displayName, email) => {
    expect(createSuggestion({ email, displayName, company: MUSTER })).toEqual({
      kind: 'company',
      email,
      freeMail: false,
      companyId: MUSTER.id,
      companyName: MUSTER.name,
    });
    expect(createSuggestion({ email, displayName })).toEqual({
      kind: 'company',
      email,
      freeMail: false,
      companyName: 'Muster',
    });
  });

  it('binds no person to a list address and guesses no company from a list host', () => {
    expect(
      createSuggestion({ email: 'muster-liste@googlegroups.com', displayName: "'Max Mustermann' via Muster-Liste" }),
    ).toEqual({ email: 'muster-liste@googlegroups.com', freeMail: expect.any(Boolean) });
    expect(createSuggestion({ email: 'muster@lists.muster.org', displayName: 'Max Mustermann via Muster' })).toEqual({
      email: 'muster@lists.muster.org',
      freeMail: false,
    });
    expect(createSuggestion({ email: 'projekt-x@groups.io', displayName: 'Projekt X' })).toEqual({
      email: 'projekt-x@groups.io',
      freeMail: false,
    });
    // A list on the company's own domain: no person, but the company is still the domain's.
    expect(
      createSuggestion({ email: 'vertrieb-intern@muster.de', displayName: "'Max Mustermann' via Vertrieb" }),
    ).toEqual({ email: 'vertrieb-intern@muster.de', freeMail: false, companyName: 'Muster' });
  });

  const listHost = fc.constantFrom('googlegroups.com', 'groups.io', 'freelists.org', 'lists.muster.org');
  const member = fc.constantFrom("'Max Mustermann'", 'Max Mustermann', 'Mustermann, Max', "'Erika Musterfrau'");
  const listName = fc.constantFrom('Muster-Liste', 'Vertrieb', 'Projekt X', 'muster-users');

  it('suggests neither a person nor a company for any member name via any list', () => {
    fc.assert(
      fc.property(member, listName, listHost, (name, list, host) => {
        const local = list.toLowerCase().replace(/ /g, '-');
        for (const displayName of [`${name} via ${list}`, `${name} (via ${list})`]) {
          expect(createSuggestion({ email: `${local}@${host}`, displayName }), displayName).toEqual({
            email: `${local}@${host}`,
            freeMail: expect.any(Boolean),
          });
        }
      }),
    );
  });
});

describe('companyNameFromDomain', () => {
  it.each([
    ['muster.de', 'Muster'],
    ['mail.muster-bau.de', 'Muster-Bau'],
    ['muster.co.uk', 'Muster'],
    ['localhost', undefined],
    ['123.de', undefined],
    ['muster.onmicrosoft.com', 'Muster'],
    ['Muster-Bau.onmicrosoft.com', 'Muster-Bau'],
  ])('%j → %j', (domain, expected) => {
    expect(companyNameFromDomain(domain)).toBe(expected);
  });
});
