import { createHash } from 'node:crypto';
import {
  type ContactCreate,
  type ContactPatch,
  type EmailEntry,
  normalizeEmail,
  PATCH_SHAPES,
  permissionsFor,
} from '@klarkonform/shared';
import { assertBodyShape } from '../../infra/validation';
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

/**
 * True for a contact that lives: not archived, not merged away, and not restricted under Art. 18
 * DSGVO (issue 15: a restricted contact is treated like an archived one — its Outlook copy goes).
 */
export const isLive = (doc: ContactDoc | null | undefined): doc is ContactDoc =>
  !!doc && !doc.archived && !doc.mergedInto && !doc.restriction;

/** The Graph fields each CRM field carries (a person's `companyId` travels as its company's name). */
const GRAPH_KEYS_OF: Record<string, GraphFieldKey[]> = {
  title: ['title'],
  firstName: ['givenName'],
  lastName: ['surname'],
  name: ['companyName'],
  companyId: ['companyName'],
  emails: ['emails'],
  businessPhones: ['businessPhones'],
  mobilePhone: ['mobilePhone'],
  homePhones: ['homePhones'],
  position: ['jobTitle'],
  department: ['department'],
  address: ['street', 'postalCode', 'city', 'country'],
  website: ['website'],
};

const REFUSED = 'a value the CRM cannot store (empty, too long or invalid)';
const HELD = 'belongs to another contact';

/** True when `value` passes the API's own PATCH shape of `field` for `kind` (limits, text rules). */
function fitsField(kind: 'company' | 'person', field: string, value: unknown): boolean {
  try {
    assertBodyShape(PATCH_SHAPES[kind], { [field]: value });
    return true;
  } catch {
    return false;
  }
}

/** What a pull did to a contact: the Graph keys taken, and why others were not (empty: all taken). */
export interface PulledChange {
  taken: GraphFieldKey[];
  refusals: string[];
}

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
    yield* this.contacts.repo.scanIds(tenantId, 'active');
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
   * changed), through the same rules the API applies to a user's PATCH: the contact input
   * schema's limits and text rules (`PATCH_SHAPES`), one entry per address (without case, the
   * first kept) with the first as primary, no address of another live contact of the kind (such
   * an address is dropped from the pulled list; when none stays the CRM keeps its list), and
   * finally `ContactsService.patch` itself. A value that cannot be held is not taken: the CRM
   * keeps its value (the caller has the push write it back) and `refusals` say which and why.
   * A person's changed company name relinks the person to the live company of that name, if
   * there is one; otherwise the link stays (and the push writes the CRM's name back).
   */
  async applyFromOutlook(
    tenantId: string,
    id: string,
    outlook: GraphFields,
    keys: readonly GraphFieldKey[],
  ): Promise<PulledChange> {
    const none: PulledChange = { taken: [], refusals: [] };
    const doc = await this.find(tenantId, id);
    if (!isLive(doc) || keys.length === 0) return none;
    const before = fieldsOf(doc) as ContactFields;
    const preview = applyOutlookChanges(before, outlook, keys);
    const refusals: string[] = preview.refused.map((key) => `${key}: ${REFUSED}`);
    const next = preview.fields;
    if (preview.applied.includes('emails')) {
      const entries = (next.emails as EmailEntry[] | undefined) ?? [];
      const held = await this.heldByOthers(
        tenantId,
        doc,
        entries.map((e) => e.address),
      );
      if (held.length > 0) {
        const free = entries.filter((e) => !held.includes(e.address));
        refusals.push(`emails: ${held.join(', ')} ${HELD}`);
        next.emails = free.length > 0 ? free.map((e, i) => ({ address: e.address, primary: i === 0 })) : before.emails;
      }
    }
    const companyId =
      preview.companyName === undefined ? undefined : await this.companyNamed(tenantId, preview.companyName);
    const relink = preview.companyName !== undefined && (preview.companyName === null || companyId !== undefined);
    const patch: Record<string, unknown> = {};
    for (const field of Object.keys(GRAPH_KEYS_OF)) {
      if (field === 'companyId' || JSON.stringify(before[field]) === JSON.stringify(next[field])) continue;
      const value = next[field] ?? null;
      if (fitsField(doc.kind, field, value)) patch[field] = value;
      else refusals.push(`${GRAPH_KEYS_OF[field]?.join(', ')}: ${REFUSED}`);
    }
    if (relink && (companyId ?? null) !== (before.companyId ?? null)) patch.companyId = companyId ?? null;
    if (Object.keys(patch).length === 0) return { taken: [], refusals };
    try {
      await this.contacts.contacts.patch(mirrorAuth(tenantId), id, '*', patch as ContactPatch);
    } catch (err) {
      if (!(err instanceof HttpError) || err.statusCode >= 500) throw err;
      // A rule beyond the per-field checks (or a race with another address's owner): nothing taken.
      return { taken: [], refusals: [...refusals, `${Object.keys(patch).join(', ')}: ${err.message}`] };
    }
    const written = new Set(Object.keys(patch).flatMap((field) => GRAPH_KEYS_OF[field] ?? []));
    return { taken: keys.filter((k) => written.has(k)), refusals };
  }

  /** The addresses of `addresses` another live contact of `doc`'s kind holds (the API's 409 emailTaken rule). */
  private async heldByOthers(tenantId: string, doc: ContactDoc, addresses: readonly string[]): Promise<string[]> {
    const keyOf = (address: string) => normalizeEmail(address) ?? address.trim().toLowerCase();
    if (addresses.length === 0) return [];
    const others = await this.contacts.repo.findAny(
      tenantId,
      addresses.map((address) => ({ emailKeys: keyOf(address), kind: doc.kind, ...LIVE })),
      { limit: addresses.length * 2 + 1 },
    );
    return addresses.filter((address) =>
      others.some((other) => String(other._id) !== String(doc._id) && other.emailKeys.includes(keyOf(address))),
    );
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
    // The create route's schema is not on this path: each field passes the API's own field shape
    // or is left out (a required one that does not fit makes the create fail below).
    const kind = fields.kind === 'company' ? 'company' : 'person';
    fields = Object.fromEntries(
      Object.entries(fields).filter(([field, value]) => field === 'kind' || fitsField(kind, field, value)),
    );
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
