import {
  type ArchiveRequest,
  CONSENT_CHANNELS,
  type Contact,
  type ContactCreate,
  type ContactPatch,
  type FieldError,
} from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { AuditRepository } from '../audit/audit.repository';
import { type ContactWriter, actorOf, requestHash } from './contact-writer';
import type { ContactFields } from './contacts.mapper';
import { toContact } from './contacts.mapper';
import type { ContactsRepository } from './contacts.repository';

// Creating, reading, editing and archiving contacts. Consent, notes, cards,
// duplicates and quality have services of their own.

const PERSON_ONLY = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'companyId',
  'position',
  'department',
  'roles',
  'emails',
  'mobile',
];
const COMPANY_ONLY = ['name', 'email', 'website', 'industry'];

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function fieldError(field: string, message: string): HttpError {
  return new HttpError(400, 'validationFailed', `${field}: ${message}`, { errors: [{ field, message }] });
}

/** One primary address when there are any: the first one unless the user chose. */
function normaliseEmails(emails: unknown): Array<{ address: string; primary: boolean }> {
  const list = (emails as Array<{ address: string; primary?: boolean }> | undefined) ?? [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((e, i) => {
    const lower = e.address.trim().toLowerCase();
    if (seen.has(lower)) errors.push({ field: `body.emails.${i}.address`, message: 'duplicate address' });
    seen.add(lower);
  });
  const primaries = list.filter((e) => e.primary).length;
  if (primaries > 1) errors.push({ field: 'body.emails', message: 'only one address can be primary' });
  if (errors.length > 0) throw new HttpError(400, 'validationFailed', errors[0]?.message ?? 'invalid', { errors });
  return list.map((e, i) => ({ address: e.address.trim(), primary: primaries === 0 ? i === 0 : Boolean(e.primary) }));
}

/** "Kunde seit" is set the day a contact becomes a customer, unless given. */
function applyCustomerSince(next: ContactFields, before: ContactFields | undefined): void {
  const rels = (next.relationships as string[] | undefined) ?? [];
  const wasCustomer = ((before?.relationships as string[] | undefined) ?? []).includes('customer');
  if (rels.includes('customer') && !wasCustomer && !next.customerSince) next.customerSince = today();
}

export class ContactsService {
  constructor(
    private readonly repo: ContactsRepository,
    private readonly writer: ContactWriter,
    private readonly audit: AuditRepository,
  ) {}

  private async assertCompany(auth: AuthContext, companyId: unknown): Promise<void> {
    if (companyId === undefined || companyId === null) return;
    const company = await this.repo.findById(auth.tenantId, String(companyId));
    if (company?.kind !== 'company') throw fieldError('body.companyId', 'no such company');
    if (company.mergedInto) throw fieldError('body.companyId', 'this company was merged into another one');
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
    if (fields.kind === 'person') {
      fields.salutation = fields.salutation ?? 'none';
      fields.roles = fields.roles ?? [];
      fields.emails = normaliseEmails(fields.emails);
      await this.assertCompany(auth, fields.companyId);
    }
    applyCustomerSince(fields, undefined);
    return this.writer.insert(auth, idempotencyKey, hash, fields);
  }

  async get(auth: AuthContext, id: string): Promise<Contact> {
    return toContact(await this.writer.load(auth, id));
  }

  async patch(auth: AuthContext, id: string, version: number | '*', patch: ContactPatch): Promise<Contact> {
    return this.writer.update(auth, id, 'update', version, async (fields) => {
      const misplaced = Object.keys(patch).filter((k) =>
        (fields.kind === 'person' ? COMPANY_ONLY : PERSON_ONLY).includes(k),
      );
      if (misplaced.length > 0) {
        throw new HttpError(400, 'validationFailed', `${misplaced.join(', ')} cannot be set on a ${fields.kind}`, {
          errors: misplaced.map((f) => ({ field: `body.${f}`, message: `not a field of a ${fields.kind}` })),
        });
      }
      const before = structuredClone(fields);
      for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
        if (key === 'legalBasis') {
          const consent = fields.consent as Record<string, unknown>;
          if (value === null) delete consent.legalBasis;
          else consent.legalBasis = value;
        } else if (key === 'notes') {
          (fields.notes as Record<string, unknown>).specifics = (value as { specifics: string }).specifics;
        } else if (key === 'lead' && value !== null) {
          // lastActivityAt is kept by the server; a lead edit never drops it.
          const last = (fields.lead as { lastActivityAt?: string } | undefined)?.lastActivityAt;
          fields.lead = { ...(value as object), ...(last ? { lastActivityAt: last } : {}) };
        } else if (value === null) {
          delete fields[key];
        } else {
          fields[key] = value;
        }
      }
      if ('emails' in patch) fields.emails = normaliseEmails(fields.emails);
      if ('companyId' in patch && patch.companyId !== before.companyId)
        await this.assertCompany(auth, fields.companyId);
      applyCustomerSince(fields, before);
      return fields;
    });
  }

  async archive(auth: AuthContext, id: string, body: ArchiveRequest): Promise<Contact> {
    return this.writer.update(auth, id, 'archive', 'retry', (fields) => {
      if (fields.archived) throw new HttpError(409, 'conflict', 'The contact is already archived');
      fields.archived = { at: new Date().toISOString(), reason: body.reason, by: actorOf(auth) };
      return fields;
    });
  }

  async unarchive(auth: AuthContext, id: string): Promise<Contact> {
    return this.writer.update(auth, id, 'unarchive', 'retry', (fields) => {
      if (!fields.archived) throw new HttpError(409, 'conflict', 'The contact is not archived');
      fields.archived = null;
      return fields;
    });
  }

  async history(auth: AuthContext, id: string) {
    await this.writer.load(auth, id);
    return { items: await this.audit.list(auth.tenantId, id) };
  }
}
