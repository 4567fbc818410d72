import { Ajv } from 'ajv';
import {
  Contact,
  createTranslator,
  describeField,
  type FieldError,
  fieldLabelKey,
  type Language,
  type LimitProblem,
  limitProblems,
  type Translate,
} from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import { addAppFormats, toFieldErrors } from '../../infra/validation';
import type { ContactFields } from './contacts.mapper';

// What may be stored is what can be answered: every write of a contact is checked against the
// Contact response schema before it is written. A contact that failed the schema would answer
// 500 to every read, card and edit (the response serializer refuses it) — so the change is
// refused with a 409 instead, naming what to trim first, and nothing is written.

// Its own ajv, not the request validators: those fill in defaults and normalise text in place,
// and this check must only look at the contact, never change it.
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addAppFormats(ajv);
const isStorable = ajv.compile(Contact);

/** The id and number a contact is checked with before it has its own. */
const PLACEHOLDER = { id: '000000000000000000000000', contactNumber: 'C00000' } as const;

function describe(t: Translate, p: LimitProblem): string {
  const channel = /^consent\.channels\.(\w+)$/.exec(p.field)?.[1];
  const labelKey = fieldLabelKey(p.field);
  const label = channel ? `${t('field.consent')} (${t(`channel.${channel}`)})` : labelKey ? t(labelKey) : p.field;
  const key = p.field === 'notes.specifics' ? 'limitProblem.tooLong' : 'limitProblem.tooMany';
  return t(key, { label, count: p.count, max: p.max, excess: p.count - p.max });
}

/**
 * 409 for a change that would put a contact over its limits (`merge`: two contacts combined;
 * `stored`: any other change). The detail and each field error say how much to remove, in the
 * reader's language; the fields are the contact's (`tags`, `notes.history`, `consent.channels.email`).
 */
export function limitExceeded(problems: readonly LimitProblem[], context: 'merge' | 'stored'): HttpError {
  const texts = (t: Translate): { detail: string; errors: FieldError[] } => {
    const errors = problems.map((p) => ({ field: p.field, message: describe(t, p) }));
    return { detail: t(`limitProblem.${context}`, { problems: errors.map((e) => e.message).join(' ') }), errors };
  };
  const english = texts(createTranslator('en'));
  return new HttpError(409, 'conflict', english.detail, { errors: english.errors, localize: texts });
}

/**
 * Throws 409 unless `fields` (the whole contact as it would be stored) pass the Contact schema.
 * Limits get the message of `limitExceeded`; anything else (a rule the services missed) is
 * refused with the schema's field errors.
 */
export function assertStorable(fields: ContactFields, id: string = PLACEHOLDER.id): void {
  const contact = { contactNumber: PLACEHOLDER.contactNumber, ...fields, id, archived: fields.archived ?? null };
  if (isStorable(contact)) return;
  const problems = limitProblems(fields as never);
  if (problems.length > 0) throw limitExceeded(problems, 'stored');
  const errors = isStorable.errors ?? [];
  const texts = (t: Translate, lang: Language) => {
    const fields = toFieldErrors(errors, '', lang);
    const problems = fields.map((e) => `${describeField(e.field, t) ?? e.field}: ${e.message}`).join('; ');
    return { detail: t('serviceProblem.notStorable', { problems }), errors: fields };
  };
  const english = texts(createTranslator('en'), 'en');
  throw new HttpError(409, 'conflict', english.detail, { errors: english.errors, localize: texts });
}
