import { type Static, Type } from 'typebox';
import { Email, ObjectId, StrictObject, Text } from './contact-common.schema';
import { ContactKind, Salutation, SenderStatus } from './contact-enums.schema';
import { ConsentDecision, ConsentSummary } from './consent.schema';
import { QualityFinding } from './contact-query.schema';
import { Contact, Roles, UserId } from './contact.schema';
import { Activity } from '../activities/activity.schema';
import { FollowUp } from '../follow-ups/follow-up.schema';
import { Opportunity } from '../opportunities/opportunity.schema';

/** How much sales work a known card carries (issue 12): the newest activities, open follow-ups, open opportunities. */
export const CARD_RECENT_ACTIVITIES = 3;
export const CARD_OPEN_FOLLOW_UPS = 5;
export const CARD_OPEN_OPPORTUNITIES = 5;

// `GET /cards?email=…`: one card per address, everything the task pane shows in one round trip.
// Addresses are plain strings here, not `format: 'email'`: Outlook hands over whatever the
// sender header holds (e.g. Exchange X.500 addresses), and one odd address must not fail the
// whole request; such a sender simply gets an `unknown` card without a suggestion.
const SenderAddress = Type.String({ minLength: 1, maxLength: 320 });

export const MAX_CARDS_PER_REQUEST = 50;

export const SenderCardQuery = StrictObject({
  email: Type.Array(SenderAddress, { minItems: 1, maxItems: MAX_CARDS_PER_REQUEST }),
  // Display names in the order of the addresses, for the create suggestion of unknown senders.
  name: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: MAX_CARDS_PER_REQUEST })),
});
export type SenderCardQuery = Static<typeof SenderCardQuery>;

export const CreateSuggestion = StrictObject({
  // What to create: a person, or the company itself (a company's name or a function mailbox as
  // display name); absent when the sender says neither (a mailing list, a bare address).
  kind: Type.Optional(ContactKind),
  salutation: Type.Optional(Salutation),
  title: Type.Optional(Text(40)),
  firstName: Type.Optional(Text(100)),
  lastName: Type.Optional(Text(100)),
  email: Email,
  companyId: Type.Optional(ObjectId),
  companyName: Type.Optional(Text(200)),
  freeMail: Type.Boolean(),
});
export type CreateSuggestion = Static<typeof CreateSuggestion>;

export const CompanyPerson = StrictObject({
  id: ObjectId,
  displayName: Text(300),
  position: Type.Optional(Text(100)),
  roles: Roles,
});
export type CompanyPerson = Static<typeof CompanyPerson>;

/** The contact's Betreuer as the card shows it: the tenant user's id and display name. */
export const CardOwner = StrictObject({
  id: UserId,
  name: Text(200),
});
export type CardOwner = Static<typeof CardOwner>;

export const SenderCard = StrictObject({
  // The address the card was asked for; a card opened by contact id carries the primary address, or ""
  // for a contact without one.
  email: Type.String({ maxLength: 320 }),
  status: SenderStatus,
  contact: Type.Optional(Contact),
  // The contact's owner, when the tenant knows the user (`contact.ownerId` without `owner`: not known).
  owner: Type.Optional(CardOwner),
  company: Type.Optional(Contact),
  companyPeople: Type.Optional(Type.Array(CompanyPerson, { maxItems: 50 })),
  consent: Type.Optional(ConsentSummary),
  marketingEmailAllowed: Type.Optional(ConsentDecision),
  quality: Type.Optional(Type.Array(QualityFinding, { maxItems: 50 })),
  suggestion: Type.Optional(CreateSuggestion),
  // Known contacts only: the newest activities of the contact, its open follow-ups (due first) and the
  // open opportunities with it or its company (closing first); the counts say how many there are in all.
  recentActivities: Type.Optional(Type.Array(Activity, { maxItems: CARD_RECENT_ACTIVITIES })),
  openFollowUps: Type.Optional(Type.Array(FollowUp, { maxItems: CARD_OPEN_FOLLOW_UPS })),
  openFollowUpCount: Type.Optional(Type.Integer({ minimum: 0 })),
  openOpportunities: Type.Optional(Type.Array(Opportunity, { maxItems: CARD_OPEN_OPPORTUNITIES })),
  openOpportunityCount: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type SenderCard = Static<typeof SenderCard>;

export const SenderCardList = StrictObject({
  cards: Type.Array(SenderCard, { maxItems: MAX_CARDS_PER_REQUEST }),
});
export type SenderCardList = Static<typeof SenderCardList>;
