import { type Connection, type Model, Types } from 'mongoose';
import { type ActivityDoc, activityModel } from '../activities/activities.model';
import { type AuditDoc, auditModel } from '../audit/audit.model';
import type { ContactDoc } from '../contacts/contacts.model';
import { contactModels } from '../contacts/contacts.model';
import { type FollowUpDoc, followUpModel } from '../follow-ups/follow-ups.model';
import { type ImportModels, importModels } from '../import-export/imports.model';
import { type OpportunityDoc, opportunityModel } from '../opportunities/opportunities.model';
import { keysOf, fieldsOf as opportunityFieldsOf } from '../opportunities/opportunity-keys';
import { mentions, type Needles, REDACTED_TEXT, REDACTED_VALUE, redactDeep, redactText } from './erasure.scrub';
import { forgetInRequests } from './privacy-contact.requests';

// The steps of one erasure (issue 15, README "Erasure"): each removes the person's data from one
// collection and is idempotent — run again after a crash it finds nothing left to do or does the
// same again — so a resumed erasure completes without doubling anything. Erasure touches every
// feature's records by its nature (like the database transfer); it writes their collections
// directly, guarded by the version where a document stays, and never through their services,
// whose rules (live contacts, no restricted contact) would refuse it.

/** Deletes sent at once (the embedded engine serves each by its _id). */
const DELETE_PARALLEL = 8;

/** Counts of what one step removed or redacted, by collection. */
export type Removed = Record<string, number>;

/** What every step needs: the tenant, the contact, what identifies the person, and the found records. */
export interface ErasureSubject {
  tenantId: string;
  contactId: string;
  kind: 'company' | 'person';
  /** Undefined when the contact document is already gone (a resumed erasure after its last steps). */
  contact: ContactDoc | undefined;
  needles: Needles;
}

export class ErasureSteps {
  private readonly contacts: Model<ContactDoc>;
  private readonly activities: Model<ActivityDoc>;
  private readonly followUps: Model<FollowUpDoc>;
  private readonly opportunities: Model<OpportunityDoc>;
  private readonly audit: Model<AuditDoc>;
  private readonly imports: ImportModels;

  constructor(private readonly connection: Connection) {
    this.contacts = contactModels(connection).contacts;
    this.activities = activityModel(connection);
    this.followUps = followUpModel(connection);
    this.opportunities = opportunityModel(connection);
    this.audit = auditModel(connection);
    this.imports = importModels(connection);
  }

  /**
   * Activities: one linked only to the contact is deleted; in one shared with other contacts its
   * link and name go and every text naming it is redacted. Their audit entries are redacted too
   * (they are kept under the activity's first contact). Answers the ids of the first contacts
   * whose audit entries name these activities.
   */
  async inActivities(s: ErasureSubject, removed: Removed): Promise<void> {
    const docs = await this.activities.find({ tenantId: s.tenantId, timelineKeys: s.contactId }).lean<ActivityDoc[]>();
    const mine = docs.filter((d) => d.contactIds.includes(s.contactId));
    const ids = new Set(mine.map((d) => String(d._id)));
    const auditOwners = new Set(mine.map((d) => d.contactIds[0] ?? s.contactId));
    for (const owner of auditOwners)
      await this.redactAudit(s, { contactId: owner }, (e) => ids.has(e.activityId ?? ''), removed);
    // Deletes by _id (an index lookup on both engines), a few at a time.
    const only = mine.filter((doc) => doc.contactIds.every((id) => id === s.contactId));
    for (let i = 0; i < only.length; i += DELETE_PARALLEL) {
      const gone = await Promise.all(
        only
          .slice(i, i + DELETE_PARALLEL)
          .map((doc) => this.activities.deleteOne({ tenantId: s.tenantId, _id: doc._id })),
      );
      removed.activities = (removed.activities ?? 0) + gone.reduce((n, r) => n + r.deletedCount, 0);
    }
    for (const doc of mine) {
      if (doc.contactIds.every((id) => id === s.contactId)) continue;
      const keep = doc.contactIds
        .map((id, i) => [id, doc.contactNames[i] ?? ''] as const)
        .filter(([id]) => id !== s.contactId);
      const { value: texts } = redactDeep(
        { subject: doc.subject, text: doc.text, mail: doc.mail, meeting: doc.meeting, names: keep.map(([, n]) => n) },
        s.needles,
      );
      const set: Record<string, unknown> = {
        contactIds: keep.map(([id]) => id),
        contactNames: texts.names,
        timelineKeys: doc.timelineKeys.filter((k) => k !== s.contactId),
        subject: texts.subject ?? '',
        version: doc.version + 1,
      };
      for (const key of ['text', 'mail', 'meeting'] as const) if (texts[key] !== undefined) set[key] = texts[key];
      await this.activities.updateOne(
        { tenantId: s.tenantId, _id: doc._id, version: doc.version },
        { $set: set, $unset: { pendingAudit: 1 } },
      );
      removed.activitiesUnlinked = (removed.activitiesUnlinked ?? 0) + 1;
    }
  }

