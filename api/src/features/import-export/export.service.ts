import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ContactListQuery, ExportList, ExportRecord, ExportRequest, ExportSubject } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import { type AuditRepository, newAuditId } from '../audit/audit.repository';
import { actorOf } from '../contacts/contact-writer';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { ContactDoc } from '../contacts/contacts.model';
import { toContact } from '../contacts/contacts.mapper';
import { bySortName, type ContactFilter } from '../contacts/contacts.repository';
import { findPage, withOwner } from '../contacts/contacts.search';
import { LIST_BUCKETS } from '../contacts/lookup-keys.rules';
import type { UsersRepository } from '../users/users.repository';
import { csvWriter, type ExportWriter, vcardWriter, xlsxWriter } from './export-writers';

// Exports of contacts: a selection by id, a filter or search of the contact list (the same
// query and the same pages as GET /contacts), or every active contact. Contacts are read a page at
// a time and written into a temporary file as they come (never all of them in memory), so that
// the answer can say how many it holds; the file is removed once sent. Each export is audited:
// who, when, which filter, how many (the trail's subject EXPORTS_AUDIT_SUBJECT).

/** The key under which export entries are kept in the audit trail (its `contactId`). */
export const EXPORTS_AUDIT_SUBJECT = 'contact-exports';
const PAGE = 200;
const RECENT_EXPORTS = 50;

/** A finished export: the file to send (removed when `cleanup` runs), its type, name and count. */
export interface ExportFile {
  stream: Readable;
  contentType: string;
  fileName: string;
  count: number;
  bytes: number;
  cleanup: () => Promise<void>;
}

export class ExportService {
  constructor(
    private readonly contacts: ContactsFeature,
    private readonly audit: AuditRepository,
    private readonly users: UsersRepository,
  ) {}

  /** The contacts of the request, a page at a time. */
  private async *pages(auth: AuthContext, request: ExportRequest): AsyncGenerator<ContactDoc[]> {
    const { repo } = this.contacts;
    if (request.ids) {
      for (let i = 0; i < request.ids.length; i += PAGE) {
        const docs = await repo.findByIds(auth.tenantId, request.ids.slice(i, i + PAGE));
        const live = docs.filter((doc) => !doc.mergedInto);
        if (live.length > 0) yield live;
      }
      return;
    }
    const { format: _f, vcardVersion: _v, ids: _i, ...filters } = request;
    const query = withOwner({ ...filters, limit: PAGE } as ContactListQuery, auth);
    if (query.q) {
      // A search: its ranked pages, as the list shows them.
      let cursor: string | undefined;
      do {
        const page = await findPage(repo, auth.tenantId, { ...query, ...(cursor ? { cursor } : {}) });
        const live = page.docs.filter((doc) => !doc.mergedInto);
        if (live.length > 0) yield live;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return;
    }
    // A filter or everything: the list buckets one after another, each read once (QUERY-RULES.md R24),
    // the other conditions narrowing what a bucket's key found.
    const conditions: ContactFilter = {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.tag ? { tags: query.tag } : {}),
      ...(query.role ? { roles: query.role } : {}),
      ...(query.leadStatus ? { leadStatus: query.leadStatus } : {}),
      mergedInto: { $exists: false },
    };
    const state = query.archived ? 'archived' : 'active';
    for (const bucket of LIST_BUCKETS) {
      const docs = await repo.findInBucket(auth.tenantId, state, bucket, conditions, query.relationship, query.owner);
      for (let i = 0; i < docs.length; i += PAGE) yield docs.sort(bySortName).slice(i, i + PAGE);
    }
  }

  async export(auth: AuthContext, request: ExportRequest): Promise<ExportFile> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kk-export-'));
    const cleanup = () => rm(dir, { recursive: true, force: true });
    try {
      const now = new Date();
      const file = path.join(dir, 'export');
      const out = createWriteStream(file);
      const failed = new Promise<never>((_, reject) => out.once('error', reject));
      const writer: ExportWriter =
        request.format === 'csv'
          ? csvWriter(out, now)
          : request.format === 'xlsx'
            ? xlsxWriter(out, now)
            : vcardWriter(out, request.vcardVersion ?? '3.0');
      const owners = new Map((await this.users.list(auth.tenantId)).map((u) => [u.id, u.name]));
      // Company names as the people need them, each looked up once (parallel lookups by id).
      const companies = new Map<string, string>();
      let count = 0;
      const work = (async () => {
        for await (const docs of this.pages(auth, request)) {
          for (const doc of docs) if (doc.kind === 'company') companies.set(String(doc._id), String(doc.name));
          const missing = docs
            .map((d) => d.companyId)
            .filter((id): id is string => typeof id === 'string' && !companies.has(id));
          for (const company of await this.contacts.repo.findByIds(auth.tenantId, missing)) {
            companies.set(String(company._id), String(company.name));
          }
          const batch: ExportSubject[] = docs.map((doc) => ({
            contact: toContact(doc),
            companyName: doc.companyId ? companies.get(doc.companyId) : undefined,
            ownerName: typeof doc.ownerId === 'string' ? owners.get(doc.ownerId) : undefined,
          }));
          await writer.write(batch);
          count += batch.length;
        }
        await writer.end();
        if (!out.writableFinished) await once(out, 'finish');
      })();
      await Promise.race([work, failed]);
      await this.record(auth, request, count, now);
      const day = now.toISOString().slice(0, 10);
      return {
        stream: createReadStream(file),
        contentType: writer.contentType,
        fileName: `kontakte-${day}.${writer.extension}`,
        count,
        bytes: (await stat(file)).size,
        cleanup,
      };
    } catch (err) {
      await cleanup();
      throw err;
    }
  }

  /** The audit entry of an export: the filter as sent (a selection as its size) and how many contacts. */
  private async record(auth: AuthContext, request: ExportRequest, count: number, at: Date): Promise<void> {
    const { format, ids, ...rest } = request;
    const filter = ids ? { ids: ids.length } : rest;
    await this.audit.record(
      auth.tenantId,
      EXPORTS_AUDIT_SUBJECT,
      {
        id: newAuditId(),
        action: 'export',
        at: at.toISOString(),
        actor: actorOf(auth),
        changes: [
          { field: 'format', after: format },
          { field: 'filter', after: filter },
          { field: 'count', after: count },
        ],
        entity: 'export',
      },
      true,
    );
  }

  async recent(auth: AuthContext): Promise<ExportList> {
    const entries = await this.audit.list(auth.tenantId, EXPORTS_AUDIT_SUBJECT, RECENT_EXPORTS);
    return {
      items: entries.map((entry): ExportRecord => {
        const value = (field: string) => entry.changes.find((c) => c.field === field)?.after;
        return {
          id: entry.id,
          at: entry.at,
          actor: entry.actor,
          format: value('format') as ExportRecord['format'],
          filter: (value('filter') as Record<string, unknown>) ?? {},
          count: Number(value('count') ?? 0),
        };
      }),
    };
  }
}
