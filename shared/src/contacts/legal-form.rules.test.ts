import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRANCH_WORDS, COUNTRY_NAMES, OWNER_MARKERS } from './company-name-notes.data';
import { companyKey, hasLegalForm, legalFormOf, stripLegalForm } from './legal-form.rules';
import { GERMAN_LEGAL_FORMS, LEGAL_FORMS } from './legal-forms.data';

describe('stripLegalForm', () => {
  it.each([
    ['Muster GmbH', 'Muster'],
    ['Muster gGmbH', 'Muster'],
    ['Muster G.m.b.H.', 'Muster'],
    ['Muster gmbh', 'Muster'],
    ['Muster GmbH & Co. KG', 'Muster'],
    ['Muster GmbH & Co KG', 'Muster'],
    ['Muster GmbH&Co.KG', 'Muster'],
    ['Muster AG & Co. KG', 'Muster'],
    ['Muster AG & Co. KGaA', 'Muster'],
    ['Muster SE & Co. KGaA', 'Muster'],
    ['Muster AG', 'Muster'],
    ['Muster Aktiengesellschaft', 'Muster'],
    ['Muster KG', 'Muster'],
    ['Muster KGaA', 'Muster'],
    ['Muster OHG', 'Muster'],
    ['Muster UG (haftungsbeschränkt)', 'Muster'],
    ['Muster UG (haftungsbeschraenkt) & Co. KG', 'Muster'],
    ['Muster UG', 'Muster'],
    ['Muster e.K.', 'Muster'],
    ['Muster e. Kfm.', 'Muster'],
    ['Muster e.V.', 'Muster'],
    ['Muster eG', 'Muster'],
    ['Muster GbR', 'Muster'],
    ['Muster PartG', 'Muster'],
    ['Muster PartG mbB', 'Muster'],
    ['Muster PartGmbB', 'Muster'],
    ['Muster SE', 'Muster'],
    ['Muster Ges.m.b.H.', 'Muster'],
    ['Muster Gesellschaft mit beschränkter Haftung', 'Muster'],
    ['Gesellschaft für Datenverarbeitung mbH', 'Gesellschaft für Datenverarbeitung'],
    ['Muster Ltd.', 'Muster'],
    ['Muster Limited', 'Muster'],
    ['Muster Pty Ltd', 'Muster'],
    ['Muster Inc.', 'Muster'],
    ['Muster LLC', 'Muster'],
    ['Muster Corp.', 'Muster'],
    ['Muster S.A.', 'Muster'],
    ['Muster S.A.R.L.', 'Muster'],
    ['Muster SAS', 'Muster'],
    ['Muster S.p.A.', 'Muster'],
    ['Muster B.V.', 'Muster'],
    ['Muster N.V.', 'Muster'],
    ['Muster plc', 'Muster'],
    ['Muster ApS', 'Muster'],
    ['Muster A/S', 'Muster'],
    ['Muster AB', 'Muster'],
    ['Muster Sp. z o.o.', 'Muster'],
    ['Samsung Co., Ltd.', 'Samsung'],
    ['Müller & Co.', 'Müller'],
    ['Müller & Cie.', 'Müller'],
    ['Muster GmbH i.L.', 'Muster'],
    ['Muster GmbH i. G.', 'Muster'],
    ['Muster GmbH in Gründung', 'Muster'],
    ['Muster Verwaltungs-GmbH', 'Muster Verwaltungs'],
    ['Muster, GmbH', 'Muster'],
    ['  Muster   Bau   GmbH ', 'Muster Bau'],
    ['Bäckerei Schmidt', 'Bäckerei Schmidt'],
    ['Agentur Kreativ', 'Agentur Kreativ'],
    ['Kagemann', 'Kagemann'],
    ['Seeg', 'Seeg'],
  ])('%j → %j', (name, expected) => {
    expect(stripLegalForm(name)).toBe(expected);
  });

  it.each(['GmbH', 'GmbH & Co. KG', 'AG', 'e.V.', '& Co.'])('keeps a name that is only a legal form: %j', (name) => {
    expect(stripLegalForm(name)).toBe(name);
  });

  it('returns empty for empty input', () => {
    expect(stripLegalForm('')).toBe('');
    expect(stripLegalForm('   ')).toBe('');
  });

  const legalForms = [
    ...['GmbH', 'AG', 'KG', '& Co. KG', 'e.V.', 'UG (haftungsbeschränkt)', 'Ltd.', 'S.A.', 'mbH'],
    ...LEGAL_FORMS.flatMap((form) => [...form.long, ...form.short]),
  ];
  const names = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc
      .tuple(fc.string({ maxLength: 20 }), fc.array(fc.constantFrom(...legalForms), { maxLength: 3 }))
      .map(([base, forms]) => [base, ...forms].join(' ')),
  );

  it('is idempotent', () => {
    fc.assert(fc.property(names, (name) => stripLegalForm(stripLegalForm(name)) === stripLegalForm(name)));
  });

  it('never returns empty for a name with letters or digits', () => {
    fc.assert(fc.property(names, (name) => !/[\p{L}\p{N}]/u.test(name) || stripLegalForm(name) !== ''));
  });

  it('copes with very long input', () => {
    const long = `${'Muster '.repeat(5_000)}GmbH`;
    expect(stripLegalForm(long)).toBe('Muster '.repeat(5_000).trim());
  });
});

