import { describe, expect, it } from 'vitest';
import { createApiClient } from '../http/api-client';

// The opportunity methods of the typed client against a scripted fetch: paths, headers, and the
// lead-conversion hint read from the PATCH answer.

function client(responses: Response[]) {
  const calls: Array<{ url: string; method: string; headers: Record<string, string>; body: unknown }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return next;
  };
  const api = createApiClient({
    fetch: fetch as typeof globalThis.fetch,
    language: () => 'de',
    getToken: async () => 'token',
  });
  return { api, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('opportunity client', () => {
  it('creates under an Idempotency-Key and tells a replay from a create', async () => {
    const { api, calls } = client([json(201, { id: 'o1' }), json(200, { id: 'o1' })]);
    const body = { title: 'T', contactId: 'c'.repeat(24), amountCents: 100 };
    expect((await api.createOpportunity(body, 'key-12345')).created).toBe(true);
    expect((await api.createOpportunity(body, 'key-12345')).created).toBe(false);
    expect(calls[0]).toMatchObject({ url: '/api/v1/opportunities', method: 'POST', body });
    expect(calls[0]?.headers['idempotency-key']).toBe('key-12345');
  });

  it('changes from a version and passes on the lead to convert', async () => {
    const { api, calls } = client([
      json(200, { id: 'o1', stage: 'won' }, { 'x-lead-to-convert': 'c1' }),
      json(200, { id: 'o1', stage: 'offer' }),
    ]);
    expect(await api.updateOpportunity('o1', 3, { stage: 'won' })).toEqual({
      opportunity: { id: 'o1', stage: 'won' },
      leadToConvert: 'c1',
    });
    expect((await api.updateOpportunity('o1', 4, { stage: 'offer' })).leadToConvert).toBeNull();
    expect(calls[0]).toMatchObject({ url: '/api/v1/opportunities/o1', method: 'PATCH', body: { stage: 'won' } });
    expect(calls[0]?.headers['if-match']).toBe('"3"');
  });

  it('opens a forecast figure, the board and the forecast of an owner', async () => {
    const { api, calls } = client([json(200, { items: [], nextCursor: null }), json(200, {}), json(200, {})]);
    await api.listOpportunities({ owner: 'me', closeMonth: '2026-12', open: true, stage: undefined });
    await api.opportunityBoard('me');
    await api.opportunityForecast();
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/opportunities?owner=me&closeMonth=2026-12&open=true',
      '/api/v1/opportunities/board?owner=me',
      '/api/v1/opportunities/forecast',
    ]);
  });
});
