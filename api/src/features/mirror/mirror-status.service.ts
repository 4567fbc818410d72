import {
  type MirrorContactError,
  type MirrorContactItem,
  type MirrorContactPage,
  type MirrorCounts,
  type MirrorList,
  type MirrorProblem,
  type MirrorStatus,
  primaryEmail,
  type SyncStatus,
} from '@klarkonform/shared';
import { fieldProblems, notFound } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactDoc } from '../contacts/contacts.model';
import type { ContactsRepository } from '../contacts/contacts.repository';
import { toSummary } from '../contacts/contacts.search';
import { LIST_BUCKETS, listKey } from '../contacts/lookup-keys.rules';
import type { MirrorEntriesRepository } from './mirror-entries.repository';
import type { MirrorLeaseRepository } from './mirror-lease.repository';
import type { MirrorEntryDoc } from './mirror.model';
import type { MirrorSettingsRepository } from './mirror-settings.repository';
import type { MirrorTargetsRepository } from './mirror-targets.repository';

// What the mirror tells users: each contact's sync status (on every full contact the API
// returns), the admin's overview and the data-care worklists (contacts in error, contacts
// created from Outlook to review).

/** A contact's mirror state as the Contact schema shows it. */
export interface ContactSyncState {
  syncStatus: SyncStatus;
  syncedAt?: string;
  syncProblem?: MirrorProblem;
}

/** The slice of a contact its sync status depends on. */
export interface SyncSubject {
  emails?: readonly { address: string; primary: boolean }[];
  /** Archived (null or absent while live): such a contact has no Outlook copy. */
  archived?: unknown;
  /** Merged into another contact: no Outlook copy either. */
  mergedInto?: unknown;
  /** Restricted under Art. 18 DSGVO (issue 15): no Outlook copy either. */
  restriction?: unknown;
}

/**
 * A contact's sync status: `noEmail` without an address (never mirrored), `disabled` while the
 * tenant's mirror is off (or the server has no Graph credentials) and for an archived or merged
 * contact (it has no Outlook copy: the mirror removed it, or it was deleted in Outlook), else the
 * entry's state — `pending` until a push confirmed the contact's current version in every target
 * mailbox.
 */
export function contactSyncState(
  contact: SyncSubject,
  entry: MirrorEntryDoc | undefined,
  on: boolean,
): ContactSyncState {
  const at = entry?.syncedAt ? { syncedAt: entry.syncedAt } : {};
  // Without an address a contact is never mirrored, whether the mirror is on or not.
  if (primaryEmail(contact) === undefined) return { syncStatus: 'noEmail', ...at };
  // Archived or merged: not mirrored (any copy is removed), so never "synced".
  if (!on || contact.archived || contact.mergedInto || contact.restriction) return { syncStatus: 'disabled', ...at };
  if (!entry) return { syncStatus: 'pending' };
  if (entry.status === 'error')
    return { syncStatus: 'error', ...at, ...(entry.problem ? { syncProblem: entry.problem } : {}) };
  if ((entry.status === 'synced' || entry.status === 'gone') && entry.due === undefined)
    return { syncStatus: 'synced', ...at };
  return { syncStatus: 'pending', ...at };
}

/** Most contacts in error the overview reads to pick the newest 50 from. */
const ERROR_SCAN = 200;
const ERRORS_SHOWN = 50;

export class MirrorStatusService {
  constructor(
    private readonly settings: MirrorSettingsRepository,
    private readonly entries: MirrorEntriesRepository,
    private readonly targets: MirrorTargetsRepository,
    private readonly leases: MirrorLeaseRepository,
    private readonly contacts: ContactsRepository,
    /** Whether the server has Graph app credentials (config.graph.credential). */
    private readonly configured: boolean,
  ) {}

  /** Whether the tenant's mirror runs: switched on by its admin and credentials configured. */
  async isOn(tenantId: string): Promise<boolean> {
    if (!this.configured) return false;
    return (await this.settings.find(tenantId))?.enabled === true;
  }

  /**
   * The sync state of each contact (by id): one round of parallel equality lookups — the
   * settings and one entry per contact (QUERY-RULES.md rule 3), however many contacts.
   */
  async states(tenantId: string, contacts: ReadonlyMap<string, SyncSubject>): Promise<Map<string, ContactSyncState>> {
    const [on, entries] = await Promise.all([
      this.isOn(tenantId),
      this.entries.findMany(tenantId, [...contacts.keys()]),
    ]);
    return new Map([...contacts].map(([id, contact]) => [id, contactSyncState(contact, entries.get(id), on)]));
  }

