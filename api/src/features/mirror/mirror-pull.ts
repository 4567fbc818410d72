import type { Contact as GraphContact } from '@microsoft/microsoft-graph-types';
import { fieldsOf } from '../contacts/contacts.mapper';
import {
  changedFields,
  type GraphFieldKey,
  type GraphFields,
  graphFieldsFromOutlook,
  graphFieldsOf,
} from './contact-mapping.rules';
import { newContactFromOutlook } from './outlook-changes.rules';
import { GraphFailure } from './graph/graph-errors';
import { isLive } from './mirror-crm';
import type { MirrorEntryDoc } from './mirror.model';
import { reconcileTarget } from './mirror-reconcile';
import { eachLimited, linkIn, type RunContext, type TargetRun, withLink } from './mirror-run.context';

// Pull (Outlook → CRM) of one target folder through its delta (m365-tech.md §3.2): changes to
// the fields Microsoft 365 owns are taken where Outlook changed them since the last push
// (three-way merge against the link's `pushed`), a removed contact archives the CRM contact, a
// contact created in Outlook becomes a CRM contact (or is linked to the live contact holding its
// address) marked for review. The whole deltaLink is stored once the round is through; a 410 /
// syncStateNotFound restarts the round after reconciling the folder by id.

type DeltaItem = GraphContact & { '@removed'?: { reason?: string } };

/** The delta round's token is gone (https://learn.microsoft.com/graph/delta-query-overview). */
const isGone = (err: unknown) =>
  err instanceof GraphFailure &&
  (err.status === 410 ||
    err.code === 'syncStateNotFound' ||
    err.code === 'resyncRequired' ||
    err.code === 'SyncStateNotFound');

/** The folder itself is gone (deleted in Outlook): it is created again and filled by the next push. */
const isFolderGone = (err: unknown) =>
  err instanceof GraphFailure && err.status === 404 && err.code === 'ErrorItemNotFound';

export async function pullTarget(ctx: RunContext, target: TargetRun & { folderId: string }): Promise<void> {
  let link = target.state.deltaLink ?? target.graph.deltaStart(target.folderId);
  let restarted = false;
  for (;;) {
    ctx.signal.throwIfAborted();
    let page: Awaited<ReturnType<typeof target.graph.deltaPage>>;
    try {
      page = await target.graph.deltaPage(link);
    } catch (err) {
      if (!isGone(err) || restarted) throw err;
      // Full resync: reconcile the folder by id, then a new round from the start.
      restarted = true;
      target.state = await ctx.targetsRepo.modify(ctx.tenantId, target.mailbox, () => ({
        set: {},
        unset: ['deltaLink'],
      }));
      await reconcileTarget(ctx, target, true);
      link = target.graph.deltaStart(target.folderId);
      continue;
    }
    // An item can come more than once in a page: its last state counts.
    const items = new Map<string, DeltaItem>();
    for (const item of page.items as DeltaItem[]) if (item.id) items.set(item.id, item);
    await eachLimited([...items.values()], 6, (item) => pullItem(ctx, target, item));
    if (page.nextLink) {
      link = page.nextLink;
      continue;
    }
    const deltaLink = page.deltaLink;
    target.state = await ctx.targetsRepo.modify(ctx.tenantId, target.mailbox, () => ({
      set: { ...(deltaLink ? { deltaLink } : {}), lastPulledAt: new Date().toISOString() },
    }));
    return;
  }
}

export { isFolderGone };

async function pullItem(ctx: RunContext, target: TargetRun, item: DeltaItem): Promise<void> {
  const outlookId = String(item.id);
  ctx.signal.throwIfAborted();
  if (item['@removed']) return removed(ctx, target, outlookId);
  const entries = await ctx.entries.findByOutlookId(ctx.tenantId, outlookId);
  const entry = entries.find((e) => linkIn(e, target)?.outlookId === outlookId);
  if (entry) return changed(ctx, target, entry, graphFieldsFromOutlook(item));
  // Not ours by id (delta never carries extended properties): read the contact with our id.
  const full = await target.graph.getTagged(outlookId);
  if (!full) return;
  if (full.crmId) return adopt(ctx, target, full.crmId, outlookId, graphFieldsFromOutlook(full));
  return fromOutlook(ctx, target, full);
}

/** Deleted (or moved away) in Outlook: the CRM contact is archived, then the link dropped. */
export async function removed(ctx: RunContext, target: TargetRun, outlookId: string): Promise<void> {
  for (const entry of await ctx.entries.findByOutlookId(ctx.tenantId, outlookId)) {
    const link = entry.links.find((l) => l.mailbox === target.mailbox && l.outlookId === outlookId);
    if (!link) continue;
    // Archive first: were the run to stop in between, the next round sees the removal again.
    if (await ctx.crm.archiveRemoved(ctx.tenantId, entry.contactId, target.mailbox)) ctx.counters.pulled++;
    await ctx.entries.modify(ctx.tenantId, entry.contactId, (doc) => ({
      set: {
        links: (doc?.links ?? []).filter((l) => !(l.mailbox === target.mailbox && l.outlookId === outlookId)),
        outlookIds: (doc?.links ?? [])
          .filter((l) => l.outlookId !== outlookId || l.mailbox !== target.mailbox)
          .map((l) => l.outlookId),
      },
    }));
  }
}

