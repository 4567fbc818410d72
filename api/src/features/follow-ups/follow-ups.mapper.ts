import { type FollowUp, localDate } from '@klarkonform/shared';
import type { FollowUpDoc } from './follow-ups.model';

// Between the stored follow-up and the API's FollowUp: server-only fields (tenant, lookup key,
// idempotency, pending records) stay inside.

const API_FIELDS = [
  'title',
  'dueDate',
  'dueTime',
  'assigneeId',
  'assigneeName',
  'contactId',
  'contactName',
  'opportunityId',
  'state',
  'doneAt',
  'doneBy',
  'createdBy',
  'createdAt',
  'updatedAt',
  'version',
] as const;

/** The stored fields the API shows and a change may touch, without the id. */
export type FollowUpFields = Omit<FollowUp, 'id'>;

export function fieldsOf(doc: FollowUpDoc): FollowUpFields {
  const out: Record<string, unknown> = {};
  for (const key of API_FIELDS) {
    const value = (doc as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out as FollowUpFields;
}

export function toFollowUp(doc: FollowUpDoc): FollowUp {
  return { id: String(doc._id), ...fieldsOf(doc) };
}

/** The list key of an open follow-up of `assigneeId`. */
export const openKey = (assigneeId: string) => `${assigneeId}:open`;

/** The list key of a follow-up of `assigneeId` completed in `month` (YYYY-MM, Berlin). */
export const doneKey = (assigneeId: string, month: string) => `${assigneeId}:done:${month}`;

/** The list key of a follow-up in its current state. */
export function assigneeStateOf(fields: Pick<FollowUpFields, 'assigneeId' | 'state' | 'doneAt'>): string {
  if (fields.state === 'open' || !fields.doneAt) return openKey(fields.assigneeId);
  return doneKey(fields.assigneeId, localDate(new Date(fields.doneAt)).slice(0, 7));
}

/** Due order: day, then untimed before timed (an all-day follow-up leads its day), then time, then id. */
export function dueOrderKey(f: Pick<FollowUp, 'id' | 'dueDate' | 'dueTime'>): string {
  // '-' sorts before every digit: an untimed follow-up before 00:00 of its day.
  return `${f.dueDate}|${f.dueTime ?? '-----'}|${f.id}`;
}

export function byDue(a: FollowUp, b: FollowUp): number {
  const x = dueOrderKey(a);
  const y = dueOrderKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
