import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { type Actor, type AuditAction, type AuditChange, auditChanges, type Contact } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import { notFound, problem } from '../../infra/http-error';
import { KeyedLock } from '../../infra/keyed-lock';
import { backoff } from '../../infra/write-races';
import { type AuditRepository, newAuditId, type PendingAudit } from '../audit/audit.repository';
import { assertStorable } from './contact-limits';
import type { ContactDoc } from './contacts.model';
import { type ContactFields, derive, fieldsOf, storedFieldsOf, toContact } from './contacts.mapper';
import { type ContactsRepository, DuplicateKeyError } from './contacts.repository';

// The one way contacts change: read, apply a pure change to the fields,
// recompute what is derived, write back only if nobody else wrote in
// between (version check), and record the change in the audit trail.
// Server-side appends (consent events, notes) retry a lost race themselves;
// user edits carry the version they started from and fail with 412 instead.

/** Attempts at a create whose contact number was taken. */
const MAX_RETRIES = 4;
/**
 * Attempts at a server-side change (append, archive, merge) that keeps losing races: every
 * acknowledged append must be stored, so it retries long enough for dozens of concurrent writers.
 */
const MAX_CHANGE_ATTEMPTS = 100;

/**
 * Issue 15: the only changes a contact restricted under Art. 18 DSGVO takes — the privacy
 * feature's own (lifting, legal hold, scheduling or finishing its erasure, an objection). Every
 * other write (PATCH, consent, notes, archive, merge, lead status) answers 409 `contactRestricted`.
 */
const RESTRICTED_CONTACT_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'restrict',
  'unrestrict',
  'legalHold',
  'legalHoldLift',
  'erasureScheduled',
  'erasure',
  'objection',
]);

/** 409 `contactRestricted` for a contact restricted under Art. 18 DSGVO (issue 15): no use but storage. */
export function assertNotRestricted(doc: object): void {
  if ((doc as { restriction?: unknown }).restriction) throw problem(409, 'conflict', 'contactRestricted');
}

