import { randomUUID } from 'node:crypto';
import type { TokenRequest } from '../../api/src/index';
import type { TestApp } from './test-app';

type Json = Record<string, unknown>;

/** The day `days` after today in Berlin (YYYY-MM-DD), as "Meine Wiedervorlagen" counts. */
export function berlinDay(days = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Creates a follow-up through the API (201 expected) and returns it. */
export async function createFollowUp(t: TestApp, body: Json, as: Partial<TokenRequest> = {}): Promise<Json> {
  const res = await t.request(
    { method: 'POST', url: '/api/v1/follow-ups', headers: { 'idempotency-key': randomUUID() }, payload: body },
    as,
  );
  if (res.statusCode !== 201) throw new Error(`follow-up create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
