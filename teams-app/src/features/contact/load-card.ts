import type { ApiClient, SenderCard } from '@klarkonform/shared/ui';

/** Which contact to show: its id, and its primary email when it has one. */
export interface ContactTarget {
  id: string;
  email?: string | undefined;
}

// The shared card is built from a SenderCard. A contact with an email gets the full card in
// one request (`/cards?email=`: consent, marketing verdict, company and its people, quality);
// without one (or when the address belongs to someone else first) it is assembled from the
// contact, its company, its findings and its owner's name.
export async function loadCard(api: ApiClient, target: ContactTarget): Promise<SenderCard> {
  if (target.email) {
    const [card] = await api.cards([{ email: target.email }]);
    if (card?.contact?.id === target.id) return card;
  }
  const [contact, quality, users] = await Promise.all([
    api.getContact(target.id),
    api.contactQuality(target.id),
    api.users().catch(() => []),
  ]);
  const company =
    contact.kind === 'person' && contact.companyId
      ? await api.getContact(contact.companyId).catch(() => undefined)
      : undefined;
  const owner = users.find((user) => user.id === contact.ownerId);
  return {
    email: target.email ?? '',
    status: 'known',
    contact,
    quality,
    ...(company ? { company } : {}),
    ...(owner ? { owner: { id: owner.id, name: owner.name } } : {}),
  };
}
