import type { Language } from '../i18n/language';
import type { Salutation } from '../contacts/contact-enums.schema';
import { letterSalutation } from '../contacts/display-name.rules';
import { TEMPLATE_PLACEHOLDERS, type TemplateLanguage, type TemplatePlaceholder } from './template.schema';

// The pure part of templates (Vorlagen): what each placeholder means, the values a contact gives
// them, and which `{{ … }}` expressions are placeholders at all. The API parses template text with
// liquidjs and asks `checkOutput` about every `{{ … }}` it finds; nothing here evaluates text.

/** A placeholder as the users write it: `{{vorname}}`. */
export const placeholderText = (name: string): string => `{{${name}}}`;

/** The allowed placeholders as a comma-separated list for messages ("{{briefanrede}}, {{anrede}}, …"). */
export const ALLOWED_PLACEHOLDERS_TEXT = TEMPLATE_PLACEHOLDERS.map(placeholderText).join(', ');

/** What each placeholder stands for, in German and English (the editor's placeholder list, docs/TEMPLATES.md). */
export const PLACEHOLDER_DESCRIPTIONS: Readonly<Record<TemplatePlaceholder, Readonly<Record<Language, string>>>> = {
  briefanrede: {
    de: 'Briefanrede mit Komma aus Anrede, Titel und Nachname',
    en: 'Letter salutation with comma from salutation, title and last name',
  },
  anrede: { de: 'Herr/Frau (leer bei divers oder unbekannt)', en: 'Mr/Ms (empty for diverse or unknown)' },
  titel: { de: 'Akademischer Titel', en: 'Academic title' },
  vorname: { de: 'Vorname', en: 'First name' },
  nachname: { de: 'Nachname', en: 'Last name' },
  firma: { de: 'Firma der Person (bei einer Firma ihr Name)', en: "The person's company (a company's own name)" },
  position: { de: 'Position', en: 'Job title' },
  abteilung: { de: 'Abteilung', en: 'Department' },
  betreuer: { de: 'Betreuer (zuständige Person im Team)', en: 'Account owner in your team' },
  kontaktnummer: { de: 'Kontaktnummer', en: 'Contact number' },
};

/**
 * The contact fields the placeholders are filled from: a stored contact mapped by the API, or
 * the built-in sample person of the preview. `companyName` is the name of a person's company
 * (looked up by the caller); `ownerName` the Betreuer's display name.
 */
export type PlaceholderContact =
  | {
      kind: 'person';
      salutation?: Salutation | null;
      title?: string | null;
      firstName?: string | null;
      lastName: string;
      companyName?: string | null;
      position?: string | null;
      department?: string | null;
      ownerName?: string | null;
      contactNumber?: string | null;
    }
  | { kind: 'company'; name: string; ownerName?: string | null; contactNumber?: string | null };

/** The preview's sample person when no contact is chosen (TemplatePreviewRequest without contactId). */
export const SAMPLE_CONTACT: PlaceholderContact = {
  kind: 'person',
  salutation: 'Frau',
  title: 'Dr.',
  firstName: 'Erika',
  lastName: 'Musterfrau',
  companyName: 'Muster GmbH',
  position: 'Leiterin Einkauf',
  department: 'Einkauf',
  ownerName: 'Sabine Beispiel',
  contactNumber: 'C00042',
};

const text = (value: string | null | undefined): string => (value ?? '').trim();

const SALUTATION_WORDS: Readonly<Record<TemplateLanguage, Partial<Record<Salutation, string>>>> = {
  de: { Herr: 'Herr', Frau: 'Frau' },
  en: { Herr: 'Mr', Frau: 'Ms' },
};

/**
 * Every placeholder's value for `contact` in a template of `language` (plain text, trimmed; ''
 * where the contact has none). `briefanrede` is `letterSalutation` plus the comma ("Sehr geehrte
 * Frau Dr. Musterfrau,", "Sehr geehrte Damen und Herren," when the salutation is unknown, "Dear
 * Ms Musterfrau," in English); for a company only `briefanrede`, `firma`, `betreuer` and
 * `kontaktnummer` have values.
 */
export function placeholderValues(
  contact: PlaceholderContact,
  language: TemplateLanguage,
): Record<TemplatePlaceholder, string> {
  const common = {
    briefanrede: `${letterSalutation(contact, language)},`,
    betreuer: text(contact.ownerName),
    kontaktnummer: text(contact.contactNumber),
  };
  if (contact.kind === 'company') {
    return {
      ...common,
      anrede: '',
      titel: '',
      vorname: '',
      nachname: '',
      firma: text(contact.name),
      position: '',
      abteilung: '',
    };
  }
  return {
    ...common,
    anrede: contact.salutation ? (SALUTATION_WORDS[language][contact.salutation] ?? '') : '',
    titel: text(contact.title),
    vorname: text(contact.firstName),
    nachname: text(contact.lastName),
    firma: text(contact.companyName),
    position: text(contact.position),
    abteilung: text(contact.department),
  };
}

