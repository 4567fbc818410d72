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

// Field paths whose label has another name; a key may start with the request part
// ("querystring.q") when the same name means something else elsewhere. A path that is itself a
// field name ("industry", "businessPhones") needs no entry, only its label in `field`.
const FIELD_ALIASES: Record<string, FieldName> = {
  companyId: 'company',
  ownerId: 'owner',
  amountCents: 'amount',
  'querystring.open': 'openOnly',
  'lead.status': 'leadStatus',
  'lead.source': 'leadSource',
  'lead.sourceDetail': 'sourceDetail',
  'lead.nextSteps': 'nextSteps',
  'lead.budget': 'budget',
  'lead.budget.minEur': 'budgetMin',
  'lead.budget.maxEur': 'budgetMax',
  'lead.timeframe': 'timeframe',
  'address.street': 'street',
  'address.postcode': 'postcode',
  'address.city': 'city',
  'address.country': 'country',
  'notes.specifics': 'specifics',
  'notes.history': 'history',
  'notes.openItems': 'openItems',
  'notes.free': 'freeNotes',
  'body.type': 'eventType',
  'body.at': 'date',
  'params.id': 'contactId',
  'querystring.q': 'searchText',
  'querystring.relationship': 'relationships',
  'querystring.role': 'roles',
  'querystring.tag': 'tags',
  'querystring.name': 'displayName',
  'headers.idempotency-key': 'idempotencyKey',
  'headers.if-match': 'ifMatch',
  template: 'usedTemplate',
  addHistory: 'history',
  addOpenItems: 'openItems',
  setOpenItems: 'openItems',
  addFreeNotes: 'freeNotes',
  // Follow-ups (Wiedervorlage)
  assigneeId: 'assignee',
  'querystring.assignee': 'assignee',
  'body.state': 'followUpState',
  'querystring.state': 'followUpState',
  'querystring.range': 'dueRange',
  'body.body': 'mailBody',
  // The send-time consent check (issue 14)
  'body.enabled': 'sendCheckEnabled',
  'body.mode': 'sendMode',
  // The Microsoft 365 contacts mirror (issue 13)
  'body.targets': 'mirrorTargets',
  'body.targets.mailbox': 'mailbox',
  'body.targets.folderName': 'folderName',
  'querystring.list': 'mirrorList',
  // Import and export (issue 16)
  'defaults.kind': 'kind',
  'defaults.relationships': 'relationships',
  'defaults.tags': 'tags',
  'defaults.leadSource': 'leadSource',
  'defaults.ownerId': 'owner',
  'defaults.onDuplicate': 'onDuplicate',
  'defaults.onFileDuplicate': 'onFileDuplicate',
  'body.action': 'importAction',
  'params.row': 'row',
};

/** The request parts a validation error's path starts with ("body.lead.budget"). */
const REQUEST_PARTS = ['body', 'querystring', 'params', 'headers'];

// Lists of choices, not of entries: "Beziehung" says enough, "Beziehung, Eintrag 2" would not help.
const CHOICE_LISTS: ReadonlySet<FieldName> = new Set(['relationships', 'roles']);

/** A field a path names: its label's name and, inside a list of entries, the entry's number (1-based). */
export interface FieldMatch {
  field: FieldName;
  entry?: number;
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

/**
 * The known field a path names ("body.emails.1.address" → emails, entry 2; "lead.status" →
 * leadStatus; "/address/city" → city), the longest known prefix winning; `exact` accepts only
 * the whole path. Undefined when the path names no known field.
 */
export function matchField(path: string, exact = false): FieldMatch | undefined {
  const all = path.split(/[./]/).filter((segment) => segment !== '');
  const part = REQUEST_PARTS.includes(all[0] ?? '') ? all[0] : undefined;
  const segments = part ? all.slice(1) : all;
  for (let length = segments.length; length > 0; length--) {
    if (isIndex(segments[length - 1] ?? '')) continue;
    if (exact && length < segments.length) break;
    const candidate = segments
      .slice(0, length)
      .filter((segment) => !isIndex(segment))
      .join('.');
    const field = (part && FIELD_ALIASES[`${part}.${candidate}`]) || FIELD_ALIASES[candidate] || candidate;
    if (!(FIELD_NAMES as readonly string[]).includes(field)) continue;
    const next = segments[length];
    const match: FieldMatch = { field: field as FieldName };
    if (next !== undefined && isIndex(next) && !CHOICE_LISTS.has(match.field)) match.entry = Number(next) + 1;
    return match;
  }
  return undefined;
}

// The label key for a field path as findings and validation errors name it ("emails.2",
// "lead.status", "/address/city", "body.lead.budget"); undefined when the path names no known field.
export function fieldLabelKey(path: string): TranslationKey | undefined {
  const match = matchField(path);
  return match ? `field.${match.field}` : undefined;
}

/**
 * A field path in the reader's words: "body.lead.budget" → "Budget", "body.emails.1.address" →
 * "E-Mail-Adressen, Eintrag 2", "querystring.q" → "Suchbegriff"; undefined when unknown.
 */
export function describeField(path: string, t: Translate, exact = false): string | undefined {
  const match = matchField(path, exact);
  if (!match) return undefined;
  const label = t(`field.${match.field}`);
  return match.entry === undefined ? label : t('serviceProblem.fieldEntry', { label, n: match.entry });
}
