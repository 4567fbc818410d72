import {
  type Actor,
  berlinDayOf,
  type ErasureCreate,
  type ErasureDuePage,
  type ErasureLogEntry,
  type ErasureOutcome,
  erasureDue,
  permissionsFor,
  type Restriction,
} from '@klarkonform/shared';
import { type Connection, type Model, Types } from 'mongoose';
import { problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { actorOf } from '../contacts/contact-writer';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { ContactDoc } from '../contacts/contacts.model';
import { type ErasureLogDoc, type ErasureModels, type ErasureScheduleDoc, erasureModels } from './erasure.model';
import { type Needles, needlesOf } from './erasure.scrub';
import { ErasureSteps, type ErasureSubject, type Removed } from './erasure.steps';
import type { RetentionService } from './retention.service';

// Retention-aware erasure (Art. 17 DSGVO with HGB §257 / AO §147; README "Rules"). An erasure asked
// for is answered `held` (legal hold), `erased` (nothing covered: at once) or `restricted` (a
// Sperrvermerk until the last period ends; the daily job erases it then). An erasure runs as
// idempotent steps (erasure.steps.ts) under a marker in `erasureSchedule` (state `erasing`):
// a restarted job finds the marker and runs the steps again, and the log entry and the audit
// entry carry the contact's id as their own, so a resumed erasure leaves each once.

/** Who erases what the retention job finds due. */
export const RETENTION_JOB_ACTOR: Actor = { id: 'retention-job', name: 'Aufbewahrungsfristen (automatisch)' };

const PAGE = 50;

/** Called after each step (tests stop an erasure halfway there, as a crash would). */
export type StepHook = (step: string) => Promise<void> | void;

export class ErasureService {
  private readonly models: ErasureModels;
  private readonly steps: ErasureSteps;
  /** Tests only: runs after each step; a throw interrupts the erasure like a crash. */
  afterStep: StepHook | undefined;

  constructor(
    connection: Connection,
    private readonly contacts: ContactsFeature,
    private readonly retention: RetentionService,
    private readonly forgetMirrored: (tenantId: string, contactId: string) => Promise<void>,
    private readonly clock: () => Date,
  ) {
    this.models = erasureModels(connection);
    this.steps = new ErasureSteps(connection);
  }

  /**
   * POST /privacy/contacts/:id/erasure (If-Match: the contact's version, 412 otherwise): `held`
   * under a legal hold (nothing changes), `erased` when no retention period covers a record of
   * the contact, else `restricted` with reason `retention` until `eraseOn` (audited
   * `erasureScheduled`). 404 for an unknown (or already erased) contact.
   */
  async request(auth: AuthContext, id: string, expected: number | '*', body: ErasureCreate): Promise<ErasureOutcome> {
    const doc = await this.contacts.writer.load(auth, id);
    if (expected !== '*' && doc.version !== expected) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected });
    }
    const outcome = await this.retention.preview(auth.tenantId, id, await this.isHeld(doc));
    if (outcome.outcome === 'held') return outcome;
    const by = actorOf(auth);
    if (outcome.outcome === 'erased') {
      await this.schedule(doc, {
        state: 'erasing',
        eraseOn: berlinDayOf(this.clock()),
        reason: body.reason,
        by,
        requestId: body.requestId,
      });
      await this.erase(auth.tenantId, id);
      return outcome;
    }
    const eraseOn = outcome.eraseOn as string;
    // The schedule first: a crash before the contact is restricted leaves an entry the job drops.
    await this.schedule(doc, { state: 'scheduled', eraseOn, reason: body.reason, by, requestId: body.requestId });
    await this.contacts.writer.update(auth, id, 'erasureScheduled', expected, (fields) => {
      const restriction: Restriction = {
        reason: 'retention',
        at: this.clock().toISOString(),
        by,
        eraseOn,
        erasureReason: body.reason,
        ...(body.note ? { note: body.note } : {}),
        ...(body.requestId ? { requestId: body.requestId } : {}),
      };
      fields.restriction = restriction;
      return fields;
    });
    return outcome;
  }

  /**
   * Erases every contact of the tenant that is due (eraseOn ≤ today, Berlin) or whose erasure was
   * interrupted; a contact under a legal hold is skipped (`held`), one no longer restricted for
   * retention is dropped from the schedule. Answers the counts.
   */
  async runDue(tenantId: string): Promise<{ erased: number; held: number }> {
    const now = this.clock();
    let erased = 0;
    let held = 0;
    const entries = await this.models.schedule.find({ tenantId }).lean<ErasureScheduleDoc[]>();
    for (const entry of entries) {
      if (entry.state === 'scheduled' && !erasureDue(entry.eraseOn, now)) continue;
      const doc = await this.contacts.repo.findById(tenantId, entry.contactId);
      if (entry.state === 'scheduled') {
        const restriction = doc?.restriction as Restriction | undefined;
        if (!doc || restriction?.reason !== 'retention') {
          await this.models.schedule.deleteOne({ tenantId, _id: entry._id });
          continue;
        }
        if (await this.isHeld(doc)) {
          held++;
          continue;
        }
        // A period may have been lengthened since (settings): erase only what no period covers now.
        const outcome = await this.retention.preview(tenantId, entry.contactId, false);
        if (outcome.outcome === 'restricted') continue;
        await this.models.schedule.updateOne(
          { tenantId, _id: entry._id, version: entry.version },
          // The job erases it: the log names the job, not whoever asked years ago.
          { $set: { state: 'erasing', by: RETENTION_JOB_ACTOR, version: entry.version + 1 } },
        );
      }
      await this.erase(tenantId, entry.contactId);
      erased++;
    }
    return { erased, held };
  }

  /** A legal hold on the contact or on a duplicate merged into it (erased with it) blocks erasure. */
  async isHeld(doc: ContactDoc): Promise<boolean> {
    if (doc.legalHold) return true;
    const s = { tenantId: doc.tenantId, contactId: String(doc._id), kind: doc.kind, contact: doc };
    const duplicates = await this.steps.mergedAway({ ...s, needles: { texts: [], phoneDigits: [] } });
    return duplicates.some((d) => Boolean(d.legalHold));
  }

  /** Tenants with anything scheduled or being erased (the daily job's one cross-tenant read). */
  async tenantsWithSchedule(): Promise<string[]> {
    return (await this.models.schedule.distinct('tenantId')) as string[];
  }

  /**
   * The "Löschung fällig" list (`due`: eraseOn ≤ today, held ones included and marked) or every
   * contact waiting for its period (`scheduled`), eraseOn first; keyset cursor `<eraseOn>|<id>`.
   */
  async list(tenantId: string, which: 'due' | 'scheduled', cursor?: string): Promise<ErasureDuePage> {
    const now = this.clock();
    const entries = (await this.models.schedule.find({ tenantId }).lean<ErasureScheduleDoc[]>())
      .map((e) => ({ e, key: `${e.eraseOn}|${e.contactId}` }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const dueCount = entries.filter(({ e }) => erasureDue(e.eraseOn, now)).length;
    const listed = entries.filter(
      ({ e, key }) => (which === 'scheduled' || erasureDue(e.eraseOn, now)) && (!cursor || key > cursor),
    );
    const page = listed.slice(0, PAGE);
    const docs = await this.contacts.repo.findByIds(
      tenantId,
      page.map(({ e }) => e.contactId),
    );
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    const items = page.flatMap(({ e }) => {
      const doc = byId.get(e.contactId);
      if (!doc) return [];
      return [
        {
          contactId: e.contactId,
          displayName: String(doc.displayName ?? ''),
          contactNumber: e.contactNumber,
          eraseOn: e.eraseOn,
          erasureReason: e.reason,
          held: Boolean(doc.legalHold),
          due: erasureDue(e.eraseOn, now),
        },
      ];
    });
    const last = page[page.length - 1];
    return { items, dueCount, ...(listed.length > PAGE && last ? { nextCursor: last.key } : {}) };
  }

  /**
   * What erasures left, newest first; keyset cursor `<erasedAt ISO>|<id>` of the page's last entry
   * (400 `invalidCursor` for anything else). Reads one page (plus entries of the same instant).
   */
  async log(tenantId: string, cursor?: string): Promise<{ items: ErasureLogEntry[]; nextCursor?: string }> {
    const [at, afterId] = cursor ? cursor.split('|') : [];
    const from = at ? new Date(at) : undefined;
    if (cursor && (!from || Number.isNaN(from.getTime()) || !afterId || !/^[0-9a-f]{24}$/.test(afterId))) {
      throw problem(400, 'badRequest', 'invalidCursor');
    }
    const docs = (
      await this.models.log
        .find({ tenantId, ...(from ? { erasedAt: { $lte: from } } : {}) })
        .sort({ erasedAt: -1, _id: -1 })
        .limit(PAGE * 2 + 1)
        .lean<ErasureLogDoc[]>()
    ).filter((d) => !from || d.erasedAt.getTime() < from.getTime() || String(d._id) < (afterId ?? ''));
    const page = docs.slice(0, PAGE);
    const items = page.map((d) => ({
      id: String(d._id),
      contactNumber: d.contactNumber,
      kind: d.kind,
      reason: d.reason,
      ...(d.requestId ? { requestId: d.requestId } : {}),
      erasedAt: d.erasedAt.toISOString(),
      erasedBy: d.erasedBy,
      removed: d.removed,
    }));
    const last = page[page.length - 1];
    return {
      items,
      ...(docs.length > PAGE && last ? { nextCursor: `${last.erasedAt.toISOString()}|${String(last._id)}` } : {}),
    };
  }

  /** The schedule entry of a contact (found by its unique key), created or replaced. */
  private async schedule(
    doc: ContactDoc,
    entry: Pick<ErasureScheduleDoc, 'state' | 'eraseOn' | 'reason' | 'by'> & { requestId?: string | undefined },
  ): Promise<void> {
    const { requestId, ...rest } = entry;
    await this.models.schedule.updateOne(
      { tenantId: doc.tenantId, contactId: String(doc._id) },
      {
        $set: {
          ...rest,
          ...(requestId ? { requestId } : {}),
          contactNumber: doc.contactNumber,
          kind: doc.kind,
        },
        $inc: { version: 1 },
      },
      { upsert: true },
    );
  }

  /** Runs (or resumes) the erasure of a contact whose schedule entry is `erasing`. */
  private async erase(tenantId: string, contactId: string): Promise<void> {
    const entry = await this.models.schedule.findOne({ tenantId, contactId }).lean<ErasureScheduleDoc>();
    if (!entry) return;
    const contact = (await this.contacts.repo.findById(tenantId, contactId)) ?? undefined;
    const s: ErasureSubject = {
      tenantId,
      contactId,
      kind: entry.kind,
      contact,
      needles: contact ? needlesOf(contact) : { texts: [], phoneDigits: [] },
    };
    // Merged-away duplicates hold the same person: erased with it, their names redacted everywhere.
    const duplicates = await this.steps.mergedAway(s);
    for (const dup of duplicates) s.needles = joinNeedles(s.needles, needlesOf(dup));
    const removed: Removed = {};
    const step = async (name: string, run: () => Promise<void>) => {
      await run();
      await this.afterStep?.(name);
    };
    await step('mirror', () => this.forgetMirrored(tenantId, contactId));
    await step('activities', () => this.steps.inActivities(s, removed));
    await step('followUps', () => this.steps.inFollowUps(s, removed));
    await step('opportunities', () => this.steps.inOpportunities(s, removed));
    await step('imports', () => this.steps.inImports(s, removed));
    await step('requests', () => this.steps.inRequests(s, removed));
    await step('doubleOptIn', () => this.steps.doubleOptInLinks(s, removed));
    await step('people', async () => {
      for (const personId of await this.steps.peopleOfCompany(s))
        await this.unlinkPerson(tenantId, personId, contactId);
    });
    await step('duplicates', async () => {
      for (const dup of duplicates) {
        const d: ErasureSubject = { ...s, contactId: String(dup._id), kind: dup.kind, contact: dup };
        await this.forgetMirrored(tenantId, d.contactId);
        await this.steps.inActivities(d, removed);
        await this.steps.inFollowUps(d, removed);
        await this.steps.inOpportunities(d, removed);
        await this.steps.inImports(d, removed);
        await this.steps.inRequests(d, removed);
        await this.steps.doubleOptInLinks(d, removed);
        await this.steps.inAudit(d, removed);
        await this.steps.contactDocument(d, removed);
      }
    });
    await step('audit', () => this.steps.inAudit(s, removed));
    await step('contact', () => this.steps.contactDocument(s, removed));
    await step('log', () => this.writeLog(entry, removed));
    await this.models.schedule.deleteOne({ tenantId, contactId });
  }

  /** A person of an erased company stays, without the link (audited as part of the erasure). */
  private async unlinkPerson(tenantId: string, personId: string, companyId: string): Promise<void> {
    const auth = jobAuth(tenantId);
    await this.contacts.writer
      .update(auth, personId, 'erasure', 'retry', (fields) => {
        if (fields.companyId === companyId) delete fields.companyId;
        return fields;
      })
      .catch((err: unknown) => {
        // Gone or merged away meanwhile: nothing links it any more.
        const status = (err as { statusCode?: number }).statusCode;
        if (status !== 404 && status !== 409) throw err;
      });
  }

  /** The erasure log entry and the `erasure` audit entry, both under the contact's id: written once. */
  private async writeLog(entry: ErasureScheduleDoc, removed: Removed): Promise<void> {
    const _id = new Types.ObjectId(entry.contactId);
    const at = this.clock();
    const exists = await this.models.log.exists({ tenantId: entry.tenantId, _id });
    if (!exists) {
      try {
        await (this.models.log as Model<ErasureLogDoc>).create({
          _id,
          tenantId: entry.tenantId,
          contactNumber: entry.contactNumber,
          kind: entry.kind,
          reason: entry.reason,
          ...(entry.requestId ? { requestId: entry.requestId } : {}),
          erasedAt: at,
          erasedBy: entry.by,
          removed,
        });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
    await this.contacts.audit.record(entry.tenantId, entry.contactId, {
      id: entry.contactId,
      action: 'erasure',
      at: at.toISOString(),
      actor: entry.by,
      changes: [
        { field: 'contactNumber', before: entry.contactNumber },
        { field: 'reason', after: entry.reason },
      ],
    });
  }
}

/** Both sets of needles, each string once. */
function joinNeedles(a: Needles, b: Needles): Needles {
  return {
    texts: [...new Set([...a.texts, ...b.texts])],
    phoneDigits: [...new Set([...a.phoneDigits, ...b.phoneDigits])],
  };
}

/** The identity the retention job acts as (an app permission within the tenant). */
function jobAuth(tenantId: string): AuthContext {
  return {
    tenantId,
    userId: RETENTION_JOB_ACTOR.id,
    name: RETENTION_JOB_ACTOR.name,
    email: undefined,
    roles: ['CRM.Admin'],
    permissions: permissionsFor(['CRM.Admin']),
    kind: 'app',
  };
}
