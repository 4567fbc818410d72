import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParsedName, parseDisplayName } from './name-parser.rules';

describe('parseDisplayName', () => {
  it.each<[string, string, ParsedName]>([
    ['Max Mustermann', 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max', 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Dr. Max', '', { title: 'Dr.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Dr. Max Mustermann', '', { title: 'Dr.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Prof. Dr. Erika Musterfrau', '', { title: 'Prof. Dr.', firstName: 'Erika', lastName: 'Musterfrau' }],
    ['Dr. med. Max Mustermann', '', { title: 'Dr. med.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Dipl.-Ing. Max Mustermann', '', { title: 'Dipl.-Ing.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Herr Max Mustermann', '', { salutation: 'Herr', firstName: 'Max', lastName: 'Mustermann' }],
    ['Frau Dr. Erika Musterfrau', '', { salutation: 'Frau', title: 'Dr.', firstName: 'Erika', lastName: 'Musterfrau' }],
    ['Max von Mustermann', '', { firstName: 'Max', lastName: 'von Mustermann' }],
    ['Ursula von der Leyen', '', { firstName: 'Ursula', lastName: 'von der Leyen' }],
    ['Max Peter Mustermann', '', { firstName: 'Max Peter', lastName: 'Mustermann' }],
    ['"Max Mustermann"', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ["'Max Mustermann'", '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['„Max Mustermann“', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['MUSTERMANN Max', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['MAX MUSTERMANN', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ["O'BRIEN Sean", '', { firstName: 'Sean', lastName: "O'Brien" }],
    ['anna-lena müller', '', { firstName: 'Anna-Lena', lastName: 'Müller' }],
    ['Max McDonald', '', { firstName: 'Max', lastName: 'McDonald' }],
    ['Max Mustermann (Muster GmbH)', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann | Muster GmbH', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann - Vertrieb', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann <max@muster.de>', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann, MBA', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['M. Mustermann', '', { lastName: 'Mustermann' }],
    ['M. Mustermann', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Herr Mustermann', 'max.mustermann@muster.de', { salutation: 'Herr', firstName: 'Max', lastName: 'Mustermann' }],
    ['Max', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Müller', 'anna.mueller@muster.de', { firstName: 'Anna', lastName: 'Müller' }],
    ['Mustermann', '', { lastName: 'Mustermann' }],
    ['Mustermann Max', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann Max', '', { firstName: 'Mustermann', lastName: 'Max' }],
    // Display name is the address, or empty: the local part speaks
    ['max.mustermann@muster.de', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'Max.Mustermann@Muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'm.mustermann@muster.de', { lastName: 'Mustermann' }],
    ['', 'max.m@muster.de', { firstName: 'Max' }],
    ['', 'max_mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'max-mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'anna-lena.mueller@muster.de', { firstName: 'Anna-Lena', lastName: 'Mueller' }],
    ['', 'anna-lena-mueller@muster.de', {}],
    ['', 'max.von.mustermann@muster.de', { firstName: 'Max', lastName: 'von Mustermann' }],
    ['', 'max.mustermann+crm@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'max.mustermann2@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'mustermann@muster.de', {}],
    ['   ', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    // Role mailboxes and organisations: no person name
    ...[
      'info',
      'kontakt',
      'vertrieb',
      'office',
      'buchhaltung',
      'rechnung',
      'noreply',
      'no-reply',
      'support',
      'sales',
      'hello',
      'team',
      'service',
      'mail',
      'post',
      'admin',
    ].map((role): [string, string, ParsedName] => ['', `${role}@muster.de`, {}]),
    ['Info', 'info@muster.de', {}],
    ['Vertrieb Muster', 'vertrieb@muster.de', {}],
    ['Muster GmbH', 'info@muster.de', {}],
    ['Muster GmbH', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', '', {}],
    ['Dr.', '', {}],
  ])('%j <%s> → %o', (displayName, email, expected) => {
    expect(parseDisplayName(displayName, email)).toEqual(expected);
  });

  it('accepts missing arguments', () => {
    expect(parseDisplayName(undefined)).toEqual({});
    expect(parseDisplayName(null, null)).toEqual({});
  });

  it('never throws and never returns empty or blank names', () => {
    const nameLike = fc
      .array(
        fc.oneof(
          fc.constantFrom('Dr.', 'Prof.', 'Herr', 'Frau', 'von', ',', '"', '(', ')', '-', 'M.', 'ÄÖÜ', 'x'),
          fc.string({ unit: 'grapheme', maxLength: 8 }),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(' '));
    const emailLike = fc.oneof(fc.emailAddress(), fc.string(), fc.constant(''));
    fc.assert(
      fc.property(fc.oneof(nameLike, fc.string()), emailLike, (displayName, email) => {
        const parsed = parseDisplayName(displayName, email);
        return Object.values(parsed).every((value) => typeof value === 'string' && value.trim() !== '');
      }),
    );
  });

  it('copes with very long input', () => {
    const parsed = parseDisplayName(`Max ${'Mustermann'.repeat(10_000)}`, 'max@muster.de');
    expect(parsed.firstName).toBe('Max');
  });
});

type Case = [string, string, ParsedName];
const expectCases = (cases: Case[]) =>
  it.each<Case>(cases)('%j <%s> → %o', (displayName, email, expected) => {
    expect(parseDisplayName(displayName, email)).toEqual(expected);
  });

// Names for the properties: none of them is a particle, title, salutation, function word or legal form.
const FIRST_NAMES = ['Elke', 'Hans', 'Max', 'Anna-Lena', 'Jürgen', 'Ursula', 'Karl-Theodor', 'Sören', 'Marie'];
const SURNAMES = ['Elster', 'Habicht', 'Brandt', 'Mustermann', 'Müller-Lüdenscheidt', 'Leyen', 'Guttenberg', 'Öztürk'];

describe('particles and titles of nobility belong to the last name', () => {
  expectCases([
    // The cases
    ['Elke Freifrau an der Elster', '', { firstName: 'Elke', lastName: 'Freifrau an der Elster' }],
    ['Dr.-Ing. Hans vorm Habicht', '', { title: 'Dr.-Ing.', firstName: 'Hans', lastName: 'vorm Habicht' }],
    ['vorm Habicht, Hans', '', { firstName: 'Hans', lastName: 'vorm Habicht' }],
    ['Herr von Brandt', '', { salutation: 'Herr', lastName: 'von Brandt' }],
    // More of the kind
    ['Otto Graf Lambsdorff', '', { firstName: 'Otto', lastName: 'Graf Lambsdorff' }],
    [
      'Karl-Theodor Freiherr von und zu Guttenberg',
      '',
      { firstName: 'Karl-Theodor', lastName: 'Freiherr von und zu Guttenberg' },
    ],
    ['Freifrau an der Elster, Elke', '', { firstName: 'Elke', lastName: 'Freifrau an der Elster' }],
    ['Leyen, Ursula von der', '', { firstName: 'Ursula', lastName: 'von der Leyen' }],
    ['Habicht, Dr. Hans vorm', '', { title: 'Dr.', firstName: 'Hans', lastName: 'vorm Habicht' }],
    ['VON DER LEYEN Ursula', '', { firstName: 'Ursula', lastName: 'von der Leyen' }],
    ['MAX VON MUSTERMANN', '', { firstName: 'Max', lastName: 'von Mustermann' }],
    ['Max Von Mustermann', '', { firstName: 'Max', lastName: 'Von Mustermann' }],
    ['Frau Gräfin zu Brandt', '', { salutation: 'Frau', lastName: 'Gräfin zu Brandt' }],
    ['Prof. von Brandt', '', { title: 'Prof.', lastName: 'von Brandt' }],
    ['von Brandt', '', { lastName: 'von Brandt' }],
    ['Maria Edle von Habicht', '', { firstName: 'Maria', lastName: 'Edle von Habicht' }],
    ['Anna van den Berg', '', { firstName: 'Anna', lastName: 'van den Berg' }],
    ['Joost den Uyl', '', { firstName: 'Joost', lastName: 'den Uyl' }],
    ['Hans am Rhyn', '', { firstName: 'Hans', lastName: 'am Rhyn' }],
    ['Herr von Brandt', 'hans.von.brandt@brandt.de', { salutation: 'Herr', firstName: 'Hans', lastName: 'von Brandt' }],
    ['', 'hans.vorm.habicht@muster.de', { firstName: 'Hans', lastName: 'vorm Habicht' }],
    ['', 'von.brandt@muster.de', { lastName: 'von Brandt' }],
    // Not particles here: a nobility word as the family name, a capitalised "Van" as first name
    ['Steffi Graf', '', { firstName: 'Steffi', lastName: 'Graf' }],
    ['Van Morrison', '', { firstName: 'Van', lastName: 'Morrison' }],
    ['Thi An Nguyen', '', { firstName: 'Thi An', lastName: 'Nguyen' }],
  ]);

  const particle = fc.constantFrom(
    'von',
    'vom',
    'zu',
    'zum',
    'zur',
    'von und zu',
    'an der',
    'vorm',
    'van',
    'van der',
    'de',
    'de la',
    'ten',
    'Graf',
    'Gräfin',
    'Freiherr',
    'Freifrau',
    'Edler',
    'Edle',
    'Prinz',
    'Ritter',
  );
  const names = fc.record({
    first: fc.constantFrom(...FIRST_NAMES),
    particles: fc.array(particle, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
    last: fc.constantFrom(...SURNAMES),
  });

  it('gives the same name in every order: "First Particles Last", "Particles Last, First", "Last, First Particles", "PARTICLES LAST First"', () => {
    fc.assert(
      fc.property(names, ({ first, particles, last }) => {
        const expected = { firstName: first, lastName: `${particles} ${last}` };
        for (const order of [
          `${first} ${particles} ${last}`,
          `${particles} ${last}, ${first}`,
          `${last}, ${first} ${particles}`,
          `${particles.toUpperCase()} ${last.toUpperCase()} ${first}`,
        ]) {
          expect(parseDisplayName(order, 'x@muster.de'), order).toEqual(expected);
        }
        expect(parseDisplayName(`Herr ${particles} ${last}`)).toEqual({
          salutation: 'Herr',
          lastName: `${particles} ${last}`,
        });
      }),
    );
  });
});

describe('material around the name is not part of it', () => {
  expectCases([
    // The cases
    ['"Max Mustermann, Musterbau"', 'max.mustermann@musterbau.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['"Mustermann, Max:GROUP"', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['"\'Max Mustermann\' via Muster-Liste"', 'muster-liste@googlegroups.com', {}],
    // A company or department after a comma
    ['Max Mustermann, Musterbau', 'max.mustermann@musterbau.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann, Beispiel', 'max.mustermann@anders.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann, Beispiel Consulting', 'mm@beispiel-consulting.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann, Muster GmbH', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max, Muster GmbH & Co. KG', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Anna Schmidt, Vertrieb Süd', '', { firstName: 'Anna', lastName: 'Schmidt' }],
    ['Mustermann, Max', 'max@mustermann.de', { firstName: 'Max', lastName: 'Mustermann' }],
    // Group and office tags
    ['Mustermann, Max:EXTERN', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max (extern)', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['[EXTERN] Max Mustermann', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['EXT - Mustermann, Max', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann EXTERN', '', { firstName: 'Max', lastName: 'Mustermann' }],
    // A second segment
    ['Max Mustermann ⎥ Muster GmbH', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann / Muster GmbH', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max | Musterbau', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Muster GmbH | Max Mustermann', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Musterbau | Max Mustermann', 'mm@musterbau.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann/Vertrieb/Muster', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max (Muster UG (haftungsbeschränkt))', '', { firstName: 'Max', lastName: 'Mustermann' }],
    // Mailing-list rewrites: the name is a member's, the address the list's
    ['Max Mustermann via Muster-Liste', 'muster-liste@lists.muster.org', {}],
    ["'Max Mustermann' via Vertrieb", 'vertrieb-intern@muster.de', {}],
    ['Max Mustermann (via Muster-Liste)', 'muster@listes.muster.fr', {}],
    ['Max Mustermann (max@muster.de via Muster-Liste)', 'muster@lists.muster.org', {}],
    ['Muster-Liste (on behalf of Max Mustermann)', 'muster@muster.org', {}],
    ['Vertrieb im Auftrag von Max Mustermann', 'vertrieb@muster.de', {}],
    ['Max Mustermann [muster-liste]', 'muster-liste@muster.org', {}],
    ['Max Mustermann (über Google Docs)', 'comments-noreply@docs.google.com', {}],
    ['Max Mustermann', 'muster-liste@googlegroups.com', {}],
    ['', 'muster-l@listserv.muster.de', {}],
    ['', 'projekt-x@groups.io', {}],
  ]);

  const tag = fc.constantFrom('extern', 'EXTERN', 'External', 'EXT', 'Gast', 'guest');
  const company = fc.constantFrom('Muster GmbH', 'Musterbau AG', 'Muster & Söhne KG', 'Beispiel e.K.', 'Muster Ltd.');
  const person = fc.record({ first: fc.constantFrom(...FIRST_NAMES), last: fc.constantFrom(...SURNAMES) });

  it('finds the same person with any tag or company around the name', () => {
    fc.assert(
      fc.property(person, tag, company, ({ first, last }, t, c) => {
        const expected = { firstName: first, lastName: last };
        for (const name of [
          `${first} ${last} (${t})`,
          `[${t}] ${first} ${last}`,
          `${last}, ${first}:${t}`,
          `${t}: ${first} ${last}`,
          `${first} ${last} | ${c}`,
          `${first} ${last} ⎥ ${c}`,
          `${first} ${last} / ${c}`,
          `${first} ${last} - ${c}`,
          `${first} ${last}, ${c}`,
          `${last}, ${first} (${c})`,
          `${c} | ${last}, ${first}`,
          `"${first} ${last}, Musterbau"`,
        ]) {
          expect(parseDisplayName(name, 'x@musterbau.de'), name).toEqual(expected);
        }
      }),
    );
  });
});

describe('team and function mailboxes are not people', () => {
  expectCases([
    // The cases
    ['"Geschäftsleitung"', 'geschaeftsleitung@muster.de', {}],
    ['"Alle Mitarbeiter"', 'alle@muster.de', {}],
    // More of the kind
    ['Geschäftsleitung', 'geschaeftsleitung@muster.de', {}],
    ['Alle Mitarbeiter', 'alle@muster.de', {}],
    ['Die Geschäftsführung', 'gf@muster.de', {}],
    ['Ihr Team von Muster', 'info@muster.de', {}],
    ['Buchhaltung Muster GmbH', 'buchhaltung@muster.de', {}],
    ['Kundenservice', 'service@muster.de', {}],
    ['Sekretariat Dr. Müller', 'sekretariat@praxis-mueller.de', {}],
    ['Personalabteilung', 'bewerbung@muster.de', {}],
    ['Rechnungswesen', 'rechnungswesen@muster.de', {}],
    ['Empfang / Zentrale', 'empfang@muster.de', {}],
    ['Sales & Support', 'hello@muster.io', {}],
    ['Vertriebsteam Nord', 'vertrieb-nord@muster.de', {}],
    ['Post', 'post@muster.de', {}],
    ['', 'alle-mitarbeiter@muster.de', {}],
    ['', 'geschaeftsleitung@muster.de', {}],
    ['', 'empfang@muster.de', {}],
    ['', 'personalabteilung@muster.de', {}],
    ['', 'do-not-reply@muster.de', {}],
    // A person's own address still names the person; surname-like words name people
    ['Geschäftsleitung', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann', 'info@mustermann.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Anna Post', 'a.post@muster.de', { firstName: 'Anna', lastName: 'Post' }],
    ['Post, Anna', 'a.post@muster.de', { firstName: 'Anna', lastName: 'Post' }],
    ['', 'anna.post@muster.de', { firstName: 'Anna', lastName: 'Post' }],
    ['Steve Jobs', '', { firstName: 'Steve', lastName: 'Jobs' }],
  ]);

  const functionWord = fc.constantFrom(
    'Geschäftsleitung',
    'Vertrieb',
    'Buchhaltung',
    'Einkauf',
    'Info',
    'Team',
    'Support',
    'Service',
    'Zentrale',
    'Personalabteilung',
    'Rechnungswesen',
    'Sekretariat',
    'Empfang',
    'noreply',
    'Mitarbeiter',
    'Kundenservice',
    'Helpdesk',
    'Sales',
    'Accounting',
    'Reception',
  );
  const functionAddress = fc.constantFrom(
    'info',
    'office',
    'vertrieb',
    'noreply',
    'no-reply',
    'alle',
    'team',
    'kontakt',
  );
  const nameWords = fc
    .array(fc.stringMatching(/^[A-Za-zÄÖÜäöüß][a-zäöüß'-]{0,10}$/), { minLength: 1, maxLength: 4 })
    .map((words) => words.join(' '));

  it('gives no person for any name with a function word, from a function address', () => {
    fc.assert(
      fc.property(nameWords, functionWord, functionAddress, (name, word, local) => {
        for (const displayName of [`${name} ${word}`, `${word} ${name}`, `${word.toUpperCase()} ${name}`]) {
          const parsed = parseDisplayName(displayName, `${local}@muster.de`);
          expect(parsed.firstName, displayName).toBeUndefined();
          expect(parsed.lastName, displayName).toBeUndefined();
        }
      }),
    );
  });
});

describe('abbreviated particles, abbreviated titles of nobility, "und" inside a name', () => {
  expectCases([
    ['Anton v. Weber', 'anton@muster.de', { firstName: 'Anton', lastName: 'v. Weber' }],
    ['v. Weber, Anton', 'x@muster.de', { firstName: 'Anton', lastName: 'v. Weber' }],
    ['Hans-Jürgen Freiherr v. Richthofen', '', { firstName: 'Hans-Jürgen', lastName: 'Freiherr v. Richthofen' }],
    ['Maria v.d. Berg', '', { firstName: 'Maria', lastName: 'v.d. Berg' }],
    ['Maria v. d. Berg', '', { firstName: 'Maria', lastName: 'v. d. Berg' }],
    ['Karl v. u. z. Guttenberg', '', { firstName: 'Karl', lastName: 'v. u. z. Guttenberg' }],
    ['Karl Frhr. von Stein', '', { firstName: 'Karl', lastName: 'Frhr. von Stein' }],
    ['Anna Frfr. von Berg', '', { firstName: 'Anna', lastName: 'Frfr. von Berg' }],
    ['Otto Gf. Lambsdorff', '', { firstName: 'Otto', lastName: 'Gf. Lambsdorff' }],
    ['Fürstin Gloria von Thurn und Taxis', '', { firstName: 'Gloria', lastName: 'Fürstin von Thurn und Taxis' }],
    ['Gloria von Thurn und Taxis', '', { firstName: 'Gloria', lastName: 'von Thurn und Taxis' }],
    ['Prinz Charles', '', { lastName: 'Prinz Charles' }],
    ['Graf Lambsdorff', '', { lastName: 'Graf Lambsdorff' }],
    // An initial in capitals is no particle
    ['Anton V. Weber', '', { firstName: 'Anton V.', lastName: 'Weber' }],
  ]);
});

describe('titles wherever they stand, Austrian and Swiss titles, postnominals that are surnames', () => {
  expectCases([
    [
      'Van der Berg, Anna-Lena, Prof. Dr. med.',
      '',
      { title: 'Prof. Dr. med.', firstName: 'Anna-Lena', lastName: 'Van der Berg' },
    ],
    ['Mustermann, Max, Dr.', '', { title: 'Dr.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max Dr.', '', { title: 'Dr.', firstName: 'Max', lastName: 'Mustermann' }],
    ['VON DER LEYEN Dr. Ursula', '', { title: 'Dr.', firstName: 'Ursula', lastName: 'von der Leyen' }],
    ['DI Stefan Gruber', 'x@muster.at', { title: 'DI', firstName: 'Stefan', lastName: 'Gruber' }],
    ['Mag.a Christina Huber', 'x@muster.at', { title: 'Mag.a', firstName: 'Christina', lastName: 'Huber' }],
    ['Dr.in Anna Huber', '', { title: 'Dr.in', firstName: 'Anna', lastName: 'Huber' }],
    ['MMag. Eva Berger', '', { title: 'MMag.', firstName: 'Eva', lastName: 'Berger' }],
    ['DDr. Eva Berger', '', { title: 'DDr.', firstName: 'Eva', lastName: 'Berger' }],
    ['Ing. Hans Huber, MSc', '', { title: 'Ing.', firstName: 'Hans', lastName: 'Huber' }],
    ['Mag. Dr. Eva Berger, MBA', '', { title: 'Mag. Dr.', firstName: 'Eva', lastName: 'Berger' }],
    ['Stefan Gruber BSc MSc', '', { firstName: 'Stefan', lastName: 'Gruber' }],
    ['Stefan Gruber, DI', '', { title: 'DI', firstName: 'Stefan', lastName: 'Gruber' }],
    ['Dipl.-Ing. (FH) Max Mustermann', '', { title: 'Dipl.-Ing. (FH)', firstName: 'Max', lastName: 'Mustermann' }],
    ['Mag. (FH) Eva Berger', '', { title: 'Mag. (FH)', firstName: 'Eva', lastName: 'Berger' }],
    // "Di" in other case is the Italian particle
    ['Anna Di Stefano', '', { firstName: 'Anna', lastName: 'Di Stefano' }],
    ['ANNA DI STEFANO', '', { firstName: 'Anna', lastName: 'di Stefano' }],
    // Postnominals that are family names too
    ['Amit Sen', 'amit@muster.de', { firstName: 'Amit', lastName: 'Sen' }],
    ['Li Ma', 'li@muster.de', { firstName: 'Li', lastName: 'Ma' }],
    ['Anna Schmidt MA', '', { firstName: 'Anna', lastName: 'Schmidt' }],
    ['Hans Müller sen.', '', { firstName: 'Hans', lastName: 'Müller' }],
  ]);

  const title = fc.constantFrom('Dr.', 'Prof. Dr.', 'Dr. med.', 'Dipl.-Ing.', 'Mag.a', 'DI', 'Dr.in', 'Dr. rer. nat.');
  const person = fc.record({ first: fc.constantFrom(...FIRST_NAMES), last: fc.constantFrom(...SURNAMES) });

  it('finds the same title and name wherever the title stands', () => {
    fc.assert(
      fc.property(person, title, ({ first, last }, t) => {
        const expected = { title: t, firstName: first, lastName: last };
        for (const name of [
          `${t} ${first} ${last}`,
          `${last}, ${t} ${first}`,
          `${last}, ${first}, ${t}`,
          `${last}, ${first} ${t}`,
          `${last.toUpperCase()} ${t} ${first}`,
        ]) {
          expect(parseDisplayName(name, 'x@muster.de'), name).toEqual(expected);
        }
      }),
    );
  });
});

describe('roles, places, codes and signature words around the name', () => {
  const roles = [
    'CEO',
    'CFO',
    'Inhaber',
    'Prokurist',
    'Teamleiter',
    'Projektleiter',
    'Steuerberater',
    'Rechtsanwalt',
    'Account Manager',
    'München',
    'Bäckerei Huber',
    'Stadtwerke München',
    'Kanzlei Weber',
  ];
  expectCases([
    ...roles.map(
      (role): Case => [`Max Mustermann, ${role}`, 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ),
    ['Mustermann, Max', 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max, CEO', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['García Márquez, Gabriel', '', { firstName: 'Gabriel', lastName: 'García Márquez' }],
    ['Mustermann, Max SIE-DE', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max (ext) SIE', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max {Musterbau}', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['SCHMIDT, ANNA', '', { firstName: 'Anna', lastName: 'Schmidt' }],
    ['CN=Max Mustermann/OU=Vertrieb/O=Musterbau', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['i.A. Max Mustermann', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['i. V. Max Mustermann', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['ppa. Max Mustermann', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann at Musterbau', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann @ Musterbau', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann CEO', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Herr und Frau Schmidt', 'x@muster.de', { lastName: 'Schmidt' }],
    ['Familie Schmidt', 'x@muster.de', { lastName: 'Schmidt' }],
    ['Mr. & Mrs. Smith', '', { lastName: 'Smith' }],
    // Function words at the edges of a person's name, from a personal address
    ['Max Mustermann Geschäftsführer', 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Geschäftsführer Max Mustermann', 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann Vertrieb', 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    // Roles that are family names stay
    ['Anna Leiter', '', { firstName: 'Anna', lastName: 'Leiter' }],
    ['Tom Head', '', { firstName: 'Tom', lastName: 'Head' }],
  ]);

  const role = fc.constantFrom(
    ...roles,
    'CTO',
    'Inhaberin',
    'Geschäftsführerin',
    'Key Account Manager',
    'Hamburg',
    'IBM',
  );
  const person = fc.record({ first: fc.constantFrom(...FIRST_NAMES), last: fc.constantFrom(...SURNAMES) });

  it('gives the same person for any name with any role, place or firm after a comma', () => {
    fc.assert(
      fc.property(person, role, ({ first, last }, r) => {
        const expected = { firstName: first, lastName: last };
        expect(parseDisplayName(`${first} ${last}, ${r}`, 'x@muster.de')).toEqual(expected);
        expect(parseDisplayName(`${last}, ${first}, ${r}`, 'x@muster.de')).toEqual(expected);
      }),
    );
  });
});

describe('more function mailboxes; addresses that spell a person', () => {
  const words = [
    'HR',
    'IT',
    'IT-Abteilung',
    'QS',
    'Betriebsrat',
    'Azubis',
    'Auszubildende',
    'Zentraleinkauf',
    'Kreditoren',
    'Reklamation',
    'Reklamationen',
    'Retouren',
    'Export',
    'Zoll',
    'Dispo',
    'Lohn',
    'Fuhrpark',
    'Hausmeister',
    'Backoffice',
    'Kalender',
    'Termine',
    'Terminvergabe',
    'Anmeldung',
    'Auftragsbestätigung',
    'Arbeitssicherheit',
    'Customer Success',
    'Konferenzraum Berlin',
    'Projekt Alpha',
  ];
  expectCases([
    ...words.map((word): Case => [word, `${foldLocal(word)}@muster.de`, {}]),
    ...words.map((word): Case => [word, 'kontakt@muster.de', {}]),
    ['HR Musterbau', 'hr@musterbau.de', {}],
    ...['Ana Sales', 'Chris Press', 'Tom Holding', 'Rita Legal', 'Giulia Media', 'Anna Service'].map((name): Case => {
      const [first = '', last = ''] = name.split(' ');
      return [name, `${foldLocal(name)}@muster.de`, { firstName: first, lastName: last }];
    }),
    ['Sales, Ana', 'ana.sales@muster.de', { firstName: 'Ana', lastName: 'Sales' }],
  ]);
});

function foldLocal(text: string): string {
  return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ /g, '.');
}
