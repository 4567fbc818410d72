import { type MirrorProblem, primaryEmail } from '@klarkonform/shared';
import type { ContactDoc } from '../contacts/contacts.model';
import { type ContactFields, fieldsOf } from '../contacts/contacts.mapper';
import { changedFields, type GraphFields, graphBody, graphFieldsOf } from './contact-mapping.rules';
import { BATCH_SIZE, type BatchOutcome, type BatchWrite, CRM_ID_PROPERTY } from './graph/graph-mailbox';
import { GraphFailure, itemProblemOf } from './graph/graph-errors';
import { isLive } from './mirror-crm';
import type { MirrorEntryDoc, MirrorLink } from './mirror.model';
import { eachLimited, healthy, linkIn, problemOf, type RunContext, type TargetRun } from './mirror-run.context';

// Push (CRM → Outlook) of the due entries of one bucket: for each contact and target mailbox
// create, update (only the fields the CRM changed since the last push) or delete the Outlook
// contact, in JSON batches per mailbox; then settle each entry — done only if no enqueue came in
// between (its `seq`), so a change made during the push is pushed by the next pass.
//
// A pipeline: the bucket goes in groups of one batch per mailbox; a group's entries are settled
// in the database while the next group's batches are already at Graph, so that Graph does not
// wait for the database (the mailbox's limiter still lets one batch of 20 run at a time).

/** An enqueue whose contact write has not landed after this long is taken as failed (ms). */
const IN_FLIGHT_MS = 30_000;
/** Runs in a row a contact may fail transiently before it shows as an error (it keeps being retried). */
const TRANSIENT_RUNS = 3;
/** Contacts per group: one batch per mailbox. */
const GROUP_SIZE = BATCH_SIZE;
/**
 * Groups under way at once: one at Graph, the others waiting for the mailbox's slot or being
 * settled. Entries of different contacts are different documents (no lost updates, R18).
 */
const GROUPS_IN_FLIGHT = 4;
/** Entries of one group settled at once. */
const SETTLE_PARALLEL = 5;

type Action =
  | { kind: 'create'; desired: GraphFields }
  | { kind: 'update'; desired: GraphFields; outlookId: string }
  | { kind: 'delete'; outlookId: string };

/** What the push does for one due entry: its contact as read and the write per target mailbox. */
export interface Plan {
  /** The entry's position in its bucket: its batch item id. */
  index: number;
  entry: MirrorEntryDoc;
  contact: ContactDoc | undefined;
  live: boolean;
  mirrored: boolean;
  actions: Map<string, Action>;
}

const tag = (contactId: string) => [{ id: CRM_ID_PROPERTY, value: contactId }];

function writeOf(plan: Plan, target: TargetRun & { folderId: string }, action: Action): BatchWrite {
  const id = String(plan.index);
  const kind = plan.contact?.kind === 'company' ? 'company' : 'person';
  if (action.kind === 'delete') return { id, method: 'DELETE', url: target.graph.contactUrl(action.outlookId) };
  if (action.kind === 'create') {
    return {
      id,
      method: 'POST',
      url: target.graph.createUrl(target.folderId),
      body: { ...graphBody(action.desired, undefined, kind), singleValueExtendedProperties: tag(plan.entry.contactId) },
      create: true,
    };
  }
  const link = linkIn(plan.entry, target) as MirrorLink;
  const keys = changedFields(link.pushed, action.desired);
  return {
    id,
    method: 'PATCH',
    url: target.graph.contactUrl(action.outlookId),
    body: {
      ...graphBody(action.desired, keys, kind),
      ...(link.tagged === false ? { singleValueExtendedProperties: tag(plan.entry.contactId) } : {}),
    },
  };
}

/** What `target` needs for the contact: nothing, or one write. */
function actionFor(plan: Plan, target: TargetRun, desired: GraphFields | undefined): Action | undefined {
  const link = linkIn(plan.entry, target);
  if (!desired) return link ? { kind: 'delete', outlookId: link.outlookId } : undefined;
  if (!link) return { kind: 'create', desired };
  const changed = changedFields(link.pushed, desired).length > 0 || link.tagged === false;
  return changed ? { kind: 'update', desired, outlookId: link.outlookId } : undefined;
}

/**
 * Reads the due entries of `bucket` with their contacts (and the people's companies) and plans
 * each one's writes. Entries whose announced contact write has not landed are left for a later
 * run. Safe to read ahead of the push: settling is guarded by the entry's version and `seq`.
 */