export function actorOf(auth: AuthContext): Actor {
  return { id: auth.userId, name: auth.name ?? auth.email ?? auth.userId };
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Parses If-Match: `"3"`, `W/"3"`, `3` or `*`. */
export function parseIfMatch(header: string | undefined): number | '*' {
  if (header === undefined || header.trim() === '') {
    throw problem(428, 'preconditionRequired', 'ifMatchRequired');
  }
  if (header.trim() === '*') return '*';
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match?.[1]) throw problem(400, 'badRequest', 'ifMatchInvalid');
  return Number(match[1]);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(stableJson(body)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function pending(action: AuditAction, actor: Actor, changes: PendingAudit['changes'], at: string): PendingAudit {
  return { id: newAuditId(), action, at, actor, changes };
}

export type Change = (fields: ContactFields, doc: ContactDoc) => ContactFields | Promise<ContactFields>;

/** How an update is recorded, where not the default (a new entry id, the changed top-level fields). */
export interface AuditRecord {
  /** The entry's id. Derived from a request's Idempotency-Key, the entry is that request's record. */
  id?: string;
  /** Hash of the request body (`requestHash`), stored with the entry to recognise a repeat. */
  requestHash?: string;
  /** The changes to record, from the fields before and after the change. */
  changes?: (before: ContactFields, after: ContactFields) => AuditChange[];
}

/**
 * Told before every contact write, with the contact's id and the version about to be stored: the
 * Microsoft 365 mirror's write-ahead outbox (issue 13, features/mirror/README.md). A failure fails
 * the write, so no stored change can miss the outbox.
 */
export interface ContactOutbox {
  enqueue(tenantId: string, contactId: string, version: number): Promise<void>;
}

export class ContactWriter {
  /** Creates of one tenant draw and store their contact number one at a time (gap-free numbers). */
  private readonly numbering = new KeyedLock();
  /** Creates in progress by tenant and Idempotency-Key: racing retries wait for the first. */
  private readonly inflight = new Map<string, Promise<ContactDoc>>();
  private outbox: ContactOutbox | undefined;

  constructor(
    private readonly contacts: ContactsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Connects the outbox that hears of every write before it happens (the mirror is built after contacts). */
  attachOutbox(outbox: ContactOutbox): void {
    this.outbox = outbox;
  }

  async load(auth: AuthContext, id: string): Promise<ContactDoc> {
    const doc = await this.contacts.findById(auth.tenantId, id);
    if (!doc) throw notFound();
    return doc;
  }

  /**
   * Stores a new contact under its Idempotency-Key and gives it the tenant's next contact number.
   * Racing requests with the same key in this process wait for the first and are answered with
   * its contact (200), or 409 if their body differs. Numbers go only to stored contacts: within
   * a process a tenant's creates draw and store one at a time, and a draw whose contact is not
   * stored (its key won elsewhere) is given back unless another instance drew after it.
   */
  async insert(
    auth: AuthContext,
    idempotencyKey: string,
    hash: string,
    fields: ContactFields,
  ): Promise<{ contact: Contact; replayed: boolean }> {
    const flightKey = `${auth.tenantId}\n${idempotencyKey}`;
    const running = this.inflight.get(flightKey);
    if (running) {
      const winner = await running.catch(() => undefined);
      if (winner) return this.replay(winner, hash);
    }
    const attempt = this.insertNumbered(auth, idempotencyKey, hash, fields);
    const stored = attempt.then((r) => r.doc);
    this.inflight.set(flightKey, stored);
    void stored
      .catch(() => undefined)
      .finally(() => {
        if (this.inflight.get(flightKey) === stored) this.inflight.delete(flightKey);
      });
    const { doc, replayed } = await attempt;
    if (replayed) return this.replay(doc, hash);
    await this.flush(auth.tenantId, doc, true);
    return { contact: toContact(doc), replayed: false };
  }

  private async insertNumbered(
    auth: AuthContext,
    idempotencyKey: string,
    hash: string,
    fields: ContactFields,
  ): Promise<{ doc: ContactDoc; replayed: boolean }> {
    const now = new Date().toISOString();
    const actor = actorOf(auth);
    const base: ContactFields = {
      ...fields,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor,
      updatedBy: actor,
    };
    const { fields: derived, lookup } = derive(base);
    assertStorable(derived);
    // The id is drawn before the insert so the outbox can be told first.
    const _id = new Types.ObjectId();
    await this.outbox?.enqueue(auth.tenantId, _id.toHexString(), 1);

    return this.numbering.run(auth.tenantId, async () => {
      for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
        const seq = await this.contacts.nextContactNumber(auth.tenantId);
        const contactNumber = `C${String(seq).padStart(5, '0')}`;
        const pendingAudit = pending('create', actor, auditChanges(null, { ...derived, contactNumber }), now);
        try {
          const doc = await this.contacts.insert({
            _id,
            ...derived,
            tenantId: auth.tenantId,
            contactNumber,
            idempotencyKey,
            requestHash: hash,
            ...lookup,
            pendingAudit,
          } as Omit<ContactDoc, '_id'>);
          return { doc, replayed: false };
        } catch (err) {
          if (!(err instanceof DuplicateKeyError)) {
            // Not stored (e.g. the database went away): give the number back if it still can be.
            await this.contacts.giveBackContactNumber(auth.tenantId, seq).catch(() => undefined);
            throw err;
          }
          // Either a request with the same key won on another instance (answer with its
          // contact and give the number back), or the number was taken (the counter is behind
          // the stored numbers, e.g. after a restore): move it past this one and draw again.
          const winner = await this.contacts.findByIdempotencyKey(auth.tenantId, idempotencyKey);
          if (winner) {
            await this.contacts.giveBackContactNumber(auth.tenantId, seq);
            return { doc: winner, replayed: true };
          }
          await this.contacts.bumpContactNumber(auth.tenantId, seq);
        }
      }
      throw problem(503, 'serviceUnavailable', 'contactNumberBusy', {}, { retryAfterSeconds: 1 });
    });
  }

  /**
   * Copies the audit entry written with the contact's last change into the audit collection.
   * If the API stopped between the two writes, the next read of the history or the next change
   * of the contact does it. `fresh`: the change was written just now.
   */
  async flush(tenantId: string, doc: ContactDoc, fresh = false): Promise<void> {
    if (doc.pendingAudit) await this.audit.record(tenantId, String(doc._id), doc.pendingAudit, fresh);
  }

  replay(doc: ContactDoc, hash: string): { contact: Contact; replayed: boolean } {
    if (doc.requestHash !== hash) {
      throw problem(409, 'conflict', 'idempotencyConflict');
    }
    return { contact: toContact(doc), replayed: true };
  }

  async update(
    auth: AuthContext,
    id: string,
    action: AuditAction,
    expectedVersion: number | '*' | 'retry',
    change: Change,
    record: AuditRecord = {},
  ): Promise<Contact> {
    for (let attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const doc = await this.load(auth, id);
      await this.flush(auth.tenantId, doc);
      if (doc.mergedInto) {
        throw problem(409, 'conflict', 'mergedInto', { id: String(doc.mergedInto) });
      }
      if (!RESTRICTED_CONTACT_ACTIONS.has(action)) assertNotRestricted(doc);
      if (typeof expectedVersion === 'number' && doc.version !== expectedVersion) {
        throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected: expectedVersion });
      }
      const before = fieldsOf(doc);
      const changed = await change(structuredClone(before), doc);
      const actor = actorOf(auth);
      const now = new Date().toISOString();
      const { fields, lookup } = derive({
        ...changed,
        version: doc.version + 1,
        updatedAt: now,
        updatedBy: actor,
      });
      assertStorable(fields, String(doc._id));
      // Fields of the stored document the new version lacks, including those of an earlier shape.
      const stored = Object.keys(storedFieldsOf(doc));
      const unset = [...stored.filter((k) => !(k in fields)), ...('keys' in doc ? ['keys'] : [])];
      const pendingAudit = pending(action, actor, (record.changes ?? auditChanges)(before, fields), now);
      if (record.id) pendingAudit.id = record.id;
      if (record.requestHash) pendingAudit.requestHash = record.requestHash;
      const set = { ...fields, ...lookup, pendingAudit };
      await this.outbox?.enqueue(auth.tenantId, id, doc.version + 1);
      const written = await this.contacts.replaceIfVersion(auth.tenantId, id, doc.version, set, unset);
      if (written) {
        const saved = { _id: doc._id, ...fields, pendingAudit } as unknown as ContactDoc;
        await this.flush(auth.tenantId, saved, true);
        return toContact(saved);
      }
      // If-Match: * (RFC 9110 §13.1.1) asks only that the contact exists: a lost race is retried.
      if (typeof expectedVersion === 'number') {
        throw problem(412, 'preconditionFailed', 'changedMeanwhile');
      }
    }
    throw problem(409, 'conflict', 'busy', {}, { retryAfterSeconds: 1 });
  }
}
