import type { Actor } from './contact-common.schema';
import type { AuditChange } from './contact-query.schema';
import { LEAD_STATUSES, type LeadStatus, RELATIONSHIPS, type Relationship } from './contact-enums.schema';
import type { Archive, Lead } from './contact.schema';
import { localDate, OPEN_LEAD_STATUSES } from './contact.rules';

// The lead state machine, the one place that says which lead status changes exist and what
// each does. The API applies it (POST /contacts/:id/lead-status, and PATCH for the plain
// changes between open statuses); the editor's status field and the Teams lead review offer
// exactly the changes it allows.
//
//   new ⇄ qualifying ⇄ offer      "progress": only the status changes
//   open → won                     "win": Lead → Kunde, "Kunde seit" today (an earlier date stays)
//   open → lost                    "lose": needs a reason; the contact is archived with it
//   open | lost → archived         "archive": needs a reason; the contact is archived with it
//   lost | archived → open         "reopen": the contact is active again and back in the review
//   won → …                        nothing: a won lead is a customer (only an immediate undo)
//
// Every change, of any kind, is activity on the lead: `lead.lastActivityAt` becomes now.

/** What a status change does; see the table above. */
export type LeadTransitionKind = 'progress' | 'win' | 'lose' | 'archive' | 'reopen';

/** Statuses that end a lead's time in the review. */
export const CLOSED_LEAD_STATUSES: readonly LeadStatus[] = ['won', 'lost', 'archived'];

/** The status a lead comes back with when its contact is restored from the archive. */
export const REOPEN_STATUS: LeadStatus = 'new';

/** A reason (lost, archived) has at least this many characters, as the archive route asks. */
export const MIN_LEAD_REASON_LENGTH = 3;

export const isOpenLeadStatus = (status: LeadStatus | undefined): boolean =>
  status !== undefined && OPEN_LEAD_STATUSES.includes(status);

/** The contact fields a lead status change reads and writes (and an undo restores). */
export const LEAD_STATE_FIELDS = ['relationships', 'customerSince', 'lead', 'archived'] as const;

/** Those fields of a contact. `archived` is null for an active contact. */
export interface LeadState {
  relationships: readonly Relationship[];
  customerSince?: string | undefined;
  lead?: Lead | undefined;
  archived?: Archive | null | undefined;
}

/**
 * The contact's lead status: the stored one, else "new" for a contact with the relationship
 * Lead (a lead without lead data has not been worked on yet); undefined for a contact that is
 * not a lead and never was one.
 */
export function leadStatusOf(contact: Pick<LeadState, 'relationships' | 'lead'>): LeadStatus | undefined {
  return contact.lead?.status ?? (contact.relationships.includes('lead') ? 'new' : undefined);
}

/** The kind of the change from → to, or undefined when the state machine has no such change. */
export function leadTransition(from: LeadStatus | undefined, to: LeadStatus): LeadTransitionKind | undefined {
  if (from === undefined || from === to || from === 'won') return undefined;
  const fromOpen = isOpenLeadStatus(from);
  if (isOpenLeadStatus(to)) return fromOpen ? 'progress' : 'reopen';
  if (to === 'won') return fromOpen ? 'win' : undefined;
  if (to === 'lost') return fromOpen ? 'lose' : undefined;
  return 'archive';
}

/** The statuses a lead in `from` can move to, in the enumeration's order. */
export function allowedLeadTargets(from: LeadStatus | undefined): LeadStatus[] {
  return LEAD_STATUSES.filter((to) => leadTransition(from, to) !== undefined);
}

/**
 * How a status chosen in the editor (and sent with PATCH) is treated: `unchanged`; `edit` — a
 * plain change between open statuses, or a first status for a contact without one, saved with
 * the other fields; `action` — winning, losing, archiving or reopening, which change more than
 * the status and run as their action (with its dialog; POST /contacts/:id/lead-status);
 * `refused` — no such change (from won, or archived → lost).
 */
export function leadStatusEditMode(
  from: LeadStatus | undefined,
  to: LeadStatus | undefined,
): 'unchanged' | 'edit' | 'action' | 'refused' {
  if (to === undefined || to === from) return 'unchanged';
  if (from === undefined) return isOpenLeadStatus(to) ? 'edit' : 'action';
  const kind = leadTransition(from, to);
  if (kind === undefined) return 'refused';
  return kind === 'progress' ? 'edit' : 'action';
}

