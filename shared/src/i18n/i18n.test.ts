import { describe, expect, it } from 'vitest';
import { CONSENT_REASONS, QUALITY_CODES, RELATIONSHIPS } from '../contacts/contact-enums.schema';
import type { Relationship } from '../contacts/contact-enums.schema';
import { FIELD_NAMES, SERVICE_PROBLEMS, TOKEN_PROBLEMS } from './catalog';
import { de } from './de';
import { en } from './en';
import { catalogs, createTranslator, describeField, fieldLabelKey, matchField, relationshipLabel } from './i18n';
import { valueLabels } from './value-labels';

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

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('serviceProblem (the problem details of the API)', () => {
  it.each(SERVICE_PROBLEMS.map((key) => [key]))(
    '%s has a German and an English text with the same placeholders',
    (key) => {
      const german = de.serviceProblem[key];
      const english = en.serviceProblem[key];
      expect(german?.trim(), key).toBeTruthy();
      expect(english?.trim(), key).toBeTruthy();
      expect(placeholders(german)).toEqual(placeholders(english));
      expect(createTranslator('de')(`serviceProblem.${key}`)).not.toBe(`serviceProblem.${key}`);
      expect(createTranslator('en')(`serviceProblem.${key}`)).not.toBe(`serviceProblem.${key}`);
    },
  );

  it('has every key listed, and no other', () => {
    expect(Object.keys(de.serviceProblem).sort()).toEqual([...SERVICE_PROBLEMS].sort());
    expect(Object.keys(en.serviceProblem).sort()).toEqual([...SERVICE_PROBLEMS].sort());
  });

  it('has a label for every field and a reason for every refused token, in both languages', () => {
    for (const catalog of [de, en]) {
      for (const field of FIELD_NAMES) expect(catalog.field[field]?.trim(), field).toBeTruthy();
      for (const problem of TOKEN_PROBLEMS) expect(catalog.tokenProblem[problem]?.trim(), problem).toBeTruthy();
    }
  });

  it('words the kind-specific field sentence in both languages', () => {
    const values = (lang: 'de' | 'en') => {
      const t = createTranslator(lang);
      return { label: t('field.industry'), kinds: t('kindPlural.company') };
    };
    expect(createTranslator('de')('serviceProblem.notAField', values('de'))).toBe('„Branche“ gibt es nur bei Firmen.');
    expect(createTranslator('en')('serviceProblem.notAField', values('en'))).toBe(
      '“Industry” only exists for companies.',
    );
  });
});

describe('describeField', () => {
  const de_ = createTranslator('de');
  const en_ = createTranslator('en');
  it.each([
    ['body.lead.budget', 'Budget', 'Budget'],
    ['body.lead.budget.minEur', 'Budget von (€)', 'Budget from (€)'],
    ['body.emails.1.address', 'E-Mail-Adressen, Eintrag 2', 'Email addresses, entry 2'],
    ['body.address.postcode', 'PLZ', 'Postcode'],
    ['body.relationships.0', 'Beziehung', 'Relationship'],
    ['body.businessPhones.2', 'Telefon geschäftlich, Eintrag 3', 'Business phones, entry 3'],
    ['body.mobilePhone', 'Mobiltelefon', 'Mobile phone'],
    ['querystring.q', 'Suchbegriff', 'Search term'],
    ['querystring.relationship', 'Beziehung', 'Relationship'],
    ['headers.idempotency-key', 'Idempotency-Key', 'Idempotency-Key'],
    ['params.id', 'Kontakt-ID', 'Contact ID'],
    ['body.type', 'Ereignis', 'Event'],
  ])('%s → %s / %s', (path, german, english) => {
    expect(describeField(path, de_)).toBe(german);
    expect(describeField(path, en_)).toBe(english);
  });

  it('knows no label for an unknown path, and with `exact` none for a path under a known field', () => {
    expect(describeField('body.xyz', de_)).toBeUndefined();
    expect(describeField('body', de_)).toBeUndefined();
    expect(describeField('body.address.foo', de_)).toBe('Adresse');
    expect(describeField('body.address.foo', de_, true)).toBeUndefined();
    expect(matchField('body.industry', true)).toEqual({ field: 'industry' });
  });
});

describe('valueLabels', () => {
  it('names enumeration values by their labels, in the reader’s language', () => {
    expect(valueLabels(['new', 'qualifying', 'offer'], 'de')).toEqual(['Neu', 'In Qualifizierung', 'Angebot']);
    expect(valueLabels(['Herr', 'Frau', 'divers', 'none'], 'en')).toEqual(['Mr', 'Ms', 'Diverse', 'Not specified']);
    expect(valueLabels(['company', 'person'], 'de')).toEqual(['Firma', 'Person']);
    expect(valueLabels(['customer', 'partner'], 'de')).toEqual(['Kunde', 'Partner']);
  });

  it('keeps values no catalog group knows as they are', () => {
    expect(valueLabels(['CRM.Sales', 'CRM.Admin'], 'de')).toEqual(['CRM.Sales', 'CRM.Admin']);
    expect(valueLabels([], 'de')).toEqual([]);
  });
});
