import { createContext, type ReactNode, useMemo } from 'react';
import type { Catalog, TranslationKey } from '../../i18n/catalog';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import type { Language } from '../../i18n/language';
import { ACTIVITY_DE, type ActivityKey } from '../activities/activity-messages.de';
import { ACTIVITY_EN } from '../activities/activity-messages.en';
import { CREATE_DE, type CreateKey } from '../create/create-messages.de';
import { CREATE_EN } from '../create/create-messages.en';
import { DEMO_DE, type DemoKey } from '../demo/demo-messages.de';
import { DEMO_EN } from '../demo/demo-messages.en';
import { EDIT_DE, type EditKey } from '../edit/edit-messages.de';
import { EDIT_EN } from '../edit/edit-messages.en';
import { FOLLOW_UP_DE, type FollowUpKey } from '../follow-ups/follow-up-messages.de';
import { FOLLOW_UP_EN } from '../follow-ups/follow-up-messages.en';
import { LEAD_DE, type LeadKey } from '../lead/lead-messages.de';
import { LEAD_EN } from '../lead/lead-messages.en';
import { OPPORTUNITY_DE, type OpportunityKey } from '../opportunities/opportunity-messages.de';
import { OPPORTUNITY_EN } from '../opportunities/opportunity-messages.en';
import { createDateFormat, type DateFormat } from './date-format';
import { FORM_DE, type FormKey } from './form-messages.de';
import { FORM_EN } from './form-messages.en';
import { NOTES_DE, type NotesKey } from './notes-messages.de';
import { NOTES_EN } from './notes-messages.en';
import { UI_DE, type UiKey } from './ui-messages.de';
import { UI_EN } from './ui-messages.en';

// Shared catalog keys ('relationship.customer', 'field.position', 'quality.company.noPeople')
// and the UI's own ('card.unknown'). The shared catalogs are read as plain objects: i18next
// stays out of the task-pane bundle.
export type TextKey =
  | UiKey
  | FormKey
  | LeadKey
  | NotesKey
  | CreateKey
  | DemoKey
  | EditKey
  | OpportunityKey
  | FollowUpKey
  | ActivityKey
  | TranslationKey;
export type TextParams = Readonly<Record<string, string | number>>;

/**
 * The UI's texts and its date and time formats, both in the UI language (never the browser's
 * locale): `date('2026-03-12')` is 12.03.2026 in German, 12 Mar 2026 in English (date-format.ts).
 */
export interface UiText extends DateFormat {
  language: Language;
  t(key: TextKey, params?: TextParams): string;
}

type OwnKey =
  | UiKey
  | FormKey
  | LeadKey
  | NotesKey
  | CreateKey
  | DemoKey
  | EditKey
  | OpportunityKey
  | FollowUpKey
  | ActivityKey;
const UI: Record<Language, Record<OwnKey, string>> = {
  de: {
    ...UI_DE,
    ...FORM_DE,
    ...LEAD_DE,
    ...NOTES_DE,
    ...CREATE_DE,
    ...DEMO_DE,
    ...EDIT_DE,
    ...OPPORTUNITY_DE,
    ...FOLLOW_UP_DE,
    ...ACTIVITY_DE,
  },
  en: {
    ...UI_EN,
    ...FORM_EN,
    ...LEAD_EN,
    ...NOTES_EN,
    ...CREATE_EN,
    ...DEMO_EN,
    ...EDIT_EN,
    ...OPPORTUNITY_EN,
    ...FOLLOW_UP_EN,
    ...ACTIVITY_EN,
  },
};
const SHARED: Record<Language, Catalog> = { de, en };

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function createUiText(language: Language): UiText {
  const own: Record<string, string> = UI[language];
  return {
    ...createDateFormat(language),
    language,
    t(key, params) {
      const text = own[key] ?? lookup(SHARED[language], key) ?? lookup(de, key) ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
    },
  };
}

export const UiTextContext = createContext<UiText>(createUiText('de'));

export function UiTextProvider({ language, children }: { language: Language; children: ReactNode }) {
  const text = useMemo(() => createUiText(language), [language]);
  return <UiTextContext.Provider value={text}>{children}</UiTextContext.Provider>;
}
