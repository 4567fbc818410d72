import { randomBytes } from 'node:crypto';
import {
  CONTACT_PROPERTIES,
  type ContactFields,
  derivedDisplayName,
  type ExtendedProperty,
  emptyValue,
} from './contact-fields';
import { errors, GraphError } from './errors';

/** An Outlook contact as the fake stores it. */
export interface ContactRecord {
  immutableId: string;
  /** The "REST id" Graph hands out without `Prefer: IdType="ImmutableId"` (accepted as input too). */
  restId: string;
  folder: FolderRecord;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields: ContactFields;
  /** By normalised id. */
  extended: Map<string, ExtendedProperty>;
}

/** A contact folder with its change log for delta (one entry per create/update/delete, in order). */
export interface FolderRecord {
  immutableId: string;
  restId: string;
  displayName: string;
  isDefault: boolean;
  mailbox: Mailbox;
  contacts: Map<string, ContactRecord>;
  /** Deleted contacts: immutable id → REST id (delta reports them as removed). */
  removed: Map<string, string>;
  log: Array<{ seq: number; id: string }>;
}

export interface Mailbox {
  tenantId: string;
  smtp: string;
  accessDenied: boolean;
  folders: Map<string, FolderRecord>;
  defaultFolder: FolderRecord;
  /** Bumped by expireDeltaTokens: delta tokens of an older generation answer 410. */
  deltaGeneration: number;
}

export interface AppRegistration {
  clientId: string;
  clientSecret?: string;
  /** PEM public key or certificate for client_assertion (certificate credentials). */
  certificatePem?: string;
  consented: boolean;
}

export interface Tenant {
  id: string;
  apps: Map<string, AppRegistration>;
  mailboxes: Map<string, Mailbox>;
}

/** Graph's date format: ISO 8601 in UTC, whole seconds. */
export function graphDate(d = new Date()): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An Exchange-looking id: base64url of random bytes, ending in '=' (callers must URL-encode). */
function exchangeId(prefix: string): string {
  return `${prefix}${randomBytes(60).toString('base64url')}=`;
}

function changeKey(): string {
  return randomBytes(12).toString('base64');
}

/** All tenants, mailboxes, folders and contacts of the fake, and the global change sequence. */
export class Store {
  readonly tenants = new Map<string, Tenant>();
  private seq = 0;

  tenant(tenantId: string): Tenant {
    let t = this.tenants.get(tenantId.toLowerCase());
    if (!t) {
      t = { id: tenantId, apps: new Map(), mailboxes: new Map() };
      this.tenants.set(tenantId.toLowerCase(), t);
    }
    return t;
  }

  findTenant(tenantId: string): Tenant | undefined {
    return this.tenants.get(tenantId.toLowerCase());
  }

  addMailbox(tenantId: string, smtp: string, accessDenied = false): Mailbox {
    const tenant = this.tenant(tenantId);
    const key = smtp.toLowerCase();
    const existing = tenant.mailboxes.get(key);
    if (existing) {
      existing.accessDenied = accessDenied;
      return existing;
    }
    const mailbox = { tenantId, smtp, accessDenied, folders: new Map(), deltaGeneration: 0 } as unknown as Mailbox;
    mailbox.defaultFolder = this.newFolder(mailbox, 'Contacts', true);
    tenant.mailboxes.set(key, mailbox);
    return mailbox;
  }

  /** The mailbox or ErrorInvalidUser / ErrorAccessDenied, as Exchange answers app-only calls. */
  mailbox(tenantId: string, smtp: string): Mailbox {
    const m = this.findTenant(tenantId)?.mailboxes.get(smtp.toLowerCase());
    if (!m) throw errors.invalidUser(smtp);
    if (m.accessDenied) throw errors.accessDenied();
    return m;
  }

  private newFolder(mailbox: Mailbox, displayName: string, isDefault = false): FolderRecord {
    const folder: FolderRecord = {
      immutableId: exchangeId('AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A'),
      restId: exchangeId('AAMkAGI2TGuLAAA'),
      displayName,
      isDefault,
      mailbox,
      contacts: new Map(),
      removed: new Map(),
      log: [],
    };
    if (!isDefault) mailbox.folders.set(folder.immutableId, folder);
    return folder;
  }

