import { createHash } from 'node:crypto';
import { type ContactCreate, normalizeEmail, permissionsFor } from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { ContactDoc } from '../contacts/contacts.model';
import { type ContactFields, fieldsOf } from '../contacts/contacts.mapper';
import { LIVE } from '../contacts/contacts.repository';
import type { GraphFieldKey, GraphFields } from './contact-mapping.rules';
import { applyOutlookChanges } from './outlook-changes.rules';

// What the mirror does to CRM contacts, always through the contacts feature's own paths (the
// writer with its version checks and audit trail, the create with its duplicate and e-mail rules,
// the archive with its lead rules), as the actor "Microsoft 365 (Outlook)".

/** The mirror's actor: its changes appear in the audit trail under this name. */
export function mirrorAuth(tenantId: string): AuthContext {
  return {
    tenantId,
    userId: 'microsoft-365-mirror',
    name: 'Microsoft 365 (Outlook)',
    email: undefined,
    roles: ['CRM.Admin'],
    permissions: permissionsFor(['CRM.Admin']),
    kind: 'app',
  };
}

/** Why a contact deleted in Outlook is archived (stored text, German like the CRM's other reasons). */
export function removedInOutlookReason(mailbox: string): string {
  return `In Outlook gelöscht (Postfach ${mailbox})`;
}

/** True for a contact that lives: not archived, not merged away. */
export const isLive = (doc: ContactDoc | null | undefined): doc is ContactDoc =>
  !!doc && !doc.archived && !doc.mergedInto;

export class MirrorCrm {
  constructor(private readonly contacts: ContactsFeature) {}

  async find(tenantId: string, id: string): Promise<ContactDoc | null> {
    return this.contacts.repo.findById(tenantId, id);
  }

  async findMany(tenantId: string, ids: readonly string[]): Promise<Map<string, ContactDoc>> {
    const docs: ContactDoc[] = [];
    for (let i = 0; i < ids.length; i += 50)
      docs.push(...(await this.contacts.repo.findByIds(tenantId, ids.slice(i, i + 50))));
    return new Map(docs.map((d) => [String(d._id), d]));
  }

  /** The ids of the tenant's live contacts, one list bucket at a time (the backfill). */
  async *liveIds(tenantId: string): AsyncGenerator<string[]> {
    for await (const docs of this.contacts.repo.scan(tenantId, 'active')) yield docs.map((d) => String(d._id));
  }

  /** The live people of a company (their Outlook company name follows the company's name). */
  async peopleOf(tenantId: string, companyId: string): Promise<string[]> {
    const people = await this.contacts.repo.find(tenantId, { companyId, ...LIVE }, { limit: 10_000 });
    return people.map((p) => String(p._id));
  }

  /** Archives a contact deleted in Outlook (an open lead as its lead status change); no-op when not live. */
  async archiveRemoved(tenantId: string, id: string, mailbox: string): Promise<boolean> {
    try {
      await this.contacts.contacts.archive(mirrorAuth(tenantId), id, { reason: removedInOutlookReason(mailbox) });
      return true;
    } catch (err) {
      // Already archived, merged or gone: nothing to do.
      if (err instanceof HttpError && (err.statusCode === 404 || err.statusCode === 409)) return false;
      throw err;
    }
  }

  /**
   * Takes Outlook's values of `keys` into the contact (Microsoft 365 wins on the fields it
   * changed). A person's changed company name relinks the person to the live company of that
   * name, if there is one; otherwise the link stays (and the push writes the CRM's name back).
   * Returns the keys taken; nothing is written when none is.
   */
  async applyFromOutlook(tenantId: string, id: string, outlook: GraphFields, keys: readonly GraphFieldKey[]) {
    const auth = mirrorAuth(tenantId);
    let taken: GraphFieldKey[] = [];
    const doc = await this.find(tenantId, id);
    if (!isLive(doc) || keys.length === 0) return taken;
    const preview = applyOutlookChanges(fieldsOf(doc) as ContactFields, outlook, keys);
    const companyId =
      preview.companyName === undefined ? undefined : await this.companyNamed(tenantId, preview.companyName);
    const relink = preview.companyName !== undefined && (preview.companyName === null || companyId !== undefined);
    taken = preview.applied.filter((k) => k !== 'companyName' || relink);
    if (taken.length === 0) return taken;
    await this.contacts.writer.update(auth, id, 'update', 'retry', (fields) => {
      const change = applyOutlookChanges(fields, outlook, keys);
      const next = change.fields as ContactFields;
      if (relink) {
        if (companyId) next.companyId = companyId;
        else delete next.companyId;
      }
      return next;
    });
    return taken;
  }

  /** The live company called `name` (the duplicate check's company-name rule), if any. */
  async companyNamed(tenantId: string, name: string | null): Promise<string | undefined> {
    if (!name) return undefined;
    const result = await this.contacts.duplicates.check(mirrorAuth(tenantId), { kind: 'company', name } as never);
    const match = result.candidates.find((c) => !c.contact.archived && c.reasons.includes('sameCompanyName'));
    return match?.contact.id;
  }

  /** The live contact holding one of `emails` (a person before a company), for linking instead of creating. */
  async holderOf(
    tenantId: string,
    emails: readonly string[],
    kind: 'company' | 'person',
  ): Promise<ContactDoc | undefined> {
    const keys = [...new Set(emails.map((e) => normalizeEmail(e)).filter((e): e is string => e !== null))];
    if (keys.length === 0) return undefined;
    const docs = await this.contacts.repo.findAny(
      tenantId,
      keys.map((key) => ({ emailKeys: key, ...LIVE })),
      { limit: keys.length * 4 },
    );
    return docs.find((d) => d.kind === kind) ?? docs[0];
  }

  /**
   * Creates a contact through the normal create path (validation, e-mail rule, numbering, audit),
   * idempotent by the Outlook contact it came from: a repeat after a crash finds the same contact.
   */
  async createFromOutlook(
    tenantId: string,
    origin: string,
    fields: Record<string, unknown>,
  ): Promise<{ id: string } | undefined> {
    const key = `outlook:${createHash('sha256').update(`${tenantId}\n${origin}`).digest('hex').slice(0, 48)}`;
    try {
      // Its Betreuer is the mirror's actor until someone takes it over in the review.
      const { contact } = await this.contacts.contacts.create(mirrorAuth(tenantId), key, fields as ContactCreate);
      return { id: contact.id };
    } catch (err) {
      if (!(err instanceof HttpError) || err.statusCode >= 500) throw err;
      // Created before from an earlier state of the Outlook contact (the run stopped before linking it).
      const earlier = await this.contacts.repo.findByIdempotencyKey(tenantId, key);
      // Otherwise the data does not fit the CRM's rules: skipped (the caller logs it).
      return earlier ? { id: String(earlier._id) } : undefined;
    }
  }
}