  /** Follow-ups for the contact are deleted, their audit trails redacted. */
  async inFollowUps(s: ErasureSubject, removed: Removed): Promise<void> {
    const docs = await this.followUps.find({ tenantId: s.tenantId, contactId: s.contactId }, { _id: 1 }).lean();
    for (const doc of docs) {
      await this.redactAudit(s, { followUpId: String(doc._id) }, () => true, removed);
      await this.followUps.deleteOne({ tenantId: s.tenantId, _id: doc._id });
      removed.followUps = (removed.followUps ?? 0) + 1;
    }
  }

  /**
   * Opportunities: one whose contact is the person stays with the person's company (relinked to
   * it) or is deleted when no company holds it; one of an erased company loses the company link.
   * Their audit trails are redacted.
   */
  async inOpportunities(s: ErasureSubject, removed: Removed): Promise<void> {
    const docs = await this.opportunities
      .find({ tenantId: s.tenantId, contactKeys: s.contactId })
      .lean<OpportunityDoc[]>();
    for (const doc of docs) {
      const id = String(doc._id);
      await this.redactAudit(s, { contactId: id }, () => true, removed);
      const companyId = doc.companyId && doc.companyId !== s.contactId ? doc.companyId : undefined;
      if (doc.contactId === s.contactId && !companyId) {
        await this.opportunities.deleteOne({ tenantId: s.tenantId, _id: doc._id });
        removed.opportunities = (removed.opportunities ?? 0) + 1;
        continue;
      }
      const fields = opportunityFieldsOf(doc) as Record<string, unknown>;
      if (doc.contactId === s.contactId) {
        fields.contactId = companyId;
        fields.contactName = doc.companyName ?? REDACTED_TEXT;
      } else {
        delete fields.companyId;
        delete fields.companyName;
      }
      const { value: clean } = redactDeep(fields, s.needles);
      const { companyId: _c, companyName: _n, ...rest } = clean;
      const set = {
        ...rest,
        ...(clean.companyId ? { companyId: clean.companyId, companyName: clean.companyName } : {}),
      };
      const keys = keysOf(clean as never);
      await this.opportunities.updateOne(
        { tenantId: s.tenantId, _id: doc._id, version: doc.version },
        {
          $set: { ...set, ...keys, version: doc.version + 1 },
          $unset: { pendingAudit: 1, ...(clean.companyId ? {} : { companyId: 1, companyName: 1 }) },
        },
      );
      removed.opportunitiesUnlinked = (removed.opportunitiesUnlinked ?? 0) + 1;
    }
  }

  /** The contact's own audit trail: every before/after value becomes `{ redacted: true }`. */
  async inAudit(s: ErasureSubject, removed: Removed): Promise<void> {
    await this.redactAudit(s, { contactId: s.contactId }, (e) => e.action !== 'erasure', removed);
  }

  /**
   * The import assistant's data naming the person: the cells of each row that mentions it are
   * redacted, row results pointing at the contact are deleted, and the original file of such an
   * import is deleted (its bytes cannot be redacted in place; re-reading it is then impossible).
   */
  async inImports(s: ErasureSubject, removed: Removed): Promise<void> {
    const { rows, results, files } = this.imports;
    const affected = new Set<string>();
    for (const doc of await results.find({ tenantId: s.tenantId, 'result.contactId': s.contactId }).lean()) {
      affected.add(doc.importId);
      await results.deleteOne({ tenantId: s.tenantId, _id: doc._id });
      removed.importResults = (removed.importResults ?? 0) + 1;
    }
    // A tenant's import rows are few documents (up to ROWS_PER_CHUNK rows each); erasure is rare.
    for (const doc of await rows.find({ tenantId: s.tenantId }).lean()) {
      let hit = false;
      const next = doc.rows.map((row) => {
        if (!row.c.some((cell) => mentions(cell, s.needles))) return row;
        hit = true;
        return { n: row.n, c: row.c.map(() => REDACTED_TEXT) };
      });
      if (!hit) continue;
      affected.add(doc.rowsKey.split(':')[0] ?? '');
      await rows.updateOne({ tenantId: s.tenantId, _id: doc._id }, { $set: { rows: next } });
      removed.importRows = (removed.importRows ?? 0) + 1;
    }
    // The import itself shows sample cells per column (the mapping step): redacted where they name the person.
    for (const doc of await this.imports.imports.find({ tenantId: s.tenantId }).lean()) {
      const { _id, tenantId: _t, version, ...fields } = doc;
      const { value, changed } = redactDeep(fields, s.needles);
      if (!changed) continue;
      await this.imports.imports.updateOne(
        { tenantId: s.tenantId, _id, version },
        { $set: { ...value, version: version + 1 } },
      );
      removed.imports = (removed.imports ?? 0) + 1;
    }
    for (const importId of affected) {
      const gone = await files.deleteMany({ tenantId: s.tenantId, importId });
      if (gone.deletedCount > 0) removed.importFiles = (removed.importFiles ?? 0) + gone.deletedCount;
    }
  }

