import { type Connection, type Model, Types } from 'mongoose';
import { TenantDocuments } from '../../infra/tenant-documents';
import { backoff, isStaleWrite } from '../../infra/write-races';
import {
  type PrivacyCounterDoc,
  type PrivacyRequestDoc,
  privacyCounterModel,
  privacyRequestModel,
} from './privacy-requests.model';

// Data access for the requests register. Every query names the tenant and one top-level
// equality key (QUERY-RULES.md): `openKey` for the open lists, `state` for the closed one, `contactIds` for a contact's requests,
// `_id`, `idempotencyKey`; sorting happens in the API on these bounded reads.

/** Most open requests one list reads (a tenant with more is far beyond any SMB's register). */
export const MAX_OPEN_READ = 2000;
const COUNTER_RETRIES = 50;

export class PrivacyRequestsRepository extends TenantDocuments<PrivacyRequestDoc> {
  private readonly counters: Model<PrivacyCounterDoc>;
  constructor(connection: Connection) {
    super(privacyRequestModel(connection));
    this.counters = privacyCounterModel(connection);
  }

  /** The tenant's open (open + inProgress) requests, unsorted, at most MAX_OPEN_READ. */
  async open(tenantId: string): Promise<PrivacyRequestDoc[]> {
    return this.model.find({ tenantId, openKey: tenantId }).limit(MAX_OPEN_READ).lean<PrivacyRequestDoc[]>();
  }

  /** Closed requests newest first (by id), `limit` of them after the id `before`. */
  async closed(tenantId: string, limit: number, before?: string): Promise<PrivacyRequestDoc[]> {
    return this.model
      .find({ tenantId, state: 'closed', ...(before ? { _id: { $lt: new Types.ObjectId(before) } } : {}) })
      .sort({ _id: -1 })
      .limit(limit)
      .lean<PrivacyRequestDoc[]>();
  }

  /** The requests naming contact `contactId`, newest first, at most `limit`. */
  async forContact(tenantId: string, contactId: string, limit: number): Promise<PrivacyRequestDoc[]> {
    return this.model
      .find({ tenantId, contactIds: contactId })
      .sort({ _id: -1 })
      .limit(limit)
      .lean<PrivacyRequestDoc[]>();
  }

  /**
   * The next number of counter `name` (1, 2, …; never reused), drawn with an atomic $inc that
   * also advances `version`, so a lost concurrent increment on the embedded engine is refused and
   * drawn again (QUERY-RULES.md rule 6), as the contact numbers are.
   */
  async nextNumber(tenantId: string, name: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const counter = await this.counters.findOneAndUpdate(
          { tenantId, name },
          { $inc: { seq: 1, version: 1 } },
          { upsert: true, returnDocument: 'after', lean: true },
        );
        return counter?.seq ?? 1;
      } catch (err) {
        const raced = isStaleWrite(err) || (err as { code?: number }).code === 11000;
        if (!raced || attempt >= COUNTER_RETRIES) throw err;
        await backoff(attempt);
      }
    }
  }
}
