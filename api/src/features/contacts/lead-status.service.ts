import {
  type Contact,
  inLeadReview,
  isUndoableLeadChange,
  LEAD_AUDIT_ACTION,
  LEAD_UNDO_AUDIT_ACTION,
  type LeadState,
  type LeadStatus,
  type LeadStatusChange,
  type LeadStatusResult,
  type LeadTransitionProblem,
  type LeadUndoRequest,
  type LeadUndoResult,
  leadStatusEditMode,
  leadStatusOf,
  MAX_LEAD_PEOPLE,
  restoreLeadState,
  applyLeadTransition,
  transitionArchives,
} from '@klarkonform/shared';
import { fieldProblems, HttpError, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { actorOf, type ContactWriter } from './contact-writer';
import type { ContactFields } from './contacts.mapper';
import { fieldsOf, toContact } from './contacts.mapper';
import { type ContactsRepository, LIVE } from './contacts.repository';

// The lead state machine's actions (shared lead-status.rules.ts) as the API runs them: one
// status change of a contact (If-Match), a won company's people along with it (each its own
// change and audit entry), and the undo of the last change. PATCH allows only the plain changes
// between open statuses (patchedLead) and points to the lead-status route for the rest; the
// archive routes run the same changes for leads (contacts.service.ts).

const forbiddenToArchive = () => problem(403, 'forbidden', 'missingPermission', { permission: 'contacts:archive' });

/** The problem+json of a refused change from `from` to `to`. */
function refusal(reason: LeadTransitionProblem, from: LeadStatus | undefined, to: LeadStatus): HttpError {
  if (reason === 'reasonRequired') {
    return fieldProblems([{ field: 'body.reason', key: 'serviceProblem.leadReasonRequired' }]);
  }
  if (reason === 'notALead') return problem(409, 'conflict', 'notALead');
  if (from === 'won') return problem(409, 'conflict', 'leadWonFinal');
  return problem(409, 'conflict', 'leadTransitionNotAllowed', (t) => ({
    from: t(`leadStatus.${from ?? 'new'}`),
    to: t(`leadStatus.${to}`),
  }));
}

/**
 * Refuses a PATCH that changes the lead status from `from` to `to` other than between open
 * statuses (shared leadStatusEditMode): winning, losing, archiving and reopening change more
 * than the status and run through POST /contacts/:id/lead-status, which the message names.
 */
export function assertPatchableLeadStatus(id: string, from: LeadStatus | undefined, to: LeadStatus | undefined): void {
  const mode = leadStatusEditMode(from, to);
  if (mode === 'unchanged' || mode === 'edit' || to === undefined) return;
  if (mode === 'refused') throw refusal('notAllowed', from, to);
  const key =
    to === 'won' ? 'leadWonByAction' : to === 'lost' || to === 'archived' ? 'leadClosedByAction' : 'leadReopenByAction';
  throw fieldProblems([{ field: 'body.lead.status', key: `serviceProblem.${key}`, values: { id } }]);
}

/**
 * The change `change` of the shared state machine applied to a contact's fields, or the
 * problem+json refusing it (409 not allowed, 400 reason missing, 403 without the permission to
 * archive for changes that archive or restore the contact).
 */
export function leadTransitionOf(auth: AuthContext, fields: ContactFields, change: LeadStatusChange): ContactFields {
  const result = applyLeadTransition(fields as ContactFields & LeadState, {
    to: change.status,
    now: new Date(),
    actor: actorOf(auth),
    reason: change.reason,
  });
  if (!result.ok) throw refusal(result.problem, leadStatusOf(fields as ContactFields & LeadState), change.status);
  if (transitionArchives(result.kind) && !auth.permissions.has('contacts:archive')) throw forbiddenToArchive();
  return result.state;
}

/**
 * The lead after a PATCH of `lead` (`value`) on contact `id` as it was (`before`): the status is
 * kept when the patch leaves it out; a change between open statuses counts as activity; other
 * status changes are refused (assertPatchableLeadStatus). `lastActivityAt` is the server's: a
 * lead edit never drops it.
 */
export function patchedLead(id: string, before: LeadState, value: LeadState['lead']): LeadState['lead'] {
  const stored = before.lead;
  const from = leadStatusOf(before);
  const status = value?.status ?? stored?.status;
  assertPatchableLeadStatus(id, from, status);
  const last = status !== undefined && status !== from ? new Date().toISOString() : stored?.lastActivityAt;
  return { ...value, ...(status ? { status } : {}), ...(last ? { lastActivityAt: last } : {}) };
}

/** Thrown inside a change to leave a person as it is (no longer an open lead). */
class NotEligible extends Error {}

export class LeadStatusService {
  constructor(
    private readonly repo: ContactsRepository,
    private readonly writer: ContactWriter,
  ) {}

  /**
   * Changes the lead status of contact `id` (version `version` from If-Match). A contact already
   * in the target status is answered as it is, without a write (a retried request is harmless);
   * a won company with `includePeople` then also wins its people that are open leads.
   */
  async change(
    auth: AuthContext,
    id: string,
    version: number | '*',
    body: LeadStatusChange,
  ): Promise<LeadStatusResult> {
    // Lost and archived archive the contact: asked for without that permission, they are refused
    // even where there is nothing left to change.
    if ((body.status === 'lost' || body.status === 'archived') && !auth.permissions.has('contacts:archive')) {
      throw forbiddenToArchive();
    }
    const doc = await this.writer.load(auth, id);
    const current = leadStatusOf(fieldsOf(doc) as ContactFields & LeadState);
    const contact =
      current === body.status
        ? toContact(doc)
        : await this.writer.update(auth, id, LEAD_AUDIT_ACTION, version, (fields) =>
            leadTransitionOf(auth, fields, body),
          );
    const people =
      body.status === 'won' && body.includePeople && contact.kind === 'company'
        ? await this.winPeople(auth, contact.id)
        : [];
    return { contact, people };
  }

  /** The company's people that are open leads, each won in a change of its own (audited per person). */
  private async winPeople(auth: AuthContext, companyId: string): Promise<Contact[]> {
    const docs = await this.repo.findAny(auth.tenantId, [{ companyId, kind: 'person', ...LIVE }], {
      sort: 'sortName',
      limit: MAX_LEAD_PEOPLE,
    });
    const leads = docs.filter((doc) => inLeadReview(fieldsOf(doc) as ContactFields & LeadState));
    const won = await Promise.all(
      leads.map((doc) =>
        this.writer
          .update(auth, String(doc._id), LEAD_AUDIT_ACTION, 'retry', (fields) => {
            if (fields.companyId !== companyId || !inLeadReview(fields as ContactFields & LeadState)) {
              throw new NotEligible();
            }
            return leadTransitionOf(auth, fields, { status: 'won' });
          })
          .catch((err: unknown) => {
            if (err instanceof NotEligible) return undefined;
            throw err;
          }),
      ),
    );
    return won.filter((c): c is Contact => c !== undefined);
  }

  /**
   * Moves `lead.lastActivityAt` of the leads among `contactIds` — and of the companies of the
   * people among them — forward to `at` (an activity happened then; issue 12). A lead whose last
   * activity is as new or newer, an archived or merged contact, and a contact without lead data
   * are left alone, so logging an old mail never turns a lead back. Each change is an ordinary
   * write (version advanced, lost races retried, one audit entry "update" with the lead's before
   * and after); contacts the tenant does not have are ignored.
   */
  async touchLeads(auth: AuthContext, contactIds: readonly string[], at: Date): Promise<void> {
    const docs = await this.repo.findByIds(auth.tenantId, contactIds);
    const known = new Set(docs.map((doc) => String(doc._id)));
    const companyIds = docs
      .map((doc) => (doc.kind === 'person' && doc.companyId ? String(doc.companyId) : undefined))
      .filter((id): id is string => id !== undefined && !known.has(id));
    const all = [...docs, ...(companyIds.length > 0 ? await this.repo.findByIds(auth.tenantId, companyIds) : [])];
    const iso = at.toISOString();
    const behind = (fields: ContactFields): boolean => {
      const lead = fields.lead as LeadState['lead'] | undefined;
      if (!lead || fields.archived || fields.mergedInto) return false;
      return !lead.lastActivityAt || Date.parse(lead.lastActivityAt) < at.getTime();
    };
    await Promise.all(
      all
        .filter((doc) => behind(doc as unknown as ContactFields))
        .map((doc) =>
          this.writer
            .update(auth, String(doc._id), 'update', 'retry', (fields) => {
              if (!behind(fields)) throw new NotEligible();
              fields.lead = { ...(fields.lead as object), lastActivityAt: iso } as LeadState['lead'];
              return fields;
            })
            .catch((err: unknown) => {
              if (err instanceof NotEligible) return undefined;
              throw err;
            }),
        ),
    );
  }

  private undoChange(auth: AuthContext): (fields: ContactFields, doc: { pendingAudit?: unknown }) => ContactFields {
    return (fields, doc) => {
      const entry = doc.pendingAudit as Parameters<typeof isUndoableLeadChange>[0];
      if (!entry || !isUndoableLeadChange(entry)) throw problem(409, 'conflict', 'leadUndoUnavailable');
      if (entry.changes.some((c) => c.field === 'archived') && !auth.permissions.has('contacts:archive')) {
        throw forbiddenToArchive();
      }
      return restoreLeadState(fields, entry.changes);
    };
  }

  /**
   * Takes back the last change of contact `id` if it was a lead status change and nothing
   * changed since (If-Match `version`): relationships, "Kunde seit", lead data and archive
   * entry as before. The people listed (a won company's, with the versions the win gave them)
   * are taken back the same way; those changed since, or not of this company, are `skipped`.
   */
  async undo(auth: AuthContext, id: string, version: number | '*', body: LeadUndoRequest): Promise<LeadUndoResult> {
    const contact = await this.writer.update(auth, id, LEAD_UNDO_AUDIT_ACTION, version, this.undoChange(auth));
    const people: Contact[] = [];
    const skipped: string[] = [];
    for (const person of body.people ?? []) {
      try {
        people.push(
          await this.writer.update(auth, person.id, LEAD_UNDO_AUDIT_ACTION, person.version, (fields, doc) => {
            if (fields.companyId !== id) throw problem(409, 'conflict', 'leadUndoUnavailable');
            return this.undoChange(auth)(fields, doc);
          }),
        );
      } catch (err) {
        if (!(err instanceof HttpError) || err.statusCode === 403) throw err;
        skipped.push(person.id);
      }
    }
    return { contact, people, skipped };
  }
}
