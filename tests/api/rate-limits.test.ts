import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

// Rate limits: requests without a valid token are limited per client address before any token is
// verified; signed-in users are limited per verified identity, which forged tokens cannot touch.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '8', RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '5' });
});
afterAll(async () => t.close());

const me = (remoteAddress: string, authorization?: string) =>
  t.app.inject({
    method: 'GET',
    url: '/api/v1/me',
    remoteAddress,
    headers: authorization ? { authorization } : {},
  });

/** A token that names user-a of tenant A but is not signed by the issuer. */
async function forgedFor(userId: string): Promise<string> {
  const real = await t.token({ userId });
  const [header, payload] = real.split('.');
  return `Bearer ${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
}

describe('rate limits', () => {
  it('limits a flood without a token per address: 401 at first, then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await me('203.0.113.10', i % 2 ? 'Bearer garbage' : undefined)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    const limited = await me('203.0.113.10');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, title: 'Zu viele Anfragen' });
    // Another address is not affected.
    expect((await me('203.0.113.11')).statusCode).toBe(401);
  });

  it('forged tokens naming a real user do not use up that user’s budget', async () => {
    const forged = await forgedFor('victim');
    const attack: number[] = [];
    for (let i = 0; i < 20; i++) attack.push((await me('198.51.100.66', forged)).statusCode);
    expect(attack.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(attack.slice(5))).toEqual(new Set([429]));

    const real = `Bearer ${await t.token({ userId: 'victim' })}`;
    const own: number[] = [];
    for (let i = 0; i < 8; i++) own.push((await me('192.0.2.20', real)).statusCode);
    expect(own).toEqual(Array(8).fill(200));
    // The user's own limit still holds.
    expect((await me('192.0.2.20', real)).statusCode).toBe(429);
  });

  it('valid requests never count against their address', async () => {
    const real = `Bearer ${await t.token({ userId: 'busy-user' })}`;
    for (let i = 0; i < 8; i++) expect((await me('192.0.2.30', real)).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await me('192.0.2.30')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