export async function planBucket(ctx: RunContext, bucket: string): Promise<Plan[]> {
  const due = await ctx.entries.findDue(ctx.tenantId, bucket);
  if (due.length === 0) return [];
  ctx.signal.throwIfAborted();
  const contacts = await ctx.crm.findMany(
    ctx.tenantId,
    due.map((e) => e.contactId),
  );
  const companyIds = [...contacts.values()]
    .map((c) => (c.kind === 'person' && typeof c.companyId === 'string' ? c.companyId : undefined))
    .filter((id): id is string => id !== undefined && !contacts.has(id));
  const companies = new Map([...contacts, ...(await ctx.crm.findMany(ctx.tenantId, [...new Set(companyIds)]))]);

  const plans: Plan[] = [];
  for (const entry of due) {
    const contact = contacts.get(entry.contactId);
    // The write this enqueue announced may still be on its way: leave the entry for a later run.
    const landed = contact ? contact.version >= entry.want : entry.want === 0;
    if (!landed && !entry.forgotten && Date.now() - new Date(entry.enqueuedAt).getTime() < IN_FLIGHT_MS) {
      ctx.retrySoon = true;
      continue;
    }
    const live = !entry.forgotten && isLive(contact);
    const mirrored = live && primaryEmail(fieldsOf(contact as ContactDoc) as never) !== undefined;
    const plan: Plan = { index: plans.length, entry, contact, live, mirrored, actions: new Map() };
    let desired: GraphFields | undefined;
    if (mirrored && contact) {
      const fields = fieldsOf(contact) as ContactFields;
      const company = typeof fields.companyId === 'string' ? companies.get(fields.companyId) : undefined;
      desired = graphFieldsOf(fields, company && isLive(company) ? String(company.name) : undefined);
    }
    for (const target of ctx.targets) {
      const action = actionFor(plan, target, desired);
      if (action) plan.actions.set(target.mailbox, action);
    }
    plans.push(plan);
  }

  return plans;
}

/**
 * The push of one pass as a pipeline across buckets: groups of GROUP_SIZE entries, each sent as one
 * batch per healthy target and then settled, at most GROUPS_IN_FLIGHT under way at once — one at
 * Graph, the others waiting for the mailbox's slot or being settled in the database. The next
 * bucket's groups start while the last ones of the previous bucket are still being settled.
 */
export class PushPipeline {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly ctx: RunContext) {}

  /**
   * Starts pushing `plans` (one bucket); returns once each of its groups is under way. Sets
   * `createsInFlight` on every target that gets creates before the first of them is sent. Throws
   * the failure of an earlier group (the run stops there).
   */
  async add(plans: readonly Plan[]): Promise<void> {
    const { ctx } = this;
    this.rethrow();
    if (plans.length === 0) return;
    for (const target of ctx.targets.filter(healthy)) {
      const creates = plans.some((p) => p.actions.get(target.mailbox)?.kind === 'create');
      if (creates && !target.state.createsInFlight) {
        ctx.signal.throwIfAborted();
        target.state = await ctx.targetsRepo.modify(ctx.tenantId, target.mailbox, () => ({
          set: { createsInFlight: true },
        }));
      }
    }
    for (let i = 0; i < plans.length; i += GROUP_SIZE) {
      while (this.running.size >= GROUPS_IN_FLIGHT) await Promise.race(this.running);
      this.rethrow();
      const group = plans.slice(i, i + GROUP_SIZE);
      const task = (async () => {
        const outcomes = await sendGroup(ctx, group);
        await eachLimited(group, SETTLE_PARALLEL, (plan) => settle(ctx, plan, outcomes));
      })()
        .catch((error: unknown) => {
          this.failure ??= { error };
        })
        .finally(() => this.running.delete(task));
      this.running.add(task);
    }
  }

  /** Waits until every group started is settled; throws the first group's failure. */
  async drain(): Promise<void> {
    await this.idle();
    this.rethrow();
  }

  /** Waits until every group started is settled, whatever their outcome (a run that stops). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running);
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** One batch per healthy target for the group's writes; the outcomes by mailbox and item id. */
async function sendGroup(ctx: RunContext, group: readonly Plan[]): Promise<Map<string, Map<string, BatchOutcome>>> {
  const outcomes = new Map<string, Map<string, BatchOutcome>>();
  await Promise.all(
    ctx.targets.filter(healthy).map(async (target) => {
      const writes: BatchWrite[] = [];
      for (const plan of group) {
        const action = plan.actions.get(target.mailbox);
        if (action) writes.push(writeOf(plan, target, action));
      }
      if (writes.length === 0) return;
      ctx.signal.throwIfAborted();
      try {
        const result = await target.graph.batch(writes);
        if (result.ambiguous) target.ambiguous = true;
        outcomes.set(target.mailbox, result.outcomes);
      } catch (err) {
        if (!(err instanceof GraphFailure)) throw err;
        // The mailbox refused the batch as a whole (gone, access withdrawn): a problem of the target.
        target.problem ??= problemOf(err.mailboxProblem, { mailbox: target.mailbox, detail: err.detail });
        if (writes.some((w) => w.create)) target.ambiguous = true;
      }
    }),
  );
  return outcomes;
}

