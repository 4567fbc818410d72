import { type CountryCode, isSupportedCountry } from 'libphonenumber-js';
import { CONSENT_CHANNELS, type QualityCode, type Severity } from './contact-enums.schema';
import type { QualityFinding } from './contact-query.schema';
import type { Company, Contact, Person } from './contact.schema';
import { consentGrant, unprovenConsent } from './consent.rules';
import { budgetInRange, contactEmails, contactPhones, emailProblems, leadStaleness } from './contact.rules';
import { hasText, normalizeEmail, normalizePhone } from './normalize.rules';

// The data-quality checklist ("Datenpflege"). Error: the data is wrong. Warning: something a
// sales process relies on is missing. Info: worth completing. Archived and merged contacts are
// off the worklist and get no findings.

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function finding(code: QualityCode, severity: Severity, field?: string): QualityFinding {
  const result: QualityFinding = { code, severity, messageKey: `quality.${code}` };
  if (field !== undefined) result.field = field;
  return result;
}

const bySeverity = (findings: QualityFinding[]) =>
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

const isActive = (contact: Contact) => !contact.archived && !contact.mergedInto;

function phoneRegion(contact: Contact): CountryCode {
  const country = contact.address?.country;
  return country && isSupportedCountry(country) ? country : 'DE';
}

function personFindings(person: Person): QualityFinding[] {
  const findings: QualityFinding[] = [];
  if (!person.companyId) findings.push(finding('person.noCompany', 'warning', 'companyId'));
  else if (person.roles.length === 0) findings.push(finding('person.noRole', 'warning', 'roles'));
  return findings;
}

function leadFindings(contact: Contact, now: Date): QualityFinding[] {
  const findings: QualityFinding[] = [];
  const { lead } = contact;
  if (contact.relationships.includes('lead')) {
    if (!lead) findings.push(finding('lead.noLeadData', 'warning', 'lead'));
    else {
      if (!lead.status) findings.push(finding('lead.noStatus', 'warning', 'lead.status'));
      if (!lead.source) findings.push(finding('lead.noSource', 'warning', 'lead.source'));
    }
    if (leadStaleness(contact, now) !== 'fresh') findings.push(finding('lead.stale', 'info', 'lead'));
  }
  if (lead && !budgetInRange(lead.budget)) findings.push(finding('lead.invalidBudget', 'error', 'lead.budget'));
  return findings;
}

function reachabilityFindings(contact: Contact): QualityFinding[] {
  const findings: QualityFinding[] = [];
  const emails = contactEmails(contact);
  emails.forEach((address, i) => {
    if (normalizeEmail(address) === null) findings.push(finding('contact.invalidEmail', 'error', `emails.${i}`));
  });
  // Without an email address the contact is not mirrored to Microsoft 365.
  if (emails.length === 0) findings.push(finding('contact.noEmail', 'info', 'emails'));
  // The codes say "person" for history; the rule holds for both kinds since they share `emails`.
  const problems = emailProblems(contact.emails);
  if (problems.includes('noPrimaryEmail')) findings.push(finding('person.noPrimaryEmail', 'error', 'emails'));
  if (problems.includes('multiplePrimaryEmails')) {
    findings.push(finding('person.multiplePrimaryEmails', 'error', 'emails'));
  }
  if (problems.includes('duplicateEmail')) findings.push(finding('person.duplicateEmail', 'warning', 'emails'));
  const phones: Array<[string, string | undefined]> = [
    ...contact.businessPhones.map((phone, i): [string, string] => [`businessPhones.${i}`, phone]),
    ['mobilePhone', contact.mobilePhone],
    ...contact.homePhones.map((phone, i): [string, string] => [`homePhones.${i}`, phone]),
  ];
  for (const [field, value] of phones) {
    if (hasText(value) && normalizePhone(value, phoneRegion(contact)) === null) {
      findings.push(finding('contact.invalidPhone', 'warning', field));
    }
  }
  return findings;
}

// Checks on one contact on its own.
export function contactFindings(contact: Contact, now: Date): QualityFinding[] {
  if (!isActive(contact)) return [];
  const findings: QualityFinding[] = [];
  const nameMissing = contact.kind === 'company' ? !hasText(contact.name) : !hasText(contact.lastName);
  if (nameMissing) findings.push(finding('contact.noName', 'error', contact.kind === 'company' ? 'name' : 'lastName'));
  if (contact.relationships.length === 0) {
    findings.push(finding('contact.noRelationship', 'warning', 'relationships'));
  }
  if (contact.relationships.includes('customer') && !contact.customerSince) {
    findings.push(finding('customer.noCustomerSince', 'info', 'customerSince'));
  }
  findings.push(...reachabilityFindings(contact));
  if (contact.kind === 'person') findings.push(...personFindings(contact));
  findings.push(...leadFindings(contact, now));
  for (const channel of CONSENT_CHANNELS) {
    const grant = consentGrant(contact.consent.channels[channel], now, channel);
    // Also a confirmation that does not count for want of a request or proof (legacy data).
    if ((grant && !hasText(grant.proof)) || unprovenConsent(contact.consent.channels[channel], now, channel)) {
      findings.push(finding('contact.consentWithoutProof', 'warning', `consent.${channel}`));
    }
  }
  return bySeverity(findings);
}

// Checks on a company given the people linked to it (others in `people` are ignored).
export function companyFindings(company: Company, people: readonly Contact[]): QualityFinding[] {
  if (!isActive(company)) return [];
  const findings: QualityFinding[] = [];
  const staff = people.filter(
    (person): person is Person => person.kind === 'person' && person.companyId === company.id && isActive(person),
  );
  const hasRole = (role: Person['roles'][number]) => staff.some((person) => person.roles.includes(role));
  if (staff.length === 0) findings.push(finding('company.noPeople', 'warning'));
  else {
    if (!hasRole('decisionMaker')) findings.push(finding('company.noDecisionMaker', 'warning', 'roles'));
    if (company.relationships.includes('customer') && !hasRole('billingContact')) {
      findings.push(finding('company.noBillingContact', 'warning', 'roles'));
    }
  }
  if (company.emails.length === 0 && contactPhones(company).length === 0) {
    findings.push(finding('company.incompleteContactData', 'warning', 'emails'));
  }
  if (!hasText(company.address?.city)) {
    findings.push(finding('company.incompleteContactData', 'warning', 'address.city'));
  }
  return bySeverity(findings);
}

// Everything for one contact; company checks run when its people are given.
export function qualityFindings(contact: Contact, now: Date, people?: readonly Contact[]): QualityFinding[] {
  const own = contactFindings(contact, now);
  if (contact.kind !== 'company' || people === undefined) return own;
  return bySeverity([...own, ...companyFindings(contact, people)]);
}
