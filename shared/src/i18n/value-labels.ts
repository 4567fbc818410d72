import type { Catalog } from './catalog';
import { catalogs } from './i18n';
import type { Language } from './language';

type LabelGroup = Record<string, string>;

const isLabelGroup = (value: unknown): value is LabelGroup =>
  typeof value === 'object' && value !== null && Object.values(value).every((text) => typeof text === 'string');

// Groups that label things other than stored values (field names, problems, type words).
const NOT_VALUE_GROUPS: ReadonlySet<keyof Catalog> = new Set([
  'field',
  'jsonType',
  'tokenProblem',
  'serviceProblem',
  'inputProblem',
  'textProblem',
  'consentProblem',
  'consentReason',
  'kindPlural',
  'limitProblem',
  // The import assistant's and export's words (issue 16) label no stored contact value; kept out so
  // that e.g. 'merge' or 'new' keep their audit and lead-status texts.
  'importTarget',
  'importPreset',
  'importStatus',
  'importVerdict',
  'importAction',
  'importOutcome',
  'importRowProblem',
  'importEncoding',
  'csvDelimiter',
  'importFormat',
  'exportFormat',
]);

/**
 * The values of an enumeration in the reader's words, in the order given: ['new', 'qualifying']
 * → ['Neu', 'In Qualifizierung']. The labels come from the catalog group that has a text for every
 * value (the smallest such group, so 'partner' alone reads as a relationship or a lead source
 * alike); values no group knows (app roles, codes) stay as they are. New enumerations only need
 * their catalog group.
 */
export function valueLabels(values: readonly unknown[], lang: Language): string[] {
  const texts = values.map(String);
  const catalog = catalogs[lang];
  let best: LabelGroup | undefined;
  for (const [name, group] of Object.entries(catalog)) {
    if (NOT_VALUE_GROUPS.has(name as keyof Catalog) || !isLabelGroup(group)) continue;
    if (!texts.every((value) => Object.hasOwn(group, value))) continue;
    if (!best || Object.keys(group).length < Object.keys(best).length) best = group;
  }
  return best ? texts.map((value) => best[value] ?? value) : texts;
}