/** Lost and archived need a reason: it is kept on the contact's archive entry and in the audit trail. */
export const transitionNeedsReason = (kind: LeadTransitionKind): boolean => kind === 'lose' || kind === 'archive';

/** Changes that archive or restore the contact need the permission to archive. */
export const transitionArchives = (kind: LeadTransitionKind): boolean => kind !== 'progress' && kind !== 'win';

/** Why a status change is refused. */
export type LeadTransitionProblem = 'notALead' | 'notAllowed' | 'reasonRequired';

export type LeadTransitionResult<T extends LeadState> =
  | { ok: true; kind: LeadTransitionKind; state: T }
  | { ok: false; problem: LeadTransitionProblem };

export interface LeadTransitionInput {
  to: LeadStatus;
  now: Date;
  /** Who changes it: the archive entry names them. */
  actor: Actor;
  /** Lost and archived: why (at least MIN_LEAD_REASON_LENGTH characters after trimming). */
  reason?: string | undefined;
}

const inEnumOrder = (relationships: Iterable<Relationship>): Relationship[] => {
  const set = new Set(relationships);
  return RELATIONSHIPS.filter((relationship) => set.has(relationship));
};

/**
 * Applies the status change `input.to` to a contact's lead fields and returns the contact with
 * them changed (other fields untouched), or why the change is refused. Pure: the time and the
 * actor come in.
 */
export function applyLeadTransition<T extends LeadState>(
  contact: T,
  input: LeadTransitionInput,
): LeadTransitionResult<T> {
  const from = leadStatusOf(contact);
  if (from === undefined) return { ok: false, problem: 'notALead' };
  const kind = leadTransition(from, input.to);
  if (kind === undefined) return { ok: false, problem: 'notAllowed' };
  const reason = input.reason?.trim() ?? '';
  if (transitionNeedsReason(kind) && reason.length < MIN_LEAD_REASON_LENGTH) {
    return { ok: false, problem: 'reasonRequired' };
  }
  const at = input.now.toISOString();
  const state: T = { ...contact, lead: { ...contact.lead, status: input.to, lastActivityAt: at } };
  switch (kind) {
    case 'win': {
      const relationships = inEnumOrder([...contact.relationships.filter((r) => r !== 'lead'), 'customer']);
      state.relationships = relationships;
      // A customer has a "Kunde seit"; an earlier one (a former customer won back) stays.
      state.customerSince = contact.customerSince || localDate(input.now);
      break;
    }
    case 'lose':
    case 'archive':
      state.archived = { at, reason, by: input.actor };
      break;
    case 'reopen':
      state.archived = null;
      state.relationships = inEnumOrder([...contact.relationships, 'lead']);
      break;
    case 'progress':
      break;
  }
  return { ok: true, kind, state };
}

/**
 * Whether the contact belongs in the lead review ("Aktuell" and the overdue lists): an active
 * contact with the relationship Lead whose status is open (or not set yet).
 */
export function inLeadReview(contact: LeadState): boolean {
  if (contact.archived || !contact.relationships.includes('lead')) return false;
  const status = contact.lead?.status;
  return status === undefined || isOpenLeadStatus(status);
}

/** The audit action of a lead status change, and of its undo. */
export const LEAD_AUDIT_ACTION = 'lead';
export const LEAD_UNDO_AUDIT_ACTION = 'leadUndo';

/** Whether an audit entry (the contact's last change) is a lead status change that can be undone. */
export function isUndoableLeadChange(entry: { action: string; changes: readonly AuditChange[] } | undefined): boolean {
  return entry?.action === LEAD_AUDIT_ACTION && entry.changes.some((change) => change.field === 'lead');
}

/**
 * The contact as it was before a lead status change: each lead field the change's audit entry
 * names gets its value from before (a field absent before is removed). Other fields stay.
 */
export function restoreLeadState<T extends object>(contact: T, changes: readonly AuditChange[]): T {
  const restored = { ...contact } as Record<string, unknown>;
  for (const change of changes) {
    if (!(LEAD_STATE_FIELDS as readonly string[]).includes(change.field)) continue;
    if (change.before === undefined) delete restored[change.field];
    else restored[change.field] = structuredClone(change.before);
  }
  return restored as T;
}
