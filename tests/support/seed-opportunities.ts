import { Types, type Connection } from 'mongoose';
import { addMonths, closedAtAfter, monthOf, type OpportunityStage, probabilityAfter } from '@klarkonform/shared';
import { opportunityModel } from '../../api/src/features/opportunities/opportunities.model';
import { keysOf, type OpportunityFields } from '../../api/src/features/opportunities/opportunity-keys';
import { pick } from './seed-contacts';

// Many opportunities fast, written straight into the collection with the API's own derived keys:
// for the query-plan test and the benchmark. Shaped like a pipeline after two years of use: of
// every 20, 6 open (over the five open stages) and 14 closed (won, lost, later) with closing dates
// spread over the last two years; eight owners per tenant (their ids are the tenant's own, as
// Entra object ids are); one contact per ten opportunities; close dates from three months back to
// five ahead, one in nine undated.

const OWNERS = 8;
/** The owner ids of a tenant's seeded opportunities. */
export const seedOwners = (tenantId: string): string[] =>
  Array.from({ length: OWNERS }, (_, k) => `${tenantId.slice(0, 8)}-owner-${k}`);
const STAGES: OpportunityStage[] = [
  'needsAnalysis',
  'won',
  'infoSent',
  'lost',
  'meeting',
  'won',
  'offer',
  'lost',
  'negotiation',
  'won',
  'offer',
  'lost',
  'later',
  'won',
  'lost',
  'won',
  'lost',
  'later',
  'won',
  'lost',
];

/** The contact id of seeded opportunity `i` (ten opportunities per contact). */
export const seedContactId = (i: number): string =>
  (0x6a0000000000 + Math.floor(i / 10)).toString(16).padStart(24, '0');

export async function seedOpportunities(connection: Connection, tenantId: string, count: number, now = new Date()) {
  const model = opportunityModel(connection);
  await model.init();
  const current = monthOf(now);
  const owners = seedOwners(tenantId);
  const docs = Array.from({ length: count }, (_, i) => {
    const stage = pick(STAGES, i);
    const at = new Date(now.getTime() - ((i * 37) % 730) * 86_400_000).toISOString();
    const closedAt = closedAtAfter(undefined, stage, at);
    const month = addMonths(current, (i % 9) - 3);
    const ownerId = pick(owners, i * 3);
    const fields: OpportunityFields = {
      title: `Chance ${i}`,
      contactId: seedContactId(i),
      contactName: `Kontakt ${Math.floor(i / 10)}`,
      amountCents: ((i * 7919) % 5_000_000) + 10_000,
      probability: probabilityAfter(stage, true, undefined, 0),
      stage,
      ...(i % 9 === 4 ? {} : { expectedCloseDate: `${month}-${String((i % 28) + 1).padStart(2, '0')}` }),
      ...(stage === 'lost' ? { lossReason: 'Preis' } : {}),
      ownerId,
      ownerName: ownerId,
      stageHistory: [{ stage, at, by: { id: ownerId, name: ownerId } }],
      ...(closedAt ? { closedAt } : {}),
      createdBy: { id: ownerId, name: ownerId },
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    return {
      _id: new Types.ObjectId(),
      ...fields,
      ...keysOf(fields),
      tenantId,
      idempotencyKey: `opp-seed-${i}`,
      requestHash: 'seed',
    };
  });
  for (let i = 0; i < docs.length; i += 1000) await model.insertMany(docs.slice(i, i + 1000), { lean: true });
}
