import type { Connection } from 'mongoose';
import { TenantDocuments } from '../../infra/tenant-documents';
import { type FollowUpDoc, followUpModel } from './follow-ups.model';

// Data access for follow-ups. Every method takes the tenant from the caller's verified token;
// every query is a conjunction of top-level equalities on an indexed key (QUERY-RULES.md):
// `_id`, `idempotencyKey`, `contactId` or `assigneeState`. Documents leave as plain objects.

/** Follow-ups read per contact at most (a contact has a handful; the bound keeps a read small). */
export const MAX_PER_CONTACT = 1000;

export class FollowUpsRepository extends TenantDocuments<FollowUpDoc> {
  constructor(connection: Connection) {
    super(followUpModel(connection));
  }

  /** The contact's follow-ups, optionally of one state (the state only narrows the contact's rows). */
  async findByContact(tenantId: string, contactId: string, state?: 'open' | 'done'): Promise<FollowUpDoc[]> {
    return this.model
      .find({ tenantId, contactId, ...(state ? { state } : {}) })
      .limit(MAX_PER_CONTACT)
      .lean<FollowUpDoc[]>();
  }

  /** One list bucket (`<assignee>:open`, `<assignee>:done:<month>`), at most `limit` documents. */
  async findByAssigneeState(tenantId: string, assigneeState: string, limit: number): Promise<FollowUpDoc[]> {
    return this.model.find({ tenantId, assigneeState }).limit(limit).lean<FollowUpDoc[]>();
  }

  async countByAssigneeState(tenantId: string, assigneeState: string): Promise<number> {
    return this.model.countDocuments({ tenantId, assigneeState });
  }
}
