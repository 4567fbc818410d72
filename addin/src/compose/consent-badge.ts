import type { SenderCard } from '@klarkonform/shared/ui';

/**
 * A recipient's e-mail marketing state as the compose pane shows it, from the card's
 * `marketingEmailAllowed` (the server's consent decision, UWG §7): `unknown` for an address that
 * is no contact (no consent on record), `optedOut` for a Widerspruch, `none` for any other refusal.
 */
export type ConsentBadge = 'allowed' | 'softOptIn' | 'optedOut' | 'none' | 'unknown';

export function consentBadgeOf(card: SenderCard): ConsentBadge {
  if (card.status !== 'known' || !card.contact) return 'unknown';
  const decision = card.marketingEmailAllowed;
  if (!decision) return 'none';
  if (decision.reason === 'optedOut') return 'optedOut';
  if (!decision.allowed) return 'none';
  return decision.reason === 'softOptIn' ? 'softOptIn' : 'allowed';
}

/** True when a marketing mail to this recipient is held by the send check. */
export const lacksConsent = (badge: ConsentBadge) => badge === 'optedOut' || badge === 'none' || badge === 'unknown';
