import type { ActivityCreate } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { demoSeedAuth } from '../demo/demo.seed';
import { instantBefore } from '../demo/demo-dates';
import { DEMO_USERS } from '../demo/demo-tenant';
import type { ActivitiesFeature } from './activities.feature';

// The demo tenant's Kontakthistorie: a few entries of the sales team with Muster GmbH's people, so
// the timeline and the card's last activities have something to show. Only customers get entries
// (a lead's last activity is the demo's own, see demo.seed.ts). For the lead to wire into the
// demo seed (after seedDemoTenant) and into the demo reset (resetDemoActivities before the reseed).

interface DemoEntry {
  ref: string;
  /** Demo-data refs of the contacts (demo-data.ts). */
  contacts: string[];
  type: ActivityCreate['type'];
  subject: string;
  text: string;
  daysAgo: number;
}

const DEMO_ENTRIES: readonly DemoEntry[] = [
  {
    ref: 'max-call',
    contacts: ['max'],
    type: 'call',
    subject: 'Rückruf zum Rahmenvertrag',
    text: 'Herr Mustermann möchte die Laufzeit auf drei Jahre verlängern; Angebot bis Monatsende.',
    daysAgo: 2,
  },
  {
    ref: 'visit',
    contacts: ['max', 'lisa'],
    type: 'meeting',
    subject: 'Besuch vor Ort: Jahresgespräch',
    text: 'Zufrieden mit dem Service; Rechnungen künftig als E-Rechnung (XRechnung).',
    daysAgo: 9,
  },
  {
    ref: 'lisa-letter',
    contacts: ['lisa'],
    type: 'letter',
    subject: 'Auftragsbestätigung per Post',
    text: '',
    daysAgo: 21,
  },
  {
    ref: 'tom-note',
    contacts: ['tom'],
    type: 'note',
    subject: 'Technischer Ansprechpartner für das Update',
    text: 'Herr Techniker koordiniert das Software-Update im März.',
    daysAgo: 30,
  },
];

/** The demo sales user as the author of the entries (the seed's own actor for anything else). */
function authorAuth(tenantId: string): AuthContext {
  const author = DEMO_USERS[0];
  const seed = demoSeedAuth(tenantId);
  return author ? { ...seed, userId: author.id, name: author.name, email: author.email } : seed;
}

/**
 * Seeds the demo entries through ActivitiesService.create, each under a fixed Idempotency-Key and
 * skipped when stored already (any day, any instance), and only when its contacts exist. Returns
 * how many it created.
 */
export async function seedDemoActivities(
  activities: ActivitiesFeature,
  contacts: ContactsFeature,
  tenantId: string,
  now: Date = new Date(),
): Promise<number> {
  const auth = authorAuth(tenantId);
  let created = 0;
  for (const entry of DEMO_ENTRIES) {
    const key = `demo-seed:activity:${entry.ref}`;
    if (await activities.repo.findByIdempotencyKey(tenantId, key)) continue;
    const docs = await Promise.all(
      entry.contacts.map((ref) => contacts.repo.findByIdempotencyKey(tenantId, `demo-seed:${ref}`)),
    );
    if (docs.some((doc) => !doc)) continue;
    await activities.activities.create(auth, key, {
      type: entry.type,
      subject: entry.subject,
      ...(entry.text ? { text: entry.text } : {}),
      occurredAt: instantBefore(now, entry.daysAgo),
      contactIds: docs.map((doc) => String(doc?._id)),
    });
    created++;
  }
  return created;
}

/** Deletes the demo tenant's activities (the demo reset, before the reseed). */
export async function resetDemoActivities(activities: ActivitiesFeature, tenantId: string): Promise<number> {
  return activities.repo.deleteTenantData(tenantId);
}
