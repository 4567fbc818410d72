import { type Static, Type } from 'typebox';
import {
  Actor,
  DateTime,
  IsoDate,
  MultilineText,
  Nullable,
  ObjectId,
  RequiredMultilineText,
  RequiredText,
  StrictObject,
  Text,
} from '../contacts/contact-common.schema';
import { UserId } from '../contacts/contact.schema';
import { AuditEntry } from '../contacts/contact-query.schema';

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

// ---- Inputs ----------------------------------------------------------------------------------

const editable = {
  title: RequiredText(200),
  contactId: ObjectId,
  amountCents: AmountCents,
  probability: Probability,
  stage: OpportunityStage,
  expectedCloseDate: IsoDate,
  offerDate: IsoDate,
  offerContent: MultilineText(5000),
  lossReason: RequiredMultilineText(1000),
  ownerId: UserId,
};

/**
 * A new opportunity. `probability` defaults to the stage's (stage.rules.ts), `stage` to
 * `needsAnalysis`, `ownerId` to the contact's Betreuer, else the caller. `lossReason` is required
 * with stage `lost` and refused with any other stage.
 */
export const OpportunityCreate = StrictObject({
  title: editable.title,
  contactId: editable.contactId,
  amountCents: editable.amountCents,
  probability: Type.Optional(editable.probability),
  stage: Type.Optional(editable.stage),
  expectedCloseDate: Type.Optional(editable.expectedCloseDate),
  offerDate: Type.Optional(editable.offerDate),
  offerContent: Type.Optional(editable.offerContent),
  lossReason: Type.Optional(editable.lossReason),
  ownerId: Type.Optional(editable.ownerId),
});
export type OpportunityCreate = Static<typeof OpportunityCreate>;

/**
 * A change: only the fields given change; `null` clears an optional one. A stage change appends
 * to the stage history and sets the stage's default probability unless `probability` is given
 * too (won is always 100 %, lost always 0 %).
 */
export const OpportunityPatch = StrictObject(
  {
    title: Type.Optional(editable.title),
    contactId: Type.Optional(editable.contactId),
    amountCents: Type.Optional(editable.amountCents),
    probability: Type.Optional(editable.probability),
    stage: Type.Optional(editable.stage),
    expectedCloseDate: Type.Optional(Nullable(editable.expectedCloseDate)),
    offerDate: Type.Optional(Nullable(editable.offerDate)),
    offerContent: Type.Optional(Nullable(editable.offerContent)),
    lossReason: Type.Optional(Nullable(editable.lossReason)),
    ownerId: Type.Optional(editable.ownerId),
  },
  { minProperties: 1 },
);
export type OpportunityPatch = Static<typeof OpportunityPatch>;

// ---- Lists, board and forecast -----------------------------------------------------------------

/** A calendar month "YYYY-MM". */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', maxLength: 7 });

/**
 * The close-month filter: a month "YYYY-MM", or one of the forecast's other figures — `overdue`
 * (open, close date before the current month), `undated` (no close date), `beyond` (after the
 * forecast's third month). The special values count open opportunities only.
 */
export const CloseMonthFilter = Type.String({
  pattern: '^(\\d{4}-(0[1-9]|1[0-2])|overdue|undated|beyond)$',
  maxLength: 7,
});

export const OpportunityListQuery = StrictObject({
  /** A user id, or "me" for the caller. */
  owner: Type.Optional(UserId),
  stage: Type.Optional(OpportunityStage),
  closeMonth: Type.Optional(CloseMonthFilter),
  /** A contact; for a company also its people's opportunities. */
  contactId: Type.Optional(ObjectId),
  /** true: open stages only. */
  open: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Text(300)),
});
export type OpportunityListQuery = Static<typeof OpportunityListQuery>;

export const OpportunityPage = StrictObject({
  items: Type.Array(Opportunity),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type OpportunityPage = Static<typeof OpportunityPage>;

export const OwnerQuery = StrictObject({
  /** A user id, or "me" for the caller; absent: the whole team. */
  owner: Type.Optional(UserId),
});
export type OwnerQuery = Static<typeof OwnerQuery>;

/** One board column: its first items, and count and sums over all of the column's opportunities. */
export const BoardColumn = StrictObject({
  stage: OpportunityStage,
  items: Type.Array(Opportunity),
  count: Type.Integer({ minimum: 0 }),
  amountCents: Type.Integer({ minimum: 0 }),
  weightedCents: Type.Integer({ minimum: 0 }),
  /** More opportunities than `items` holds (the column shows the first BOARD_COLUMN_ITEMS). */
  more: Type.Boolean(),
});
export type BoardColumn = Static<typeof BoardColumn>;

/**
 * The pipeline board: the five open stages in process order, then won, lost and later with the
 * opportunities closed in the last CLOSED_COLUMN_DAYS days.
 */
export const OpportunityBoard = StrictObject({
  columns: Type.Array(BoardColumn),
  closedSince: DateTime,
});
export type OpportunityBoard = Static<typeof OpportunityBoard>;

/** Sums of some open opportunities: weighted and plain amount (cents) and how many. */
export const ForecastFigure = StrictObject({
  weightedCents: Type.Integer({ minimum: 0 }),
  amountCents: Type.Integer({ minimum: 0 }),
  count: Type.Integer({ minimum: 0 }),
});
export type ForecastFigure = Static<typeof ForecastFigure>;

export const ForecastCell = StrictObject({ month: Month, ...ForecastFigure.properties });
export type ForecastCell = Static<typeof ForecastCell>;

const forecastLine = {
  /** One per month of `months`, in that order. */
  cells: Type.Array(ForecastCell),
  /** Open, close date before the current month. */
  overdue: ForecastFigure,
  /** Open, no close date. */
  undated: ForecastFigure,
  /** Open, close date after the last month. */
  beyond: ForecastFigure,
};

export const ForecastRow = StrictObject({ ownerId: UserId, ownerName: Text(200), ...forecastLine });
export type ForecastRow = Static<typeof ForecastRow>;

/**
 * The forecast: weighted amounts per month for the current month and the next two (Europe/Berlin),
 * per owner (by name) and in total. See forecast.rules.ts.
 */
export const Forecast = StrictObject({
  months: Type.Array(Month),
  rows: Type.Array(ForecastRow),
  total: StrictObject(forecastLine),
  /** True when more open opportunities exist than the forecast reads (FORECAST_MAX_PER_STAGE). */
  truncated: Type.Boolean(),
});
export type Forecast = Static<typeof Forecast>;

export const OpportunityHistory = StrictObject({ items: Type.Array(AuditEntry) });