describe('companyKey', () => {
  it.each([
    ['Muster GmbH & Co. KG', 'muster'],
    ['Müller & Söhne GmbH', 'muellersoehne'],
    ['Müller und Söhne', 'muellersoehne'],
    ['Müller-Söhne KG', 'muellersoehne'],
    ['MÜLLER SÖHNE', 'muellersoehne'],
    ['Fa. Muster Bau', 'musterbau'],
    ['Firma Muster', 'muster'],
    ['GmbH', 'gmbh'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(companyKey(name)).toBe(expected);
  });

  it('contains only [a-z0-9]', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (name) => /^[a-z0-9]*$/.test(companyKey(name))));
  });
});

describe('the company key drops every legal form of the data (XUnternehmen, ISO 20275)', () => {
  it.each([
    // The cases
    ['Muster Holzbau eGbR', 'Muster Holzbau GbR'],
    ['Muster Versicherung', 'Muster Versicherung VVaG'],
    ['Muster Handel Unternehmergesellschaft (haftungsbeschränkt)', 'Muster Handel UG (haftungsbeschränkt)'],
    // Long and short forms, spellings
    ['Muster Bau Gesellschaft mit beschränkter Haftung & Co. Kommanditgesellschaft', 'Muster Bau GmbH & Co. KG'],
    ['Muster Bau GmbH u. Co. KG', 'Muster Bau G.m.b.H. & Co KG'],
    ['Muster Bau Gesellschaft mbH', 'Muster Bau'],
    ['Muster Recht Partnerschaftsgesellschaft mit beschränkter Berufshaftung', 'Muster Recht PartG mbB'],
    ['Muster Recht Partnerschaft mbB', 'Muster Recht Partnerschaft'],
    ['Stadtwerke Muster Anstalt des öffentlichen Rechts', 'Stadtwerke Muster AöR'],
    ['Handwerkskammer Muster Körperschaft des öffentlichen Rechts', 'Handwerkskammer Muster KdöR'],
    ['Muster Handel e. Kfm.', 'Muster Handel eingetragener Kaufmann'],
    ['Muster Handel e.Kfr.', 'Muster Handel eingetragene Kauffrau'],
    ['Muster Kommanditgesellschaft auf Aktien', 'Muster KGaA'],
    ['Muster Versicherung a.G.', 'Muster Versicherung Versicherungsverein auf Gegenseitigkeit'],
    ['Muster Handel UG (haftungsbeschraenkt)', 'Muster Handel Unternehmergesellschaft haftungsbeschränkt'],
    ['Muster gUG (hb)', 'Muster gemeinnützige GmbH'],
    ['Muster Europäische wirtschaftliche Interessenvereinigung', 'Muster EWIV'],
    ['Muster Europaeische Genossenschaft', 'Muster SCE'],
    ['Muster Europäische Gesellschaft', 'Muster SE'],
    ['Muster Wohnen eingetragene Genossenschaft', 'Muster Wohnen eG'],
    ['Muster Freunde n.e.V.', 'Muster Freunde eingetragener Verein'],
    ['Muster Investment-KG', 'Muster InvAG'],
    ['Muster Stiftung des bürgerlichen Rechts', 'Muster Stiftung öffentlichen Rechts'],
    // Austria and Switzerland
    ['Muster Ges.m.b.H.', 'Muster GesmbH'],
    ['Muster OG', 'Muster e.U.'],
    ['Muster FlexCo', 'Muster Flexible Kapitalgesellschaft'],
    ['Muster Sàrl', 'Muster Sagl'],
  ])('%j and %j', (a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
  });

  it.each(['Robert Bosch Stiftung GmbH', 'Muster Wohnungsbau Genossenschaft eG', 'Muster Verein'])(
    'keeps words that are names as well as forms: %j',
    (name) => {
      expect(companyKey(name)).toMatch(/stiftung|genossenschaft|verein/);
    },
  );

  it.each(['Ayşe Kör', 'Max Mustermann', 'Bäckerei Müller & Partner'])('finds no legal form in %j', (name) => {
    expect(legalFormOf(name)).toBeNull();
    expect(hasLegalForm(name)).toBe(false);
  });

  it.each([
    ['Muster GmbH & Co. KG', 'GmbH & Co. KG'],
    ['Muster Holzbau eGbR', 'eGbR'],
    ['Muster Verwaltungs-GmbH i.L.', 'GmbH i.L.'],
    ['Müller & Co.', '& Co.'],
    ['Muster, Ges.m.b.H.', 'Ges.m.b.H.'],
    ['GmbH', 'GmbH'],
    ['Muster i.L.', null],
  ])('legalFormOf(%j) is %j', (name, form) => {
    expect(legalFormOf(name)).toBe(form);
    expect(hasLegalForm(name)).toBe(form !== null);
  });

  const designations = LEGAL_FORMS.flatMap((form) => [...form.long, ...form.short]);

  it('strips each designation of the data', () => {
    for (const designation of designations) {
      expect(stripLegalForm(`Muster Bau ${designation}`), designation).toBe('Muster Bau');
    }
  });

  // Written as the data has it, in capitals, in small letters, with ä as "ae", and for an
  // abbreviation with dots between its letters ("G.m.b.H.").
  const isAbbreviation = (word: string) => /[./]/.test(word) || /\p{Lu}/u.test(word.slice(1));
  const variants = (designation: string) => [
    designation,
    designation.toUpperCase(),
    designation.toLowerCase(),
    designation.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/à/g, 'a'),
    designation
      .split(' ')
      .map((word) =>
        isAbbreviation(word) && !/[()/-]/.test(word) ? `${[...word.replace(/\./g, '')].join('.')}.` : word,
      )
      .join(' '),
  ];
  const base = fc
    .array(fc.stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{2,11}$/), { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' '))
    .filter((name) => stripLegalForm(name) === name);
  const spelledForm = fc.constantFrom(...designations).chain((d) => fc.constantFrom(...variants(d)));

  it('gives a name with any form, in any spelling, the key of the name alone', () => {
    fc.assert(
      fc.property(base, spelledForm, fc.constantFrom(' ', ', ', ' - '), (name, form, glue) => {
        return companyKey(`${name}${glue}${form}`) === companyKey(name);
      }),
      { numRuns: 500 },
    );
  });

  it('takes chains of German forms apart ("GmbH & Co. KG")', () => {
    const german = GERMAN_LEGAL_FORMS.flatMap((form) => [...form.long, ...form.short]);
    fc.assert(
      fc.property(
        base,
        fc.array(fc.constantFrom(...german), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(' & Co. ', ' & Co ', ' u. Co. ', ' und Co. ', ' + Co. ', '&Co.'),
        (name, forms, joiner) => {
          const full = `${name} ${forms.join(joiner)}`;
          return companyKey(full) === companyKey(name) && hasLegalForm(full) && stripLegalForm(full) === name;
        },
      ),
    );
  });

  it('finds the form it strips at the end of the name', () => {
    fc.assert(
      fc.property(base, spelledForm, (name, form) => {
        const full = `${name} ${form}`;
        return legalFormOf(full) === form && `${stripLegalForm(full)} ${legalFormOf(full)}` === full;
      }),
    );
  });
});

