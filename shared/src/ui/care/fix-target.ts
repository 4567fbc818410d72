import type { ConsentChannel, ContactKind, QualityCode, Role } from '../../contacts/contact-enums.schema';
import type { Permission } from '../../auth/roles';
import type { QualityFinding } from '../../contacts/contact-query.schema';

// Data care that leads to the fix: every finding of the quality checklist
// (contacts/quality.rules.ts) names the place where it is fixed. Pure, so both front ends
// and the tests share one table.

/**
 * Whose record the fix changes: the contact the finding is shown on, or (a company finding on a
 * person's card, see the API's cardFindings) that person's company.
 */
export type FixSubject = 'contact' | 'company';

/**
 * Where a finding is fixed.
 * - `edit`: the contact editor, focused on `field` (a path as in QualityFinding.field:
 *   'emails', 'emails.1', 'businessPhones.0', 'companyId', 'roles', 'lead.source', 'address.city').
 * - `consent`: the consent form for `channel`, to record the proof or a proven event.
 * - `lead`: the lead actions (qualify, offer, win, lose, archive) of the lead state machine.
 * - `addPerson`: a new person at the company.
 * - `assignRole`: the company's people, to give one of them `role` in their editor ('roles').
 */
export type FixTarget =
  | { action: 'edit'; subject: FixSubject; field: string }
  | { action: 'consent'; subject: FixSubject; channel: ConsentChannel }
  | { action: 'lead'; subject: FixSubject }
  | { action: 'addPerson'; subject: FixSubject }
  | { action: 'assignRole'; subject: FixSubject; role: Extract<Role, 'decisionMaker' | 'billingContact'> };

/** The action kinds of FixTarget. */
export type FixAction = FixTarget['action'];

type Rule = (finding: QualityFinding, subject: FixSubject) => FixTarget;

/**
 * The finding's own field when it is one of `accepted`, alone or with a list index
 * ('emails.1' for 'emails'), else `fallback`.
 */
function fieldOf(finding: QualityFinding, accepted: readonly string[], fallback: string): string {
  const field = finding.field;
  if (field === undefined) return fallback;
  return accepted.includes(field.replace(/\.\d{1,2}$/, '')) ? field : fallback;
}

const edit =
  (accepted: readonly string[], fallback: string): Rule =>
  (finding, subject) => ({ action: 'edit', subject, field: fieldOf(finding, accepted, fallback) });

const editAt = (field: string): Rule => edit([field], field);

// Every channel, checked against the union by the compiler (the schema's tuple would bring the
// TypeBox runtime into the browser entry).
const CHANNELS: Readonly<Record<ConsentChannel, true>> = { email: true, phone: true, letter: true, newsletter: true };
const isChannel = (value: string): value is ConsentChannel => Object.hasOwn(CHANNELS, value);

/** `consent.<channel>` names the channel; an unknown one falls back to e-mail. */
function consentChannelOf(finding: QualityFinding): ConsentChannel {
  const channel = finding.field?.startsWith('consent.') ? finding.field.slice('consent.'.length) : '';
  return isChannel(channel) ? channel : 'email';
}

const PHONE_FIELDS = ['businessPhones', 'mobilePhone', 'homePhones'] as const;

// One rule per code: the Record makes a new QualityCode a compile error until it has a fix.
const RULES: Record<QualityCode, Rule> = {
  'contact.noName': (finding, subject) => ({
    action: 'edit',
    subject,
    field: fieldOf(finding, ['name', 'lastName'], 'lastName'),
  }),
  'contact.noRelationship': editAt('relationships'),
  'contact.invalidEmail': edit(['emails'], 'emails'),
  'contact.invalidPhone': edit(PHONE_FIELDS, 'businessPhones'),
  'contact.noEmail': editAt('emails'),
  'contact.consentWithoutProof': (finding, subject) => ({
    action: 'consent',
    subject,
    channel: consentChannelOf(finding),
  }),
  'person.noCompany': editAt('companyId'),
  'person.noRole': editAt('roles'),
  'person.noPrimaryEmail': editAt('emails'),
  'person.multiplePrimaryEmails': editAt('emails'),
  'person.duplicateEmail': editAt('emails'),
  'company.noPeople': (_finding, subject) => ({ action: 'addPerson', subject }),
  'company.noDecisionMaker': (_finding, subject) => ({ action: 'assignRole', subject, role: 'decisionMaker' }),
  'company.noBillingContact': (_finding, subject) => ({ action: 'assignRole', subject, role: 'billingContact' }),
  // Raised once for "no e-mail and no phone" ('emails') and once for a missing city ('address.city').
  'company.incompleteContactData': edit(['emails', 'businessPhones', 'address.city'], 'emails'),
  'customer.noCustomerSince': editAt('customerSince'),
  // Without any lead data the source comes first; the status starts as "Neu" with it.
  'lead.noLeadData': editAt('lead.source'),
  'lead.noStatus': editAt('lead.status'),
  'lead.noSource': editAt('lead.source'),
  'lead.invalidBudget': editAt('lead.budget'),
  // A stale lead is moved on (qualified, offered, won) or closed (lost, archived).
  'lead.stale': (_finding, subject) => ({ action: 'lead', subject }),
};

/**
 * Where `finding` is fixed, for a finding shown on a contact of kind `shownKind`. Company
 * findings (codes `company.*`) shown on a person's card are fixed on the person's company.
 */
export function fixTargetOf(finding: QualityFinding, shownKind: ContactKind): FixTarget {
  const subject: FixSubject = finding.code.startsWith('company.') && shownKind === 'person' ? 'company' : 'contact';
  return RULES[finding.code](finding, subject);
}

/** The permission a fix needs (auth/roles.ts): recording consent is `consent:write`, all else `contacts:write`. */
export function fixPermission(target: FixTarget): Extract<Permission, 'contacts:write' | 'consent:write'> {
  return target.action === 'consent' ? 'consent:write' : 'contacts:write';
}
