import { berlinDayOf, type PrivacyRequest } from '@klarkonform/shared';
import type { Connection } from 'mongoose';
import type { Types } from 'mongoose';

// The one place Part B reads and changes Part A's requests register (issue 15): the collection
// `privacyRequests`, looked up by its top-level `contactIds` (a lookup key, QUERY-RULES.md rule 1).
// Written against the stored shape (the PrivacyRequest fields plus `tenantId` and `_id`) so that
// the lead can swap it for Part A's repository at merge.

interface StoredRequest extends Omit<PrivacyRequest, 'id' | 'overdue'> {
  _id: Types.ObjectId;
  tenantId: string;
}

const OPEN = new Set(['open', 'inProgress']);

/** The requests naming `contactId`, newest first (at most 20), as the API answers them. */
export async function requestsNaming(
  connection: Connection,
  tenantId: string,
  contactId: string,
  now: Date,
): Promise<PrivacyRequest[]> {
  const docs = (await connection
    .collection('privacyRequests')
    .find({ tenantId, contactIds: contactId })
    .sort({ receivedOn: -1, _id: -1 })
    .limit(20)
    .toArray()) as unknown as StoredRequest[];
  const today = berlinDayOf(now);
  return docs.map(({ _id, tenantId: _t, ...rest }) => {
    const {
      pendingAudit: _p,
      idempotencyKey: _k,
      requestHash: _h,
      ...fields
    } = rest as typeof rest & Record<string, unknown>;
    return {
      ...(fields as Omit<PrivacyRequest, 'id' | 'overdue'>),
      id: _id.toHexString(),
      overdue: OPEN.has(rest.status) && rest.dueOn < today,
    };
  });
}

/**
 * Erasure (Art. 17): the requests naming the erased contact keep their record of what was done
 * but not who asked — requester name "gelöscht", no address, the contact's id removed. Answers
 * the ids of the requests changed (their audit trails are redacted by the caller); idempotent.
 */
export async function forgetInRequests(
  connection: Connection,
  tenantId: string,
  contactId: string,
  /** Runs before a request is changed (so a resumed erasure still finds it): redacts its audit trail. */
  before: (requestId: string) => Promise<void>,
): Promise<string[]> {
  const collection = connection.collection('privacyRequests');
  const docs = (await collection.find({ tenantId, contactIds: contactId }).toArray()) as unknown as StoredRequest[];
  for (const doc of docs) {
    await before(doc._id.toHexString());
    await collection.updateOne(
      { tenantId, _id: doc._id },
      {
        $set: {
          'requester.name': 'gelöscht',
          contactIds: doc.contactIds.filter((id) => id !== contactId),
          version: (doc.version ?? 0) + 1,
        },
        $unset: { 'requester.email': '', pendingAudit: '' },
      },
    );
  }
  return docs.map((doc) => doc._id.toHexString());
}
