import type { SyncStatus } from '../../contacts/contact-enums.schema';
import type { MirrorProblem } from '../../mirror/mirror-problem.schema';
import type { UiText } from '../i18n/UiTextProvider';

// How a contact's Microsoft 365 sync status reads on the card (issue 13): the status with the
// time it was last synced, and for an error what went wrong and what to do. Pure, so the card in
// the task pane and the Teams tab show the same words; type-only imports keep schemas out of the
// task pane.

/** A mirror problem in the UI language: what went wrong, what to do, and Microsoft's own words. */
export interface MirrorProblemText {
  title: string;
  help: string;
  /** Graph's or Entra ID's message, e.g. "ErrorAccessDenied: Access is denied." */
  detail?: string | undefined;
  /** The mailbox the problem concerns, when it concerns one. */
  mailbox?: string | undefined;
}

/** The catalog's title and help of `problem.code`, with the problem's mailbox and detail. */
export function mirrorProblemText(problem: MirrorProblem, text: Pick<UiText, 't'>): MirrorProblemText {
  return {
    title: text.t(`mirrorProblem.${problem.code}.title`),
    help: text.t(`mirrorProblem.${problem.code}.help`),
    detail: problem.detail,
    mailbox: problem.mailbox,
  };
}

/** The sync fields of a contact (contact.schema.ts: syncStatus, syncedAt, syncProblem). */
export interface SyncFields {
  syncStatus: SyncStatus;
  /** ISO date-time of the last complete sync. */
  syncedAt?: string | undefined;
  syncProblem?: MirrorProblem | undefined;
}

export interface SyncStatusView {
  /** "Synchronisiert · 01.12.2026, 10:15", or the status alone. */
  summary: string;
  /** "Zuletzt synchronisiert: …" for a contact waiting or failing after an earlier sync. */
  lastSynced?: string | undefined;
  /** Only with `syncStatus: 'error'` and a problem the API named. */
  problem?: MirrorProblemText | undefined;
}

/**
 * The card's sync line: `synced` with its time (Berlin time, the UI's date format); `pending` and
 * `error` with the time of the last sync when there was one; `error` with its problem; `noEmail`
 * and `disabled` as they are (nothing was or will be synced).
 */
export function syncStatusView(fields: SyncFields, text: Pick<UiText, 't' | 'dateTime'>): SyncStatusView {
  const label = text.t(`syncStatus.${fields.syncStatus}`);
  const at = fields.syncedAt ? text.dateTime(fields.syncedAt) : '';
  switch (fields.syncStatus) {
    case 'synced':
      return { summary: at ? `${label} · ${at}` : label };
    case 'pending':
    case 'error':
      return {
        summary: label,
        ...(at ? { lastSynced: text.t('card.lastSynced', { at }) } : {}),
        ...(fields.syncStatus === 'error' && fields.syncProblem
          ? { problem: mirrorProblemText(fields.syncProblem, text) }
          : {}),
      };
    case 'noEmail':
    case 'disabled':
      return { summary: label };
  }
}
