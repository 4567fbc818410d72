import { type Static, Type } from 'typebox';
import { Actor, DateTime, MultilineText, ObjectId, RequiredText, StrictObject } from './contact-common.schema';
import {
  ConsentChannel,
  ConsentEventType,
  ConsentReason,
  ConsentStatus,
  ContactPurpose,
  LegalBasis,
} from './contact-enums.schema';

// Consent is an append-only history with proof per channel; the state is derived
// (consent.rules.ts), never stored.

export const ConsentEvent = StrictObject({
  id: ObjectId,
  type: ConsentEventType,
  at: DateTime,
  source: RequiredText(200),
  proof: Type.Optional(MultilineText(1000)),
  recordedBy: Actor,
});
export type ConsentEvent = Static<typeof ConsentEvent>;

export const MAX_CONSENT_EVENTS_PER_CHANNEL = 200;
const Events = Type.Array(ConsentEvent, { maxItems: MAX_CONSENT_EVENTS_PER_CHANNEL });

export const ConsentChannels = StrictObject({
  email: Events,
  phone: Events,
  letter: Events,
  newsletter: Events,
});
export type ConsentChannels = Static<typeof ConsentChannels>;

export const Consent = StrictObject({
  legalBasis: Type.Optional(LegalBasis),
  channels: ConsentChannels,
});
export type Consent = Static<typeof Consent>;

// `at` defaults to now; a past `at` records consent given earlier (e.g. on paper at a fair).
export const ConsentEventCreate = StrictObject({
  channel: ConsentChannel,
  type: ConsentEventType,
  at: Type.Optional(DateTime),
  source: RequiredText(200),
  proof: Type.Optional(MultilineText(1000)),
});
export type ConsentEventCreate = Static<typeof ConsentEventCreate>;

export const ConsentChannelState = StrictObject({
  status: ConsentStatus,
  since: Type.Optional(DateTime),
  lastEvent: Type.Optional(ConsentEvent),
});
export type ConsentChannelState = Static<typeof ConsentChannelState>;

export const ConsentSummary = StrictObject({
  legalBasis: Type.Optional(LegalBasis),
  email: ConsentChannelState,
  phone: ConsentChannelState,
  letter: ConsentChannelState,
  newsletter: ConsentChannelState,
});
export type ConsentSummary = Static<typeof ConsentSummary>;

export const ConsentDecision = StrictObject({
  allowed: Type.Boolean(),
  reason: ConsentReason,
  channel: ConsentChannel,
  purpose: ContactPurpose,
});
export type ConsentDecision = Static<typeof ConsentDecision>;
