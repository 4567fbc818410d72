import type { Contact } from '@klarkonform/shared';
import type { TokenRequest } from '../../api/src/index';
import type { TestApp } from './test-app';

// The demo tenant's contacts in full, and a comparable picture of them, for the seed and reset tests.

/** Every active contact of the tenant `as` names, in full, by contact number. */
export async function demoContacts(t: TestApp, as: Partial<TokenRequest>): Promise<Contact[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/contacts?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await t.request({ method: 'GET', url }, as)).json();
    ids.push(...page.items.map((item: { id: string }) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  const contacts = await Promise.all(
    ids.map(async (id) => (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` }, as)).json() as Contact),
  );
  return contacts.sort((a, b) => a.contactNumber.localeCompare(b.contactNumber));
}

/**
 * The contacts as a user sees them, without what differs between two seeds of the same day
 * (database ids, entry ids, the exact second of the seed's own writes): company links become
 * the company's contact number.
 */
export function demoSnapshot(contacts: readonly Contact[]): unknown[] {
  const numbers = new Map(contacts.map((contact) => [contact.id, contact.contactNumber]));
  return contacts.map((contact) => {
    const { id: _id, version: _version, createdBy: _c, updatedBy: _u, ...rest } = contact;
    const channels = Object.fromEntries(
      Object.entries(contact.consent.channels).map(([channel, events]) => [
        channel,
        events.map(({ id: _eventId, recordedBy: _by, ...event }) => event),
      ]),
    );
    return {
      ...rest,
      ...(contact.kind === 'person' && contact.companyId ? { companyId: numbers.get(contact.companyId) } : {}),
      consent: { ...contact.consent, channels },
    };
  });
}
