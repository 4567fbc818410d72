import { graphFieldsFromOutlook } from './contact-mapping.rules';
import { ENTRY_BUCKETS } from './mirror.model';
import { deleteCopies, removed } from './mirror-pull';
import { eachLimited, linkIn, type RunContext, type TargetRun, withLink } from './mirror-run.context';

// Reconciling a target folder by our id (README.md "Creates"): after a run that may have created
// contacts without storing their ids (it stopped, or an answer was lost), and after the delta's
// state was lost (410). Every Outlook contact carrying a CRM id is linked to its contact — one
// copy kept, extra copies deleted, copies of contacts that no longer exist deleted. With
// `checkUnseen`, links whose Outlook contact was not listed are checked one by one and, when the
// contact is really gone, treated as deleted in Outlook.

export async function reconcileTarget(ctx: RunContext, target: TargetRun, checkUnseen: boolean): Promise<void> {
  const folderId = target.folderId;
  if (!folderId) return;
  const byCrmId = new Map<string, Array<{ id: string; fields: ReturnType<typeof graphFieldsFromOutlook> }>>();
  const seen = new Set<string>();
  for await (const page of target.graph.listTagged(folderId)) {
    ctx.signal.throwIfAborted();
    for (const contact of page) {
      seen.add(contact.id);
      if (!contact.crmId) continue;
      const copies = byCrmId.get(contact.crmId) ?? [];
      copies.push({ id: contact.id, fields: graphFieldsFromOutlook(contact.contact) });
      byCrmId.set(contact.crmId, copies);
    }
  }

  const extra: string[] = [];
  await eachLimited([...byCrmId], 8, async ([crmId, copies]) => {
    const contact = /^[0-9a-f]{24}$/.test(crmId) ? await ctx.crm.find(ctx.tenantId, crmId) : null;
    if (!contact) {
      extra.push(...copies.map((c) => c.id));
      return;
    }
    const entry = await ctx.entries.find(ctx.tenantId, crmId);
    const linked = linkIn(entry, target);
    const keep = copies.find((c) => c.id === linked?.outlookId) ?? copies[0];
    if (!keep) return;
    extra.push(...copies.filter((c) => c !== keep).map((c) => c.id));
    if (linked?.outlookId === keep.id) return;
    await ctx.entries.modify(ctx.tenantId, crmId, (doc) => ({
      set: withLink(doc, target, {
        mailbox: target.mailbox,
        folderId,
        outlookId: keep.id,
        pushed: keep.fields,
        at: new Date().toISOString(),
      }),
    }));
    // Outlook's copy may be older than the contact: the push compares and corrects it.
    await ctx.entries.enqueue(ctx.tenantId, crmId, 0);
  });
  ctx.signal.throwIfAborted();
  await deleteCopies(target, extra);

  if (checkUnseen) {
    for (const bucket of ENTRY_BUCKETS) {
      const entries = await ctx.entries.findInBucket(ctx.tenantId, bucket);
      const unseen = entries
        .map((e) => linkIn(e, target)?.outlookId)
        .filter((id): id is string => id !== undefined && !seen.has(id));
      await eachLimited(unseen, 4, async (outlookId) => {
        // A listing paged by $skip can miss a contact while others are deleted: ask for it directly.
        if ((await target.graph.getTagged(outlookId)) === null) await removed(ctx, target, outlookId);
      });
    }
  }
  target.state = await ctx.targetsRepo.modify(ctx.tenantId, target.mailbox, () => ({
    set: {},
    unset: ['createsInFlight'],
  }));
}
