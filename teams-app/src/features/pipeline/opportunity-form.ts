import type { Opportunity, OpportunityStage } from '@klarkonform/shared';
import { formatEuroInput, type MoneyProblem, parseEuroInput } from '@klarkonform/shared/ui';
import type { OpportunityCreateBody, OpportunityPatchBody } from './pipeline-api';

// The opportunity form as text fields (amount as the user types it, in the UI language) and
// the rules that turn it into the API's body: amounts → integer cents, probability 0–100,
// a loss reason for Verloren, only changed fields in a PATCH.

export interface OpportunityForm {
  title: string;
  /** As typed: "12.345,67" (de) or "12,345.67" (en). */
  amount: string;
  /** As typed: whole percent. */
  probability: string;
  stage: OpportunityStage;
  /** YYYY-MM-DD or ''. */
  expectedCloseDate: string;
  offerDate: string;
  offerContent: string;
  lossReason: string;
  ownerId: string;
}

export type FormField =
  | 'title'
  | 'amount'
  | 'probability'
  | 'lossReason'
  | 'contact'
  | 'expectedCloseDate'
  | 'offerDate';
/** Which message each refused field gets. */
export type FormProblem =
  | 'title.required'
  | `money.${MoneyProblem}`
  | 'probability.invalid'
  | 'lost.required'
  | 'contact.required'
  | 'date.invalid';
export type FormErrors = Partial<Record<FormField, FormProblem>>;

export function formOf(opportunity: Opportunity, language: 'de' | 'en'): OpportunityForm {
  return {
    title: opportunity.title,
    amount: formatEuroInput(opportunity.amountCents, language),
    probability: String(opportunity.probability),
    stage: opportunity.stage,
    expectedCloseDate: opportunity.expectedCloseDate ?? '',
    offerDate: opportunity.offerDate ?? '',
    offerContent: opportunity.offerContent ?? '',
    lossReason: opportunity.lossReason ?? '',
    ownerId: opportunity.ownerId,
  };
}

/** An empty form for a new opportunity (stage Bedarfsermittlung). */
export const EMPTY_FORM: OpportunityForm = {
  title: '',
  amount: '',
  probability: '',
  stage: 'needsAnalysis',
  expectedCloseDate: '',
  offerDate: '',
  offerContent: '',
  lossReason: '',
  ownerId: '',
};

interface Checked {
  errors: FormErrors;
  amountCents: number;
  probability: number | undefined;
}

/** A real day written YYYY-MM-DD (not 2027-02-30). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

function check(form: OpportunityForm, language: 'de' | 'en'): Checked {
  const errors: FormErrors = {};
  if (form.title.trim() === '') errors.title = 'title.required';
  const amount = parseEuroInput(form.amount, language);
  if (!amount.ok) errors.amount = `money.${amount.problem}`;
  const probabilityText = form.probability.trim();
  const probability = probabilityText === '' ? undefined : Number(probabilityText);
  if (probability !== undefined && !(/^\d{1,3}$/.test(probabilityText) && probability <= 100)) {
    errors.probability = 'probability.invalid';
  }
  if (form.stage === 'lost' && form.lossReason.trim() === '') errors.lossReason = 'lost.required';
  // The date fields hand over YYYY-MM-DD for a date and the typed text for anything else ("30.02.2027").
  for (const field of ['expectedCloseDate', 'offerDate'] as const) {
    if (form[field] !== '' && !isCalendarDate(form[field])) errors[field] = 'date.invalid';
  }
  return { errors, amountCents: amount.ok ? amount.cents : 0, probability };
}

/** The PATCH body of the fields that differ from `original`, or the refused fields. */
export function patchOf(
  form: OpportunityForm,
  original: Opportunity,
  language: 'de' | 'en',
): { patch: OpportunityPatchBody } | { errors: FormErrors } {
  const { errors, amountCents, probability } = check(form, language);
  if (Object.keys(errors).length > 0) return { errors };
  const patch: OpportunityPatchBody = {};
  const title = form.title.trim();
  if (title !== original.title) patch.title = title;
  if (amountCents !== original.amountCents) patch.amountCents = amountCents;
  if (form.stage !== original.stage) patch.stage = form.stage;
  // A changed stage brings the stage's default probability, unless the user set one too.
  if (probability !== undefined && probability !== original.probability) patch.probability = probability;
  // An emptied optional field is cleared (null).
  const dates = ['expectedCloseDate', 'offerDate'] as const;
  for (const field of dates) if (form[field] !== (original[field] ?? '')) patch[field] = form[field] || null;
  const offerContent = form.offerContent.trim();
  if (offerContent !== (original.offerContent ?? '')) patch.offerContent = offerContent || null;
  // The API drops the loss reason when the stage leaves Verloren, and refuses one on any other stage.
  const lossReason = form.lossReason.trim();
  if (form.stage === 'lost' && lossReason !== (original.lossReason ?? '')) patch.lossReason = lossReason;
  if (form.ownerId && form.ownerId !== original.ownerId) patch.ownerId = form.ownerId;
  return { patch };
}

/** The POST body of a new opportunity with `contactId`, or the refused fields. */
export function createOf(
  form: OpportunityForm,
  contactId: string | undefined,
  language: 'de' | 'en',
): { body: OpportunityCreateBody } | { errors: FormErrors } {
  const { errors, amountCents, probability } = check(form, language);
  if (!contactId) errors.contact = 'contact.required';
  if (Object.keys(errors).length > 0 || !contactId) return { errors };
  return {
    body: {
      title: form.title.trim(),
      contactId,
      amountCents,
      stage: form.stage,
      ...(probability !== undefined ? { probability } : {}),
      ...(form.expectedCloseDate ? { expectedCloseDate: form.expectedCloseDate } : {}),
      ...(form.offerDate ? { offerDate: form.offerDate } : {}),
      ...(form.offerContent.trim() ? { offerContent: form.offerContent.trim() } : {}),
      ...(form.ownerId ? { ownerId: form.ownerId } : {}),
    },
  };
}
