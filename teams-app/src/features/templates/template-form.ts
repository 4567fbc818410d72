import type {
  Template,
  TemplateCreate,
  TemplateLanguage,
  TemplatePatch,
  TemplatePlaceholder,
  TemplatePurpose,
} from '@klarkonform/shared/ui';

/**
 * What the editor holds: the create fields (TemplateCreate), body as the editor's HTML; purpose ''
 * until chosen (a new template has none preselected: the user decides how it is checked at send time).
 */
export type TemplateDraft = Omit<TemplateCreate, 'purpose'> & { purpose: TemplatePurpose | '' };
export type DraftField = keyof TemplateDraft;
/** A message per field, shown at the field (German or English, as the API or the form wrote it). */
export type DraftErrors = Partial<Record<DraftField, string>>;

const FIELDS: readonly DraftField[] = ['name', 'subject', 'bodyHtml', 'language', 'purpose'];

/** The contract's limits (template.schema.ts): name 120, subject 500 characters. */
export const NAME_MAX = 120;
export const SUBJECT_MAX = 500;

/**
 * The placeholders the menu offers, in the contract's order (TEMPLATE_PLACEHOLDERS). A Record, so the
 * compiler insists on every placeholder of the contract without the tab loading its TypeBox schema.
 */
const PLACEHOLDER_ORDER: Record<TemplatePlaceholder, number> = {
  briefanrede: 0,
  anrede: 1,
  titel: 2,
  vorname: 3,
  nachname: 4,
  firma: 5,
  position: 6,
  abteilung: 7,
  betreuer: 8,
  kontaktnummer: 9,
};
export const PLACEHOLDERS = (Object.keys(PLACEHOLDER_ORDER) as TemplatePlaceholder[]).sort(
  (a, b) => PLACEHOLDER_ORDER[a] - PLACEHOLDER_ORDER[b],
);

/** `{{vorname}}`: how a placeholder is written in subject and body. */
export const placeholderToken = (name: TemplatePlaceholder) => `{{${name}}}`;

/** A new template: in the UI's language, empty, no purpose chosen yet. */
export function emptyDraft(language: TemplateLanguage): TemplateDraft {
  return { name: '', subject: '', bodyHtml: '', language, purpose: '' };
}

/** The draft as the API takes it; undefined while no purpose is chosen (checkDraft says so at the field). */
export function createOf(draft: TemplateDraft): TemplateCreate | undefined {
  const { purpose } = draft;
  return purpose === '' ? undefined : { ...draft, purpose };
}

export function draftOf(template: Template): TemplateDraft {
  const { name, subject, bodyHtml, language, purpose } = template;
  return { name, subject, bodyHtml, language, purpose };
}

/** The changed fields; empty when nothing changed (then nothing is sent). */
export function patchOf(base: TemplateDraft, draft: TemplateDraft): TemplatePatch {
  const patch: Record<string, string> = {};
  for (const field of FIELDS) if (draft[field] !== base[field]) patch[field] = draft[field];
  return patch as TemplatePatch;
}

export const isDirty = (base: TemplateDraft, draft: TemplateDraft) => Object.keys(patchOf(base, draft)).length > 0;

/** What the form can tell before asking the API: a name, a chosen purpose, and the contract's lengths. */
export function checkDraft(
  draft: TemplateDraft,
  texts: { nameRequired: string; purposeRequired: string; tooLong: (max: number) => string },
): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.purpose === '') errors.purpose = texts.purposeRequired;
  if (draft.name.trim() === '') errors.name = texts.nameRequired;
  else if (draft.name.length > NAME_MAX) errors.name = texts.tooLong(NAME_MAX);
  if (draft.subject.length > SUBJECT_MAX) errors.subject = texts.tooLong(SUBJECT_MAX);
  return errors;
}

/**
 * The problem's field errors (`errors[].field`, e.g. "body.bodyHtml", "/subject") placed at the
 * editor's fields; those that name no field are returned as `other` for the message bar.
 */
export function placeFieldErrors(errors: readonly { field: string; message: string }[]): {
  fields: DraftErrors;
  other: { field: string; message: string }[];
} {
  const fields: DraftErrors = {};
  const other: { field: string; message: string }[] = [];
  for (const error of errors) {
    const segments = error.field.split(/[./[\]]+/).filter(Boolean);
    const field = FIELDS.find((name) => segments.includes(name));
    if (field) fields[field] = fields[field] ? `${fields[field]} ${error.message}` : error.message;
    else other.push(error);
  }
  return { fields, other };
}

/** `text` with `insert` put in place of the selection [start, end); `caret` is just after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}

/** The purposes in the order the editor offers them (the contract's TEMPLATE_PURPOSES). */
export const PURPOSES: readonly TemplatePurpose[] = ['marketing', 'transactional', 'personal'];
export const LANGUAGES: readonly TemplateLanguage[] = ['de', 'en'];
