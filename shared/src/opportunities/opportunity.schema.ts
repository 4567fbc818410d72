import { type Static, Type } from 'typebox';
import {
  Actor,
  DateTime,
  IsoDate,
  MultilineText,
  ObjectId,
  RequiredText,
  StrictObject,
  Text,
} from '../contacts/contact-common.schema';
import { UserId } from '../contacts/contact.schema';

// Opportunities (Verkaufschancen): a possible sale to a contact (person or company), its amount,
// how likely it is and where it stands in the sales process of the guide.

/**
 * The guide's sales stages in process order: Bedarfsermittlung, Infos versenden, Termin vereinbart /
 * Besuchsbericht, Angebot, Verhandlung, Gewonnen, Verloren, Später (kein Budget/Zeitpunkt).
 * `won`, `lost` and `later` are closed: they leave the board's open columns and the forecast.
 */
export const OPPORTUNITY_STAGES = [
  'needsAnalysis',
  'infoSent',
  'meeting',
  'offer',
  'negotiation',
  'won',
  'lost',
  'later',
] as const;
export const OpportunityStage = Type.Enum(OPPORTUNITY_STAGES);
export type OpportunityStage = Static<typeof OpportunityStage>;

export const OPEN_STAGES = ['needsAnalysis', 'infoSent', 'meeting', 'offer', 'negotiation'] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];

/** Largest amount: 10 billion euro, in cents. */
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;
/** Euro cents, integer, never negative. */
export const AmountCents = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_CENTS });
/** Percent, integer 0–100. */
export const Probability = Type.Integer({ minimum: 0, maximum: 100 });

export const StageChange = StrictObject({
  stage: OpportunityStage,
  at: DateTime,
  by: Actor,
});
export type StageChange = Static<typeof StageChange>;

export const Opportunity = StrictObject({
  id: ObjectId,
  title: RequiredText(200),
  /** The contact the sale is with (person or company). */
  contactId: ObjectId,
  contactName: Text(300),
  /** The person's company at creation (or the contact itself when it is a company). */
  companyId: Type.Optional(ObjectId),
  companyName: Type.Optional(Text(300)),
  amountCents: AmountCents,
  probability: Probability,
  stage: OpportunityStage,
  expectedCloseDate: Type.Optional(IsoDate),
  offerDate: Type.Optional(IsoDate),
  offerContent: Type.Optional(MultilineText(5000)),
  /** Why it was lost; required while the stage is `lost`. */
  lossReason: Type.Optional(MultilineText(1000)),
  ownerId: UserId,
  ownerName: Type.Optional(Text(200)),
  /** Oldest first; the first entry is the stage it was created in. */
  stageHistory: Type.Array(StageChange, { maxItems: 1000 }),
  /** When it reached a closed stage (won, lost, later); absent while open. */
  closedAt: Type.Optional(DateTime),
  createdBy: Actor,
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer({ minimum: 1 }),
});
export type Opportunity = Static<typeof Opportunity>;
