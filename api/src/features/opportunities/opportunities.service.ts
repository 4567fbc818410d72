import {
  type Contact,
  closedAtAfter,
  INITIAL_STAGE,
  lossReasonProblem,
  type Opportunity,
  type OpportunityCreate,
  type OpportunityPatch,
  type OpportunityStage,
  probabilityAfter,
} from '@klarkonform/shared';
import { assertNotRestricted } from '../contacts/contact-writer';
import { fieldProblems, HttpError } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { AuditRepository } from '../audit/audit.repository';
import { actorOf, requestHash } from '../contacts/contact-writer';
import type { ContactsService } from '../contacts/contacts.service';
import type { UsersRepository } from '../users/users.repository';
import { rewriteDocument } from '../../infra/tenant-documents';
import type { MergeMove } from '../contacts/duplicates.service';
import { fieldsOf, keysOf, type OpportunityFields, toOpportunity } from './opportunity-keys';
import type { OpportunityWriter } from './opportunity-writer';
import type { OpportunitiesRepository } from './opportunities.repository';

// Creating, reading and changing opportunities (Verkaufschancen); lists, the board and the
// forecast are in opportunities.queries.ts. Contacts are read through the contacts service.

/** Most open opportunities `openFor` returns per contact (the card shows a few). */
export const OPEN_PER_CONTACT = 50;

/** The contact an opportunity is with, as the opportunity stores it. */
interface ContactRef {
  contactName: string;
  companyId?: string;
  companyName?: string;
  /** The contact's Betreuer. */
  ownerId?: string;
  /** The contact or its company when it is an open lead (a lead, not yet a customer). */
  leadId?: string;
}

const isLead = (c: Contact) => c.relationships.includes('lead') && !c.relationships.includes('customer');

/** The result of a change: the opportunity, and the lead to offer converting when it was just won. */
export interface OpportunityUpdate {
  opportunity: Opportunity;
  /** Set when this change won the opportunity and its contact (or the contact's company) is an open lead. */
  leadToConvert?: string;
}

export class OpportunitiesService {
  constructor(
    private readonly repo: OpportunitiesRepository,
    private readonly writer: OpportunityWriter,
    private readonly audit: AuditRepository,
    private readonly contacts: ContactsService,
    private readonly users: UsersRepository,
  ) {}

  /**
   * A live contact of the tenant (400 naming `body.contactId` otherwise) and its company;
   * `archivedToo`: an archived contact counts (closing an opportunity of a contact archived since).
   */
  private async contactRef(auth: AuthContext, contactId: string, archivedToo = false): Promise<ContactRef> {
    const contact = await this.readContact(auth, contactId);
    if (!contact || (contact.archived && !archivedToo) || contact.mergedInto) {
      throw fieldProblems([{ field: 'body.contactId', key: 'serviceProblem.noSuchContact' }]);
    }
    // Issue 15: no opportunities for a contact restricted under Art. 18 DSGVO.
    assertNotRestricted(contact);
    const company =
      contact.kind === 'person' && contact.companyId ? await this.readContact(auth, contact.companyId) : undefined;
    const ref: ContactRef = { contactName: contact.displayName };
    if (contact.kind === 'company') {
      ref.companyId = contact.id;
      ref.companyName = contact.name;
    } else if (company?.kind === 'company') {
      ref.companyId = company.id;
      ref.companyName = company.name;
    }
    if (contact.ownerId) ref.ownerId = contact.ownerId;
    const lead = contact.archived
      ? undefined
      : isLead(contact)
        ? contact
        : company && isLead(company)
          ? company
          : undefined;
    if (lead) ref.leadId = lead.id;
    return ref;
  }

