import { createHash } from 'node:crypto';
import {
  type ConsentChannel,
  type ConsentEvent,
  type Contact,
  emailDomain,
  type ImportDefaults,
  type ImportedContact,
  type ImportRowProblem,
  type ImportRowResult,
  type ImportRunMode,
  isFreeMailDomain,
} from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { ContactFields } from '../contacts/contacts.mapper';
import type { DuplicateSnapshot } from '../contacts/duplicate-snapshot';
import { LIVE } from '../contacts/contacts.repository';
import type { RowDecision, RunState } from './import-decide';
import { createBody, type PlannedRow } from './import-plan';
import { fillEmpty } from './import-merge.rules';

// Carrying out a row's decision: create the contact (and its company) through the normal create
// path under the row's Idempotency-Key, fill the empty fields of the contact it duplicates, or
// skip it; record opt-outs from the file as consent events. A dry run decides the same way and
// writes nothing. Expected refusals (an address taken, a value the create rules refuse) become the
// row's result; anything else (the database gone) is thrown so that the job can resume later.

export interface RunContext {
  auth: AuthContext;
  importId: string;
  fileName: string;
  mode: ImportRunMode;
  /** When the run started: a contact under a row's key created since then was created by this run (a resume). */
  startedAt: string;
  defaults: ImportDefaults;
}

const failed = (mode: ImportRunMode, reason: ImportRowProblem): ImportRowResult => ({
  mode,
  outcome: 'failed',
  reason,
});

/** A refused write as the row's reason: an e-mail address another contact has, or the field refused. */
function refusal(err: HttpError): ImportRowProblem {
  const field = err.errors?.[0]?.field.replace(/^body\./, '') ?? err.message;
  if (err.statusCode === 409 && field.startsWith('emails'))
    return { code: 'emailTaken', severity: 'error', target: 'email' };
  if (err.statusCode === 409 && /merged/i.test(err.message)) return { code: 'mergeTargetGone', severity: 'error' };
  return { code: 'storeFailed', severity: 'error', value: field.slice(0, 200) };
}

export class RowExecutor {
  constructor(
    private readonly contacts: ContactsFeature,
    private readonly run: RunContext,
    private readonly state: RunState,
    private readonly snapshot?: DuplicateSnapshot,
  ) {}

  /** Puts a contact this run created or filled back into the run's snapshot (its keys may have changed). */
  private async refresh(id: string): Promise<void> {
    if (!this.snapshot) return;
    const doc = await this.contacts.repo.findById(this.run.auth.tenantId, id);
    if (doc) this.snapshot.put(doc);
  }