describe('the company key leaves out a branch, country or owner note after the legal form', () => {
  it.each([
    // The tester's findings, with the key each had before
    ['Muster GmbH (Deutschland)', 'muster'], // was "mustergmbhdeutschland"
    ['Muster GmbH, Berlin', 'muster'], // was "mustergmbhberlin"
    ['Muster GmbH & Co. KG - Zweigniederlassung Wien', 'muster'], // was "mustergmbhcokgzweigniederlassungwien"
    ['Siemens AG Österreich', 'siemens'], // was "siemensagoesterreich"; a subsidiary meets its parent
    ['Muster Inh. Max Muster e.K.', 'muster'], // was "musterinhmaxmuster"
    ['"Muster GmbH"', 'muster'],
    ['Muster GmbH & Compagnie KG', 'muster'],
    ['Muster UG (h.b.)', 'muster'],
    ['Muster Actiengesellschaft', 'muster'],
    ['Müller &amp; Söhne GmbH', 'muellersoehne'],
    ['MusterGmbH', 'muster'],
    ['Muster KG auf Aktien', 'muster'],
    // More of the kind
    ['„Muster GmbH“', 'muster'],
    ['Muster GmbH &amp; Co. KG', 'muster'],
    ['Muster e.K., Inh. Max Muster', 'muster'],
    ['Muster Bau Inhaberin Erika Muster', 'musterbau'],
    ['Deutsche Bank AG Filiale Hamburg', 'deutschebank'],
    ['Muster GmbH Werk Süd', 'muster'],
    ['Muster Ltd. Zweigndl. Deutschland', 'muster'],
    ['Muster AG Schweiz, Zürich', 'muster'],
    ['Muster GmbH i.L., Berlin', 'muster'],
    // A branch's seat after the form, without a comma (places of place-names.data.ts)
    ['Muster GmbH Berlin', 'muster'],
    ['Muster GmbH & Co. KG Hamburg', 'muster'],
    ['Bayer AG Leverkusen', 'bayer'],
    ['Muster AG Zürich', 'muster'],
    ['Muster UG (haftungsbeschränkt) (Berlin)', 'muster'],
    ['Muster e.V. | Ortsgruppe Köln', 'muster'],
    ['Samsung Co., Ltd.', 'samsung'],
    ['Company Werk GmbH, Berlin', 'companywerk'],
  ])('%j → %j', (name, expected) => {
    expect(companyKey(name)).toBe(expected);
  });

  it.each([
    ['Muster Bau GmbH', 'Muster Elektro GmbH'],
    // A place or country before the legal form is the name, not a branch.
    ['Stadtwerke München GmbH', 'Stadtwerke Köln GmbH'],
    ['Microsoft Deutschland GmbH', 'Microsoft GmbH'],
    // Only a branch word as a word of its own: "Werkzeugbau" is the firm's trade.
    ['Muster GmbH Werkzeugbau', 'Muster GmbH'],
    // No name before the form: nothing to cut off.
    ['GmbH (Berlin)', 'GmbH'],
    ['Inhaber Max Muster', 'Max Muster'],
  ])('keeps %j apart from %j', (a, b) => {
    expect(companyKey(a)).not.toBe(companyKey(b));
  });

  it.each(['Haag', 'HAAG', 'Airbag', 'Kagemann', 'Max Mustermann'])('finds no joined form in %j', (name) => {
    expect(legalFormOf(name)).toBeNull();
  });

  it.each([
    ['MusterGmbH', 'GmbH', 'Muster'],
    ['MusterGmbH & Co. KG', 'GmbH & Co. KG', 'Muster'],
    ['Müller &amp; Co.', '& Co.', 'Müller'],
    ['Muster KG auf Aktien', 'KG auf Aktien', 'Muster'],
  ])('legalFormOf(%j) is %j, the rest %j', (name, form, rest) => {
    expect(legalFormOf(name)).toBe(form);
    expect(stripLegalForm(name)).toBe(rest);
  });

  const word = fc.stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{2,11}$/);
  const firm = fc
    .array(word, { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' '))
    .filter((name) => stripLegalForm(name) === name);
  const form = fc.constantFrom('GmbH & Co. KG', ...LEGAL_FORMS.flatMap((f) => [...f.long, ...f.short]));
  const place = fc.oneof(word, fc.constantFrom(...COUNTRY_NAMES));
  const note = fc.oneof(
    fc.tuple(fc.constantFrom(...BRANCH_WORDS), place).map(([branch, where]) => ` ${branch} ${where}`),
    fc.tuple(fc.constantFrom(...BRANCH_WORDS), place).map(([branch, where]) => ` - ${branch} ${where}`),
    fc.constantFrom(...COUNTRY_NAMES).map((country) => ` ${country}`),
    place.map((where) => `, ${where}`),
    place.map((where) => ` (${where})`),
    fc.tuple(fc.constantFrom(...OWNER_MARKERS), word, word).map(([owner, first, last]) => ` ${owner} ${first} ${last}`),
  );

  it('gives a firm with its legal form and any note of the data the key of the firm with its form', () => {
    fc.assert(
      fc.property(firm, form, note, (name, legal, tail) => {
        expect(companyKey(`${name} ${legal}${tail}`)).toBe(companyKey(`${name} ${legal}`));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes an owner note out before the legal form too', () => {
    fc.assert(
      fc.property(firm, fc.constantFrom(...OWNER_MARKERS), word, form, (name, owner, person, legal) => {
        expect(companyKey(`${name} ${owner} ${person} ${legal}`)).toBe(companyKey(`${name} ${legal}`));
      }),
    );
  });

  it('stays quick on a long name and on one of nothing but forms and notes', () => {
    const long = `Muster ${'GmbH Werkzeugbau '.repeat(2_000)}GmbH, Berlin`;
    const started = performance.now();
    expect(companyKey(long)).toMatch(/^mustergmbhwerkzeugbau/);
    expect(companyKey('GmbH, '.repeat(1_000))).toMatch(/^(gmbh)+$/);
    expect(companyKey('AG ('.repeat(1_000))).toMatch(/^(ag)+$/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
