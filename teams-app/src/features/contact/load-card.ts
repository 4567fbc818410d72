import type { ApiClient, FixTarget, SenderCard } from '@klarkonform/shared/ui';

/** Which contact to show: its id, its primary email when it has one, and a fix to open right away. */
export interface ContactTarget {
  id: string;
  email?: string | undefined;
  /** Opened through "Beheben": the view leads straight to this fix (shared/src/ui/care/fix-target.ts). */
  fix?: FixTarget | undefined;
}

// The shared card is built from a SenderCard; `/contacts/{id}/card` gives it in one request for any
// contact, with or without an address (consent, marketing verdict, company and its people, quality,
// owner, sales work). `signal` aborts it (a newer load took over).
export async function loadCard(api: ApiClient, target: ContactTarget, signal?: AbortSignal): Promise<SenderCard> {
  return api.contactCard(target.id, signal);
}