  async execute(planned: PlannedRow, decision: RowDecision): Promise<ImportRowResult> {
    const { mode } = this.run;
    const contact = planned.reading.contact;
    if (decision.verdict === 'invalid' || !contact) {
      const reason = planned.reading.problems.find((p) => p.severity === 'error');
      return failed(mode, reason ?? { code: 'storeFailed', severity: 'error' });
    }
    try {
      return await this.carryOut(planned, decision, contact);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode < 500 && err.statusCode !== 429) return failed(mode, refusal(err));
      throw err;
    }
  }

  private remember(planned: PlannedRow, id: string | undefined, contactNumber?: string): void {
    if (id) this.state.rowContacts.set(planned.index, { id, contactNumber });
  }

  private async carryOut(
    planned: PlannedRow,
    decision: RowDecision,
    contact: ImportedContact,
  ): Promise<ImportRowResult> {
    const { mode } = this.run;
    const dry = mode === 'dryRun';
    if (decision.verdict === 'alreadyImported' && decision.existing) {
      const doc = decision.existing;
      const ours = String(doc.createdAt ?? '') >= this.run.startedAt;
      const id = String(doc.mergedInto ?? doc._id);
      this.remember(planned, id, doc.contactNumber);
      return { mode, outcome: ours && !dry ? 'created' : 'skipped', contactId: id, contactNumber: doc.contactNumber };
    }
    if (decision.action === 'skip') {
      const other = decision.candidates[0]?.contact;
      const earlier =
        decision.sameAsRow === undefined ? undefined : this.state.rowContacts.get(planned.fileDuplicateOf ?? -1);
      const id = earlier?.id ?? other?.id;
      this.remember(planned, id, earlier?.contactNumber ?? other?.contactNumber);
      return {
        mode,
        outcome: 'skipped',
        ...(id ? { contactId: id } : {}),
        ...((earlier?.contactNumber ?? other?.contactNumber)
          ? { contactNumber: earlier?.contactNumber ?? other?.contactNumber }
          : {}),
      };
    }
    if (decision.action === 'merge') {
      const targetId = decision.mergeTargetId;
      if (!targetId)
        return dry ? { mode, outcome: 'merged' } : failed(mode, { code: 'mergeTargetGone', severity: 'error' });
      if (dry) return { mode, outcome: 'merged', contactId: targetId };
      return this.merge(planned, targetId, contact);
    }
    const companyId = contact.kind === 'person' ? await this.companyFor(planned, decision, contact) : undefined;
    if (dry) return { mode, outcome: 'created' };
    const body = createBody(contact, companyId);
    const {
      contact: created,
      replayed,
      doc,
    } = await this.contacts.contacts.create(this.run.auth, planned.key, body as never);
    const ids = { contactId: created.id, contactNumber: created.contactNumber };
    // "Neu anlegen" for a row whose content an earlier row of this run stored: that contact it is.
    const earlierRow = [...this.state.rowContacts].some(([index, c]) => index !== planned.index && c.id === created.id);
    if (replayed && earlierRow) return { mode, outcome: 'skipped', ...ids };
    await this.optOuts(planned, created);
    // Opt-outs change no lookup key: the stored document is what the snapshot needs.
    this.snapshot?.put(doc);
    this.remember(planned, created.id, created.contactNumber);
    return { mode, outcome: 'created', ...ids };
  }

  /** The company of a person row: linked, or created (once per company key, under its own key). */
  private async companyFor(
    planned: PlannedRow,
    decision: RowDecision,
    contact: ImportedContact,
  ): Promise<string | undefined> {
    const link = decision.company;
    const key = planned.companyKey;
    if (!link || !key) return undefined;
    if (link.id) return link.id;
    const known = this.state.companies.get(key);
    if (known?.id) return known.id;
    if (this.run.mode === 'dryRun') {
      if (!known) this.state.companies.set(key, { row: planned.index, name: link.name });
      return undefined;
    }
    const domain = contact.emails.map((e) => emailDomain(e) ?? '').find((d) => d !== '' && !isFreeMailDomain(d));
    const body = {
      kind: 'company',
      name: link.name,
      relationships: contact.relationships,
      tags: this.run.defaults.tags,
      ...(contact.ownerId ? { ownerId: contact.ownerId } : {}),
      ...(domain ? { website: domain } : {}),
    };
    const companyKeyId = `import:company:${createHash('sha256').update(key).digest('hex')}`;
    let id: string;
    try {
      const stored = await this.contacts.contacts.create(this.run.auth, companyKeyId, body as never);
      id = stored.contact.id;
      this.snapshot?.put(stored.doc);
    } catch (err) {
      // Created under this key by an earlier import with other values for all rows: that one it is.
      const earlier =
        err instanceof HttpError && err.statusCode === 409
          ? await this.contacts.repo.findByIdempotencyKey(this.run.auth.tenantId, companyKeyId)
          : null;
      if (!earlier) throw err;
      id = String(earlier.mergedInto ?? earlier._id);
      await this.refresh(id);
    }
    this.state.companies.set(key, { id, name: link.name });
    return id;
  }

  /** Fills the empty fields of `targetId` from the row (nothing written when nothing is empty). */
  private async merge(planned: PlannedRow, targetId: string, contact: ImportedContact): Promise<ImportRowResult> {
    const { repo, writer } = this.contacts;
    const { auth, mode } = this.run;
    let target = await repo.findById(auth.tenantId, targetId);
    if (target?.mergedInto) target = await repo.findById(auth.tenantId, String(target.mergedInto));
    if (!target) return failed(mode, { code: 'mergeTargetGone', severity: 'error' });
    const id = String(target._id);
    const taken = await this.takenEmails(contact, id);
    const incoming = { ...contact, emails: contact.emails.filter((e) => !taken.has(e.toLowerCase())) };
    const before = target as unknown as ContactFields;
    let saved: Contact | undefined;
    if (fillEmpty(structuredClone(before), incoming).changed) {
      saved = await writer.update(auth, id, 'merge', 'retry', (fields) => fillEmpty(fields, incoming).fields);
    }
    if (planned.reading.optOuts.length > 0)
      saved = await this.optOuts(planned, saved ?? (await this.contacts.contacts.get(auth, id)));
    if (saved) await this.refresh(id);
    this.remember(planned, id, target.contactNumber);
    return { mode, outcome: 'merged', contactId: id, contactNumber: target.contactNumber };
  }

  /** Addresses of the row another live contact of its kind holds (they cannot be added). */
  private async takenEmails(contact: ImportedContact, selfId: string): Promise<Set<string>> {
    if (contact.emails.length === 0) return new Set();
    const keys = contact.emails.map((e) => e.toLowerCase());
    const holders = await this.contacts.repo.findAny(
      this.run.auth.tenantId,
      keys.map((key) => ({ emailKeys: key, kind: contact.kind, ...LIVE })),
      { limit: keys.length * 2 + 1 },
    );
    return new Set(holders.filter((doc) => String(doc._id) !== selfId).flatMap((doc) => doc.emailKeys));
  }

  /** Records the file's opt-outs (Verbotsvermerke) on the contact, once per import and row. */
  private async optOuts(planned: PlannedRow, contact: Contact): Promise<Contact> {
    let current = contact;
    const proof = `Import ${this.run.importId}, Zeile ${planned.row}`;
    for (const channel of planned.reading.optOuts as ConsentChannel[]) {
      const events = (current.consent.channels[channel] ?? []) as ConsentEvent[];
      if (events.some((event) => event.type === 'optOut' && event.proof === proof)) continue;
      current = await this.contacts.notes.addConsentEvent(this.run.auth, current.id, {
        channel,
        type: 'optOut',
        source: `Import: ${this.run.fileName}`.slice(0, 200),
        proof,
      });
    }
    return current;
  }
}
