import { berlinDayOf, type PrivacyRequest } from '@klarkonform/shared';
import type { Connection } from 'mongoose';
import type { Types } from 'mongoose';
import { PrivacyRequestsRepository } from './privacy-requests.repository';
import { toPrivacyRequest } from './privacy-requests.service';

// Where erasure and the contact's DSGVO state meet the requests register (issue 15): requests
// are found by their top-level `contactIds` (a lookup key, QUERY-RULES.md rule 1).

interface StoredRequest extends Omit<PrivacyRequest, 'id' | 'overdue'> {
  _id: Types.ObjectId;
  tenantId: string;
}

/** The requests naming `contactId`, newest first (at most 20), as the API answers them. */
export async function requestsNaming(
  connection: Connection,
  tenantId: string,
  contactId: string,
  now: Date,
): Promise<PrivacyRequest[]> {
  const docs = await new PrivacyRequestsRepository(connection).forContact(tenantId, contactId, 20);
  const today = berlinDayOf(now);
  return docs.map((doc) => toPrivacyRequest(doc, today));
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
  /** Replaces what names the person in the request's free texts (description, outcome). */
  redact: (text: string) => string,
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
          ...(doc.description ? { description: redact(doc.description) } : {}),
          ...(doc.outcome ? { outcome: redact(doc.outcome) } : {}),
          version: (doc.version ?? 0) + 1,
        },
        $unset: { 'requester.email': '', pendingAudit: '' },
      },
    );
  }
  return docs.map((doc) => doc._id.toHexString());
}
