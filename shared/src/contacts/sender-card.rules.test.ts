import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGivenName } from './given-names.data';
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
  // A single known given name before an ambiguous form ("Jens AG") is a person: see below.
  const baseName = fc
    .array(fc.stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{2,10}$/), { minLength: 1, maxLength: 3 })
    .filter((words) => words.length > 1 || !isGivenName(words[0] ?? ''))
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

describe('createSuggestion: firms, brands and the people they are taken for', () => {
  const company = (displayName: string, email: string) => createSuggestion({ email, displayName });

  it.each([
    // A bracket or place after the legal form is the firm's seat, not a person; a bracket before
    // the form is part of the firm's name.
    ['Neue Firma AG (CH)', 'info@neue-firma.ch', 'Neue Firma AG'],
    ['Neue Firma (Schweiz) AG', 'info@neue-firma.ch', 'Neue Firma (Schweiz) AG'],
    ['Neue Firma GmbH, Hamburg', 'info@neue-firma.de', 'Neue Firma GmbH'],
    ['Neue Firma GmbH (Hamburg)', 'info@neue-firma.de', 'Neue Firma GmbH'],
    ['Neue Firma Oy', 'info@neue-firma.fi', 'Neue Firma Oy'],
    ['MUSTER AG', 'x@muster.de', 'MUSTER AG'],
    ['Müller & Söhne', 'info@mueller.de', 'Müller & Söhne'],
    ['Müller & Partner', 'info@mueller.de', 'Müller & Partner'],
    ['Gebr. Müller', 'x@mueller.de', 'Gebr. Müller'],
    // A business word in front: a practice, an office, a shop is the company
    ['Praxis Dr. Schmidt', 'info@praxis-schmidt.de', 'Praxis Dr. Schmidt'],
    ['Zahnarztpraxis Dr. Anna Schmidt', 'info@praxis-schmidt.de', 'Zahnarztpraxis Dr. Anna Schmidt'],
    ['Bäckerei Huber', 'info@baeckerei-huber.de', 'Bäckerei Huber'],
    ['Stadtwerke München', 'service@swm.de', 'Stadtwerke München'],
    // A brand from a function address
    ['Musterbau', 'info@musterbau.de', 'Musterbau'],
    ['Deutsche Bahn', 'noreply@bahn.de', 'Deutsche Bahn'],
    ['SharePoint Online', 'no-reply@sharepointonline.com', 'SharePoint Online'],
    ['Amazon.de', 'versandbestaetigung@amazon.de', 'Amazon.de'],
  ])('%j <%s> is the company %j, no person', (displayName, email, companyName) => {
    const suggestion = company(displayName, email);
    expect(suggestion).toMatchObject({ kind: 'company', companyName });
    expect(suggestion).not.toHaveProperty('firstName');
    expect(suggestion).not.toHaveProperty('lastName');
    expect(suggestion).not.toHaveProperty('salutation');
  });

  it('takes the company by domain for a product name from a no-reply address', () => {
    expect(company('Microsoft Teams', 'noreply@email.teams.microsoft.com')).toEqual({
      kind: 'company',
      email: 'noreply@email.teams.microsoft.com',
      freeMail: false,
      companyName: 'Microsoft',
    });
  });

  it('keeps the person a practice names when the address is theirs', () => {
    expect(company('Praxis Dr. Schmidt', 'anna.schmidt@praxis-schmidt.de')).toMatchObject({
      kind: 'person',
      firstName: 'Anna',
      lastName: 'Schmidt',
      companyName: 'Praxis Dr. Schmidt',
    });
  });

  it.each<[string, string, Record<string, string>]>([
    ['Anna Sas', 'anna@muster.fr', { firstName: 'Anna', lastName: 'Sas' }],
    ['Frau Sas', 'x@muster.de', { salutation: 'Frau', lastName: 'Sas' }],
    ['Sas, Ilona', 'x@muster.de', { firstName: 'Ilona', lastName: 'Sas', companyName: 'Muster' }],
    ['Markus Egen', 'x@muster.de', { firstName: 'Markus', lastName: 'Egen' }],
    ['Thomas Gug', 'x@muster.de', { firstName: 'Thomas', lastName: 'Gug' }],
    ['JENS AG', 'x@muster.de', { firstName: 'Jens', lastName: 'Ag' }],
    ['MARIA SE', 'x@muster.de', { firstName: 'Maria', lastName: 'Se' }],
    ['KIM SA', 'x@muster.de', { firstName: 'Kim', lastName: 'Sa' }],
    ['EVA AS', 'x@muster.de', { firstName: 'Eva', lastName: 'As' }],
    ['ANNA EG', 'x@muster.de', { firstName: 'Anna', lastName: 'Eg' }],
    ['Max Mustermann', 'info@mustermann.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Herr Mustermann', 'info@mustermann.de', { salutation: 'Herr', lastName: 'Mustermann' }],
    ['Mustermann, Max', 'info@mustermann.de', { firstName: 'Max', lastName: 'Mustermann' }],
  ])('%j <%s> is a person', (displayName, email, expected) => {
    const suggestion = company(displayName, email);
    expect(suggestion).toMatchObject({ kind: 'person', ...expected });
  });

  it('answers "HR Musterbau" <hr@…> as a function of the company, not as "Herr Musterbau"', () => {
    expect(company('HR Musterbau', 'hr@musterbau.de')).toEqual({
      kind: 'company',
      email: 'hr@musterbau.de',
      freeMail: false,
      companyName: 'Musterbau',
    });
  });

  const given = fc.constantFrom('Anna', 'Jens', 'Maria', 'Kim', 'Eva', 'Markus', 'Thomas', 'Ilona', 'Li');
  const ambiguous = fc.constantFrom('Sas', 'Sa', 'As', 'Se', 'Ag', 'Eg', 'Egen', 'Gug', 'Ab', 'Oy', 'Kg', 'Ug', 'Og');
  const salutation = fc.constantFrom('', 'Herr ', 'Frau ');

  it("keeps any given name or salutation before an ambiguous legal form in a name's case a person", () => {
    fc.assert(
      fc.property(salutation, given, ambiguous, (s, first, form) => {
        for (const displayName of [`${s}${first} ${form}`, `${s}${first.toUpperCase()} ${form.toUpperCase()}`]) {
          const suggestion = createSuggestion({ email: 'x@muster.de', displayName });
          expect(suggestion?.kind, displayName).toBe('person');
          expect(suggestion?.lastName?.toLowerCase(), displayName).toBe(form.toLowerCase());
        }
        expect(createSuggestion({ email: 'x@muster.de', displayName: `${s}${form}` })?.kind).toBe('person');
      }),
    );
  });
});
