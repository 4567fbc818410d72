import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, stripLegalForm } from './legal-form.rules';

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

  const legalForms = ['GmbH', 'AG', 'KG', '& Co. KG', 'e.V.', 'UG (haftungsbeschränkt)', 'Ltd.', 'S.A.', 'mbH'];
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
