import { addMonths, monthOf, type OpportunityCreate } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import { dayBefore } from '../demo/demo-dates';
import { DEMO_COLLEAGUES, DEMO_USER } from '../demo/demo-tenant';
import type { OpportunitiesService } from './opportunities.service';

// The demo tenant's opportunities: a pipeline across the stages, owners and the forecast's
// months (this month, the next two, one overdue, one without a date), so the board, the list and
// the forecast show something from the first start. Dates count from `now`.

const [THOMAS, AYLIN] = DEMO_COLLEAGUES.map((user) => user.id) as [string, string];
const SABINE = DEMO_USER.id;

interface DemoOpportunity {
  /** Fixed part of the Idempotency-Key. */
  key: string;
  /** The contact's ref in demo-data.ts. */
  contact: string;
  body: Omit<OpportunityCreate, 'contactId'>;
  /** Month offset from `now`'s month for the expected close date (day 15 unless `day`); absent: undated. */
  closeIn?: number;
  day?: number;
  /** Offer content; the offer date is then two weeks before `now`. */
  offer?: string;
}

const DEMO_OPPORTUNITIES: readonly DemoOpportunity[] = [
  {
    key: 'muster-wartung',
    contact: 'max',
    body: { title: 'Wartungsvertrag Druckerflotte', amountCents: 1_890_000, stage: 'offer', ownerId: THOMAS },
    offer: 'Vollwartung 35 Geräte inkl. Verbrauchsmaterial, 36 Monate',
    closeIn: 0,
    day: 28,
  },
  {
    key: 'muster-erweiterung',
    contact: 'muster',
    body: { title: 'Erweiterung Standort Nord', amountCents: 4_500_000, stage: 'needsAnalysis', ownerId: THOMAS },
    closeIn: 2,
  },
  {
    key: 'hoffmann-papier',
    contact: 'hoffmann-chef',
    body: {
      title: 'Jahresbedarf Papier 2027',
      amountCents: 1_240_000,
      stage: 'negotiation',
      probability: 75,
      ownerId: SABINE,
    },
    offer: 'Rahmenvertrag 12 Monate, 40 Paletten, Staffelpreise',
    closeIn: 1,
  },
  {
    key: 'nordlicht-beratung',
    contact: 'nordlicht',
    body: { title: 'Beratungspaket Digitalisierung', amountCents: 980_000, stage: 'meeting', ownerId: AYLIN },
    closeIn: 1,
    day: 10,
  },
  {
    key: 'alpenblick-ausstattung',
    contact: 'alpenblick-berger',
    body: { title: 'Ausstattung Tagungsräume', amountCents: 2_350_000, stage: 'infoSent', ownerId: SABINE },
    closeIn: -1,
  },
  {
    key: 'lindner-ersatzteile',
    contact: 'lindner-frank',
    body: { title: 'Ersatzteilrahmenvertrag', amountCents: 3_600_050, stage: 'offer', ownerId: AYLIN },
  },
  {
    key: 'krause-kassen',
    contact: 'krause',
    body: { title: 'Kassensystem Filialen', amountCents: 720_000, stage: 'won', ownerId: THOMAS },
    closeIn: 0,
    day: 3,
  },
  {
    key: 'fischer-flotte',
    contact: 'fischer',
    body: {
      title: 'Fahrzeugflotte Leasing',
      amountCents: 5_400_000,
      stage: 'lost',
      lossReason: 'Wettbewerber mit kürzerer Lieferzeit',
      ownerId: AYLIN,
    },
    closeIn: 0,
    day: 5,
  },
  {
    key: 'schulz-later',
    contact: 'schulz',
    body: { title: 'Neues Lagersystem', amountCents: 1_500_000, stage: 'later', ownerId: SABINE },
  },
];

/**
 * Creates the demo opportunities through the service (so owners, names, stage history and audit
 * are as for a user's), each under the fixed Idempotency-Key `demo-seed:opportunity:<key>`:
 * running it again answers the stored ones and creates nothing. Opportunities whose contact ref
 * is not in `contactIdByRef` are left out. Returns how many it created.
 */
export async function seedOpportunitiesDemo(
  service: OpportunitiesService,
  auth: AuthContext,
  contactIdByRef: ReadonlyMap<string, string>,
  now: Date = new Date(),
): Promise<number> {
  const month = monthOf(now);
  let created = 0;
  for (const demo of DEMO_OPPORTUNITIES) {
    const contactId = contactIdByRef.get(demo.contact);
    if (!contactId) continue;
    const body: OpportunityCreate = { ...demo.body, contactId };
    if (demo.offer) {
      body.offerContent = demo.offer;
      body.offerDate = dayBefore(now, 14);
    }
    if (demo.closeIn !== undefined) {
      body.expectedCloseDate = `${addMonths(month, demo.closeIn)}-${String(demo.day ?? 15).padStart(2, '0')}`;
    }
    const { replayed } = await service.create(auth, `demo-seed:opportunity:${demo.key}`, body);
    if (!replayed) created++;
  }
  return created;
}
