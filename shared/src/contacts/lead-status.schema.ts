import { type Static, Type } from 'typebox';
import { ObjectId, RequiredMultilineText, StrictObject } from './contact-common.schema';
import { LeadStatus } from './contact-enums.schema';
import { Contact } from './contact.schema';
import { MIN_LEAD_REASON_LENGTH } from './lead-status.rules';

// `POST /contacts/:id/lead-status` (If-Match) runs one change of the lead state machine
// (lead-status.rules.ts); `POST /contacts/:id/lead-status/undo` (If-Match) takes the last one back.

/** Most people of one company a win changes along (and an undo takes back) in one request. */
export const MAX_LEAD_PEOPLE = 200;

export const LeadStatusChange = StrictObject({
  status: LeadStatus,
  // Lost and archived: why (kept on the contact's archive entry); other changes ignore it.
  reason: Type.Optional(RequiredMultilineText(500, MIN_LEAD_REASON_LENGTH)),
  // Won, for a company: its people (companyId) that are open leads become customers too.
  includePeople: Type.Optional(Type.Boolean()),
});
export type LeadStatusChange = Static<typeof LeadStatusChange>;

export const LeadStatusResult = StrictObject({
  contact: Contact,
  // The company's people that changed along, each with its new version (for an undo).
  people: Type.Array(Contact, { maxItems: MAX_LEAD_PEOPLE }),
});
export type LeadStatusResult = Static<typeof LeadStatusResult>;

export const LeadUndoPerson = StrictObject({ id: ObjectId, version: Type.Integer({ minimum: 1 }) });
export type LeadUndoPerson = Static<typeof LeadUndoPerson>;

export const LeadUndoRequest = StrictObject({
  // People that changed along with a company's win, with the versions the win gave them.
  people: Type.Optional(Type.Array(LeadUndoPerson, { maxItems: MAX_LEAD_PEOPLE })),
});
export type LeadUndoRequest = Static<typeof LeadUndoRequest>;

export const LeadUndoResult = StrictObject({
  contact: Contact,
  people: Type.Array(Contact, { maxItems: MAX_LEAD_PEOPLE }),
  // People left as they are: changed again since, no longer at the company, or not found.
  skipped: Type.Array(ObjectId, { maxItems: MAX_LEAD_PEOPLE }),
});
export type LeadUndoResult = Static<typeof LeadUndoResult>;
