import type { LegalHold, PrivacyContactState, Restriction } from '@klarkonform/shared';
import type { Connection } from 'mongoose';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { ContactDoc } from '../contacts/contacts.model';
import { requestsNaming } from './privacy-contact.requests';
import type { RetentionService } from './retention.service';

/** GET /privacy/contacts/:id: the contact's restriction, legal hold, erasure preview and requests naming it. */
export class PrivacyContactService {
  constructor(
    private readonly connection: Connection,
    private readonly contacts: ContactsFeature,
    private readonly retention: RetentionService,
    private readonly clock: () => Date,
    /** The erasure's own hold check (the contact's hold or one of a duplicate merged into it), so the preview says what erasing would do. */
    private readonly isHeld: (doc: ContactDoc) => Promise<boolean>,
  ) {}

  /** 404 for an unknown contact or another tenant's. Nothing is changed. */
  async state(auth: AuthContext, id: string): Promise<PrivacyContactState> {
    const doc = await this.contacts.writer.load(auth, id);
    const [erasurePreview, requests] = await Promise.all([
      this.isHeld(doc).then((held) => this.retention.preview(auth.tenantId, id, held)),
      requestsNaming(this.connection, auth.tenantId, id, this.clock()),
    ]);
    return {
      contactId: id,
      version: doc.version,
      displayName: String(doc.displayName ?? ''),
      restriction: (doc.restriction as Restriction | undefined) ?? null,
      legalHold: (doc.legalHold as LegalHold | undefined) ?? null,
      erasurePreview,
      requests,
    };
  }
}
