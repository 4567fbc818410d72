import {
  type ArchiveRequest,
  CONSENT_CHANNELS,
  type Contact,
  type ContactCreate,
  type ContactKind,
  type ContactPatch,
  contactInputProblems,
  customerSinceAfter,
  describeField,
  type EmailEntry,
  inapplicablePatchFields,
  normalizeEmail,
  kindsWithPatchField,
  PATCH_SHAPES,
  isOpenLeadStatus,
  type LeadState,
  leadStatusOf,
  newLeadData,
  REOPEN_STATUS,
  type Relationship,
  type Translate,
} from '@klarkonform/shared';
import { fieldProblems, problem } from '../../infra/http-error';
import { assertBodyShape } from '../../infra/validation';
import type { AuthContext } from '../../infra/token-verifier';
import type { AuditRepository } from '../audit/audit.repository';
import { type ContactWriter, actorOf, requestHash } from './contact-writer';
import type { ContactFields } from './contacts.mapper';
import { toContact } from './contacts.mapper';
import { type ContactsRepository, LIVE } from './contacts.repository';
import type { UsersRepository } from '../users/users.repository';
import { applyCompanyDefaults } from './create-defaults';
import { leadTransitionOf, patchedLead } from './lead-status.service';

// Creating, reading, editing and archiving contacts. Consent, notes, cards,
// duplicates and quality have services of their own.

/** Rules beyond the schema (one primary address, budget range); 400 before anything is written. */
function assertValidInput(fields: ContactFields): void {
  const problems = contactInputProblems(fields as Parameters<typeof contactInputProblems>[0]);
  if (problems.length === 0) return;
  throw fieldProblems(problems.map((p) => ({ field: `body.${p.field}`, key: `inputProblem.${p.code}` })));
}

/**
 * 400 unless every field of the patch is one of the stored contact's kind ("„Branche“ gibt es
 * nur bei Firmen.") and has that kind's shape; the route only knew "a field of some kind".
 */
function assertPatchFitsKind(kind: ContactKind, patch: ContactPatch): void {
  const misplaced = inapplicablePatchFields(kind, patch);
  if (misplaced.length > 0) {
    throw fieldProblems(
      misplaced.map((field) => {
        const owner = kindsWithPatchField(field)[0];
        return owner
          ? {
              field: `body.${field}`,
              key: 'serviceProblem.notAField',
              values: (t: Translate) => ({ label: describeField(field, t) ?? field, kinds: t(`kindPlural.${owner}`) }),
              named: true,
            }
          : { field: `body.${field}`, key: 'serviceProblem.unknownField', values: { name: field }, named: true };
      }),
    );
  }
  assertBodyShape(PATCH_SHAPES[kind], patch);
}

/** A single address is primary without saying so; with several the user picks. */
function withDefaultPrimary(emails: unknown): EmailEntry[] {
  const list = (emails as EmailEntry[] | undefined) ?? [];
  return list.length === 1 && list[0] ? [{ ...list[0], primary: true }] : list;
}

/** "Kunde seit" is set the day a contact becomes a customer, unless given. */
function applyCustomerSince(next: ContactFields, before: ContactFields | undefined): void {
  const since = customerSinceAfter(
    (before?.relationships as Relationship[] | undefined) ?? [],
    (next.relationships as Relationship[] | undefined) ?? [],
    next.customerSince as string | undefined,
    new Date(),
  );
  if (since) next.customerSince = since;
}

export class ContactsService {
  constructor(
    private readonly repo: ContactsRepository,
    private readonly writer: ContactWriter,
    private readonly audit: AuditRepository,
    private readonly users: UsersRepository,
  ) {}

  /**
   * 409 when an address of `emails` is already stored on another live contact of the same kind:
   * the sender card of an address shows one contact (a person's own address beats a company's
   * general one, so a person and their company may share info@), and two people with one address
   * would leave one of them unreachable from Outlook. Checked before the write; two creates racing
   * with one new address can both pass (the duplicate scan lists such pairs for a merge).
   */
  private async assertEmailsFree(
    auth: AuthContext,
    fields: ContactFields,
    self: { id?: string; idempotencyKey?: string },
  ): Promise<void> {
    const emails = (fields.emails as EmailEntry[] | undefined) ?? [];
    const keys = emails.map((entry) => normalizeEmail(entry.address) ?? entry.address.trim().toLowerCase());
    if (keys.length === 0) return;
    const holders = await this.repo.findAny(
      auth.tenantId,
      keys.map((key) => ({ emailKeys: key, kind: fields.kind, ...LIVE })),
      { limit: keys.length * 2 + 1 },
    );
    const problems = keys.flatMap((key, i) => {
      // The contact itself, or one a retry of this very create stored meanwhile (it is replayed), is no other.
      const other = holders.find(
        (doc) =>
          String(doc._id) !== self.id &&
          (self.idempotencyKey === undefined || doc.idempotencyKey !== self.idempotencyKey) &&
          doc.emailKeys.includes(key),
      );
      return other
        ? [
            {
              field: `body.emails.${i}.address`,
              key: 'serviceProblem.emailTaken' as const,
              values: { name: String(other.displayName), number: String(other.contactNumber) },
            },
          ]
        : [];
    });
    if (problems.length > 0) throw fieldProblems(problems, 409, 'conflict');
  }

  /** The owner must be a user the tenant has seen (users.repository.ts); 422-style field problem otherwise. */
  private async assertOwner(auth: AuthContext, ownerId: unknown): Promise<void> {
    if (ownerId === undefined || ownerId === auth.userId) return;
    if (!(await this.users.find(auth.tenantId, String(ownerId)))) {
      throw fieldProblems([{ field: 'body.ownerId', key: 'serviceProblem.noSuchUser' }]);
    }
  }

