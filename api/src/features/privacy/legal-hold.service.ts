import type { LegalHold, LegalHoldSet } from '@klarkonform/shared';
import { problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { actorOf } from '../contacts/contact-writer';
import type { ContactsFeature } from '../contacts/contacts.feature';

// A legal hold (issue 15): litigation, an authority's order or a tax audit needs a contact's
// records kept; while it is set no erasure happens (asked for: answered `held`; the daily job
// lists the contact as held and skips it). The hold itself restricts nothing else.

export class LegalHoldService {
  constructor(
    private readonly contacts: ContactsFeature,
    private readonly clock: () => Date,
  ) {}

  /** Sets (or replaces the reason of) the contact's legal hold (If-Match). Audited `legalHold`. */
  async set(auth: AuthContext, id: string, expected: number | '*', body: LegalHoldSet): Promise<void> {
    await this.contacts.writer.update(auth, id, 'legalHold', expected, (fields) => {
      const hold: LegalHold = { reason: body.reason, at: this.clock().toISOString(), by: actorOf(auth) };
      fields.legalHold = hold;
      return fields;
    });
  }

  /** Lifts the hold (If-Match; audited `legalHoldLift`); 409 when there is none. A due erasure then runs with the next job. */
  async lift(auth: AuthContext, id: string, expected: number | '*'): Promise<void> {
    await this.contacts.writer.update(auth, id, 'legalHoldLift', expected, (fields) => {
      if (!fields.legalHold) throw problem(409, 'conflict', 'noLegalHold');
      delete fields.legalHold;
      return fields;
    });
  }
}
