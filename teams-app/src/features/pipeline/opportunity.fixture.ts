import type { Opportunity } from '@klarkonform/shared';

/** An opportunity for the unit tests: 10.000,00 € at 20 % in Bedarfsermittlung, owner Max Mustermann. */
export function opportunity(overrides: Partial<Opportunity> = {}): Opportunity {
  const actor = { id: 'u1', name: 'Max Mustermann' };
  return {
    id: 'o1',
    title: 'Wartungsvertrag',
    contactId: 'c1',
    contactName: 'Muster GmbH',
    amountCents: 1_000_000,
    probability: 20,
    stage: 'needsAnalysis',
    ownerId: 'u1',
    ownerName: 'Max Mustermann',
    stageHistory: [{ stage: 'needsAnalysis', at: '2026-11-01T10:00:00.000Z', by: actor }],
    createdBy: actor,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
