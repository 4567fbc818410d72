import { randomUUID } from 'node:crypto';
import type { TokenRequest } from '../../api/src/index';
import type { TestApp } from './test-app';

type Json = Record<string, unknown>;

// Helpers for opportunity tests that go through the public API.
export async function createOpportunity(t: TestApp, body: Json, as: Partial<TokenRequest> = {}): Promise<Json> {
  const res = await t.request(
    { method: 'POST', url: '/api/v1/opportunities', headers: { 'idempotency-key': randomUUID() }, payload: body },
    as,
  );
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function patchOpportunity(
  t: TestApp,
  id: string,
  version: number,
  body: Json,
  as: Partial<TokenRequest> = {},
) {
  return t.request(
    { method: 'PATCH', url: `/api/v1/opportunities/${id}`, headers: { 'if-match': `"${version}"` }, payload: body },
    as,
  );
}

export async function listIds(t: TestApp, query: string, as: Partial<TokenRequest> = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/opportunities?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await t.request({ method: 'GET', url }, as);
    if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`);
    const page = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
