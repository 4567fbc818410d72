import type { CompanyCreate, PersonCreate } from '../../contacts/contact-input.schema';
import type { Relationship, Role, Salutation } from '../../contacts/contact-enums.schema';
import type { DuplicateCheckRequest } from '../../contacts/contact-query.schema';
import type { SenderCard } from '../../contacts/sender-card.schema';
import { relationshipsFromCompany } from '../../contacts/contact-create.rules';
import { companyNameFromDomain } from '../../contacts/domain.rules';

// The "Kontakt anlegen" form as plain data, and how it becomes API requests. Pure, so the
// rules (what is prefilled, which company is used, what is sent) are tested without a browser.
// It starts from an unknown sender's card (Outlook) or empty (Teams, data care), where the
// e-mail address is optional: a contact without one is kept, only not mirrored to Outlook.

export type CompanyChoice = 'existing' | 'new' | 'none';

/** What the form creates: a person (with their company), or only a company (a team mailbox, a firm's address). */
export type CreateTarget = 'person' | 'company';

/** The relationships a contact starts with when nothing tells otherwise. */
const DEFAULT_RELATIONSHIPS: readonly Relationship[] = ['lead'];

export interface CreateDraft {
  target: CreateTarget;
  salutation: Salutation;
  title: string;
  firstName: string;
  lastName: string;
  /** Optional; the person's, or the company's general address. */
  email: string;
  /** Optional business phone of the person, or of the company. */
  phone: string;
  /** Optional mobile phone (persons only). */
  mobile: string;
  /** Website of a company the form creates; prefilled from the sender's domain. */
  website: string;
  companyChoice: CompanyChoice;
  existingCompanyId?: string;
  existingCompanyName?: string;
  /** The picked company's relationships, where known (a person there starts with them). */
  existingCompanyRelationships?: Relationship[];
  newCompanyName: string;
  position: string;
  relationships: Relationship[];
  /** The user set the relationships: picking a company no longer changes them. */
  relationshipsChosen: boolean;
  roles: Role[];
}

/** A company the new person joins, as far as the form knows it (a search hit, a card, a prop). */
export interface CompanyRef {
  id: string;
  name: string;
  /** Its relationships, when known: a person at a customer starts as a customer contact. */
  relationships?: readonly Relationship[];
}

export type DraftProblem = 'lastName' | 'companyName' | 'existingCompany' | 'email';

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
  const domain = email.includes('@') && !freeMail ? domainOf(email) : '';
  const guessed = domain ? (companyNameFromDomain(domain) ?? '') : '';
  // A person at a known customer (supplier, partner) starts as one, not as a lead.
  const company = existing && card.company?.id === existing ? card.company : undefined;
  return {
    ...emptyDraft(),
    target: suggestion?.kind === 'company' && !existing ? 'company' : 'person',
    salutation: suggestion?.salutation ?? 'none',
    title: suggestion?.title ?? '',
    firstName: suggestion?.firstName ?? (words.length > 1 ? words.slice(0, -1).join(' ') : ''),
    lastName: suggestion?.lastName ?? words.at(-1) ?? '',
    email,
    website: domain,
    companyChoice: existing ? 'existing' : freeMail ? 'none' : 'new',
    ...(existing ? { existingCompanyId: existing, existingCompanyName: suggestion?.companyName ?? '' } : {}),
    ...(company ? { existingCompanyRelationships: [...company.relationships] } : {}),
    newCompanyName: existing ? '' : (suggestion?.companyName ?? guessed),
    relationships: relationshipsFromCompany(company, DEFAULT_RELATIONSHIPS),
  };
}

/**
 * An empty form (Teams: "Neuer Kontakt"; data care: a contact person for a company), for a
 * person or a company; with `company`, a person at that company. No e-mail address needed.
 */
