import {
  auditChanges,
  type ConsentCheckResult,
  type ConsentReason,
  DEFAULT_SEND_CHECK_SETTINGS,
  marketingEmailDecision,
  normalizeEmail,
  type RecipientConsent,
  recipientKey,
  type SendCheckSettings,
  type SendCheckSettingsUpdate,
} from '@klarkonform/shared';
import { problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { type AuditRepository, newAuditId, type PendingAudit } from '../audit/audit.repository';
import { actorOf } from '../contacts/contact-writer';
import type { ContactDoc } from '../contacts/contacts.model';
import { toContact } from '../contacts/contacts.mapper';
import { type ContactsRepository, LIVE } from '../contacts/contacts.repository';
import type { SendCheckSettingsDoc } from './send-check.model';
import type { SendCheckSettingsRepository } from './send-check.repository';

// The send-time consent check (Smart Alerts, issue 14): the tenant's settings, and per recipient
// of a mail the e-mail marketing decision — the same rule as the card's "Marketing-E-Mail
// erlaubt?" (`marketingEmailDecision`, consent.rules.ts).
//
// Several live contacts holding one address (a person and their company's general address, or
// an undetected duplicate): the mail is held back if ANY of them may not be mailed marketing.
// An opt-out recorded on one record of a person is their objection, whichever record the sender
// looked at (UWG §7 Abs. 3 Nr. 4; opt-out always wins). The answer then names that contact.

/** The key under which the settings' audit entries are kept (the audit trail's `contactId`). */
export const SETTINGS_AUDIT_SUBJECT = 'send-check-settings';

/** Contacts read per address at most (one address is held by one or two records normally). */
const HOLDERS_PER_ADDRESS = 20;

const settingsOf = (doc: SendCheckSettingsDoc | null): SendCheckSettings =>
  doc
    ? {
        enabled: doc.enabled,
        mode: doc.mode,
        marketingCategories: [...doc.marketingCategories],
        whenUnavailable: doc.whenUnavailable,
        version: doc.version,
      }
    : { ...DEFAULT_SEND_CHECK_SETTINGS, marketingCategories: [] };

export class SendCheckService {
  constructor(
    private readonly settingsRepo: SendCheckSettingsRepository,
    private readonly contacts: ContactsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The tenant's settings; the defaults (version 0) when never saved. */
  async settings(auth: AuthContext): Promise<SendCheckSettings> {
    const doc = await this.settingsRepo.find(auth.tenantId);
    await this.flush(auth.tenantId, doc);
    return settingsOf(doc);
  }

  /**
   * Saves the settings on `expected` (If-Match: 0 before the first save, `*` for whatever is
   * stored); 412 when they changed meanwhile. A save that changes nothing writes nothing.
   */
  async updateSettings(
    auth: AuthContext,
    expected: number | '*',
    body: SendCheckSettingsUpdate,
  ): Promise<SendCheckSettings> {
    const doc = await this.settingsRepo.find(auth.tenantId);
    const before = settingsOf(doc);
    if (expected !== '*' && expected !== before.version) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: before.version, expected });
    }
    // One entry per category, compared case-insensitively; the first spelling stays.
    const byKey = new Map<string, string>();
    for (const category of body.marketingCategories) {
      const key = category.trim().toLowerCase();
      if (!byKey.has(key)) byKey.set(key, category.trim());
    }
    const categories = [...byKey.values()];
    const next = {
      enabled: body.enabled,
      mode: body.mode,
      marketingCategories: categories,
      whenUnavailable: body.whenUnavailable,
    };
    const { version: _v, ...beforeFields } = before;
    const changes = auditChanges(beforeFields, next, []);
    if (changes.length === 0) return before;
    const now = new Date().toISOString();
    const actor = actorOf(auth);
    const pendingAudit: PendingAudit = { id: newAuditId(), action: 'sendCheckSettingsUpdate', at: now, actor, changes };
    const fields = { ...next, version: before.version + 1, updatedAt: now, updatedBy: actor, pendingAudit };
    const written = doc
      ? await this.settingsRepo.replaceIfVersion(auth.tenantId, before.version, fields)
      : await this.settingsRepo.insertFirst({ tenantId: auth.tenantId, ...fields });
    if (!written) throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    await this.audit.record(auth.tenantId, SETTINGS_AUDIT_SUBJECT, pendingAudit, true);
    return settingsOf({ ...(doc ?? ({} as SendCheckSettingsDoc)), ...fields });
  }

  /** The settings' change history, newest first. */
  async history(auth: AuthContext) {
    return { items: await this.audit.list(auth.tenantId, SETTINGS_AUDIT_SUBJECT) };
  }

  /**
   * The e-mail marketing decision for every address of a mail, one per distinct address in the
   * request's order. One parallel round of equality lookups on `emailKeys` (QUERY-RULES.md rule 3)
   * beside the settings read. An address no live contact holds: known false, not allowed, noConsent.
   * An entry that is no e-mail address (an Exchange X.500 address, an unresolved name): known false,
   * not allowed, unresolvedAddress — answered on its own, it never fails the other entries.
   */
  async consent(auth: AuthContext, emails: readonly string[]): Promise<ConsentCheckResult> {
    const now = new Date();
    const wanted = new Map<string, string | null>(); // answer key → lookup key (null: no address)
    for (const raw of emails) {
      const key = recipientKey(raw);
      if (!wanted.has(key)) wanted.set(key, normalizeEmail(raw));
    }
    const lookups = [...new Set([...wanted.values()].filter((lookup): lookup is string => lookup !== null))];
    const [settings, docs] = await Promise.all([
      this.settings(auth),
      lookups.length === 0
        ? Promise.resolve([])
        : this.contacts.findAny(
            auth.tenantId,
            lookups.map((address) => ({ emailKeys: address, ...LIVE })),
            // findAny bounds the merged result: the bound is per address, so no mail's size hides a holder.
            { limit: HOLDERS_PER_ADDRESS * lookups.length },
          ),
    ]);
    const recipients = [...wanted].map(
      ([email, lookup]): RecipientConsent =>
        lookup === null
          ? { email, known: false, allowed: false, reason: 'unresolvedAddress' }
          : decide(
              email,
              docs.filter((doc) => doc.emailKeys.includes(lookup)),
              now,
            ),
    );
    return { checkedAt: now.toISOString(), settings, recipients };
  }

  /** Stores the audit entry a change left on the document, if the change's own flush failed. */
  private async flush(tenantId: string, doc: SendCheckSettingsDoc | null): Promise<void> {
    if (doc?.pendingAudit) await this.audit.record(tenantId, SETTINGS_AUDIT_SUBJECT, doc.pendingAudit);
  }
}