  private async readContact(auth: AuthContext, id: string): Promise<Contact | undefined> {
    try {
      return await this.contacts.get(auth, id);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode === 404) return undefined;
      throw err;
    }
  }

  /** The owner's display name; 400 naming `body.ownerId` for a user the tenant has never seen. */
  private async ownerName(auth: AuthContext, ownerId: string, checked: boolean): Promise<string | undefined> {
    const user = await this.users.find(auth.tenantId, ownerId);
    if (user) return user.name;
    if (ownerId === auth.userId) return auth.name ?? auth.email;
    if (checked) throw fieldProblems([{ field: 'body.ownerId', key: 'serviceProblem.noSuchUser' }]);
    return undefined;
  }

  /**
   * Creates an opportunity (idempotent by `idempotencyKey`: a repeat answers the first one with
   * `replayed`, 409 when its body differs). 400: unknown or archived contact, unknown owner,
   * `lost` without loss reason, a loss reason with another stage.
   */
  async create(auth: AuthContext, idempotencyKey: string, body: OpportunityCreate) {
    const hash = requestHash(body);
    const existing = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
    if (existing) return this.writer.replay(existing, hash);

    const stage = body.stage ?? INITIAL_STAGE;
    assertLossReason(stage, body.lossReason);
    const contact = await this.contactRef(auth, body.contactId);
    const ownerId = body.ownerId ?? contact.ownerId ?? auth.userId;
    const ownerName = await this.ownerName(auth, ownerId, body.ownerId !== undefined);
    const now = new Date().toISOString();
    const actor = actorOf(auth);
    const closedAt = closedAtAfter(undefined, stage, now);
    const fields: OpportunityFields = {
      title: body.title,
      contactId: body.contactId,
      contactName: contact.contactName,
      ...(contact.companyId ? { companyId: contact.companyId, companyName: contact.companyName ?? '' } : {}),
      amountCents: body.amountCents,
      probability: probabilityAfter(stage, true, body.probability, 0),
      stage,
      ...(body.expectedCloseDate ? { expectedCloseDate: body.expectedCloseDate } : {}),
      ...(body.offerDate ? { offerDate: body.offerDate } : {}),
      ...(body.offerContent !== undefined ? { offerContent: body.offerContent } : {}),
      ...(body.lossReason !== undefined ? { lossReason: body.lossReason } : {}),
      ownerId,
      ...(ownerName ? { ownerName } : {}),
      stageHistory: [{ stage, at: now, by: actor }],
      ...(closedAt ? { closedAt } : {}),
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return this.writer.insert(auth, idempotencyKey, hash, fields);
  }

  async get(auth: AuthContext, id: string): Promise<Opportunity> {
    return toOpportunity(await this.writer.load(auth.tenantId, id));
  }

  /**
   * Changes an opportunity from `version` (If-Match; 412 when it moved on). `null` clears an
   * optional field. A stage change appends to the stage history, sets the stage's default
   * probability unless the request sets one (won 100, lost 0 always), stamps `closedAt` on
   * entering won/lost/later and clears it on reopening; leaving `lost` drops the loss reason.
   */
  async patch(
    auth: AuthContext,
    id: string,
    version: number | '*',
    patch: OpportunityPatch,
  ): Promise<OpportunityUpdate> {
    let leadToConvert: string | undefined;
    const opportunity = await this.writer.update(auth, id, version, async (fields) => {
      // Issue 15: an opportunity of a contact restricted under Art. 18 DSGVO is not changed (409).
      const current = await this.readContact(auth, fields.contactId);
      if (current) assertNotRestricted(current);
      const before = structuredClone(fields);
      const next = fields as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete next[key];
        else if (value !== undefined) next[key] = value;
      }
      const stage = fields.stage;
      const stageChanged = stage !== before.stage;
      if (stageChanged) {
        const now = new Date().toISOString();
        fields.stageHistory = [...before.stageHistory, { stage, at: now, by: actorOf(auth) }];
        const closedAt = closedAtAfter(before.stage, stage, now, before.closedAt);
        if (closedAt) fields.closedAt = closedAt;
        else delete fields.closedAt;
      }
      fields.probability = probabilityAfter(stage, stageChanged, patch.probability, before.probability);
      // Leaving `lost` drops its loss reason (the audit trail keeps it).
      if (stage !== 'lost' && !('lossReason' in patch)) delete fields.lossReason;
      assertLossReason(stage, fields.lossReason);

      const contactChanged = patch.contactId !== undefined && patch.contactId !== before.contactId;
      if (contactChanged || (stageChanged && stage === 'won')) {
        // A new contact must be live; winning with the stored one works after it was archived.
        const contact = await this.contactRef(auth, fields.contactId, !contactChanged);
        if (contactChanged) {
          fields.contactName = contact.contactName;
          delete fields.companyId;
          delete fields.companyName;
          if (contact.companyId) {
            fields.companyId = contact.companyId;
            fields.companyName = contact.companyName ?? '';
          }
        }
        if (stageChanged && stage === 'won') leadToConvert = contact.leadId;
      }
      if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) {
        const name = await this.ownerName(auth, patch.ownerId, true);
        if (name) fields.ownerName = name;
        else delete fields.ownerName;
      }
      return fields;
    });
    return { opportunity, ...(leadToConvert ? { leadToConvert } : {}) };
  }

  /** The audit trail of an opportunity, newest first (at most 100 entries). */
  async history(auth: AuthContext, id: string) {
    await this.writer.load(auth.tenantId, id);
    return { items: await this.audit.list(auth.tenantId, id) };
  }

  /**
   * A merge moved contact `fromId` into `toId` (DuplicatesService.onMerged): opportunities with the
   * duplicate (as the contact or as its company) now name the survivor, in the board, the lists and
   * the forecast. Idempotent; at most 10,000 per contact. Answers how many moved.
   */
  async relinkMerged(auth: AuthContext, move: MergeMove): Promise<number> {
    const docs = await this.repo.find(auth.tenantId, { contactKeys: move.fromId }, 10_000, false);
    let moved = 0;
    for (const doc of docs) {
      const rewritten = await rewriteDocument(this.repo, auth.tenantId, doc, (current) => {
        const fields = fieldsOf(current);
        if (fields.contactId !== move.fromId && fields.companyId !== move.fromId) return null;
        if (fields.contactId === move.fromId) {
          fields.contactId = move.toId;
          fields.contactName = move.toName;
        }
        if (fields.companyId === move.fromId) {
          fields.companyId = move.toId;
          fields.companyName = move.toName;
        }
        return {
          contactId: fields.contactId,
          contactName: fields.contactName,
          ...(fields.companyId ? { companyId: fields.companyId, companyName: fields.companyName ?? '' } : {}),
          ...keysOf(fields),
          updatedAt: new Date().toISOString(),
        };
      });
      if (rewritten) moved++;
    }
    return moved;
  }

  /**
   * The open opportunities per contact id, for the sender card: one equality query on
   * `contactKeys` per id, in parallel (a company's list includes its people's opportunities),
   * each in list order (close date, title) and at most OPEN_PER_CONTACT. Every id given is a key
   * of the result (an empty list when it has none).
   */
  async openFor(tenantId: string, contactIds: readonly string[]): Promise<Map<string, Opportunity[]>> {
    const ids = [...new Set(contactIds)];
    const lists = await Promise.all(
      ids.map((contactId) => this.repo.find(tenantId, { contactKeys: contactId, open: true }, OPEN_PER_CONTACT)),
    );
    return new Map(ids.map((contactId, i) => [contactId, (lists[i] ?? []).map(toOpportunity)]));
  }
}

/** 400 naming the loss reason (Verlustgrund) when stage and loss reason do not go together. */
function assertLossReason(stage: OpportunityStage, lossReason: string | undefined): void {
  const problem = lossReasonProblem(stage, lossReason);
  if (problem) throw fieldProblems([{ field: 'body.lossReason', key: `serviceProblem.${problem}` }]);
}