export function emptyDraft(start: { target?: CreateTarget; company?: CompanyRef } = {}): CreateDraft {
  const draft: CreateDraft = {
    target: start.company ? 'person' : (start.target ?? 'person'),
    salutation: 'none',
    title: '',
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    mobile: '',
    website: '',
    companyChoice: 'none',
    newCompanyName: '',
    position: '',
    relationships: [...DEFAULT_RELATIONSHIPS],
    relationshipsChosen: false,
    roles: [],
  };
  return start.company ? withCompany(draft, start.company) : draft;
}

/** The relationships a draft starts with: the picked company's while it is the choice, else "Lead". */
function defaultRelationships(draft: CreateDraft): Relationship[] {
  const company =
    draft.companyChoice === 'existing' && draft.existingCompanyId && draft.existingCompanyRelationships
      ? { relationships: draft.existingCompanyRelationships }
      : undefined;
  return relationshipsFromCompany(company, DEFAULT_RELATIONSHIPS);
}

const withDefaults = (draft: CreateDraft): CreateDraft =>
  draft.relationshipsChosen ? draft : { ...draft, relationships: defaultRelationships(draft) };

/**
 * The draft at `company` (picked from the search), or with the pick cleared (`undefined`).
 * Unless the user set them, the relationships follow the company's (shared
 * contact-create.rules.ts), and go back to "Lead" without one.
 */
export function withCompany(draft: CreateDraft, company: CompanyRef | undefined): CreateDraft {
  const { existingCompanyId: _id, existingCompanyName: _name, existingCompanyRelationships: _rel, ...rest } = draft;
  if (!company) return withDefaults(rest);
  return withDefaults({
    ...rest,
    companyChoice: 'existing',
    existingCompanyId: company.id,
    existingCompanyName: company.name,
    ...(company.relationships ? { existingCompanyRelationships: [...company.relationships] } : {}),
  });
}

/** Another company choice; a company picked before is kept for when the user comes back to it. */
export function withCompanyChoice(draft: CreateDraft, companyChoice: CompanyChoice): CreateDraft {
  return withDefaults({ ...draft, companyChoice });
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
  const phone = optional(draft.phone);
  const mobile = optional(draft.mobile);
  if (title) body.title = title;
  if (firstName) body.firstName = firstName;
  if (position) body.position = position;
  if (phone) body.businessPhones = [phone];
  if (mobile) body.mobilePhone = mobile;
  if (companyId) body.companyId = companyId;
  return body;
}

/**
 * The company the form creates: the target itself (with the e-mail address and phone as its
 * general ones), or the new company of the person (only its name and website: the person's
 * address and phone are theirs). The website carries the sender's domain, so the next sender
 * from it is matched to this company.
 */
export function companyCreate(draft: CreateDraft): CompanyCreate {
  const own = draft.target === 'company';
  const email = own ? draft.email.trim() : '';
  const phone = own ? draft.phone.trim() : '';
  const website = draft.website.trim();
  return {
    kind: 'company',
    name: draft.newCompanyName.trim(),
    ...(email ? { emails: [{ address: email, primary: true }] } : {}),
    ...(phone ? { businessPhones: [phone] } : {}),
    ...(website ? { website } : {}),
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

// A plausibility check before sending (the API checks the address in full): one "@" with text
// before it and a dotted domain after it, no spaces. Umlaut domains (IDN) pass.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** What keeps the form from being sent: required fields, a company still to pick, an e-mail address that cannot be one. */
export function draftProblems(draft: CreateDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.target === 'company') {
    if (!draft.newCompanyName.trim()) problems.push('companyName');
  } else {
    if (!draft.lastName.trim()) problems.push('lastName');
    if (draft.companyChoice === 'new' && !draft.newCompanyName.trim()) problems.push('companyName');
    if (draft.companyChoice === 'existing' && !draft.existingCompanyId) problems.push('existingCompany');
  }
  if (draft.email.trim() && !EMAIL_SHAPE.test(draft.email.trim())) problems.push('email');
  return problems;
}