/** Changed in Outlook: the fields Outlook changed since the last push win; the link's base becomes Outlook's state. */
async function changed(ctx: RunContext, target: TargetRun, entry: MirrorEntryDoc, outlook: GraphFields): Promise<void> {
  const link = linkIn(entry, target);
  if (!link) return;
  const keys = changedFields(link.pushed, outlook);
  if (keys.length === 0) return;
  const taken = await ctx.crm.applyFromOutlook(ctx.tenantId, entry.contactId, outlook, keys);
  if (taken.length > 0) ctx.counters.pulled++;
  await ctx.entries.modify(ctx.tenantId, entry.contactId, (doc) => {
    const current = linkIn(doc, target);
    return current ? { set: withLink(doc, target, { ...current, pushed: outlook }) } : null;
  });
  // What the CRM kept (a value it cannot hold, a field it changed too) is written back by the push.
  if (taken.length < keys.length) await ctx.entries.enqueue(ctx.tenantId, entry.contactId, 0);
}

/**
 * An Outlook contact carrying our id that no link names (a create whose answer was lost, a
 * folder restored): linked to its contact with Outlook's state as base, so the next push writes
 * the CRM's values; a second copy is deleted; one whose contact no longer exists too.
 */
async function adopt(ctx: RunContext, target: TargetRun, crmId: string, outlookId: string, outlook: GraphFields) {
  const contact = /^[0-9a-f]{24}$/.test(crmId) ? await ctx.crm.find(ctx.tenantId, crmId) : null;
  const entry = contact ? await ctx.entries.find(ctx.tenantId, crmId) : null;
  const link = linkIn(entry, target);
  if (!contact || (link && link.outlookId !== outlookId)) {
    await deleteCopies(target, [outlookId]);
    return;
  }
  await ctx.entries.modify(ctx.tenantId, crmId, (doc) => ({
    set: withLink(doc, target, {
      mailbox: target.mailbox,
      folderId: target.folderId as string,
      outlookId,
      pushed: outlook,
      at: new Date().toISOString(),
    }),
  }));
  await ctx.entries.enqueue(ctx.tenantId, crmId, 0);
}

/** Deletes Outlook contacts of the folder (extra copies, copies of erased contacts). */
export async function deleteCopies(target: TargetRun, outlookIds: readonly string[]): Promise<void> {
  if (outlookIds.length === 0) return;
  await target.graph.batch(
    outlookIds.map((id, i) => ({ id: String(i), method: 'DELETE' as const, url: target.graph.contactUrl(id) })),
  );
}

const hasValue = (fields: GraphFields, key: GraphFieldKey) => {
  const value = fields[key];
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
};

/**
 * Created in Outlook. The live contact holding one of its addresses is linked instead of creating
 * a duplicate (Outlook's values win where it has one); otherwise a new contact is created through
 * the normal create path (a person's company too, when no live company has that name). Either
 * way the contact is marked "aus Outlook — prüfen".
 */
async function fromOutlook(ctx: RunContext, target: TargetRun, item: GraphContact): Promise<void> {
  const outlookId = String(item.id);
  const outlook = graphFieldsFromOutlook(item);
  const created = newContactFromOutlook(outlook, item.displayName ?? undefined);
  if (!created) return;
  const origin = { mailbox: target.mailbox, at: new Date().toISOString() };
  const holder = await ctx.crm.holderOf(ctx.tenantId, outlook.emails, created.fields.kind);
  let contactId: string;
  if (holder && isLive(holder)) {
    contactId = String(holder._id);
    const entry = await ctx.entries.find(ctx.tenantId, contactId);
    const existing = linkIn(entry, target);
    if (existing && existing.outlookId !== outlookId) {
      // The contact is in this folder already: a copy made in Outlook. Left alone, but shown for review.
      await ctx.entries.modify(ctx.tenantId, contactId, () => ({ set: { review: true, origin } }));
      return;
    }
    const company = typeof holder.companyId === 'string' ? await ctx.crm.find(ctx.tenantId, holder.companyId) : null;
    const current = graphFieldsOf(fieldsOf(holder), company && isLive(company) ? String(company.name) : undefined);
    const keys = changedFields(current, outlook).filter((k) => hasValue(outlook, k));
    await ctx.crm.applyFromOutlook(ctx.tenantId, contactId, outlook, keys);
  } else {
    const fields: Record<string, unknown> = { ...created.fields };
    if (created.companyName) {
      const companyId =
        (await ctx.crm.companyNamed(ctx.tenantId, created.companyName)) ??
        (await createCompany(ctx, target, outlookId, created.companyName, origin));
      if (companyId) fields.companyId = companyId;
    }
    const made = await ctx.crm.createFromOutlook(ctx.tenantId, `${target.mailbox}\n${outlookId}`, fields);
    if (!made) {
      ctx.log.warn(
        { tenantId: ctx.tenantId, mailbox: target.mailbox },
        'a contact created in Outlook does not fit the CRM and was skipped',
      );
      return;
    }
    contactId = made.id;
  }
  await ctx.entries.modify(ctx.tenantId, contactId, (doc) => ({
    set: {
      ...withLink(doc, target, {
        mailbox: target.mailbox,
        folderId: target.folderId as string,
        outlookId,
        pushed: outlook,
        at: origin.at,
        tagged: false,
      }),
      review: true,
      origin,
    },
  }));
  await ctx.entries.enqueue(ctx.tenantId, contactId, 0);
  ctx.counters.pulled++;
}

async function createCompany(
  ctx: RunContext,
  target: TargetRun,
  outlookId: string,
  name: string,
  origin: { mailbox: string; at: string },
): Promise<string | undefined> {
  const made = await ctx.crm.createFromOutlook(ctx.tenantId, `${target.mailbox}\n${outlookId}\ncompany`, {
    kind: 'company',
    name,
  });
  if (made) await ctx.entries.modify(ctx.tenantId, made.id, () => ({ set: { review: true, origin } }));
  return made?.id;
}
