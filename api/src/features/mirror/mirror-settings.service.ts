import { auditChanges, type MirrorSettings, type MirrorSettingsUpdate, normalizeEmail } from '@klarkonform/shared';
import { type FieldProblem, fieldProblems, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { type AuditRepository, newAuditId, type PendingAudit } from '../audit/audit.repository';
import { actorOf } from '../contacts/contact-writer';
import type { MirrorLeaseRepository } from './mirror-lease.repository';
import type { MirrorSettingsDoc } from './mirror.model';
import type { MirrorSettingsRepository } from './mirror-settings.repository';

// The tenant's mirror settings (issue 13): which mailboxes, which folder in each, on or off.
// Saved by a CRM.Admin with If-Match like the send-check settings and audited the same way.
// The app's credentials are not part of them: they come from the server's configuration only.

/** The key under which the settings' audit entries are kept (the audit trail's `contactId`). */
export const MIRROR_SETTINGS_AUDIT_SUBJECT = 'mirror-settings';

export const settingsOf = (doc: MirrorSettingsDoc | null): MirrorSettings =>
  doc
    ? { enabled: doc.enabled, targets: doc.targets.map((t) => ({ ...t })), version: doc.version }
    : { enabled: false, targets: [], version: 0 };

/**
 * 422 for settings that cannot run: enabled without a target, a mailbox given twice (compared
 * case-insensitively, RFC 5321 §2.4 in practice: Exchange ignores case).
 */
function assertRunnable(body: MirrorSettingsUpdate): MirrorSettingsDoc['targets'] {
  const problems: FieldProblem[] = [];
  if (body.enabled && body.targets.length === 0) {
    problems.push({ field: 'body.targets', key: 'serviceProblem.mirrorTargetsRequired' });
  }
  const seen = new Set<string>();
  const targets = body.targets.map((target, i) => {
    const mailbox = normalizeEmail(target.mailbox) ?? target.mailbox.trim().toLowerCase();
    if (seen.has(mailbox)) {
      problems.push({
        field: `body.targets.${i}.mailbox`,
        key: 'serviceProblem.mailboxTwice',
        values: { mailbox },
      });
    }
    seen.add(mailbox);
    return { mailbox, folderName: target.folderName.trim() };
  });
  if (problems.length > 0) throw fieldProblems(problems, 422);
  return targets;
}

export class MirrorSettingsService {
  constructor(
    private readonly repo: MirrorSettingsRepository,
    private readonly leases: MirrorLeaseRepository,
    private readonly audit: AuditRepository,
    /** Called after a save that leaves the mirror on: the scheduler starts a run. */
    private readonly onSaved: (tenantId: string) => void,
  ) {}

  /** The tenant's settings; disabled without targets (version 0) when never saved. */
  async settings(auth: AuthContext): Promise<MirrorSettings> {
    const doc = await this.repo.find(auth.tenantId);
    if (doc?.pendingAudit) await this.audit.record(auth.tenantId, MIRROR_SETTINGS_AUDIT_SUBJECT, doc.pendingAudit);
    return settingsOf(doc);
  }

  /**
   * Saves the settings on `expected` (If-Match; 0 before the first save, `*` for whatever is
   * stored); 412 when they changed meanwhile. Turning the mirror on or adding a mailbox asks the
   * next run to enqueue every contact once (the backfill). A save that changes nothing writes nothing.
   */
  async updateSettings(auth: AuthContext, expected: number | '*', body: MirrorSettingsUpdate): Promise<MirrorSettings> {
    const targets = assertRunnable(body);
    const doc = await this.repo.find(auth.tenantId);
    const before = settingsOf(doc);
    if (expected !== '*' && expected !== before.version) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: before.version, expected });
    }
    const next = { enabled: body.enabled, targets };
    const changes = auditChanges({ enabled: before.enabled, targets: before.targets }, next, []);
    if (changes.length === 0) return before;
    const known = new Set(before.enabled ? before.targets.map((t) => t.mailbox) : []);
    const grows = next.enabled && targets.some((t) => !known.has(t.mailbox));
    const now = new Date().toISOString();
    const actor = actorOf(auth);
    const pendingAudit: PendingAudit = { id: newAuditId(), action: 'mirrorSettingsUpdate', at: now, actor, changes };
    const fields = {
      ...next,
      version: before.version + 1,
      backfill: (doc?.backfill ?? 0) + (grows ? 1 : 0),
      updatedAt: now,
      updatedBy: actor,
      pendingAudit,
    };
    const written = doc
      ? await this.repo.replaceIfVersion(auth.tenantId, before.version, fields)
      : await this.repo.insertFirst({ tenantId: auth.tenantId, ...fields });
    if (!written) throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    await this.audit.record(auth.tenantId, MIRROR_SETTINGS_AUDIT_SUBJECT, pendingAudit, true);
    await this.leases.modify(auth.tenantId, (lease) =>
      lease.active === next.enabled ? null : { active: next.enabled },
    );
    if (next.enabled) this.onSaved(auth.tenantId);
    return { ...next, version: fields.version };
  }

  /** The settings' change history, newest first. */
  async history(auth: AuthContext) {
    return { items: await this.audit.list(auth.tenantId, MIRROR_SETTINGS_AUDIT_SUBJECT) };
  }
}
