import { describe, expect, it } from 'vitest';
import { CONSENT_REASONS, QUALITY_CODES, RELATIONSHIPS } from '../contacts/contact-enums.schema';
import type { Relationship } from '../contacts/contact-enums.schema';
import { de } from './de';
import { en } from './en';
import { catalogs, createTranslator, fieldLabelKey, relationshipLabel } from './i18n';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );

describe('catalogs', () => {
  it('have the same keys in German and English, none empty', () => {
    expect(leaves(en as unknown as Tree)).toEqual(leaves(de as unknown as Tree));
    for (const catalog of [de, en]) {
      for (const key of leaves(catalog as unknown as Tree)) {
        expect(createTranslator(catalog === de ? 'de' : 'en')(key).trim(), key).not.toBe('');
      }
    }
  });

  it('have a text for every quality finding and consent reason', () => {
    const t = createTranslator('de');
    for (const code of QUALITY_CODES) expect(t(`quality.${code}`)).not.toBe(`quality.${code}`);
    for (const reason of CONSENT_REASONS) expect(t(`consentReason.${reason}`)).not.toBe(`consentReason.${reason}`);
  });

  it('use the agreed German labels', () => {
    expect(Object.values(de.relationship)).toEqual([
      'Kunde',
      'Lieferant',
      'Beides',
      'Lead',
      'Partner',
      'Keine Beziehung',
    ]);
    expect(Object.values(de.role)).toEqual(['Entscheider', 'Rechnungskontakt', 'Technischer Kontakt']);
    expect(Object.values(de.legalBasis)).toEqual(['Vertrag', 'Einwilligung', 'Berechtigtes Interesse']);
    expect(Object.values(de.channel)).toEqual(['E-Mail', 'Telefon', 'Brief', 'Newsletter']);
    expect(Object.values(de.consentEvent)).toEqual([
      'Opt-in',
      'Double-Opt-in angefordert',
      'Double-Opt-in bestätigt',
      'Opt-out (Verbotsvermerk)',
      'Soft-Opt-in',
    ]);
    expect(de.problem.validationFailed.title).toBe('Eingabe ungültig');
    expect(de.problem.notFound.title).toBe('Nicht gefunden');
  });
});

describe('createTranslator', () => {
  it('translates nested keys in both languages', () => {
    expect(createTranslator('de')('quality.person.noCompany')).toBe('Person ist keiner Firma zugeordnet.');
    expect(createTranslator('en')('problem.notFound.title')).toBe('Not found');
    expect(createTranslator('en')('leadSource.tradeFair')).toBe('Trade fair');
  });

  it('answers an unknown key with the key itself', () => {
    expect(createTranslator('de')('does.not.exist')).toBe('does.not.exist');
  });

  it('reuses one instance per language', () => {
    expect(createTranslator('de')).toBe(createTranslator('de'));
    expect(createTranslator('de')).not.toBe(createTranslator('en'));
  });
});

describe('relationshipLabel', () => {
  it.each<[Relationship[], string, string]>([
    [[], 'Keine Beziehung', 'No relationship'],
    [['customer'], 'Kunde', 'Customer'],
    [['supplier', 'customer'], 'Beides', 'Customer and supplier'],
    [['partner', 'supplier', 'customer'], 'Beides, Partner', 'Customer and supplier, Partner'],
    [['partner', 'lead'], 'Lead, Partner', 'Lead, Partner'],
    [[...RELATIONSHIPS], 'Beides, Lead, Partner', 'Customer and supplier, Lead, Partner'],
  ])('%o → %j / %j', (relationships, german, english) => {
    expect(relationshipLabel(relationships, 'de')).toBe(german);
    expect(relationshipLabel(relationships, 'en')).toBe(english);
  });
});

describe('fieldLabelKey', () => {
  it.each([
    ['emails.2', 'field.emails'],
    ['lead.status', 'field.leadStatus'],
    ['/address/city', 'field.city'],
    ['consent.email', 'field.consent'],
    ['companyId', 'field.company'],
    ['lead', 'field.lead'],
    ['nonsense', undefined],
    ['', undefined],
  ])('%j → %j', (path, key) => {
    expect(fieldLabelKey(path)).toBe(key);
    if (key) expect(createTranslator('de')(key)).not.toBe(key);
  });

  it('exposes the catalogs', () => {
    expect(catalogs.de).toBe(de);
  });
});
