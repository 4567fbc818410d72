import { randomUUID } from 'node:crypto';
import type { ConsentEventCreate } from '../../../shared/src/contacts/consent.schema';
import type { ContactCreate } from '../../../shared/src/contacts/contact-input.schema';
import type { Contact } from '../../../shared/src/contacts/contact.schema';
import { type ApiClient, createApiClient } from '../../../shared/src/http/api-client';

// Test data goes in through the API itself, as the demo sales user the pane signs in as
// (the local issuer's defaults), so each test sees exactly what it created.

export async function demoUserClient(baseUrl: string): Promise<ApiClient> {
  const response = await fetch(`${baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`local issuer: HTTP ${response.status}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return createApiClient({ baseUrl, getToken: async () => accessToken, language: () => 'de' });
}

export async function create(
  api: ApiClient,
  body: ContactCreate,
  consent: ConsentEventCreate[] = [],
): Promise<Contact> {
  let { contact } = await api.createContact(body, randomUUID());
  for (const event of consent) contact = await api.addConsentEvent(contact.id, event);
  return contact;
}

export interface MusterGmbH {
  company: Contact;
  max: Contact;
  lisa: Contact;
  tom: Contact;
}

// Muster GmbH and its three people, as the demo mailbox (shared/src/ui/demo) expects them.
export async function seedMusterGmbH(api: ApiClient): Promise<MusterGmbH> {
  const company = await create(api, {
    kind: 'company',
    name: 'Muster GmbH',
    emails: [{ address: 'info@muster.de', primary: true }],
    website: 'https://www.muster.de',
    relationships: ['customer'],
    customerSince: '2019-03-01',
    legalBasis: 'contract',
    tags: ['Großkunde'],
  });
  const person = (
    firstName: string,
    lastName: string,
    email: string,
    position: string,
    roles: Array<'decisionMaker' | 'billingContact' | 'technicalContact'>,
  ): ContactCreate => ({
    kind: 'person',
    salutation: 'none',
    firstName,
    lastName,
    position,
    roles,
    emails: [{ address: email, primary: true }],
    companyId: company.id,
    relationships: ['customer'],
    legalBasis: 'contract',
  });
  const max = await create(
    api,
    {
      ...person('Max', 'Mustermann', 'max.mustermann@muster.de', 'Geschäftsführer', ['decisionMaker']),
      salutation: 'Herr',
      tags: ['Großkunde'],
      notes: { specifics: 'Bevorzugt Telefon vor 9 Uhr.' },
    } as ContactCreate,
    [{ channel: 'email', type: 'optIn', source: 'Messe IT-Days 2025', proof: 'Kontaktformular, Ordner Messe' }],
  );
  const lisa = await create(
    api,
    person('Lisa', 'Müller', 'lisa.mueller@muster.de', 'Leiterin Buchhaltung', ['billingContact']),
  );
  const tom = await create(
    api,
    person('Tom', 'Techniker', 'tom.techniker@muster.de', 'IT-Leiter', ['technicalContact']),
  );
  return { company, max, lisa, tom };
}
