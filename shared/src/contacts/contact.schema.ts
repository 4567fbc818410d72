import { type Static, Type } from 'typebox';
import { LegalHold, Restriction } from '../privacy/privacy.schema';
import {
  Actor,
  Address,
  BusinessPhones,
  DateTime,
  Email,
  EmailEntries,
  HomePhones,
  IsoDate,
  MultilineText,
  Nullable,
  ObjectId,
  PhoneText,
  RequiredMultilineText,
  RequiredText,
  StrictObject,
  Tags,
  Text,
} from './contact-common.schema';
import {
  ContactKind,
  LeadSource,
  LeadStatus,
  RELATIONSHIPS,
  ROLES,
  Relationship,
  Role,
  Salutation,
  SyncStatus,
} from './contact-enums.schema';
import { Consent } from './consent.schema';
import { Notes } from './contact-notes.schema';
import { MirrorProblem } from '../mirror/mirror-problem.schema';

// Whole euros: budgets are estimates, cents would be false precision.
const Euros = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 });

export const Budget = StrictObject({
  minEur: Type.Optional(Euros),
  maxEur: Type.Optional(Euros),
});
export type Budget = Static<typeof Budget>;

// What a user edits; `lastActivityAt` is maintained by the server when activity is logged.
export const leadInputFields = {
  source: Type.Optional(LeadSource),
  sourceDetail: Type.Optional(Text(200)),
  status: Type.Optional(LeadStatus),
  nextSteps: Type.Optional(MultilineText(2000)),
  budget: Type.Optional(Budget),
  timeframe: Type.Optional(Text(50)),
};
export const LeadInput = StrictObject(leadInputFields);
export type LeadInput = Static<typeof LeadInput>;

export const Lead = StrictObject({
  ...leadInputFields,
  lastActivityAt: Type.Optional(DateTime),
});
export type Lead = Static<typeof Lead>;

export const Archive = StrictObject({
  at: DateTime,
  reason: RequiredMultilineText(500),
  by: Actor,
});
export type Archive = Static<typeof Archive>;

export const Relationships = Type.Array(Relationship, {
  maxItems: RELATIONSHIPS.length,
  uniqueItems: true,
});
export const Roles = Type.Array(Role, { maxItems: ROLES.length, uniqueItems: true });

export const Website = Type.String({ maxLength: 300, pattern: '^\\S*$' });
export const ContactNumber = Type.String({ pattern: '^C\\d{5,}$', maxLength: 16 });

/** The id of a tenant user (the token's `oid`): the Betreuer of a contact. */
export const UserId = RequiredText(100);

// How a contact is reached, the same for both kinds and shaped like a Microsoft Graph contact
// (https://learn.microsoft.com/graph/api/resources/contact): `emails` ↔ `emailAddresses` (≤ 3),
// `businessPhones`, `mobilePhone`, `homePhones`, `address` ↔ `businessAddress`, `website` ↔
// `businessHomePage`. The Outlook mirror maps these one to one.
export const reachFields = {
  emails: EmailEntries,
  businessPhones: BusinessPhones,
  mobilePhone: Type.Optional(PhoneText),
  homePhones: HomePhones,
  address: Type.Optional(Address),
  website: Type.Optional(Website),
};

// Field groups, shared by the stored shape, the create bodies and the patches.
export const companyFields = {
  name: RequiredText(200),
  industry: Type.Optional(Text(100)),
};

export const personFields = {
  salutation: Salutation,
  title: Type.Optional(Text(40)),
  firstName: Type.Optional(Text(100)),
  lastName: RequiredText(100),
  companyId: Type.Optional(ObjectId),
  position: Type.Optional(Text(100)),
  department: Type.Optional(Text(100)),
  roles: Roles,
};

const crmFields = {
  ownerId: Type.Optional(UserId),
  relationships: Relationships,
  customerSince: Type.Optional(IsoDate),
  tags: Tags,
  lead: Type.Optional(Lead),
  notes: Notes,
  consent: Consent,
};

// Server-owned: identity, concurrency, audit stamps, mirror state and derived texts.
// `tenantId` is deliberately absent: it never leaves the API.
const recordFields = {
  id: ObjectId,
  contactNumber: ContactNumber,
  version: Type.Integer({ minimum: 0 }),
  createdAt: DateTime,
  updatedAt: DateTime,
  createdBy: Actor,
  updatedBy: Actor,
  syncStatus: SyncStatus,
  /** When the Microsoft 365 mirror last wrote or confirmed this contact in every target (issue 13). */
  syncedAt: Type.Optional(DateTime),
  /** Why the mirror failed for this contact (`syncStatus: 'error'`). */
  syncProblem: Type.Optional(MirrorProblem),
  archived: Nullable(Archive),
  mergedInto: Type.Optional(ObjectId),
  /** Art. 18 DSGVO restriction (issue 15): stored and shown, no other use. Absent when not restricted. */
  restriction: Type.Optional(Restriction),
  /** A legal hold blocks erasure (issue 15). Absent when none. */
  legalHold: Type.Optional(LegalHold),
  displayName: Text(300),
  letterSalutation: Text(300),
};

export const Company = StrictObject({
  kind: Type.Literal('company'),
  ...companyFields,
  ...reachFields,
  ...crmFields,
  ...recordFields,
});
export type Company = Static<typeof Company>;

export const Person = StrictObject({
  kind: Type.Literal('person'),
  ...personFields,
  ...reachFields,
  ...crmFields,
  ...recordFields,
});
export type Person = Static<typeof Person>;

export const Contact = Type.Union([Company, Person]);
export type Contact = Static<typeof Contact>;

export const ContactSummary = StrictObject({
  id: ObjectId,
  kind: ContactKind,
  displayName: Text(300),
  contactNumber: ContactNumber,
  companyName: Type.Optional(Text(200)),
  email: Type.Optional(Email),
  relationships: Relationships,
  ownerId: Type.Optional(UserId),
  archived: Type.Boolean(),
  /** Restricted under Art. 18 DSGVO (issue 15): search results show it. */
  restricted: Type.Optional(Type.Boolean()),
  // Lead review lists need the status without loading whole contacts.
  leadStatus: Type.Optional(LeadStatus),
});
export type ContactSummary = Static<typeof ContactSummary>;
