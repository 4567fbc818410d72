import type { CompanyCreate, PersonCreate } from '../../contacts/contact-input.schema';
import type { Relationship, Role, Salutation } from '../../contacts/contact-enums.schema';
import type { DuplicateCheckRequest } from '../../contacts/contact-query.schema';
import type { SenderCard } from '../../contacts/sender-card.schema';
import { relationshipsFromCompany } from '../../contacts/contact-create.rules';
import { companyNameFromDomain } from '../../contacts/domain.rules';

// The "Kontakt anlegen" form as plain data, and how it becomes API requests. Pure, so the
// rules (what is prefilled, which company is used, what is sent) are tested without a browser.

export type CompanyChoice = 'existing' | 'new' | 'none';

/** What the form creates: a person (with their company), or only a company (a team mailbox, a firm's address). */
export type CreateTarget = 'person' | 'company';

export interface CreateDraft {
  target: CreateTarget;
  salutation: Salutation;
  title: string;
  firstName: string;
  lastName: string;
  email: string;
  companyChoice: CompanyChoice;
  existingCompanyId?: string;
  existingCompanyName?: string;
  newCompanyName: string;
  position: string;
  relationships: Relationship[];
  roles: Role[];
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * The form as the card's suggestion fills it. The API has parsed the display name (particles,
 * team mailboxes, mailing lists, firm names): where it found no person, the names stay empty,
 * and a sender that is a firm ("Neue Firma GmbH" <info@…>) is offered as a company. Only without
 * any suggestion (an address the API could not read) is the display name split into words.
 * The relationships are those of the matched company (a contact at a customer is a customer
 * contact), else "Lead".
 */
export function initialDraft(card: SenderCard, displayName: string): CreateDraft {
  const suggestion = card.suggestion;
  const email = suggestion?.email ?? card.email;
  const freeMail = suggestion?.freeMail ?? false;
  const words = suggestion ? [] : displayName.trim().split(/\s+/).filter(Boolean);
  const existing = suggestion?.companyId;
  const guessed = freeMail ? '' : (companyNameFromDomain(domainOf(email)) ?? '');
  // A person at a known customer (supplier, partner) starts as one, not as a lead.
  const company = existing && card.company?.id === existing ? card.company : undefined;
  return {
    target: suggestion?.kind === 'company' && !existing ? 'company' : 'person',
    salutation: suggestion?.salutation ?? 'none',
    title: suggestion?.title ?? '',
    firstName: suggestion?.firstName ?? (words.length > 1 ? words.slice(0, -1).join(' ') : ''),
    lastName: suggestion?.lastName ?? words.at(-1) ?? '',
    email,
    companyChoice: existing ? 'existing' : freeMail ? 'none' : 'new',
    ...(existing ? { existingCompanyId: existing, existingCompanyName: suggestion?.companyName ?? '' } : {}),
    newCompanyName: existing ? '' : (suggestion?.companyName ?? guessed),
    position: '',
    relationships: relationshipsFromCompany(company, ['lead']),
    roles: [],
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

export function personCreate(draft: CreateDraft, companyId: string | undefined): PersonCreate {
  const body: PersonCreate = {
    kind: 'person',
    salutation: draft.salutation,
    lastName: draft.lastName.trim(),
    emails: draft.email.trim() ? [{ address: draft.email.trim(), primary: true }] : [],
    relationships: draft.relationships,
    roles: draft.roles,
  };
  const title = optional(draft.title);
  const firstName = optional(draft.firstName);
  const position = optional(draft.position);
  if (title) body.title = title;
  if (firstName) body.firstName = firstName;
  if (position) body.position = position;
  if (companyId) body.companyId = companyId;
  return body;
}

export function companyCreate(draft: CreateDraft): CompanyCreate {
  const email = draft.email.trim();
  const domain = email.includes('@') ? domainOf(email) : '';
  // The website carries the domain, so the next sender from it is matched to this company; a
  // company created on its own also keeps the address as its general e-mail.
  return {
    kind: 'company',
    name: draft.newCompanyName.trim(),
    ...(draft.target === 'company' && email ? { emails: [{ address: email, primary: true }] } : {}),
    ...(domain ? { website: domain } : {}),
    relationships: draft.relationships,
  };
}

export function companyIdOf(draft: CreateDraft): string | undefined {
  return draft.companyChoice === 'existing' ? draft.existingCompanyId : undefined;
}

/**
 * What the duplicate check looks at: the person (once there is a last name) and the company the
 * form would create with them (a new company is checked too, so "Weber-Logistik" from the domain
 * warns about the existing "Weber Logistik AG"); empty while the draft is too empty to check.
 */
export function duplicateProbes(draft: CreateDraft): DuplicateCheckRequest[] {
  const company = draft.newCompanyName.trim() ? companyCreate(draft) : undefined;
  if (draft.target === 'company') return company ? [company] : [];
  const probes: DuplicateCheckRequest[] = [];
  if (draft.lastName.trim()) probes.push(personCreate(draft, companyIdOf(draft)));
  if (draft.companyChoice === 'new' && company) probes.push(company);
  return probes;
}

export function draftProblems(draft: CreateDraft): Array<'lastName' | 'companyName'> {
  if (draft.target === 'company') return draft.newCompanyName.trim() ? [] : ['companyName'];
  const problems: Array<'lastName' | 'companyName'> = [];
  if (!draft.lastName.trim()) problems.push('lastName');
  if (draft.companyChoice === 'new' && !draft.newCompanyName.trim()) problems.push('companyName');
  return problems;
}
