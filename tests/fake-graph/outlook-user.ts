import { parseContactBody } from './contact-fields';
import { renderContact, type Store } from './store';

/** An Outlook contact as the human sees it: every property, immutable ids, all extended properties. */
export type OutlookContact = Record<string, unknown> & {
  id: string;
  changeKey: string;
  lastModifiedDateTime: string;
  displayName: string | null;
  emailAddresses: Array<{ name?: string; address?: string }>;
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
};

/**
 * The person working in Outlook on one mailbox: reads and edits contacts in a folder by the folder's
 * display name. Every change goes into the folder's change log (delta sees it) with a new changeKey
 * and lastModifiedDateTime, exactly like a change made through Graph. Fields use Graph's names;
 * bad fields throw like Graph's 400.
 */
export interface FakeOutlookUser {
  folders(): Array<{ id: string; displayName: string }>;
  createFolder(displayName: string): { id: string; displayName: string };
  contacts(folderName: string): OutlookContact[];
  get(folderName: string, id: string): OutlookContact | undefined;
  create(folderName: string, fields: Record<string, unknown>): OutlookContact;
  update(folderName: string, id: string, patch: Record<string, unknown>): OutlookContact;
  delete(folderName: string, id: string): void;
}

export function outlookUser(store: Store, tenantId: string, smtp: string): FakeOutlookUser {
  const mailbox = () => {
    const m = store.findTenant(tenantId)?.mailboxes.get(smtp.toLowerCase());
    if (!m) throw new Error(`fake Outlook: no mailbox ${smtp} in tenant ${tenantId}`);
    return m;
  };
  const folder = (name: string) => store.folderByName(mailbox(), name);
  const show = (c: Parameters<typeof renderContact>[0]) =>
    renderContact(c, { immutable: true, expandExtended: [...c.extended.keys()] }) as OutlookContact;
  return {
    folders: () => [...mailbox().folders.values()].map((f) => ({ id: f.immutableId, displayName: f.displayName })),
    createFolder: (displayName) => {
      const f = store.createFolder(mailbox(), displayName);
      return { id: f.immutableId, displayName: f.displayName };
    },
    contacts: (name) => [...folder(name).contacts.values()].map(show),
    get: (name, id) => {
      const c = folder(name).contacts.get(id);
      return c ? show(c) : undefined;
    },
    create: (name, fields) => {
      const { fields: f, extended } = parseContactBody(fields);
      return show(store.createContact(folder(name), f, extended));
    },
    update: (name, id, patch) => {
      const c = folder(name).contacts.get(id);
      if (!c) throw new Error(`fake Outlook: no contact ${id} in '${name}'`);
      const { fields, extended } = parseContactBody(patch);
      return show(store.updateContact(c, fields, extended));
    },
    delete: (name, id) => {
      const c = folder(name).contacts.get(id);
      if (!c) throw new Error(`fake Outlook: no contact ${id} in '${name}'`);
      store.deleteContact(c);
    },
  };
}
