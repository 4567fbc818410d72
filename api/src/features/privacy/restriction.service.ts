import type { Restriction, RestrictionCreate } from '@klarkonform/shared';
import { problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { actorOf } from '../contacts/contact-writer';
import type { ContactsFeature } from '../contacts/contacts.feature';

// Restriction of processing (Art. 18 DSGVO, issue 15). The flag lives on the contact
// (`Contact.restriction`); what it blocks is enforced where the uses are: the contact writer
// (every change but the privacy feature's answers 409 `contactRestricted`), consent (`restricted`),
// the mirror (a restricted contact is not live: its Outlook copy goes, status `disabled`), and the
// activities, follow-ups and opportunities services (no new entries for it).

export class RestrictionService {
  constructor(
    private readonly contacts: ContactsFeature,
    private readonly clock: () => Date,
  ) {}

  /** Restricts the contact at the data subject's request (If-Match); 409 when already restricted. Audited `restrict`. */
  async restrict(auth: AuthContext, id: string, expected: number | '*', body: RestrictionCreate): Promise<void> {
    await this.contacts.writer.update(auth, id, 'restrict', expected, (fields) => {
      if (fields.restriction) throw problem(409, 'conflict', 'alreadyRestricted');
      const restriction: Restriction = {
        reason: 'request',
        at: this.clock().toISOString(),
        by: actorOf(auth),
        ...(body.note ? { note: body.note } : {}),
        ...(body.requestId ? { requestId: body.requestId } : {}),
      };
      fields.restriction = restriction;
      return fields;
    });
  }

  /**
   * Lifts a restriction the data subject asked for (If-Match; audited `unrestrict`). 409 when the
   * contact is not restricted, or restricted until a retention period ends (that one ends with
   * the erasure, Art. 17(3)(b)).
   */
  async lift(auth: AuthContext, id: string, expected: number | '*'): Promise<void> {
    await this.contacts.writer.update(auth, id, 'unrestrict', expected, (fields) => {
      const restriction = fields.restriction as Restriction | undefined;
      if (!restriction) throw problem(409, 'conflict', 'notRestricted');
      if (restriction.reason === 'retention') throw problem(409, 'conflict', 'retentionRestriction');
      delete fields.restriction;
      return fields;
    });
  }
}
