import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/index';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('is live and ready with the database reachable', async () => {
    expect((await t.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });
});

describe('documentation', () => {
  it('publishes the OpenAPI document with the bearer scheme', async () => {
    const res = await t.app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toContain('/api/v1/me');
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.app.inject('/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('swagger');
  });
});

describe('security headers', () => {
  it('lets Outlook, Teams and Microsoft 365 frame our pages but nobody else', async () => {
    const res = await t.app.inject('/health/live');
    const csp = String(res.headers['content-security-policy']);
    const frameAncestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(frameAncestors.split(' ')).toEqual(
      expect.arrayContaining([
        "'self'",
        'https://teams.microsoft.com',
        'https://outlook.office.com',
        'https://*.cloud.microsoft',
      ]),
    );
    expect(frameAncestors).not.toContain('*;');
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers CORS preflights only for configured origins', async () => {
    const allowed = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: { origin: t.config.publicBaseUrl, 'access-control-request-method': 'GET' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe(t.config.publicBaseUrl);
    const denied = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('problem details', () => {
  it('answers unknown routes with problem+json in German by default and in English on request', async () => {
    const de = await t.app.inject('/nowhere');
    expect(de.statusCode).toBe(404);
    expect(de.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(de.json()).toMatchObject({ status: 404, title: 'Nicht gefunden', instance: '/nowhere' });
    const en = await t.app.inject({ url: '/nowhere', headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' } });
    expect(en.json().title).toBe('Not found');
  });

  it('answers 403 when the role lacks the permission', async () => {
    // CRM.ReadOnly may read; there is no read-only route without contacts:read, so use a role with none.
    const res = await t.request({ method: 'GET', url: '/api/v1/me' }, { roles: [], scopes: ['access_as_user'] });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('rate-limits a user who sends too many requests', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const token = await limited.token();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('start-up configuration', () => {
  const runServer = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'api/src/server.ts')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('exits with a message naming PORT when it is not a number', () => {
    const res = runServer({ PORT: 'abc', LOCAL_ISSUER: 'true' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/PORT="abc" must be a whole number/);
  });

  it('exits with a message naming MONGODB_URI when it is not a connection string', () => {
    const res = runServer({ MONGODB_URI: 'nonsense', LOCAL_ISSUER: 'true' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/MONGODB_URI is not a valid MongoDB connection string/);
  });

  it('the start command names a bad variable before it builds or starts anything', () => {
    const res = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/start.mjs')], {
      env: { PATH: process.env.PATH ?? '', PORT: 'abc' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/PORT="abc" must be a whole number/);
    expect(`${res.stdout}${res.stderr}`).not.toMatch(/embedded database|front ends|Building/);
  });

  it('names every missing Entra setting at once in production mode', () => {
    const res = runServer({});
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/AUTH_AUDIENCE is required/);
    expect(res.stderr).toMatch(/ALLOWED_TENANTS is required/);
  });
});
