import { createInstance } from 'i18next';
import { RELATIONSHIPS, type Relationship } from '../contacts/contact-enums.schema';
import type { Catalog, FieldName, TranslationKey } from './catalog';
import { FIELD_NAMES } from './catalog';
import { de } from './de';
import { en } from './en';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './language';

export const catalogs: Readonly<Record<Language, Catalog>> = { de, en };

// Typed keys get completion; plain strings (e.g. a finding's `messageKey` off the wire) are
// accepted too and come back as the key itself when unknown, as i18next does.
export type Translate = (key: TranslationKey | (string & {}), values?: Record<string, string | number>) => string;

const translators = new Map<Language, Translate>();

// One i18next instance per language, initialised synchronously from the bundled catalogs
// (no backend, nothing to await) and reused: the API translates per request.
export function createTranslator(lang: Language): Translate {
  const cached = translators.get(lang);
  if (cached) return cached;
  const instance = createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources: { de: { translation: de }, en: { translation: en } },
    initAsync: false,
    // React escapes on render and problem+json is JSON: HTML escaping here would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const translate: Translate = (key, values) => String(instance.t(key, values ?? {}));
  translators.set(lang, translate);
  return translate;
}

// "Kunde", "Beides" for customer + supplier, "Beides, Partner", "Lead, Partner"; in the order
// of the enumeration so that the same set always reads the same.
export function relationshipLabel(relationships: readonly Relationship[], lang: Language): string {
  const labels = catalogs[lang].relationship;
  const both = relationships.includes('customer') && relationships.includes('supplier');
  const parts = RELATIONSHIPS.filter((relationship) => relationships.includes(relationship))
    .filter((relationship) => !both || (relationship !== 'customer' && relationship !== 'supplier'))
    .map((relationship) => labels[relationship]);
  if (both) parts.unshift(labels.both);
  return parts.length > 0 ? parts.join(', ') : labels.none;
}

const FIELD_ALIASES: Record<string, FieldName> = {
  companyId: 'company',
  'lead.status': 'leadStatus',
  'lead.source': 'leadSource',
  'lead.sourceDetail': 'sourceDetail',
  'lead.nextSteps': 'nextSteps',
  'lead.budget': 'budget',
  'lead.timeframe': 'timeframe',
  'address.street': 'street',
  'address.postcode': 'postcode',
  'address.city': 'city',
  'address.country': 'country',
  'notes.specifics': 'specifics',
  'notes.history': 'history',
  'notes.openItems': 'openItems',
  'notes.free': 'freeNotes',
  addHistory: 'history',
  addOpenItems: 'openItems',
  setOpenItems: 'openItems',
  addFreeNotes: 'freeNotes',
};

// The label key for a field path as findings and validation errors name it ("emails.2",
// "lead.status", "/address/city"); undefined when the path names no known field.
export function fieldLabelKey(path: string): TranslationKey | undefined {
  const segments = path.split(/[./]/).filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  for (let length = segments.length; length > 0; length--) {
    const candidate = segments.slice(0, length).join('.');
    const field = FIELD_ALIASES[candidate] ?? candidate;
    if ((FIELD_NAMES as readonly string[]).includes(field)) return `field.${field as FieldName}`;
  }
  return undefined;
}
