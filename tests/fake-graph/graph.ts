import { setTimeout as sleep } from 'node:timers/promises';
import { parseContactBody } from './contact-fields';
import { DEFAULT_DELTA_PAGE_SIZE, DeltaService, MAX_DELTA_PAGE_SIZE } from './delta';
import { errors, GraphError } from './errors';
import type { Governor } from './limits';
import {
  parseContactFilter,
  parseContactSelect,
  parseExtendedExpand,
  parseFolderFilter,
  parseSkip,
  parseTop,
} from './odata';
import { type FolderRecord, type Mailbox, renderContact, type Store } from './store';

/** One Graph call, from a top-level request or a `$batch` item, already authenticated. */
export interface GraphCall {
  tenantId: string;
  clientId: string;
  method: string;
  /** Path after `/v1.0`, e.g. `/users/a%40b.de/contactFolders`, still URL-encoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
  /** When the HTTP request carrying the call arrived (ms; a batch's items share their envelope's). */
  sentAt?: number;
}

export interface GraphResult {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** A batch's item errors (its 429s start their Retry-After when the batch is answered). */
  refusals?: unknown[];
}

/** Counters the Graph side keeps (see FakeMicrosoft.stats). */
export interface GraphCounters {
  calls: number;
  missingImmutableIdPrefer: number;
  contactCreates: number;
  contactUpdates: number;
  contactDeletes: number;
  contactReads: number;
  folderCreates: number;
}

const IMMUTABLE = /IdType\s*=\s*"?ImmutableId"?/i;

/** Graph v1.0 contacts and contact folders of user mailboxes (learn.microsoft.com/graph/api/resources/contact). */
export class GraphService {
  readonly delta: DeltaService;
  readonly counters: GraphCounters = {
    calls: 0,
    missingImmutableIdPrefer: 0,
    contactCreates: 0,
    contactUpdates: 0,
    contactDeletes: 0,
    contactReads: 0,
    folderCreates: 0,
  };

  constructor(
    private readonly store: Store,
    private readonly governor: Governor,
    private readonly baseUrl: () => string,
  ) {
    this.delta = new DeltaService(store);
  }

  /** Executes one call: mailbox checks, throttling per app+mailbox, latency, then the operation. */
  async execute(call: GraphCall): Promise<GraphResult> {
    this.counters.calls += 1;
    const immutable = IMMUTABLE.test(call.headers.prefer ?? '');
    if (!immutable) this.counters.missingImmutableIdPrefer += 1;
    try {
      const segs = call.path.split('/').filter(Boolean).map(decodeURIComponent);
      if (segs[0]?.toLowerCase() !== 'users' || !segs[1])
        throw errors.badRequest(`Resource not found for the segment '${segs[0] ?? ''}'.`);
      const mailbox = this.store.mailbox(call.tenantId, segs[1]);
      const admitted = this.governor.admit(
        `${call.clientId}|${call.tenantId.toLowerCase()}|${mailbox.smtp.toLowerCase()}`,
        Date.now(),
        call.sentAt,
      );
      if (admitted instanceof GraphError) throw admitted;
      try {
        if (this.governor.limits.latencyMs > 0) await sleep(this.governor.limits.latencyMs);
        const r = this.route(call, mailbox, segs.slice(2), immutable);
        if (immutable) r.headers['Preference-Applied'] = 'IdType="ImmutableId"';
        return r;
      } finally {
        admitted.release();
      }
    } catch (err) {
      if (err instanceof GraphError) return { status: err.status, headers: { ...err.headers }, body: err };
      throw err;
    }
  }

  private route(call: GraphCall, mailbox: Mailbox, rest: string[], immutable: boolean): GraphResult {
    const m = call.method.toUpperCase();
    const [a, b, c, d, e] = rest.map((s) => s.toLowerCase());
    const userUrl = `${this.baseUrl()}/v1.0/users/${encodeURIComponent(mailbox.smtp)}`;
    if (a === 'contactfolders' && rest.length === 1) {
      if (m === 'GET') return this.listFolders(call, mailbox, immutable, userUrl);
      if (m === 'POST') return this.createFolder(call, mailbox, immutable);
    }
    if (a === 'contactfolders' && rest.length >= 2) {
      const folder = this.store.folder(mailbox, rest[1]!);
      const folderUrl = `${userUrl}/contactFolders/${encodeURIComponent(folder.immutableId)}`;
      if (rest.length === 2) {
        if (m === 'GET') return ok(200, folderJson(folder, immutable));
        if (m === 'DELETE' && !folder.isDefault) {
          mailbox.folders.delete(folder.immutableId);
          return { status: 204, headers: {} };
        }
      }
      if (c === 'contacts' && rest.length === 3) {
        if (m === 'GET') return this.listContacts(call, folder, immutable, `${folderUrl}/contacts`);
        if (m === 'POST') return this.createContact(call, folder, immutable);
      }
      if (c === 'contacts' && d === 'delta' && rest.length === 4 && m === 'GET')
        return this.deltaPage(call, folder, immutable, folderUrl);
      if (c === 'contacts' && rest.length === 4) return this.item(call, mailbox, rest[3]!, folder, immutable);
    }
    if (a === 'contacts' && rest.length === 1) {
      const folder = mailbox.defaultFolder;
      if (m === 'GET') return this.listContacts(call, folder, immutable, `${userUrl}/contacts`);
      if (m === 'POST') return this.createContact(call, folder, immutable);
    }
    if (a === 'contacts' && rest.length === 2) return this.item(call, mailbox, rest[1]!, undefined, immutable);
    void b;
    void e;
    throw errors.badRequest(`Resource not found for the segment '${rest.at(-1) ?? ''}'.`);
  }

