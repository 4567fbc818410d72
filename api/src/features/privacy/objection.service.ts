import { CONSENT_CHANNELS, type Contact, type ObjectionCreate } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactNotesService } from '../contacts/contact-notes.service';

// Objection to direct marketing (Art. 21(2), (3) DSGVO): from then on the data may not be used
// for direct marketing on any channel. Recorded as an `optOut` (Verbotsvermerk) on every consent
// channel in one write of the contacts feature's consent path (audit entry `objection`, the
// mirror's outbox), on the contact's version (If-Match).

export class ObjectionService {
  constructor(private readonly notes: ContactNotesService) {}

  /** Opt-out on email, phone, letter and newsletter at once; 412 when the contact changed since `version`. */
  record(auth: AuthContext, contactId: string, version: number | '*', body: ObjectionCreate): Promise<Contact> {
    const proof = [body.proof, body.requestId ? `Betroffenenanfrage ${body.requestId}` : undefined]
      .filter(Boolean)
      .join('\n');
    return this.notes.addConsentEvents(
      auth,
      contactId,
      'objection',
      version,
      CONSENT_CHANNELS.map((channel) => ({
        channel,
        type: 'optOut' as const,
        source: body.source,
        ...(proof ? { proof: proof.slice(0, 1000) } : {}),
      })),
    );
  }
}
