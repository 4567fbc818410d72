import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Company, Contact, Import, ImportRowPage, Person } from '@klarkonform/shared';
import { REPO_ROOT } from '../../api/src/config';
import type { TestApp } from './test-app';

type Json = Record<string, unknown>;

// Helpers for the import tests (issue 16): upload a fixture or bytes, change settings, run and
// wait for the background job through the public API, read pages and contacts.

export const fixture = (name: string): Buffer => readFileSync(path.join(REPO_ROOT, 'tests/fixtures/import', name));

export async function upload(t: TestApp, bytes: Uint8Array | string, fileName: string, lang = 'de') {
  return t.request({
    method: 'POST',
    url: `/api/v1/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'application/octet-stream', 'accept-language': lang },
    payload: Buffer.from(bytes),
  });
}

export async function uploaded(t: TestApp, bytes: Uint8Array | string, fileName: string): Promise<Import> {
  const res = await upload(t, bytes, fileName);
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function getImport(t: TestApp, id: string): Promise<Import> {
  return (await t.request({ method: 'GET', url: `/api/v1/imports/${id}` })).json();
}

export async function patchImport(t: TestApp, imp: Import, patch: Json): Promise<Import> {
  const res = await t.request({
    method: 'PATCH',
    url: `/api/v1/imports/${imp.id}`,
    headers: { 'if-match': `"${imp.version}"` },
    payload: patch,
  });
  if (res.statusCode !== 200) throw new Error(`patch failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Polls the import until its run ended (as the view does), at most `timeoutMs`. */
export async function waitForRun(t: TestApp, id: string, timeoutMs = 120_000): Promise<Import> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const imp = await getImport(t, id);
    if (imp.status !== 'queued' && imp.status !== 'running') return imp;
    if (Date.now() > until) throw new Error(`import ${id} still ${imp.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runImport(t: TestApp, id: string, dryRun = false): Promise<Import> {
  const res = await t.request({ method: 'POST', url: `/api/v1/imports/${id}/run`, payload: { dryRun } });
  expect(res.statusCode, res.body).toBe(202);
  return waitForRun(t, id);
}

export async function rows(t: TestApp, id: string, query = ''): Promise<ImportRowPage> {
  const res = await t.request({ method: 'GET', url: `/api/v1/imports/${id}/rows?limit=100${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every contact of the tenant (active and archived), by contact number. */
export async function allContacts(t: TestApp): Promise<Contact[]> {
  const out: Contact[] = [];
  for (const archived of [false, true]) {
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/contacts?limit=100&archived=${archived}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request({ method: 'GET', url })).json();
      for (const item of page.items)
        out.push((await t.request({ method: 'GET', url: `/api/v1/contacts/${item.id}` })).json());
      cursor = page.nextCursor;
    } while (cursor);
  }
  return out.sort((a, b) => a.contactNumber.localeCompare(b.contactNumber));
}

function byName(contacts: readonly Contact[], displayName: string): Contact {
  const found = contacts.find((c) => c.displayName === displayName);
  if (!found) throw new Error(`no contact ${displayName} among ${contacts.map((c) => c.displayName).join(', ')}`);
  return found;
}

export function personNamed(contacts: readonly Contact[], displayName: string): Person {
  const found = byName(contacts, displayName);
  if (found.kind !== 'person') throw new Error(`${displayName} is a company`);
  return found;
}

export function companyNamed(contacts: readonly Contact[], displayName: string): Company {
  const found = byName(contacts, displayName);
  if (found.kind !== 'company') throw new Error(`${displayName} is a person`);
  return found;
}
