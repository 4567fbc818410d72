import type { Connection } from 'mongoose';
import { followUpModel } from '../../api/src/features/follow-ups/follow-ups.model';
import { contactModels } from '../../api/src/features/contacts/contacts.model';

/**
 * Seeds `count` follow-ups for the contacts of `tenantId` straight into the collection (insertMany
 * in batches), as the service stores them: every contact hit in turn, due days spread over the six
 * weeks around `now`, ten assignees (a sales team), every third one done. For the benchmark's card and
 * "Meine Wiedervorlagen" cases. Returns the number stored.
 */
export async function seedFollowUps(connection: Connection, tenantId: string, count: number, now = new Date()) {
  const model = followUpModel(connection);
  await model.init();
  const contacts = await contactModels(connection).contacts.find({ tenantId }, { _id: 1, displayName: 1 }).lean();
  const actor = { id: 'bench', name: 'Bench' };
  const stamp = now.toISOString();
  let stored = 0;
  for (let from = 0; from < count; from += 2000) {
    const batch = [];
    for (let i = from; i < Math.min(count, from + 2000); i++) {
      const c = contacts[(i * 7907) % contacts.length]!;
      const due = new Date(now.getTime() + (((i * 13) % 42) - 21) * 86_400_000).toISOString().slice(0, 10);
      const assigneeId = `bench-user-${i % 10}`;
      const done = i % 3 === 0;
      batch.push({
        tenantId,
        title: `Nachfassen ${i}`,
        dueDate: due,
        assigneeId,
        assigneeName: `Bench ${i % 10}`,
        contactId: String(c._id),
        contactName: String(c.displayName ?? ''),
        state: done ? 'done' : 'open',
        ...(done ? { doneAt: stamp, doneBy: actor } : {}),
        createdBy: actor,
        createdAt: stamp,
        updatedAt: stamp,
        version: done ? 2 : 1,
        assigneeState: done ? `${assigneeId}:done:${stamp.slice(0, 7)}` : `${assigneeId}:open`,
        idempotencyKey: `bench-follow-up-${i}`,
        requestHash: 'x',
      });
    }
    await model.insertMany(batch);
    stored += batch.length;
  }
  return stored;
}