  createFolder(mailbox: Mailbox, displayName: string): FolderRecord {
    if (!displayName.trim()) throw errors.badRequest('The displayName of a folder must not be empty.');
    for (const f of mailbox.folders.values())
      if (f.displayName.toLowerCase() === displayName.toLowerCase())
        throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    return this.newFolder(mailbox, displayName);
  }

  /** A folder by immutable or REST id (child folders of Contacts, or the default folder itself). */
  folder(mailbox: Mailbox, id: string): FolderRecord {
    const d = mailbox.defaultFolder;
    if (id === d.immutableId || id === d.restId || id.toLowerCase() === 'contacts') return d;
    const f = mailbox.folders.get(id) ?? [...mailbox.folders.values()].find((x) => x.restId === id);
    if (!f) throw errors.itemNotFound();
    return f;
  }

  folderByName(mailbox: Mailbox, name: string): FolderRecord {
    const f = [...mailbox.folders.values()].find((x) => x.displayName === name);
    if (!f) throw new Error(`fake Outlook: no folder '${name}' in ${mailbox.smtp}`);
    return f;
  }

  /** A contact by immutable or REST id, in one folder or anywhere in the mailbox. */
  contact(mailbox: Mailbox, id: string, folder?: FolderRecord): ContactRecord {
    const folders = folder ? [folder] : [mailbox.defaultFolder, ...mailbox.folders.values()];
    for (const f of folders) {
      const c = f.contacts.get(id) ?? [...f.contacts.values()].find((x) => x.restId === id);
      if (c) return c;
    }
    throw errors.itemNotFound();
  }

  private record(folder: FolderRecord, id: string): void {
    this.seq += 1;
    folder.log.push({ seq: this.seq, id });
  }

  /** The current position of the change sequence (a delta round ends here). */
  currentSeq(): number {
    return this.seq;
  }

  createContact(folder: FolderRecord, fields: ContactFields, extended: ExtendedProperty[] = []): ContactRecord {
    const now = graphDate();
    const f = { ...fields };
    if (!f.displayName) f.displayName = derivedDisplayName(f);
    const c: ContactRecord = {
      immutableId: exchangeId('AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AB'),
      restId: exchangeId('AAMkAGI2THVSAAA'),
      folder,
      changeKey: changeKey(),
      createdDateTime: now,
      lastModifiedDateTime: now,
      fields: f,
      extended: new Map(extended.map((p) => [p.id, p])),
    };
    folder.contacts.set(c.immutableId, c);
    this.record(folder, c.immutableId);
    return c;
  }

  updateContact(c: ContactRecord, fields: ContactFields, extended: ExtendedProperty[] = []): ContactRecord {
    Object.assign(c.fields, fields);
    for (const p of extended) c.extended.set(p.id, p);
    c.changeKey = changeKey();
    c.lastModifiedDateTime = graphDate();
    this.record(c.folder, c.immutableId);
    return c;
  }

  deleteContact(c: ContactRecord): void {
    c.folder.contacts.delete(c.immutableId);
    c.folder.removed.set(c.immutableId, c.restId);
    this.record(c.folder, c.immutableId);
  }
}

/** How a contact is rendered: which id form, which properties, which extended properties. */
export interface RenderOptions {
  immutable: boolean;
  select?: string[];
  /** Normalised extended property ids to include ($expand); undefined = the property is not expanded. */
  expandExtended?: string[];
}

/** The contact as Graph's JSON (`@odata.etag`, id, the properties; unset ones as null, [] or {}). */
export function renderContact(c: ContactRecord, o: RenderOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.etag': `W/"${c.changeKey}"`,
    id: o.immutable ? c.immutableId : c.restId,
  };
  const props = o.select ?? CONTACT_PROPERTIES;
  for (const p of props) {
    if (p === 'id') continue;
    else if (p === 'changeKey') out[p] = c.changeKey;
    else if (p === 'createdDateTime') out[p] = c.createdDateTime;
    else if (p === 'lastModifiedDateTime') out[p] = c.lastModifiedDateTime;
    else if (p === 'parentFolderId') out[p] = o.immutable ? c.folder.immutableId : c.folder.restId;
    else out[p] = structuredClone(c.fields[p] ?? emptyValue(p));
  }
  if (o.expandExtended) {
    const props = o.expandExtended.map((id) => c.extended.get(id)).filter((p) => p !== undefined);
    // Graph leaves the navigation property out when nothing matched the $expand filter.
    if (props.length) out.singleValueExtendedProperties = props.map((p) => ({ ...p }));
  }
  return out;
}
