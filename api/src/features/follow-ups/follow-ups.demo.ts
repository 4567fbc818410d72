import { addDays, berlinToday, type FollowUpCreate } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import type { FollowUpsService } from './follow-ups.service';

// The demo tenant's follow-ups: a few per Betreuer, some overdue, one due today, some this week
// and one later, counted from the seeding day so that "Meine Wiedervorlagen" always has
// something in every group. Refs name contacts of demo-data.ts.

interface DemoFollowUp {
  n: number;
  ref: string;
  /** Index into the demo users (0: the demo user Sabine, 1: Thomas, 2: Aylin). */
  user: number;
  title: string;
  /** Days from the seeding day (negative: overdue). */
  days: number;
  time?: string;
}

const DEMO_FOLLOW_UPS: readonly DemoFollowUp[] = [
  { n: 1, ref: 'hoffmann-chef', user: 0, title: 'Angebot Wartungsvertrag nachfassen', days: -3 },
  { n: 2, ref: 'krause-petra', user: 0, title: 'Rückruf wegen Rahmenvertrag', days: -1, time: '14:00' },
  { n: 3, ref: 'alpenblick-berger', user: 0, title: 'Termin für Besuch vor Ort abstimmen', days: 0, time: '10:30' },
  { n: 4, ref: 'max', user: 0, title: 'Unterlagen zur Produktvorführung senden', days: 1 },
  { n: 5, ref: 'schmidt-anna', user: 0, title: 'Nach Entscheidung fragen', days: 2 },
  { n: 6, ref: 'lindner-frank', user: 0, title: 'Jahresgespräch vorbereiten', days: 12 },
  { n: 7, ref: 'lisa', user: 1, title: 'Lieferbedingungen klären', days: -2 },
  { n: 8, ref: 'nordlicht-eva', user: 1, title: 'Empfehlung bedanken', days: 0 },
  { n: 9, ref: 'neumann', user: 2, title: 'Lead qualifizieren: Budget erfragen', days: 1, time: '09:00' },
  { n: 10, ref: 'schulz-klaus', user: 2, title: 'Angebot erstellen', days: 4 },
];

/**
 * Creates the demo follow-ups through the service, as `auth` (the seed's actor), for the contacts
 * `contactIdByRef` knows; assignee `users[i]` (the demo users, Sabine first). Each create has a
 * fixed Idempotency-Key (`demo-seed:follow-up:<n>`) and is skipped when one with that key exists,
 * so seeding again on another day changes nothing. Returns how many it created.
 */
export async function seedFollowUpsDemo(
  service: FollowUpsService,
  auth: AuthContext,
  contactIdByRef: ReadonlyMap<string, string>,
  users: readonly { id: string }[],
  now: Date = new Date(),
): Promise<number> {
  const today = berlinToday(now);
  let created = 0;
  for (const item of DEMO_FOLLOW_UPS) {
    const contactId = contactIdByRef.get(item.ref);
    const assignee = users[item.user];
    const key = `demo-seed:follow-up:${item.n}`;
    if (!contactId || !assignee || (await service.hasIdempotencyKey(auth.tenantId, key))) continue;
    const body: FollowUpCreate = {
      title: item.title,
      dueDate: addDays(today, item.days),
      ...(item.time ? { dueTime: item.time } : {}),
      assigneeId: assignee.id,
      contactId,
    };
    if (!(await service.create(auth, key, body)).replayed) created++;
  }
  return created;
}
