import { MAX_EMAILS } from '@klarkonform/shared';
import type { ContactFields } from './contacts.mapper';

// Contacts stored before e-mails and phones had one shape for both kinds (see contact.schema.ts
// `reachFields`): a company had `email` and `phone`, a person `emails` (up to ten), `phone` and
// `mobile`. This turns such a stored contact into the current shape; nothing is lost:
// addresses beyond the three a Microsoft Graph contact holds move into a history entry.

type EmailEntry = { address: string; primary: boolean };

/** The actor of the history entry that keeps addresses beyond MAX_EMAILS. */
const RESHAPE_AUTHOR = { id: 'klarkonform', name: 'KlarKonform' } as const;

const USER_ID = /^(?=.*\S).{1,100}$/su;

/** Whether `fields` still has a field of the earlier shape or lacks one of the current one. */
export function needsReshape(fields: Record<string, unknown>): boolean {
  return (
    'email' in fields ||
    'phone' in fields ||
    'mobile' in fields ||
    !Array.isArray(fields.emails) ||
    !Array.isArray(fields.businessPhones) ||
    !Array.isArray(fields.homePhones) ||
    (fields.ownerId === undefined && USER_ID.test(String((fields.createdBy as { id?: unknown })?.id ?? '')))
  );
}

/**
 * The contact in the current shape: `emails` (≤ MAX_EMAILS, one primary), `businessPhones`,
 * `mobilePhone`, `homePhones`, and `ownerId` (the creator, the default Betreuer). `today` is the
 * date (YYYY-MM-DD) of the history entry that keeps addresses beyond the limit, `newId` gives its id.
 * Idempotent: a contact in the current shape comes back unchanged.
 */
export function reshapeContact(stored: ContactFields, today: string, newId: () => string): ContactFields {
  const { email, phone, mobile, ...fields } = stored as ContactFields & {
    email?: unknown;
    phone?: unknown;
    mobile?: unknown;
  };
  const listed = Array.isArray(fields.emails) ? (fields.emails as EmailEntry[]) : [];
  const all: EmailEntry[] = [...listed];
  if (typeof email === 'string' && email.trim() !== '') all.push({ address: email, primary: listed.length === 0 });
  const seen = new Set<string>();
  const unique = all.filter((entry) => {
    const key = entry.address.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let moved: string[] = [];
  const valid = unique.length <= MAX_EMAILS && (unique.length === 0 || unique.filter((e) => e.primary).length === 1);
  if (valid) fields.emails = unique;
  else {
    // The primary address (else the first) leads, so it is never one that moves out.
    const lead = Math.max(
      0,
      unique.findIndex((entry) => entry.primary),
    );
    const ordered = [unique[lead]!, ...unique.filter((_, i) => i !== lead)];
    fields.emails = ordered.slice(0, MAX_EMAILS).map((entry, i) => ({ address: entry.address, primary: i === 0 }));
    moved = ordered.slice(MAX_EMAILS).map((entry) => entry.address);
  }

  const businessPhones = Array.isArray(fields.businessPhones) ? [...(fields.businessPhones as string[])] : [];
  if (typeof phone === 'string' && phone.trim() !== '' && !businessPhones.includes(phone))
    businessPhones.unshift(phone);
  fields.businessPhones = businessPhones;
  if (typeof mobile === 'string' && mobile.trim() !== '' && fields.mobilePhone === undefined) {
    fields.mobilePhone = mobile;
  }
  if (!Array.isArray(fields.homePhones)) fields.homePhones = [];

  const creator = (fields.createdBy as { id?: unknown } | undefined)?.id;
  if (fields.ownerId === undefined && typeof creator === 'string' && USER_ID.test(creator)) fields.ownerId = creator;

  if (moved.length > 0) {
    const notes = fields.notes as { history: unknown[] };
    notes.history = [
      ...notes.history,
      {
        id: newId(),
        date: today,
        event: `Weitere E-Mail-Adressen (ein Outlook-Kontakt fasst drei): ${moved.join(', ')}`,
        author: { ...RESHAPE_AUTHOR },
      },
    ];
  }
  return fields;
}
