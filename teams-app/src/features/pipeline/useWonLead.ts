import type { Opportunity } from '@klarkonform/shared';
import { type Contact, useLeadStatus } from '@klarkonform/shared/ui';
import { useCallback, useState } from 'react';
import { useServices } from '../../shell/services';

interface Offer {
  opportunity: Opportunity;
  contact: Contact;
}

// A won opportunity whose contact is still a lead offers to make it a customer ("Kunde
// seit"): through the shared lead state machine (useLeadStatus: the same confirm dialog,
// POST /contacts/:id/lead-status with If-Match, and "Rückgängig" afterwards) as the lead review.
export function useWonLead() {
  const { api } = useServices();
  const [offer, setOffer] = useState<Offer | undefined>();
  const status = useLeadStatus(useCallback(() => undefined, []));

  /** Offers converting `contactId` (the API's x-lead-to-convert after a win: the contact or its company). */
  const check = useCallback(
    async (opportunity: Opportunity, contactId: string) => {
      try {
        const contact = await api.getContact(contactId);
        if (contact.relationships.includes('lead')) setOffer({ opportunity, contact });
      } catch {
        // Without the contact there is nothing to offer; the move itself succeeded.
      }
    },
    [api],
  );

  return {
    offer,
    status,
    check,
    convert: () => {
      if (offer) status.request(offer.contact, 'won');
      setOffer(undefined);
    },
    dismiss: () => setOffer(undefined),
  };
}