/** Opt-out first: the reason the answer gives when several holders are not allowed. */
const REASON_RANK: Partial<Record<ConsentReason, number>> = { optedOut: 0, restricted: 0 };

function decide(email: string, holders: readonly ContactDoc[], now: Date): RecipientConsent {
  if (holders.length === 0) return { email, known: false, allowed: false, reason: 'noConsent' };
  const decided = holders
    .map((doc) => ({ doc, contact: toContact(doc) }))
    .map((h) => ({ ...h, decision: marketingEmailDecision(h.contact, now) }))
    // People before companies, then by contact number (as on the card).
    .sort((a, b) =>
      a.doc.kind !== b.doc.kind
        ? a.doc.kind === 'person'
          ? -1
          : 1
        : a.doc.contactNumber.localeCompare(b.doc.contactNumber),
    );
  const refused = decided
    .filter((h) => !h.decision.allowed)
    .sort((a, b) => (REASON_RANK[a.decision.reason] ?? 1) - (REASON_RANK[b.decision.reason] ?? 1));
  const chosen = refused[0] ?? (decided[0] as (typeof decided)[number]);
  return {
    email,
    known: true,
    contactId: chosen.contact.id,
    name: chosen.contact.displayName,
    relationships: [...chosen.contact.relationships],
    allowed: chosen.decision.allowed,
    reason: chosen.decision.reason,
  };
}
