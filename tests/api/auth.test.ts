import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { exportJWK, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT_A, TENANT_NOT_ALLOWED, type TestApp } from '../support/test-app';

let t: TestApp;
let issuerKey: { kid: string; privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> };

beforeAll(async () => {
  t = await createTestApp();
  issuerKey = JSON.parse(readFileSync(t.config.auth.localIssuerKeyFile, 'utf8'));
});
afterAll(() => t.close());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const issuerFor = (tid: string) => t.config.auth.issuerTemplate.replace('{tid}', tid);

function baseClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuerFor(TENANT_A),
    aud: t.config.auth.audience,
    tid: TENANT_A,
    oid: 'user-a',
    sub: 'user-a',
    ver: '2.0',
    scp: 'access_as_user',
    roles: ['CRM.Sales'],
    iat: now,
    nbf: now,
    exp: now + 600,
    ...overrides,
  };
}

async function sign(claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const key = await importJWK(issuerKey.privateJwk as never, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: issuerKey.kid, ...header }).sign(key);
}

async function callMe(token: string | undefined) {
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

describe('authentication', () => {
  it('answers 401 problem+json without a token', async () => {
    const res = await callMe(undefined);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toMatchObject({ status: 401, title: 'Nicht angemeldet' });
  });

  it('accepts a token from the local issuer and reports who the caller is', async () => {
    const res = await callMe(await t.token({ roles: ['CRM.Sales'], name: 'Max Mustermann', email: 'max@muster.de' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tenantId: TENANT_A,
      userId: 'user-a',
      name: 'Max Mustermann',
      roles: ['CRM.Sales'],
    });
    expect(res.json().permissions).toContain('contacts:write');
    expect(res.json().permissions).not.toContain('contacts:merge');
  });

  it('accepts an app-only token that carries an app role but no delegated scope', async () => {
    const token = await sign(baseClaims({ scp: undefined, roles: ['CRM.ReadOnly'] }));
    const res = await callMe(token);
    expect(res.statusCode).toBe(200);
    expect(res.json().permissions).toEqual(['contacts:read']);
  });

  it('a well-signed token for the right tenant is accepted by the same hand-made signer', async () => {
    // Guards the forged-token cases below: they fail for their one defect, not because signing is off.
    expect((await callMe(await sign(baseClaims()))).statusCode).toBe(200);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const forged: Array<[string, () => Promise<string>]> = [
    ['expired', () => sign(baseClaims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }))],
    ['not yet valid', () => sign(baseClaims({ nbf: now() + 3600, exp: now() + 7200 }))],
    ['wrong audience', () => sign(baseClaims({ aud: 'api://someone-else' }))],
    ['wrong issuer', () => sign(baseClaims({ iss: 'https://evil.example/tenant/v2.0' }))],
    [
      'issuer of another tenant than tid',
      () => sign(baseClaims({ iss: issuerFor('22222222-2222-4222-8222-222222222222') })),
    ],
    [
      'tenant not on the allow-list',
      () => sign(baseClaims({ tid: TENANT_NOT_ALLOWED, iss: issuerFor(TENANT_NOT_ALLOWED) })),
    ],
    ['v1-style issuer', () => sign(baseClaims({ iss: `https://sts.windows.net/${TENANT_A}/`, ver: '1.0' }))],
    ['v1 token version', () => sign(baseClaims({ ver: '1.0' }))],
    ['missing scope and roles', () => sign(baseClaims({ scp: undefined, roles: undefined }))],
    ['only an unrelated scope', () => sign(baseClaims({ scp: 'User.Read', roles: undefined }))],
    ['missing tid', () => sign(baseClaims({ tid: undefined }))],
    ['missing oid', () => sign(baseClaims({ oid: undefined }))],
    // Identity claims with the wrong type are refused, not converted (tid ["…"] was read as "…").
    ['tid as an array', () => sign(baseClaims({ tid: [TENANT_A] }))],
    ['tid as an object', () => sign(baseClaims({ tid: { toString: TENANT_A } }))],
    ['oid as a number', () => sign(baseClaims({ oid: 42 }))],
    ['oid as an array', () => sign(baseClaims({ oid: ['user-a'] }))],
    ['oid empty', () => sign(baseClaims({ oid: '' }))],
    ['ver as a number', () => sign(baseClaims({ ver: 2.0 }))],
    ['scp as an array', () => sign(baseClaims({ scp: ['access_as_user'], roles: undefined }))],
    ['roles as a string', () => sign(baseClaims({ roles: 'CRM.Admin' }))],
    ['roles with a non-string', () => sign(baseClaims({ roles: ['CRM.Sales', { admin: true }] }))],
    ['name as an object', () => sign(baseClaims({ name: { first: 'Max' } }))],
    ['preferred_username as an array', () => sign(baseClaims({ preferred_username: ['max@muster.de'] }))],
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(baseClaims())}.`],
    [
      'HS256 signed with the public key',
      async () => {
        const pem = createPublicKey({ key: issuerKey.publicJwk as never, format: 'jwk' })
          .export({ type: 'spki', format: 'pem' })
          .toString();
        return new SignJWT(baseClaims())
          .setProtectedHeader({ alg: 'HS256', kid: issuerKey.kid })
          .sign(new TextEncoder().encode(pem));
      },
    ],
    [
      'unknown kid (signed by a foreign key)',
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return new SignJWT(baseClaims()).setProtectedHeader({ alg: 'RS256', kid: 'foreign-key' }).sign(privateKey);
      },
    ],
    [
      'foreign key claiming our kid',
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return new SignJWT(baseClaims()).setProtectedHeader({ alg: 'RS256', kid: issuerKey.kid }).sign(privateKey);
      },
    ],
    [
      'tampered payload',
      async () => {
        const [h, , s] = (await sign(baseClaims())).split('.');
        return `${h}.${b64(baseClaims({ roles: ['CRM.Admin'] }))}.${s}`;
      },
    ],
    ['malformed', async () => 'not-a-jwt'],
    ['three garbage parts', async () => 'aaa.bbb.ccc'],
    [
      'embedded jwk header',
      async () => {
        const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const jwk = await exportJWK(publicKey);
        return new SignJWT(baseClaims()).setProtectedHeader({ alg: 'RS256', jwk }).sign(privateKey);
      },
    ],
  ];

  it.each(forged)('rejects a token that is %s with 401', async (_name, make) => {
    const res = await callMe(await make());
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
    expect(res.json()).not.toHaveProperty('tenantId');
  });

  it('rejects a non-bearer authorization header', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('configuration guards of the local issuer', () => {
  it('refuses to enable the local issuer for a public base URL that is not localhost', async () => {
    const { loadConfig } = await import('../../api/src/index');
    expect(() => loadConfig({ LOCAL_ISSUER: 'true', PUBLIC_BASE_URL: 'https://crm.example.de' })).toThrow(
      /LOCAL_ISSUER=true is only allowed when PUBLIC_BASE_URL is localhost/,
    );
  });

  it('refuses to start the local issuer on any address that is not loopback', async () => {
    const { loadConfig } = await import('../../api/src/index');
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'crm.example.de', '10.0.0.1', '[::ffff:10.0.0.1]']) {
      expect(() => loadConfig({ LOCAL_ISSUER: 'true', HOST: host }), host).toThrow(
        /LOCAL_ISSUER=true is only allowed when HOST is a loopback address/,
      );
    }
    for (const host of ['127.0.0.1', '::1', 'localhost', '127.0.0.2', '[::1]']) {
      expect(loadConfig({ LOCAL_ISSUER: 'true', HOST: host }).host, host).toBe(host);
    }
    // Entra mode listens where it is told.
    expect(loadConfig({ HOST: '0.0.0.0', AUTH_AUDIENCE: 'api://kk', ALLOWED_TENANTS: 'contoso-tenant' }).host).toBe(
      '0.0.0.0',
    );
  });
});

describe('the local issuer publishes its public keys', () => {
  it('serves a JWKS without the private key, and an OpenID discovery document that points at it', async () => {
    const discovery = await t.app.inject({
      method: 'GET',
      url: `/local-issuer/${TENANT_A}/v2.0/.well-known/openid-configuration`,
    });
    expect(discovery.statusCode).toBe(200);
    const { issuer, jwks_uri: jwksUri } = discovery.json();
    expect(issuer).toBe(t.config.auth.issuerTemplate.replace('{tid}', TENANT_A));
    const jwks = await t.app.inject({ method: 'GET', url: new URL(jwksUri).pathname });
    expect(jwks.statusCode).toBe(200);
    const { keys } = jwks.json();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(secret);

    // A token of the issuer verifies against the published keys alone (as any relying party would).
    const { createLocalJWKSet, jwtVerify } = await import('jose');
    const token = await t.token();
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys }), { issuer });
    expect(payload.tid).toBe(TENANT_A);
  });

  it('refuses a token request that reaches it from another machine', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/local-issuer/token',
      payload: {},
      remoteAddress: '192.168.1.77',
    });
    expect(res.statusCode).toBe(403);
    const local = await t.app.inject({ method: 'POST', url: '/local-issuer/token', payload: {} });
    expect(local.statusCode).toBe(200);
  });
});