  /** GET /mirror/status: the admin's overview. */
  async overview(auth: AuthContext): Promise<MirrorStatus> {
    const tenantId = auth.tenantId;
    const [settings, lease, targets, counts, reviewCount, errorEntries] = await Promise.all([
      this.settings.find(tenantId),
      this.leases.find(tenantId),
      this.targets.list(tenantId),
      this.counts(tenantId),
      this.entries.countReview(tenantId),
      this.entries.page(tenantId, { status: 'error' }, ERROR_SCAN),
    ]);
    const enabled = settings?.enabled === true;
    const on = enabled && this.configured;
    const now = Date.now();
    const problem: MirrorProblem | undefined =
      enabled && !this.configured
        ? { code: 'notConfigured', at: new Date(now).toISOString() }
        : (lease?.problem ?? undefined);
    const byMailbox = new Map(targets.map((t) => [t.mailbox, t]));
    return {
      configured: this.configured,
      enabled,
      running: (lease?.until ?? 0) > now,
      counts: on ? counts : { synced: 0, pending: 0, error: 0, noEmail: 0, disabled: counts.total },
      ...(lease?.lastRun ? { lastRun: lease.lastRun } : {}),
      ...(on && lease?.nextRunAt ? { nextRunAt: lease.nextRunAt } : {}),
      ...(problem && enabled ? { problem } : {}),
      targets: (settings?.targets ?? []).map((target) => {
        const state = byMailbox.get(target.mailbox);
        return {
          mailbox: target.mailbox,
          folderName: target.folderName,
          folderReady: state?.folderId !== undefined && state.folderName === target.folderName,
          ...(state?.lastPulledAt ? { lastPulledAt: state.lastPulledAt } : {}),
          ...(state?.problem && enabled ? { problem: state.problem } : {}),
        };
      }),
      errors: on ? await this.errorsOf(tenantId, errorEntries) : [],
      reviewCount,
    };
  }

  /**
   * Live contacts per status. The live total is counted by list bucket (one indexed count per
   * first letter, QUERY-RULES.md rule 5); synced, error and noEmail by the entries' status;
   * pending is the rest (waiting for a push, or not reached by the backfill yet).
   */
  private async counts(tenantId: string): Promise<MirrorCounts & { total: number }> {
    const [live, synced, error, noEmail] = await Promise.all([
      Promise.all(LIST_BUCKETS.map((b) => this.contacts.count(tenantId, { listKeys: listKey('active', b) }))),
      this.entries.countByStatus(tenantId, 'synced'),
      this.entries.countByStatus(tenantId, 'error'),
      this.entries.countByStatus(tenantId, 'noEmail'),
    ]);
    const total = live.reduce((a, b) => a + b, 0);
    return { synced, pending: Math.max(0, total - synced - error - noEmail), error, noEmail, disabled: 0, total };
  }

  private async errorsOf(tenantId: string, entries: MirrorEntryDoc[]): Promise<MirrorContactError[]> {
    const newest = [...entries]
      .filter((e) => e.problem)
      .sort((a, b) => (b.problem?.at ?? '').localeCompare(a.problem?.at ?? ''))
      .slice(0, ERRORS_SHOWN);
    const docs = await this.contacts.findByIds(
      tenantId,
      newest.map((e) => e.contactId),
    );
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    return newest.flatMap((e) => {
      const doc = byId.get(e.contactId);
      return doc && e.problem
        ? [{ contactId: e.contactId, displayName: String(doc.displayName), problem: e.problem }]
        : [];
    });
  }

  /** GET /mirror/contacts: a page of the contacts in sync error or created from Outlook, newest first. */
  async list(auth: AuthContext, list: MirrorList, limit = 50, cursor?: string): Promise<MirrorContactPage> {
    if (cursor !== undefined && !/^[0-9a-f]{24}$/.test(cursor)) {
      throw fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);
    }
    const tenantId = auth.tenantId;
    const filter = list === 'error' ? ({ status: 'error' } as const) : ({ review: true } as const);
    const [entries, on] = await Promise.all([
      this.entries.page(tenantId, filter, limit + 1, cursor),
      this.isOn(tenantId),
    ]);
    const page = entries.slice(0, limit);
    const docs = await this.contacts.findByIds(
      tenantId,
      page.map((e) => e.contactId),
    );
    const companyIds = docs.map((d) => d.companyId).filter((id): id is string => typeof id === 'string');
    const companies = await this.contacts.findByIds(tenantId, companyIds);
    const names = new Map(companies.map((c) => [String(c._id), String(c.name)]));
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    const items = page.flatMap((entry): MirrorContactItem[] => {
      const doc = byId.get(entry.contactId);
      if (!doc) return [];
      const state = contactSyncState(doc as unknown as SyncSubject, entry, on);
      return [
        {
          contact: toSummary(doc, doc.companyId ? names.get(doc.companyId) : undefined),
          syncStatus: state.syncStatus,
          ...(entry.problem && list === 'error' ? { problem: entry.problem } : {}),
          ...(entry.reviewProblem && list === 'review' ? { problem: entry.reviewProblem } : {}),
          ...(entry.origin ? { fromMailbox: entry.origin.mailbox, createdFromOutlookAt: entry.origin.at } : {}),
        },
      ];
    });
    const last = page.at(-1);
    return { items, ...(entries.length > limit && last ? { nextCursor: String(last._id) } : {}) };
  }

  /** POST /mirror/contacts/:id/reviewed: the contact leaves the "aus Outlook — prüfen" list (idempotent). */
  async markReviewed(auth: AuthContext, contactId: string): Promise<void> {
    const doc: ContactDoc | null = await this.contacts.findById(auth.tenantId, contactId);
    if (!doc) throw notFound();
    await this.entries.modify(auth.tenantId, contactId, (entry) =>
      entry?.review ? { set: {}, unset: ['review', 'reviewProblem'] } : null,
    );
  }
}