  /**
   * Privacy requests naming the contact: requester's name and address replaced, the link removed,
   * their audit trails (which hold the requester) redacted.
   */
  async inRequests(s: ErasureSubject, removed: Removed): Promise<void> {
    const ids = await forgetInRequests(
      this.connection,
      s.tenantId,
      s.contactId,
      (id) => this.redactAudit(s, { contactId: id }, () => true, removed),
      (text) => redactText(text, s.needles),
    );
    if (ids.length > 0) removed.privacyRequests = ids.length;
  }

  /** The contact's double opt-in links (issue 15, Part A): each names the contact and its address. */
  async doubleOptInLinks(s: ErasureSubject, removed: Removed): Promise<void> {
    const gone = await this.connection.collection('doubleOptInTokens').deleteMany({
      tenantId: s.tenantId,
      contactId: s.contactId,
    });
    if (gone.deletedCount > 0) removed.doubleOptInTokens = gone.deletedCount;
  }

  /** People of an erased company lose the link (the person stays). Answers their ids. */
  async peopleOfCompany(s: ErasureSubject): Promise<string[]> {
    if (s.kind !== 'company') return [];
    const people = await this.contacts.find({ tenantId: s.tenantId, companyId: s.contactId }, { _id: 1 }).lean();
    return people.map((p) => String(p._id));
  }

  /** The contact document itself — with its search keys, lookup fields and idempotency record. */
  async contactDocument(s: ErasureSubject, removed: Removed): Promise<void> {
    const gone = await this.contacts.deleteOne({ tenantId: s.tenantId, _id: new Types.ObjectId(s.contactId) });
    if (gone.deletedCount > 0) removed.contacts = (removed.contacts ?? 0) + 1;
  }

  /**
   * The contacts merged into this one, and into those (a merged-away duplicate keeps its document,
   * its audit trail and its lookup keys with the person's data): each is erased with the survivor.
   */
  async mergedAway(s: ErasureSubject): Promise<ContactDoc[]> {
    const found: ContactDoc[] = [];
    const seen = new Set([s.contactId]);
    let frontier = [s.contactId];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        const docs = await this.contacts.find({ tenantId: s.tenantId, mergedInto: id }).lean<ContactDoc[]>();
        for (const doc of docs.filter((d) => !seen.has(String(d._id)))) {
          seen.add(String(doc._id));
          found.push(doc);
          next.push(String(doc._id));
        }
      }
      frontier = next;
    }
    return found;
  }

  private async redactAudit(
    s: ErasureSubject,
    key: { contactId: string } | { followUpId: string },
    which: (e: AuditDoc) => boolean,
    removed: Removed,
  ): Promise<void> {
    const entries = await this.audit.find({ tenantId: s.tenantId, ...key }).lean<AuditDoc[]>();
    for (const e of entries) {
      if (!which(e) || e.changes.every((c) => isRedacted(c.before) && isRedacted(c.after))) continue;
      const changes = e.changes.map((c) => ({
        field: c.field,
        ...(c.before !== undefined ? { before: REDACTED_VALUE } : {}),
        ...(c.after !== undefined ? { after: REDACTED_VALUE } : {}),
      }));
      await this.audit.updateOne({ tenantId: s.tenantId, _id: e._id }, { $set: { changes } });
      removed.auditRedacted = (removed.auditRedacted ?? 0) + 1;
    }
  }
}

const isRedacted = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null && 'redacted' in v);