  private listFolders(call: GraphCall, mailbox: Mailbox, immutable: boolean, userUrl: string): GraphResult {
    const match = parseFolderFilter(call.query.get('$filter'));
    const all = [...mailbox.folders.values()].filter((f) => !match || match(f.displayName));
    return ok(
      200,
      page(all, call.query, `${userUrl}/contactFolders`, (f) => folderJson(f, immutable)),
    );
  }

  private createFolder(call: GraphCall, mailbox: Mailbox, immutable: boolean): GraphResult {
    const body = call.body as { displayName?: unknown } | undefined;
    if (!body || typeof body.displayName !== 'string') throw errors.badRequest('A displayName is required.');
    const folder = this.store.createFolder(mailbox, body.displayName);
    this.counters.folderCreates += 1;
    return ok(201, folderJson(folder, immutable));
  }

  private listContacts(call: GraphCall, folder: FolderRecord, immutable: boolean, url: string): GraphResult {
    const filter = parseContactFilter(call.query.get('$filter'));
    const select = parseContactSelect(call.query.get('$select'));
    const expandExtended = parseExtendedExpand(call.query.get('$expand'));
    const all = [...folder.contacts.values()].filter((c) => !filter || filter(c));
    this.counters.contactReads += 1;
    return ok(
      200,
      page(all, call.query, url, (c) => renderContact(c, { immutable, select, expandExtended })),
    );
  }

  private createContact(call: GraphCall, folder: FolderRecord, immutable: boolean): GraphResult {
    const { fields, extended } = parseContactBody(call.body);
    const c = this.store.createContact(folder, fields, extended);
    this.counters.contactCreates += 1;
    return ok(201, renderContact(c, { immutable, expandExtended: extended?.map((p) => p.id) }));
  }

  private item(call: GraphCall, mailbox: Mailbox, id: string, folder: FolderRecord | undefined, immutable: boolean) {
    const c = this.store.contact(mailbox, id, folder);
    const m = call.method.toUpperCase();
    if (m === 'GET') {
      const select = parseContactSelect(call.query.get('$select'));
      const expandExtended = parseExtendedExpand(call.query.get('$expand'));
      this.counters.contactReads += 1;
      return ok(200, renderContact(c, { immutable, select, expandExtended }));
    }
    if (m === 'PATCH') {
      const { fields, extended } = parseContactBody(call.body);
      this.store.updateContact(c, fields, extended);
      this.counters.contactUpdates += 1;
      return ok(200, renderContact(c, { immutable, expandExtended: extended?.map((p) => p.id) }));
    }
    if (m === 'DELETE') {
      this.store.deleteContact(c);
      this.counters.contactDeletes += 1;
      return { status: 204, headers: {} };
    }
    throw new GraphError(405, 'ErrorInvalidRequest', 'The OData request is not supported.');
  }

  private deltaPage(call: GraphCall, folder: FolderRecord, immutable: boolean, folderUrl: string): GraphResult {
    const prefer = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(call.headers.prefer ?? '');
    const size = prefer ? Math.min(Math.max(1, Number(prefer[1])), MAX_DELTA_PAGE_SIZE) : DEFAULT_DELTA_PAGE_SIZE;
    const body = this.delta.page(
      folder,
      {
        skiptoken: call.query.get('$skiptoken'),
        deltatoken: call.query.get('$deltatoken'),
        select: parseContactSelect(call.query.get('$select')),
      },
      size,
      immutable,
      folderUrl,
    );
    const r = ok(200, body);
    if (prefer) r.headers['Preference-Applied'] = `odata.maxpagesize=${size}`;
    return r;
  }
}

function ok(status: number, body: unknown): GraphResult {
  return { status, headers: {}, body };
}

function folderJson(f: FolderRecord, immutable: boolean): Record<string, unknown> {
  const parent = f.mailbox.defaultFolder;
  return {
    id: immutable ? f.immutableId : f.restId,
    displayName: f.displayName,
    parentFolderId: immutable ? parent.immutableId : parent.restId,
  };
}

/** One page of a collection by `$top`/`$skip`, with an absolute `@odata.nextLink` keeping the other options. */
function page<T>(all: T[], query: URLSearchParams, url: string, render: (x: T) => unknown): Record<string, unknown> {
  const top = parseTop(query.get('$top'));
  const skip = parseSkip(query.get('$skip'));
  const out: Record<string, unknown> = { value: all.slice(skip, skip + top).map(render) };
  if (skip + top < all.length) {
    const next = new URLSearchParams(query);
    next.set('$top', String(top));
    next.set('$skip', String(skip + top));
    out['@odata.nextLink'] = `${url}?${next.toString().replace(/%24/g, '$')}`;
  }
  return out;
}
