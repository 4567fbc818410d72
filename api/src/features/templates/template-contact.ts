import type { Contact, PlaceholderContact } from '@klarkonform/shared';
import { fieldProblems, HttpError, notFound } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { assertNotRestricted } from '../contacts/contact-writer';
import type { ContactsService } from '../contacts/contacts.service';
import type { UsersRepository } from '../users/users.repository';

// The contact a template is filled for, read through the contacts service (tenant-scoped: another
// tenant's id is a 404), with what the placeholders need from elsewhere: a person's company name
// (its companyId's company, as the cards find it) and the Betreuer's display name.

async function readContact(contacts: ContactsService, auth: AuthContext, id: string): Promise<Contact | undefined> {
  try {
    return await contacts.get(auth, id);
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 404) return undefined;
    throw err;
  }
}

/**
 * The placeholder input for contact `contactId`. 404 (contactNotFound) for none or another
 * tenant's; 409 conflict naming `body.contactId` for an archived contact or one merged into
 * another (its survivor's id in the message): a template is filled only for a live contact.
 */
export async function placeholderContactOf(
  contacts: ContactsService,
  users: UsersRepository,
  auth: AuthContext,
  contactId: string,
): Promise<PlaceholderContact> {
  const contact = await readContact(contacts, auth, contactId);
  if (!contact) throw notFound('contactNotFound');
  if (contact.mergedInto) {
    throw fieldProblems(
      [{ field: 'body.contactId', key: 'serviceProblem.templateContactMerged', values: { id: contact.mergedInto } }],
      409,
      'conflict',
    );
  }
  if (contact.archived) {
    throw fieldProblems([{ field: 'body.contactId', key: 'serviceProblem.templateContactArchived' }], 409, 'conflict');
  }
  // Issue 15: a contact restricted under Art. 18 DSGVO is not written to (no mail, no letter from its data).
  assertNotRestricted(contact);
  const owner = contact.ownerId ? await users.find(auth.tenantId, contact.ownerId) : undefined;
  const ownerName = owner?.name ?? (contact.ownerId && contact.ownerId === auth.userId ? auth.name : undefined);
  const common = { contactNumber: contact.contactNumber, ownerName: ownerName ?? null };
  if (contact.kind === 'company') return { kind: 'company', name: contact.name, ...common };
  const company = contact.companyId ? await readContact(contacts, auth, contact.companyId) : undefined;
  return {
    kind: 'person',
    salutation: contact.salutation,
    title: contact.title ?? null,
    firstName: contact.firstName ?? null,
    lastName: contact.lastName,
    companyName: company?.kind === 'company' ? company.name : null,
    position: contact.position ?? null,
    department: contact.department ?? null,
    ...common,
  };
}
