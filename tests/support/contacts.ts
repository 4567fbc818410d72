import { randomUUID } from 'node:crypto';
import type { TokenRequest } from '../../api/src/index';
import type { TestApp } from './test-app';

type Json = Record<string, unknown>;

// Small helpers for API tests that create data through the public API.
export async function createContact(t: TestApp, body: Json, as: Partial<TokenRequest> = {}): Promise<Json> {
  const res = await t.request(
    { method: 'POST', url: '/api/v1/contacts', headers: { 'idempotency-key': randomUUID() }, payload: body },
    as,
  );
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const company = (name: string, extra: Json = {}): Json => ({ kind: 'company', name, ...extra });

export const person = (firstName: string | undefined, lastName: string, extra: Json = {}): Json => ({
  kind: 'person',
  ...(firstName ? { firstName } : {}),
  lastName,
  ...extra,
});

export const withEmail = (address: string): Json => ({ emails: [{ address, primary: true }] });

export async function countContacts(t: TestApp, query = ''): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/contacts?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await t.request({ method: 'GET', url })).json();
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}
