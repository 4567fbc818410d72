import type { FastifyBaseLogger } from 'fastify';
import { permissionsFor } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { DEMO_RECORDS, type DemoRecord } from './demo-data';

const DAY = 86_400_000;

// Leads of different ages: the record's creation, last edit and last lead
// activity are moved into the past, as if the team had worked with it then.
async function backdate(feature: ContactsFeature, auth: AuthContext, id: string, record: DemoRecord): Promise<void> {
  const now = Date.now();
  const activity = record.lastActivityDaysAgo ?? record.ageDays ?? 0;
  const updated = await feature.writer.update(auth, id, 'update', 'retry', (fields) => {
    if (record.ageDays !== undefined) fields.createdAt = new Date(now - record.ageDays * DAY).toISOString();
    if (fields.lead)
      (fields.lead as Record<string, unknown>).lastActivityAt = new Date(now - activity * DAY).toISOString();
    return fields;
  });
  await feature.repo.replaceIfVersion(
    auth.tenantId,
    id,
    updated.version,
    // Every write advances the version (the embedded engine refuses one that does not).
    { updatedAt: new Date(now - activity * DAY).toISOString(), version: updated.version + 1 },
    [],
  );
}

// Seeds the demo tenant through the same services users go through. Creates
// carry fixed idempotency keys, so running it again changes nothing; the
// appends (consent events, back-dating) run only for a contact just created.
export async function seedDemoTenant(
  feature: ContactsFeature,
  tenantId: string,
  log: FastifyBaseLogger,
): Promise<void> {
  const auth: AuthContext = {
    tenantId,
    userId: 'demo-seed',
    name: 'Demo-Daten',
    email: undefined,
    roles: ['CRM.Admin'],
    permissions: permissionsFor(['CRM.Admin']),
    kind: 'app',
  };
  const ids = new Map<string, string>();
  let created = 0;
  for (const record of DEMO_RECORDS) {
    const companyId = record.company ? ids.get(record.company) : undefined;
    const body = companyId ? { ...record.body, companyId } : record.body;
    const { contact, replayed } = await feature.contacts.create(auth, `demo-seed:${record.ref}`, body);
    ids.set(record.ref, contact.id);
    if (replayed) continue;
    created++;
    for (const event of record.consent ?? []) await feature.notes.addConsentEvent(auth, contact.id, event);
    if (record.ageDays !== undefined || record.lastActivityDaysAgo !== undefined)
      await backdate(feature, auth, contact.id, record);
  }
  if (created > 0) log.info({ tenantId, created }, 'seeded the demo tenant');
}