  /** The company `companyId` names (undefined for none); 400 when there is no such company. */
  private async assertCompany(auth: AuthContext, companyId: unknown): Promise<ContactFields | undefined> {
    if (companyId === undefined || companyId === null) return undefined;
    const company = await this.repo.findById(auth.tenantId, String(companyId));
    if (company?.kind !== 'company')
      throw fieldProblems([{ field: 'body.companyId', key: 'serviceProblem.noSuchCompany' }]);
    if (company.mergedInto)
      throw fieldProblems([
        { field: 'body.companyId', key: 'serviceProblem.mergedInto', values: { id: String(company.mergedInto) } },
      ]);
    return company as unknown as ContactFields;
  }

  async create(auth: AuthContext, idempotencyKey: string, body: ContactCreate) {
    const hash = requestHash(body);
    const existing = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
    if (existing) return this.writer.replay(existing, hash);

    const { legalBasis, notes, ...rest } = body as ContactCreate & Record<string, unknown>;
    const fields: ContactFields = {
      ...(rest as ContactFields),
      relationships: body.relationships ?? [],
      tags: body.tags ?? [],
      consent: {
        ...(legalBasis ? { legalBasis } : {}),
        channels: Object.fromEntries(CONSENT_CHANNELS.map((c) => [c, []])),
      },
      notes: { specifics: notes?.specifics ?? '', history: [], openItems: [], free: [] },
      archived: null,
    };
    fields.emails = withDefaultPrimary(fields.emails);
    fields.businessPhones = fields.businessPhones ?? [];
    fields.homePhones = fields.homePhones ?? [];
    // The creating user looks after a new contact unless someone else is named.
    fields.ownerId = fields.ownerId ?? auth.userId;
    await this.assertOwner(auth, fields.ownerId);
    await this.assertEmailsFree(auth, fields, { idempotencyKey });
    if (fields.kind === 'person') {
      fields.salutation = fields.salutation ?? 'none';
      fields.roles = fields.roles ?? [];
      const company = await this.assertCompany(auth, fields.companyId);
      if (company) applyCompanyDefaults(fields, body.relationships, company);
    }
    const lead = newLeadData(fields.relationships as Relationship[], fields.lead as LeadState['lead'], new Date());
    if (lead) fields.lead = lead;
    assertValidInput(fields);
    applyCustomerSince(fields, undefined);
    return this.writer.insert(auth, idempotencyKey, hash, fields);
  }

  async get(auth: AuthContext, id: string): Promise<Contact> {
    return toContact(await this.writer.load(auth, id));
  }

  async patch(auth: AuthContext, id: string, version: number | '*', patch: ContactPatch): Promise<Contact> {
    return this.writer.update(auth, id, 'update', version, async (fields) => {
      assertPatchFitsKind(fields.kind as ContactKind, patch);
      const before = structuredClone(fields);
      for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
        if (key === 'legalBasis') {
          const consent = fields.consent as Record<string, unknown>;
          if (value === null) delete consent.legalBasis;
          else consent.legalBasis = value;
        } else if (key === 'notes') {
          (fields.notes as Record<string, unknown>).specifics = (value as { specifics: string }).specifics;
        } else if (key === 'lead' && value !== null) {
          fields.lead = patchedLead(id, before as ContactFields & LeadState, value as LeadState['lead']);
        } else if (value === null) {
          delete fields[key];
        } else {
          fields[key] = value;
        }
      }
      if ('emails' in patch) fields.emails = withDefaultPrimary(fields.emails);
      assertValidInput(fields);
      if ('companyId' in patch && patch.companyId !== before.companyId)
        await this.assertCompany(auth, fields.companyId);
      if ('ownerId' in patch && patch.ownerId !== before.ownerId) await this.assertOwner(auth, fields.ownerId);
      if ('emails' in patch) await this.assertEmailsFree(auth, fields, { id });
      applyCustomerSince(fields, before);
      return fields;
    });
  }

  /** Archives the contact; an open lead is archived as its lead status change (status "archived"). */
  async archive(auth: AuthContext, id: string, body: ArchiveRequest): Promise<Contact> {
    return this.writer.update(auth, id, 'archive', 'retry', (fields) => {
      if (fields.archived) throw problem(409, 'conflict', 'alreadyArchived');
      if (isOpenLeadStatus(leadStatusOf(fields as ContactFields & LeadState))) {
        return leadTransitionOf(auth, fields, { status: 'archived', reason: body.reason });
      }
      fields.archived = { at: new Date().toISOString(), reason: body.reason, by: actorOf(auth) };
      return fields;
    });
  }

  /** Restores the contact; a lost or archived lead comes back as status "new" (a reopen). */
  async unarchive(auth: AuthContext, id: string): Promise<Contact> {
    return this.writer.update(auth, id, 'unarchive', 'retry', (fields) => {
      if (!fields.archived) throw problem(409, 'conflict', 'notArchived');
      const status = (fields.lead as LeadState['lead'])?.status;
      if (status === 'lost' || status === 'archived') return leadTransitionOf(auth, fields, { status: REOPEN_STATUS });
      fields.archived = null;
      return fields;
    });
  }

  async history(auth: AuthContext, id: string) {
    await this.writer.flush(auth.tenantId, await this.writer.load(auth, id));
    return { items: await this.audit.list(auth.tenantId, id) };
  }
}
