import type { ApiClient, FixTarget, SenderCard } from '@klarkonform/shared/ui';

/** Which contact to show: its id, its primary email when it has one, and a fix to open right away. */
export interface ContactTarget {
  id: string;
  email?: string | undefined;
  /** Opened through "Beheben": the view leads straight to this fix (shared/src/ui/care/fix-target.ts). */
  fix?: FixTarget | undefined;
}

// The shared card is built from a SenderCard. A contact with an email gets the full card in
// one request (`/cards?email=`: consent, marketing verdict, company and its people, quality);
// without one (or when the address belongs to someone else first) it is assembled from the
// contact, its company, the company's people, its findings and its owner's name. `signal` aborts it all (a newer
// load took over).
export async function loadCard(api: ApiClient, target: ContactTarget, signal?: AbortSignal): Promise<SenderCard> {
  if (target.email) {
    const [card] = await api.cards([{ email: target.email }], signal);
    if (card?.contact?.id === target.id) return card;
  }
  const [contact, quality, users] = await Promise.all([
    api.getContact(target.id, signal),
    api.contactQuality(target.id, signal),
    api.users().catch(() => []),
  ]);
  const owner = users.find((user) => user.id === contact.ownerId);
  const companyId = contact.kind === 'company' ? contact.id : contact.companyId;
  const [company, companyPeople] = await Promise.all([
    contact.kind === 'person' && companyId
      ? api.getContact(companyId, signal).catch(() => undefined)
      : Promise.resolve(undefined),
    companyId ? api.companyPeople(companyId, signal).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  return {
    email: target.email ?? '',
    status: 'known',
    contact,
    quality,
    ...(company ? { company } : {}),
    ...(companyPeople ? { companyPeople } : {}),
    ...(owner ? { owner: { id: owner.id, name: owner.name } } : {}),
  };
}
