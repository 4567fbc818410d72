import type { Connection } from 'mongoose';
import { activityModel } from '../../api/src/features/activities/activities.model';
import { ActivitiesRepository } from '../../api/src/features/activities/activities.repository';
import { contactModels } from '../../api/src/features/contacts/contacts.model';

const TYPES = ['email', 'call', 'note', 'meeting', 'letter'] as const;

/**
 * Seeds `count` activities for the contacts of `tenantId` straight through the repository
 * (insertMany in batches of `batchSize`): each links one contact — spread evenly, people and
 * companies alike — and every fifth also the person's company, over the two years before 2026-11;
 * a person's entries show on their company's timeline too (`timelineKeys`), as the service stores them.
 * Returns the number stored.
 */
export async function seedActivities(
  connection: Connection,
  tenantId: string,
  count: number,
  batchSize = 2000,
): Promise<number> {
  await activityModel(connection).init();
  const repo = new ActivitiesRepository(connection);
  const contacts = await contactModels(connection)
    .contacts.find({ tenantId }, { _id: 1, kind: 1, companyId: 1, displayName: 1 })
    .lean();
  const start = Date.UTC(2024, 10, 1);
  const span = 2 * 365 * 86_400_000;
  const actor = { id: 'bench', name: 'Bench' };
  let stored = 0;
  for (let from = 0; from < count; from += batchSize) {
    const batch = [];
    for (let i = from; i < Math.min(count, from + batchSize); i++) {
      const c = contacts[(i * 7919) % contacts.length]!;
      const ids = [String(c._id)];
      const names = [String(c.displayName ?? '')];
      if (i % 5 === 0 && c.companyId) {
        ids.push(String(c.companyId));
        names.push('');
      }
      const type = TYPES[i % TYPES.length]!;
      batch.push({
        tenantId,
        type,
        occurredAt: new Date(start + ((i * 104_729) % span)),
        subject: `Bench ${type} ${i}`,
        contactIds: ids,
        contactNames: names,
        timelineKeys: c.companyId ? [...new Set([...ids, String(c.companyId)])] : ids,
        createdBy: actor,
        createdAt: new Date(),
        version: 1,
        idempotencyKey: `bench-activity-${i}`,
        requestHash: 'x',
        logKey: type === 'email' ? `mail:bench-${i}@bench.de` : `entry:bench-activity-${i}`,
      });
    }
    await repo.insertMany(batch);
    stored += batch.length;
  }
  return stored;
}
