import type {
  Activity,
  AuditEntry,
  Contact,
  FollowUp,
  Opportunity,
  PrivacyDocumentFormat,
  PrivacyRequest,
} from '@klarkonform/shared';
import { MAX_TIMELINE_LIMIT } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import { type AuditRepository, newAuditId } from '../audit/audit.repository';
import type { ActivitiesService } from '../activities/activities.service';
import { actorOf } from '../contacts/contact-writer';
import type { ContactsService } from '../contacts/contacts.service';
import type { FollowUpsService } from '../follow-ups/follow-ups.service';
import type { ContactSyncState, MirrorStatusService } from '../mirror/mirror-status.service';
import { toOpportunity } from '../opportunities/opportunity-keys';
import type { OpportunitiesRepository } from '../opportunities/opportunities.repository';
import type { PrivacyRequestsService } from './privacy-requests.service';

// The access (Art. 15 DSGVO) and portability (Art. 20) export of one person: everything the CRM
// holds about them, read through the other features' public functions in bounded pages (a person
// may have thousands of activities: timeline pages of MAX_TIMELINE_LIMIT, audit pages of 500,
// opportunities in keyset pages) — never one unbounded find. Producing it is audited
// (`privacyExport`, the format in the changes) before the document leaves.

/** Activities, audit entries and opportunities read per round trip. */
const AUDIT_PAGE = 500;
const OPPORTUNITY_PAGE = 200;

/** The machine-readable export (Art. 20: structured, commonly used, machine-readable). */
export interface PrivacyExport {
  /** "klarkonform.privacy-export/1" */
  schema: string;
  exportedAt: string;
  exportedBy: { id: string; name: string };
  contact: Contact;
  /** The Microsoft 365 mirror's state of the contact (Outlook copy). */
  mirror: ContactSyncState;
  activities: Activity[];
  followUps: FollowUp[];
  opportunities: Opportunity[];
  privacyRequests: PrivacyRequest[];
  /** The audit trail about the person, newest first (the export's own entry included). */
  audit: AuditEntry[];
}

export class PrivacyExportService {
  constructor(
    private readonly deps: {
      contacts: ContactsService;
      audit: AuditRepository;
      activities: ActivitiesService;
      followUps: FollowUpsService;
      opportunities: OpportunitiesRepository;
      mirror: MirrorStatusService;
      requests: PrivacyRequestsService;
      clock: () => Date;
    },
  ) {}

  /**
   * Everything about contact `contactId` (404 for none or another tenant's). Writes the
   * `privacyExport` audit entry first, so the trail in the export shows this export too.
   */
  async collect(auth: AuthContext, contactId: string, format: PrivacyDocumentFormat): Promise<PrivacyExport> {
    const { contacts, audit, mirror, requests, followUps, clock } = this.deps;
    const contact = await contacts.get(auth, contactId);
    const exportedAt = clock().toISOString();
    await audit.record(
      auth.tenantId,
      contactId,
      {
        id: newAuditId(),
        action: 'privacyExport',
        at: exportedAt,
        actor: actorOf(auth),
        changes: [{ field: 'format', after: format }],
      },
      true,
    );
    const [activities, followUpList, opportunities, privacyRequests, trail, states] = await Promise.all([
      this.activities(auth, contactId),
      followUps.listForContact(auth, contactId),
      this.opportunities(auth.tenantId, contactId),
      requests.forContact(auth.tenantId, contactId, 200),
      this.auditTrail(auth.tenantId, contactId),
      mirror.states(auth.tenantId, new Map([[contactId, contact]])),
    ]);
    return {
      schema: 'klarkonform.privacy-export/1',
      exportedAt,
      exportedBy: actorOf(auth),
      contact,
      mirror: states.get(contactId) ?? { syncStatus: contact.syncStatus },
      activities,
      followUps: followUpList,
      opportunities,
      privacyRequests,
      audit: trail,
    };
  }

  private async activities(auth: AuthContext, contactId: string): Promise<Activity[]> {
    const all: Activity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.activities.timeline(auth, contactId, {
        limit: MAX_TIMELINE_LIMIT,
        ...(cursor ? { cursor } : {}),
      });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  private async auditTrail(tenantId: string, contactId: string): Promise<AuditEntry[]> {
    const all: AuditEntry[] = [];
    for (;;) {
      const last = all[all.length - 1];
      const page = await this.deps.audit.pageFor(tenantId, contactId, AUDIT_PAGE, last && { at: last.at, id: last.id });
      all.push(...page);
      if (page.length < AUDIT_PAGE) return all;
    }
  }

  /** The opportunities the person is the contact of or linked to (`contactKeys`), keyset pages in list order. */
  private async opportunities(tenantId: string, contactId: string): Promise<Opportunity[]> {
    const all: Opportunity[] = [];
    let after: { listSort: string; id: string } | undefined;
    for (;;) {
      const keyset = after
        ? { $or: [{ listSort: { $gt: after.listSort } }, { listSort: after.listSort, _id: { $gt: after.id } }] }
        : {};
      const docs = await this.deps.opportunities.find(
        tenantId,
        { contactKeys: contactId, ...keyset },
        OPPORTUNITY_PAGE,
      );
      all.push(...docs.map(toOpportunity));
      const last = docs[docs.length - 1];
      if (docs.length < OPPORTUNITY_PAGE || !last) return all;
      after = { listSort: last.listSort, id: String(last._id) };
    }
  }
}