/** The placeholders among `used` whose value is empty (in order, without repeats). */
export function emptyPlaceholders(
  used: readonly TemplatePlaceholder[],
  values: Readonly<Record<TemplatePlaceholder, string>>,
): TemplatePlaceholder[] {
  return [...new Set(used)].filter((name) => values[name] === '');
}

/** Why a `{{ … }}` is not a placeholder. */
export type OutputProblem =
  | 'unknownPlaceholder'
  | 'placeholderCase'
  | 'placeholderFilter'
  | 'placeholderPath'
  | 'placeholderExpression'
  | 'placeholderTrim';

/**
 * The verdict on one `{{ … }}`: a placeholder, or why not, with the placeholder the user most
 * likely meant where one fits (`suggestion`: the case-corrected name, or a near miss).
 */
export type OutputCheck =
  | { ok: true; placeholder: TemplatePlaceholder }
  | { ok: false; problem: OutputProblem; suggestion?: TemplatePlaceholder };

const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS);
const NAME = /^[\p{L}_][\p{L}\p{N}_-]*$/u;
const PATH = /^[\p{L}_][\p{L}\p{N}_-]*\s*[.[]/u;
/** A near miss is at most this many single-character edits away (Levenshtein distance). */
export const NEAR_MISS_DISTANCE = 2;

/** The Levenshtein distance of `a` and `b` (insertions, deletions, substitutions; code units). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The placeholder `name` most likely means: itself in lower case, else the known placeholder
 * closest to it in lower case, at most NEAR_MISS_DISTANCE edits away (the first in the table's
 * order on a tie); undefined when none is that close ("vornam" → vorname, "Nachnahme" → nachname).
 */
export function nearestPlaceholder(name: string): TemplatePlaceholder | undefined {
  const lower = name.trim().toLowerCase();
  if (lower === '') return undefined;
  if (KNOWN.has(lower)) return lower as TemplatePlaceholder;
  let best: { name: TemplatePlaceholder; distance: number } | undefined;
  for (const known of TEMPLATE_PLACEHOLDERS) {
    // Cheap bound: names differing in length by more than the limit cannot be that close.
    if (Math.abs(known.length - lower.length) > NEAR_MISS_DISTANCE) continue;
    const distance = editDistance(lower, known);
    if (distance <= NEAR_MISS_DISTANCE && (!best || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name;
}

const withSuggestion = (problem: OutputProblem, suggestion: TemplatePlaceholder | undefined): OutputCheck =>
  suggestion ? { ok: false, problem, suggestion } : { ok: false, problem };

/**
 * Whether the inside of one `{{ … }}` (`expression`, as the parser found it; `trimmed`: it used
 * `{{-`/`-}}` whitespace control) is one of TEMPLATE_PLACEHOLDERS. Names are case-sensitive and
 * written in lower case, as in the table: `{{Vorname}}` is refused with the suggestion `vorname`
 * (one spelling keeps the templates greppable and the sent mail predictable); a near miss
 * (`{{vornam}}`, at most NEAR_MISS_DISTANCE edits) is refused with the name it is close to.
 * Spaces inside the braces are fine; whitespace control around a name (`{{- vorname -}}`) is
 * refused as placeholderTrim; filters (`|`), dotted or indexed paths, literals, extra braces
 * (`{{{vorname}}}`) and operators are refused — the last with a suggestion when the name inside is
 * recognisable.
 */
export function checkOutput(expression: string, trimmed = false): OutputCheck {
  const inner = expression.trim();
  if (inner.includes('|')) return { ok: false, problem: 'placeholderFilter' };
  if (NAME.test(inner)) {
    const near = nearestPlaceholder(inner);
    if (trimmed && near) return { ok: false, problem: 'placeholderTrim', suggestion: near };
    if (!trimmed && KNOWN.has(inner)) return { ok: true, placeholder: inner as TemplatePlaceholder };
    if (near && near === inner.toLowerCase()) return { ok: false, problem: 'placeholderCase', suggestion: near };
    return withSuggestion('unknownPlaceholder', near);
  }
  if (PATH.test(inner)) return { ok: false, problem: 'placeholderPath' };
  // `{{{vorname}}}`, `{{ -vorname }}`: the name inside the stray braces or dashes, if it is one.
  const core = inner.replace(/^[\s{}-]+|[\s{}-]+$/g, '');
  return withSuggestion('placeholderExpression', NAME.test(core) ? nearestPlaceholder(core) : undefined);
}
