import type { MirrorProblem, MirrorProblemCode } from '@klarkonform/shared';
import type { GraphMailbox } from './graph/graph-mailbox';
import type { MirrorCrm } from './mirror-crm';
import type { MirrorEntriesRepository } from './mirror-entries.repository';
import type { MirrorLog } from './mirror.feature';
import type { MirrorEntryDoc, MirrorLink, MirrorTargetDoc } from './mirror.model';
import type { MirrorTargetsRepository } from './mirror-targets.repository';

// What the steps of one run (reconcile, pull, push) share: the tenant, the target mailboxes as
// this run found them, the repositories and the counters of the run's summary.

/** A target mailbox during a run. */
export interface TargetRun {
  mailbox: string;
  folderName: string;
  graph: GraphMailbox;
  state: MirrorTargetDoc;
  /** The folder's id once found or created in this run. */
  folderId?: string;
  /** Why this mailbox cannot be synced in this run (the rest of the run goes on). */
  problem?: MirrorProblem;
  /** A create of this run may exist twice: the next run reconciles the folder first. */
  ambiguous: boolean;
}

export interface RunContext {
  tenantId: string;
  signal: AbortSignal;
  crm: MirrorCrm;
  entries: MirrorEntriesRepository;
  targetsRepo: MirrorTargetsRepository;
  targets: TargetRun[];
  log: MirrorLog;
  counters: { pushed: number; pulled: number; failed: number };
  /** Contacts were enqueued by the run itself (a company renamed): another pass follows. */
  moreWork: boolean;
  /** Some contact's write was still in flight: another run follows shortly. */
  retrySoon: boolean;
}

/** Usable in this run: the folder is known and nothing went wrong with the mailbox. */
export const healthy = (t: TargetRun): t is TargetRun & { folderId: string } => !t.problem && t.folderId !== undefined;

/** The entry's link into the target's current folder (a link into another folder does not count now). */
export function linkIn(
  entry: Pick<MirrorEntryDoc, 'links'> | null | undefined,
  target: TargetRun,
): MirrorLink | undefined {
  return entry?.links?.find((l) => l.mailbox === target.mailbox && l.folderId === target.folderId);
}

/**
 * The entry's links with the one into `target`'s current folder replaced (or removed when `link`
 * is undefined), and their ids. Links into another folder of the mailbox stay: they count again
 * when the target is switched back to that folder (its copies are still there, README.md).
 */
export function withLink(
  entry: Pick<MirrorEntryDoc, 'links'> | null | undefined,
  target: TargetRun,
  link: MirrorLink | undefined,
): Pick<MirrorEntryDoc, 'links' | 'outlookIds'> {
  const links = (entry?.links ?? []).filter((l) => !(l.mailbox === target.mailbox && l.folderId === target.folderId));
  if (link) links.push(link);
  return { links, outlookIds: links.map((l) => l.outlookId) };
}

/** A problem now. */
export function problemOf(code: MirrorProblemCode, extra: { mailbox?: string; detail?: string } = {}): MirrorProblem {
  return { code, ...extra, at: new Date().toISOString() };
}

/** Runs `task` over `items`, at most `limit` at a time. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
