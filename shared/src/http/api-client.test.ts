import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, NetworkError } from './api-client';

// The client against a scripted fetch: headers it must send, what it retries, and how errors
// come back.

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

function scripted(responses: Array<Response | Error>) {
  const calls: Call[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: (init?.body as string | null) ?? null,
    });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function client(responses: Array<Response | Error>) {
  const tokens: boolean[] = [];
  const { calls, fetch } = scripted(responses);
  const api = createApiClient({
    baseUrl: 'https://crm.example/',
    fetch,
    language: () => 'en',
    getToken: async ({ forceRefresh }) => {
      tokens.push(forceRefresh);
      return forceRefresh ? 'fresh' : 'cached';
    },
  });
  return { api, calls, tokens };
}

describe('createApiClient', () => {
  it('asks for all cards in one request, with names, token and language', async () => {
    const { api, calls } = client([json(200, { cards: [{ email: 'a@x.de', status: 'unknown' }] })]);
    await api.cards([{ email: 'a@x.de', name: 'Anna' }, { email: 'b@y.de' }]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://crm.example/api/v1/cards?email=a%40x.de&email=b%40y.de&name=Anna&name=');
    expect(calls[0]?.headers).toMatchObject({ authorization: 'Bearer cached', 'accept-language': 'en' });
  });

  it('lists the tenant’s users, retrying a read that met a busy server', async () => {
    const users = [{ id: 'u1', name: 'Sabine Vertrieb', email: 'sabine@firma.de' }];
    const { api, calls } = client([json(503, { title: 'busy' }), json(200, { items: users })]);
    expect(await api.users()).toEqual(users);
    expect(calls.map((call) => [call.method, call.url])).toEqual([
      ['GET', 'https://crm.example/api/v1/users'],
      ['GET', 'https://crm.example/api/v1/users'],
    ]);
  });

  it('sends the Idempotency-Key and replays it on a retry after a network error', async () => {
    const contact = { id: '0123456789abcdef01234567' };
    const { api, calls } = client([new TypeError('fetch failed'), json(200, contact)]);
    const result = await api.createContact({ kind: 'company', name: 'Muster GmbH' }, 'key-1');
    expect(result).toEqual({ contact, created: false });
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
  });

  it('never retries a PATCH and reports a stale version as a conflict', async () => {
    const problem = { type: 'about:blank', title: 'Changed', status: 412, code: 'preconditionFailed' };
    const { api, calls } = client([json(412, problem)]);
    const error = await api.patchContact('c1', 7, { tags: [] }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isConflict).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers['if-match']).toBe('"7"');
  });

  it('fetches a fresh token once when the API says 401', async () => {
    const { api, tokens, calls } = client([json(401, { status: 401, title: 'x', type: 'y' }), json(200, { ok: 1 })]);
    await api.me();
    expect(tokens).toEqual([false, true]);
    expect(calls[1]?.headers.authorization).toBe('Bearer fresh');
  });

  it('gives up on a read after the retries and says it was the network', async () => {
    const { api, calls } = client([new TypeError('a'), new TypeError('b'), new TypeError('c')]);
    await expect(api.getContact('c1')).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toHaveLength(3);
  });

  it('does not retry an append-only write (a consent event could be recorded twice)', async () => {
    const { api, calls } = client([json(503, { status: 503, title: 'down', type: 'x' })]);
    await expect(
      api.addConsentEvent('c1', { channel: 'email', type: 'optOut', source: 'Telefon' }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(calls).toHaveLength(1);
  });
});
