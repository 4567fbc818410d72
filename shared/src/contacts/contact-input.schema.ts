import { type Static, Type } from 'typebox';
import {
  Address,
  BusinessPhones,
  EmailEntries,
  HomePhones,
  IsoDate,
  Nullable,
  ObjectId,
  PhoneText,
  RequiredMultilineText,
  RequiredText,
  StrictObject,
  Tags,
  Text,
} from './contact-common.schema';
import { LegalBasis, SALUTATIONS } from './contact-enums.schema';
import { NotesSpecificsInput } from './contact-notes.schema';
import {
  LeadInput,
  Relationships,
  Roles,
  UserId,
  Website,
  companyFields,
  personFields,
  reachFields,
} from './contact.schema';

// Request bodies for creating and changing contacts. Consent events, history, open items and
// free notes have endpoints of their own (each is audited as such), so a create takes only the
// initial legal basis and the initial "Besonderheiten".

const crmCreateFields = {
  // Defaults to the creating user.
  ownerId: Type.Optional(UserId),
  relationships: Type.Optional(Relationships),
  customerSince: Type.Optional(IsoDate),
  tags: Type.Optional(Tags),
  lead: Type.Optional(LeadInput),
  legalBasis: Type.Optional(LegalBasis),
  notes: Type.Optional(NotesSpecificsInput),
};

// Every reachability list may be left out on create (empty).
const reachCreateFields = {
  ...reachFields,
  emails: Type.Optional(EmailEntries),
  businessPhones: Type.Optional(BusinessPhones),
  homePhones: Type.Optional(HomePhones),
};

export const companyCreateFields = {
  kind: Type.Literal('company'),
  ...companyFields,
  ...reachCreateFields,
  ...crmCreateFields,
};

export const personCreateFields = {
  kind: Type.Literal('person'),
  ...personFields,
  salutation: Type.Optional(Type.Enum(SALUTATIONS, { default: 'none' })),
  roles: Type.Optional(Roles),
  ...reachCreateFields,
  ...crmCreateFields,
};

export const CompanyCreate = StrictObject(companyCreateFields);
export type CompanyCreate = Static<typeof CompanyCreate>;

export const PersonCreate = StrictObject(personCreateFields);
export type PersonCreate = Static<typeof PersonCreate>;

export const ContactCreate = Type.Union([CompanyCreate, PersonCreate]);
export type ContactCreate = Static<typeof ContactCreate>;

// Patches replace top-level fields (nested objects such as `address` or `lead` as a whole);
// `null` clears an optional field, `[]` empties a list. Required fields cannot be cleared and
// `kind` cannot change: it is in neither shape, so sending it is rejected.
const reachPatchFields = {
  emails: Type.Optional(EmailEntries),
  businessPhones: Type.Optional(BusinessPhones),
  mobilePhone: Type.Optional(Nullable(PhoneText)),
  homePhones: Type.Optional(HomePhones),
  address: Type.Optional(Nullable(Address)),
  website: Type.Optional(Nullable(Website)),
};

const crmPatchFields = {
  ownerId: Type.Optional(UserId),
  relationships: Type.Optional(Relationships),
  customerSince: Type.Optional(Nullable(IsoDate)),
  tags: Type.Optional(Tags),
  lead: Type.Optional(Nullable(LeadInput)),
  legalBasis: Type.Optional(Nullable(LegalBasis)),
  notes: Type.Optional(NotesSpecificsInput),
};

export const CompanyPatch = StrictObject(
  {
    name: Type.Optional(RequiredText(200)),
    industry: Type.Optional(Nullable(Text(100))),
    ...reachPatchFields,
    ...crmPatchFields,
  },
  { minProperties: 1 },
);
export type CompanyPatch = Static<typeof CompanyPatch>;

export const PersonPatch = StrictObject(
  {
    salutation: Type.Optional(Type.Enum(SALUTATIONS)),
    title: Type.Optional(Nullable(Text(40))),
    firstName: Type.Optional(Nullable(Text(100))),
    lastName: Type.Optional(RequiredText(100)),
    companyId: Type.Optional(Nullable(ObjectId)),
    position: Type.Optional(Nullable(Text(100))),
    department: Type.Optional(Nullable(Text(100))),
    roles: Type.Optional(Roles),
    ...reachPatchFields,
    ...crmPatchFields,
  },
  { minProperties: 1 },
);
export type PersonPatch = Static<typeof PersonPatch>;

// Shared fields fit both shapes; a kind-specific field fits only its own. The API checks the
// stored kind with `inapplicablePatchFields` (contact.rules.ts).
export const ContactPatch = Type.Union([CompanyPatch, PersonPatch]);
export type ContactPatch = Static<typeof ContactPatch>;

export const ArchiveRequest = StrictObject({
  reason: RequiredMultilineText(500, 3),
});
export type ArchiveRequest = Static<typeof ArchiveRequest>;
