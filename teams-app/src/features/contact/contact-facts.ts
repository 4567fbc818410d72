import type { ContactSummary, UiText } from '@klarkonform/shared/ui';

// "Person · Muster GmbH · C00002" or "Firma · info@muster.de · C00001": the line under a name
// in every list (a company's summary names itself as its company, so it shows its email).
export function contactFacts(contact: ContactSummary, t: UiText['t']): string {
  const company = contact.kind === 'person' ? contact.companyName : undefined;
  return [t(`kind.${contact.kind}`), company ?? contact.email, contact.contactNumber].filter(Boolean).join(' · ');
}
