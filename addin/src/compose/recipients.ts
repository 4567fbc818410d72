import type { ComposeRecipients, EmailAddress } from '../office/mailbox-host';

// The recipients of a message being written, as the compose pane lists them.

export type RecipientField = 'to' | 'cc' | 'bcc';

export interface Recipient extends EmailAddress {
  field: RecipientField;
  /** The lower-cased address: the key of its card. */
  key: string;
}

const FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

/**
 * Every distinct address in to, cc, bcc (in that order; the first field an address is in wins),
 * without the user's own mailbox and without entries that are no addresses (Exchange X.500 names).
 */
export function distinctRecipients(recipients: ComposeRecipients, ownEmail?: string): Recipient[] {
  const own = ownEmail?.trim().toLowerCase();
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const field of FIELDS) {
    for (const r of recipients[field]) {
      const key = r.email.trim().toLowerCase();
      if (!key.includes('@') || key === own || seen.has(key)) continue;
      seen.add(key);
      out.push({ name: r.name || r.email, email: r.email.trim(), field, key });
    }
  }
  return out;
}

/** A plain-text version of inserted HTML, for a body in plain-text format: paragraphs and breaks kept. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const br of Array.from(doc.querySelectorAll('br'))) br.replaceWith('\n');
  for (const block of Array.from(doc.querySelectorAll('p, div, li, h2, h3, h4, blockquote'))) block.append('\n');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
