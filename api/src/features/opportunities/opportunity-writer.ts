import { type AuditChange, auditChanges, type Opportunity } from '@klarkonform/shared';
import { notFound, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { type AuditRepository, newAuditId, type PendingAudit } from '../audit/audit.repository';
import { actorOf } from '../contacts/contact-writer';
import { type OpportunityFields, OPPORTUNITY_FIELDS, keysOf, toOpportunity } from './opportunity-keys';
import type { OpportunityDoc } from './opportunities.model';
import { DuplicateDocumentKeyError } from '../../infra/tenant-documents';
import type { OpportunitiesRepository } from './opportunities.repository';

// The one way opportunities are stored, as contacts are (contact-writer.ts): a create under its
// Idempotency-Key, a change only if nobody else wrote in between (version check, 412), and the
// audit entry written atomically with the change, then copied into the audit collection.

function pending(action: 'create' | 'update', auth: AuthContext, changes: AuditChange[], at: string): PendingAudit {
  return { id: newAuditId(), action, at, actor: actorOf(auth), changes, entity: 'opportunity' };
}

/** A change of the stored fields; may throw (400) before anything is written. */
export type OpportunityChange = (fields: OpportunityFields, doc: OpportunityDoc) => Promise<OpportunityFields>;

export class OpportunityWriter {
  /** Creates in progress by tenant and Idempotency-Key: racing retries in this process wait for the first. */
  private readonly inflight = new Map<string, Promise<OpportunityDoc>>();

  constructor(
    private readonly repo: OpportunitiesRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The tenant's opportunity `id` (its pending audit entry flushed); 404 for none or another tenant's. */
  async load(tenantId: string, id: string): Promise<OpportunityDoc> {
    const doc = await this.repo.findById(tenantId, id);
    if (!doc) throw notFound('opportunityNotFound');
    await this.flush(tenantId, doc);
    return doc;
  }

  private async flush(tenantId: string, doc: OpportunityDoc, fresh = false): Promise<void> {
    if (doc.pendingAudit) await this.audit.record(tenantId, String(doc._id), doc.pendingAudit, fresh);
  }

  /** The stored answer to a repeated create: 409 when the body differs from the first one. */
  replay(doc: OpportunityDoc, hash: string): { opportunity: Opportunity; replayed: true } {
    if (doc.requestHash !== hash) throw problem(409, 'conflict', 'idempotencyConflict');
    return { opportunity: toOpportunity(doc), replayed: true };
  }

  /**
   * Stores a new opportunity under its Idempotency-Key: a retry (here or on another instance)
   * gets the first one's opportunity (replayed), or 409 if its body differs.
   */
  async insert(
    auth: AuthContext,
    idempotencyKey: string,
    hash: string,
    fields: OpportunityFields,
  ): Promise<{ opportunity: Opportunity; replayed: boolean }> {
    const flightKey = `${auth.tenantId}\n${idempotencyKey}`;
    const running = this.inflight.get(flightKey);
    if (running) {
      const winner = await running.catch(() => undefined);
      if (winner) return this.replay(winner, hash);
    }
    const attempt = this.store(auth, idempotencyKey, hash, fields);
    const stored = attempt.then((r) => r.doc);
    this.inflight.set(flightKey, stored);
    void stored
      .catch(() => undefined)
      .finally(() => {
        if (this.inflight.get(flightKey) === stored) this.inflight.delete(flightKey);
      });
    const { doc, replayed } = await attempt;
    if (replayed) return this.replay(doc, hash);
    await this.flush(auth.tenantId, doc, true);
    return { opportunity: toOpportunity(doc), replayed: false };
  }

  private async store(auth: AuthContext, idempotencyKey: string, hash: string, fields: OpportunityFields) {
    const pendingAudit = pending('create', auth, auditChanges(null, fields), fields.createdAt);
    try {
      const doc = await this.repo.insert({
        ...fields,
        ...keysOf(fields),
        tenantId: auth.tenantId,
        idempotencyKey,
        requestHash: hash,
        pendingAudit,
      });
      return { doc, replayed: false };
    } catch (err) {
      if (!(err instanceof DuplicateDocumentKeyError)) throw err;
      const winner = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
      if (!winner) throw err;
      return { doc: winner, replayed: true };
    }
  }

  /**
   * Applies `change` to the stored opportunity if it still has `expectedVersion` (412 otherwise,
   * also when another writer wins the race in between); `*` retries a lost race instead.
   */
  async update(
    auth: AuthContext,
    id: string,
    expectedVersion: number | '*',
    change: OpportunityChange,
  ): Promise<Opportunity> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const doc = await this.load(auth.tenantId, id);
      if (typeof expectedVersion === 'number' && doc.version !== expectedVersion) {
        throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected: expectedVersion });
      }
      const before = toOpportunity(doc);
      const { id: _id, ...beforeFields } = before;
      const now = new Date().toISOString();
      const changed = await change(structuredClone(beforeFields), doc);
      const fields: OpportunityFields = { ...changed, version: doc.version + 1, updatedAt: now };
      const pendingAudit = pending('update', auth, auditChanges(beforeFields, fields), now);
      const unset = OPPORTUNITY_FIELDS.filter((key) => key in beforeFields && !(key in fields));
      const set = { ...fields, ...keysOf(fields), pendingAudit };
      if (await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, set, unset)) {
        await this.audit.record(auth.tenantId, id, pendingAudit, true);
        return { id, ...fields };
      }
      if (typeof expectedVersion === 'number') throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    throw problem(409, 'conflict', 'busy', {}, { retryAfterSeconds: 1 });
  }
}
