import type { MirrorFeature } from '../mirror/mirror.feature';
import type { FastifyBaseLogger } from 'fastify';
import { type Contact, permissionsFor } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { UsersRepository } from '../users/users.repository';
import { seedDemoActivities } from '../activities/activities.demo';
import type { ActivitiesFeature } from '../activities/activities.feature';
import { seedFollowUpsDemo } from '../follow-ups/follow-ups.demo';
import type { FollowUpsFeature } from '../follow-ups/follow-ups.feature';
import { seedOpportunitiesDemo } from '../opportunities/opportunities.demo';
import type { OpportunitiesFeature } from '../opportunities/opportunities.feature';
import { seedTemplatesDemo } from '../templates/templates.demo';
import type { TemplatesFeature } from '../templates/templates.feature';
import { demoRecords, type DemoRecord } from './demo-data';
import { instantBefore } from './demo-dates';
import { DEMO_USERS } from './demo-tenant';

/** What seeding needs: the features' services and the tenant's users. */
export interface DemoSeedDeps {
  contacts: ContactsFeature;
  users: UsersRepository;
  activities: ActivitiesFeature;
  followUps: FollowUpsFeature;
  opportunities: OpportunitiesFeature;
  templates: TemplatesFeature;
  /** The Microsoft 365 mirror: a reset forgets the deleted contacts' entries (absent in some tests). */
  mirror?: Pick<MirrorFeature, 'forgetTenant'>;
}

/** The actor of the seeded records (the audit trail names "Demo-Daten"). */
export function demoSeedAuth(tenantId: string): AuthContext {
  return {
    tenantId,
    userId: 'demo-seed',
    name: 'Demo-Daten',
    email: undefined,
    roles: ['CRM.Admin'],
    permissions: permissionsFor(['CRM.Admin']),
    kind: 'app',
  };
}

const latest = (instants: readonly string[]) => instants.reduce((a, b) => (a > b ? a : b));

// Moves a just-seeded contact into the past, as if the team had entered it `ageDays` ago and
// last worked on it `lastActivityDaysAgo` ago (or when its last consent was recorded, if later).
// Written directly, without an audit entry: the seed's create is the record's audited origin,
// and the dates are not a user's change.
async function backdate(
  feature: ContactsFeature,
  tenantId: string,
  contact: Contact,
  record: DemoRecord,
  now: Date,
): Promise<void> {
  const activity = instantBefore(now, record.lastActivityDaysAgo ?? record.ageDays);
  const consentTimes = (record.consent ?? []).map((event) => event.at ?? activity);
  const set: Record<string, unknown> = {
    createdAt: instantBefore(now, record.ageDays),
    updatedAt: latest([activity, ...consentTimes]),
    // Every write advances the version (the embedded engine refuses one that does not).
    version: contact.version + 1,
  };
  if (contact.lead) set.lead = { ...contact.lead, lastActivityAt: activity };
  await feature.repo.replaceIfVersion(tenantId, contact.id, contact.version, set, []);
}

/**
 * Seeds the demo tenant through the same services users go through: its users (the Betreuer of
 * the contacts), then the contacts of demo-data.ts with dates counted back from `now`, then their
 * opportunities, follow-ups and activities. Every
 * create carries a fixed Idempotency-Key and is skipped when a contact with that key exists, so
 * running it again (every start, another instance, another day) changes nothing; the appends
 * (consent events, back-dating) run only for a contact just created. Returns how many contacts
 * it created.
 */
export async function seedDemoTenant(
  deps: DemoSeedDeps,
  tenantId: string,
  log: FastifyBaseLogger,
  now: Date = new Date(),
): Promise<number> {
  const { contacts: feature } = deps;
  const auth = demoSeedAuth(tenantId);
  await deps.users.recordKnown(tenantId, DEMO_USERS, now);
  const ids = new Map<string, string>();
  let created = 0;
  for (const record of demoRecords(now)) {
    const key = `demo-seed:${record.ref}`;
    const stored = await feature.repo.findByIdempotencyKey(tenantId, key);
    if (stored) {
      ids.set(record.ref, String(stored._id));
      continue;
    }
    const companyId = record.company ? ids.get(record.company) : undefined;
    const body = companyId ? { ...record.body, companyId } : record.body;
    const { contact, replayed } = await feature.contacts.create(auth, key, body);
    ids.set(record.ref, contact.id);
    if (replayed) continue;
    created++;
    let current = contact;
    for (const event of record.consent ?? []) current = await feature.notes.addConsentEvent(auth, contact.id, event);
    await backdate(feature, tenantId, current, record, now);
  }
  // The sales work on those contacts: each entry under its own fixed key, so a start adds only
  // what is missing (also to a tenant seeded before these features existed).
  const opportunities = await seedOpportunitiesDemo(deps.opportunities.service, auth, ids, now);
  const followUps = await seedFollowUpsDemo(deps.followUps.service, auth, ids, DEMO_USERS, now);
  const activities = await seedDemoActivities(deps.activities, feature, tenantId, now);
  const templates = await seedTemplatesDemo(deps.templates.service, auth);
  if (created + opportunities + followUps + activities + templates > 0) {
    log.info({ tenantId, created, opportunities, followUps, activities, templates }, 'seeded the demo tenant');
  }
  return created;
}