async function settle(ctx: RunContext, plan: Plan, outcomes: Map<string, Map<string, BatchOutcome>>): Promise<void> {
  ctx.signal.throwIfAborted();
  const now = new Date().toISOString();
  let links = [...plan.entry.links];
  let blocked = false;
  let transient: MirrorProblem | undefined;
  let rejected: MirrorProblem | undefined;
  const removedIn: string[] = [];
  let renamed = false;

  for (const target of ctx.targets) {
    const action = plan.actions.get(target.mailbox);
    if (!action) continue;
    const outcome = outcomes.get(target.mailbox)?.get(String(plan.index));
    if (!outcome) {
      blocked = true;
      continue;
    }
    const { status } = outcome;
    const ok = status >= 200 && status < 300;
    const drop = () => {
      links = links.filter(
        (l) => !(l.mailbox === target.mailbox && l.outlookId === (action as { outlookId: string }).outlookId),
      );
    };
    if (action.kind === 'delete' && (ok || status === 404)) {
      drop();
      ctx.counters.pushed += ok ? 1 : 0;
    } else if (action.kind === 'update' && status === 404) {
      // Deleted in Outlook after this run's pull read the folder: as if the pull had seen it.
      drop();
      removedIn.push(target.mailbox);
    } else if (ok && action.kind !== 'delete') {
      const outlookId = action.kind === 'create' ? String(outcome.body?.id ?? '') : action.outlookId;
      if (!outlookId) {
        transient = problemOf('unavailable', { mailbox: target.mailbox, detail: 'Graph returned no contact id.' });
        continue;
      }
      const previous = linkIn(plan.entry, target);
      if (plan.contact?.kind === 'company' && previous && previous.pushed.companyName !== action.desired.companyName) {
        renamed = true;
      }
      links = links.filter((l) => !(l.mailbox === target.mailbox && l.folderId === target.folderId));
      links.push({
        mailbox: target.mailbox,
        folderId: target.folderId as string,
        outlookId,
        pushed: action.desired,
        at: now,
      });
      ctx.counters.pushed++;
    } else {
      const code = itemProblemOf(status, outcome.code ?? '');
      const problem = problemOf(code, {
        mailbox: target.mailbox,
        detail: `${outcome.code ?? status}: ${outcome.message ?? ''}`.slice(0, 500),
      });
      if (code === 'rejected') rejected = problem;
      else if (code === 'accessDenied' || code === 'authFailed') {
        target.problem ??= problem;
        blocked = true;
      } else transient = problem;
    }
  }
  // Links into a folder the target does not use now are kept for a switch back while the contact
  // lives; an archived, merged or erased contact forgets them (its copy there stays in Outlook).
  links = links.filter((l) => {
    const target = ctx.targets.find((t) => t.mailbox === l.mailbox);
    return plan.live || !target?.folderId || l.folderId === target.folderId;
  });

  for (const mailbox of removedIn) {
    if (await ctx.crm.archiveRemoved(ctx.tenantId, plan.entry.contactId, mailbox)) ctx.counters.pulled++;
  }
  if (renamed && plan.contact) {
    // The people's Outlook contacts show the company's name: they follow in the next pass.
    for (const id of await ctx.crm.peopleOf(ctx.tenantId, String(plan.contact._id)))
      await ctx.entries.enqueue(ctx.tenantId, id, 0);
    ctx.moreWork = true;
  }

  const base = { links, outlookIds: links.map((l) => l.outlookId) };
  const { entry } = plan;
  const failures = (entry.failures ?? 0) + 1;
  let set: Partial<MirrorEntryDoc>;
  const unset: (keyof MirrorEntryDoc)[] = [];
  if (rejected) {
    ctx.counters.failed++;
    set = { ...base, status: 'error', problem: rejected, failures: 0 };
    unset.push('due');
  } else if (transient) {
    ctx.counters.failed++;
    set =
      failures >= TRANSIENT_RUNS ? { ...base, status: 'error', problem: transient, failures } : { ...base, failures };
  } else if (blocked) {
    set = { ...base, status: 'pending' };
  } else {
    const status = !plan.live ? 'gone' : plan.mirrored ? 'synced' : 'noEmail';
    set = { ...base, status, failures: 0, ...(status === 'synced' ? { syncedAt: now } : {}) };
    unset.push('due', 'problem');
  }
  const done = await ctx.entries.updateIf(
    ctx.tenantId,
    entry.contactId,
    { version: entry.version, seq: entry.seq },
    set,
    unset,
  );
  if (!done) {
    // Enqueued again meanwhile: keep it due, store only what Outlook now holds.
    await ctx.entries.modify(ctx.tenantId, entry.contactId, () => ({ set: base }));
  } else if (entry.forgotten && links.length === 0 && unset.includes('due')) {
    await ctx.entries.deleteIf(ctx.tenantId, entry.contactId, entry.version + 1);
  }
}
