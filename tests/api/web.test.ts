import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/index';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

// The API serves the built front ends (npm test builds them first).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ ALLOWED_TENANTS: '*' });
});
afterAll(() => t.close());

describe('front ends served by the API', () => {
  it.each(['/addin/taskpane.html', '/addin/demo.html', '/teams/tab.html'])(
    'serves %s uncached and frameable by Microsoft 365',
    async (url) => {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(String(res.headers['content-security-policy'])).toContain('frame-ancestors');
    },
  );

  it('serves hashed assets compressed and immutable', async () => {
    const asset = readdirSync(path.join(REPO_ROOT, 'addin/dist/assets')).find((f) => f.endsWith('.js'));
    expect(asset).toBeTruthy();
    const res = await t.app.inject({ url: `/addin/assets/${asset}`, headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('serves the icons and the Office add-ins allow-list', async () => {
    expect((await t.app.inject('/icons/color.png')).headers['content-type']).toBe('image/png');
    const allowed = await t.app.inject('/.well-known/microsoft-officeaddins-allowed.json');
    expect(allowed.json()).toEqual({ allowed: [`${t.config.publicBaseUrl}/addin/events.js`] });
  });

  it('tells the front ends to use the local issuer, whose tokens the API accepts', async () => {
    expect((await t.app.inject('/app-config.json')).json()).toEqual({ auth: { mode: 'local' } });
    const issued = await t.app.inject({
      method: 'POST',
      url: '/local-issuer/token',
      payload: { tenantId: TENANT_A, name: 'Demo Nutzer' },
    });
    expect(issued.statusCode).toBe(200);
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${issued.json().accessToken}` },
    });
    expect(me.json()).toMatchObject({ tenantId: TENANT_A, name: 'Demo Nutzer' });
  });

  it('issues for the lifetime asked (1 minute to 30 days), and gives the demo name only to the demo user', async () => {
    const token = (payload: object) => t.app.inject({ method: 'POST', url: '/local-issuer/token', payload });
    const claims = (res: { json(): { accessToken: string } }) =>
      JSON.parse(Buffer.from(res.json().accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const long = await token({ tenantId: TENANT_A, userId: 'kollegin-2', expiresInSeconds: 7200 });
    expect(long.json().expiresIn).toBe(7200);
    const issued = claims(long);
    expect(issued.exp - issued.iat).toBe(7200);
    expect(issued.oid).toBe('kollegin-2');
    expect(issued.name).toBeUndefined();
    expect(issued.preferred_username).toBeUndefined();
    expect(claims(await token({})).name).toBeTypeOf('string');
    for (const expiresInSeconds of [59, 30 * 24 * 3600 + 1, 1.5]) {
      expect((await token({ expiresInSeconds })).statusCode).toBe(400);
    }
  });
});

describe('with Microsoft Entra ID', () => {
  it('has no local token endpoint and hands out the Entra client id and scope', async () => {
    const entra = await createTestApp({
      LOCAL_ISSUER: 'false',
      AUTH_AUDIENCE: '907ea86d-a3c7-4fef-b2c5-f854f7a367a1',
      ALLOWED_TENANTS: TENANT_A,
      ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys',
    });
    try {
      expect((await entra.app.inject({ method: 'POST', url: '/local-issuer/token', payload: {} })).statusCode).toBe(
        404,
      );
      expect((await entra.app.inject('/app-config.json')).json()).toEqual({
        auth: {
          mode: 'entra',
          clientId: '907ea86d-a3c7-4fef-b2c5-f854f7a367a1',
          scope: 'api://907ea86d-a3c7-4fef-b2c5-f854f7a367a1/access_as_user',
        },
      });
    } finally {
      await entra.close();
    }
  });
});
