import { type Static, Type } from 'typebox';
import { DateTime, Email, StrictObject, Text } from '../contacts/contact-common.schema';

// Kept apart from mirror.schema.ts: the contact schema shows a contact's sync problem, and
// mirror.schema.ts itself imports the contact schema.

/**
 * Why the mirror could not do something. Tenant-level codes (`notConfigured`, `authFailed`) stop
 * the whole run; target-level codes (`mailboxNotFound`, `accessDenied`, `folderFailed`) stop one
 * target mailbox; `throttled` and `unavailable` are transient and retried at the next run;
 * `rejected` is one contact Graph refused (its message in `detail`); `outlookRefused` is one contact
 * whose change made in Outlook the CRM's rules refuse (which fields and why in `detail`): the CRM
 * kept its values, wrote them back to Outlook and marked the contact for review.
 */
export const MIRROR_PROBLEM_CODES = [
  'notConfigured',
  'authFailed',
  'mailboxNotFound',
  'accessDenied',
  'folderFailed',
  'throttled',
  'unavailable',
  'rejected',
  'outlookRefused',
] as const;
export const MirrorProblemCode = Type.Enum(MIRROR_PROBLEM_CODES);
export type MirrorProblemCode = Static<typeof MirrorProblemCode>;

/** A problem with the mailbox it concerns and Microsoft's own message (never personal data of others). */
export const MirrorProblem = StrictObject({
  code: MirrorProblemCode,
  mailbox: Type.Optional(Email),
  /** Graph's or Entra ID's error code and message, e.g. "ErrorAccessDenied: Access is denied." */
  detail: Type.Optional(Text(500)),
  at: DateTime,
});
export type MirrorProblem = Static<typeof MirrorProblem>;
