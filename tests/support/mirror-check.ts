import type { OutlookContact } from '../fake-graph/index';
import type { TestApp } from './test-app';
import { crmIdOf } from './mirror-world';

// Whether the CRM and an Outlook folder agree, as a user of both would check it: every live
// contact with an e-mail address is in the folder exactly once with its fields, nothing else is.

type Json = Record<string, unknown> & { id: string };

/** A call of the API: status and parsed body. The tests use app.inject or real HTTP. */
export type Api = (
  method: string,
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: unknown }>;

export function injectApi(t: TestApp): Api {
  return async (method, url, payload, headers = {}) => {
    const res = await t.request({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
}

export function httpApi(baseUrl: string, token: string): Api {
  return async (method, url, payload, headers = {}) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Every live (not archived) contact of the tenant, each read in full. */
export async function liveContacts(api: Api): Promise<Json[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await api('GET', `/api/v1/contacts?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) throw new Error(`listing contacts: ${res.status} ${JSON.stringify(res.body)}`);
    const page = res.body as { items: Json[]; nextCursor?: string | null };
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const out: Json[] = [];
  for (const id of ids) {
    const res = await api('GET', `/api/v1/contacts/${id}`);
    if (res.status !== 200) throw new Error(`reading ${id}: ${res.status}`);
    out.push(res.body as Json);
  }
  return out;
}

export interface MirrorReport {
  /** Live contacts with an e-mail address that have no Outlook copy. */
  missing: string[];
  /** CRM ids with more than one Outlook copy. */
  duplicated: string[];
  /** Outlook copies whose CRM id is not a live contact with an e-mail address. */
  orphans: string[];
  /** Outlook contacts without our id. */
  untagged: string[];
  /** Fields that differ: "crmId field: crm ≠ outlook". */
  mismatched: string[];
}

const emailsOf = (c: Json) =>
  [...((c.emails as Array<{ address: string; primary?: boolean }>) ?? [])]
    .sort((a, b) => Number(Boolean(b.primary)) - Number(Boolean(a.primary)))
    .map((e) => e.address.toLowerCase())
    .slice(0, 3);

/** Compares the live CRM contacts with the Outlook folder's contacts. */
export function compareMirror(crm: Json[], outlook: OutlookContact[]): MirrorReport {
  const byId = new Map(crm.map((c) => [c.id, c]));
  const names = new Map(crm.filter((c) => c.kind === 'company').map((c) => [c.id, c.name]));
  const copies = new Map<string, OutlookContact[]>();
  const report: MirrorReport = { missing: [], duplicated: [], orphans: [], untagged: [], mismatched: [] };
  for (const o of outlook) {
    const id = crmIdOf(o);
    if (!id) {
      report.untagged.push(`${o.displayName} <${o.emailAddresses[0]?.address ?? ''}>`);
      continue;
    }
    copies.set(id, [...(copies.get(id) ?? []), o]);
  }
  for (const c of crm) {
    const mirrored = emailsOf(c).length > 0;
    const mine = copies.get(c.id) ?? [];
    if (mirrored && mine.length === 0) report.missing.push(c.id);
    if (mine.length > 1) report.duplicated.push(c.id);
    const o = mine[0];
    if (!mirrored || !o) continue;
    const person = c.kind === 'person';
    const want: Record<string, unknown> = {
      emails: emailsOf(c).join(','),
      givenName: person ? (c.firstName ?? null) : null,
      surname: person ? (c.lastName ?? null) : null,
      jobTitle: person ? (c.position ?? null) : null,
      mobilePhone: c.mobilePhone ?? null,
      companyName: person ? (names.get(String(c.companyId)) ?? null) : c.name,
    };
    const got: Record<string, unknown> = {
      emails: o.emailAddresses.map((e) => e.address?.toLowerCase()).join(','),
      givenName: o.givenName || null,
      surname: o.surname || null,
      jobTitle: o.jobTitle || null,
      mobilePhone: o.mobilePhone || null,
      companyName: o.companyName || null,
    };
    for (const [field, value] of Object.entries(want)) {
      // A person's company may be archived or not listed: only compare names we know.
      if (field === 'companyName' && person && c.companyId && !names.has(String(c.companyId))) continue;
      if (value !== got[field]) report.mismatched.push(`${c.id} ${field}: ${String(value)} ≠ ${String(got[field])}`);
    }
  }
  for (const [id, list] of copies) {
    const c = byId.get(id);
    if (!c || emailsOf(c).length === 0) report.orphans.push(...list.map(() => id));
  }
  return report;
}

export const CONVERGED: MirrorReport = { missing: [], duplicated: [], orphans: [], untagged: [], mismatched: [] };
