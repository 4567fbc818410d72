import {
  berlinToday,
  dueBucket,
  type FollowUp,
  type FollowUpListItem,
  type FollowUpListPage,
  type FollowUpListQuery,
  localDate,
  MAX_OPEN_FOLLOW_UPS_PER_ASSIGNEE,
  weekEnd,
} from '@klarkonform/shared';
import { fieldProblems } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { UsersRepository } from '../users/users.repository';
import { byDue, doneKey, dueOrderKey, openKey, toFollowUp } from './follow-ups.mapper';
import type { FollowUpsRepository } from './follow-ups.repository';

// "Meine Wiedervorlagen" (GET /follow-ups). An assignee's open follow-ups are one equality bucket
// (`assigneeState: '<id>:open'`), bounded by MAX_OPEN_FOLLOW_UPS_PER_ASSIGNEE (creates and
// reassignments beyond it are refused), so the API reads the bucket whole, puts each follow-up
// into its due bucket on today's Berlin day and sorts and pages here (QUERY-RULES R24). Done
// ones are read from the buckets of this and last month. "all" reads every tenant user's bucket
// in parallel, a few at a time. Any reader may view any assignee's list: a team's follow-ups are
// a shared calendar (the sales lead's per-assignee view), not private notes.

export const DEFAULT_PAGE = 200;
/** Buckets read at once for `assignee=all`. */
const PARALLEL_READS = 8;

const cursorError = () => fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);

function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[^|]{1,40}\|[^|]{0,40}\|[0-9a-f]{24}$/.test(key)) throw cursorError();
  return key;
}

async function inBatches<T, R>(items: readonly T[], size: number, read: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(read))));
  return out;
}

/** The months (YYYY-MM, Berlin) whose completed follow-ups the done list shows: this one and the one before. */
function recentMonths(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return [today.slice(0, 7), previous];
}

/** Done order as a sortable key: most recently completed first (inverted time), then id. */
function doneOrderKey(f: FollowUp): string {
  const inverted = String(9_999_999_999_999 - Date.parse(f.doneAt ?? f.updatedAt)).padStart(13, '0');
  return `${inverted}|done|${f.id}`;
}

export async function listFollowUps(
  repo: FollowUpsRepository,
  users: UsersRepository,
  auth: AuthContext,
  query: FollowUpListQuery,
  now = new Date(),
): Promise<FollowUpListPage> {
  const state = query.state ?? 'open';
  const limit = query.limit ?? DEFAULT_PAGE;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const today = berlinToday(now);
  const end = weekEnd(today);
  const assignee = query.assignee === undefined || query.assignee === 'me' ? auth.userId : query.assignee;
  const assignees =
    assignee === 'all'
      ? [...new Set([auth.userId, ...(await users.list(auth.tenantId)).map((u) => u.id)])]
      : [assignee];
  const keys =
    state === 'open'
      ? assignees.map(openKey)
      : assignees.flatMap((id) => recentMonths(localDate(now)).map((month) => doneKey(id, month)));
  // One more than the bound: a bucket over it (only by racing creates) still lists its first ones.
  const docs = (
    await inBatches(keys, PARALLEL_READS, (key) =>
      repo.findByAssigneeState(auth.tenantId, key, MAX_OPEN_FOLLOW_UPS_PER_ASSIGNEE + 100),
    )
  ).flat();

  const orderKey = state === 'open' ? dueOrderKey : doneOrderKey;
  let items: FollowUpListItem[] = docs
    .map(toFollowUp)
    .map((f) => (f.state === 'open' ? { ...f, bucket: dueBucket(f.dueDate, today) } : f));
  if (state === 'open' && query.range) {
    const range = query.range;
    items = items.filter((f) => (range === 'due' ? f.bucket !== 'later' : f.bucket === range));
  }
  items.sort(state === 'open' ? byDue : (a, b) => (orderKey(a) < orderKey(b) ? -1 : 1));
  if (after) items = items.filter((f) => orderKey(f) > after);
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return {
    today,
    weekEnd: end,
    items: page,
    nextCursor: items.length > limit && last ? encodeCursor(orderKey(last)) : null,
  };
}
