import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_SCOPE, graphClient, IMMUTABLE_ID, msalClient } from './graph-test-client';
import { type FakeMicrosoft, startFakeMicrosoft, trustingFetch, trustingNetworkClient } from './index';

// The fake Entra ID through the real msal-node, and Graph's answer to missing or bad tokens.

let fake: FakeMicrosoft;
const tenant = randomUUID();
const app = { clientId: randomUUID(), clientSecret: 'geheim~Secret.123' };

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  fake.registerApp(tenant, app);
  fake.addMailbox(tenant, 'crm@contoso.de');
});
afterAll(() => fake.close());

async function msalError(cca: ConfidentialClientApplication): Promise<{ errorCode: string; errorMessage: string }> {
  try {
    await cca.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
  } catch (err) {
    return err as { errorCode: string; errorMessage: string };
  }
  throw new Error('expected the token request to fail');
}

describe('fake Entra ID', () => {
  it('gives msal-node an app-only token for the tenant authority, cached until it expires', async () => {
    const cca = msalClient(fake, tenant, app);
    const first = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    expect(first?.accessToken).toBeTruthy();
    expect(first?.tokenType).toBe('Bearer');
    expect(first!.expiresOn!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    const before = fake.stats().tokenRequests;
    const second = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    expect(second?.accessToken).toBe(first?.accessToken);
    expect(fake.stats().tokenRequests).toBe(before);
  });

  it('refuses a wrong secret with invalid_client (AADSTS7000215)', async () => {
    const err = await msalError(msalClient(fake, tenant, { ...app, clientSecret: 'wrong' }));
    expect(err.errorCode).toBe('invalid_client');
    expect(err.errorMessage).toContain('AADSTS7000215');
  });

  it('refuses an app the tenant has not consented to with unauthorized_client (AADSTS700016)', async () => {
    const other = randomUUID();
    fake.registerApp(other, { ...app, consented: false });
    const err = await msalError(msalClient(fake, other, app));
    expect(err.errorCode).toBe('unauthorized_client');
    expect(err.errorMessage).toContain('AADSTS700016');
  });

  it('accepts a certificate credential (client assertion signed with the registered key)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const certApp = {
      clientId: randomUUID(),
      certificatePem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    fake.registerApp(tenant, certApp);
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId: certApp.clientId,
        authority: `${fake.authorityHost}/${tenant}`,
        knownAuthorities: [new URL(fake.authorityHost).host],
        clientCertificate: {
          thumbprintSha256: 'A'.repeat(64),
          privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        },
      },
      system: { networkClient: trustingNetworkClient(fake.caPem) },
    });
    const r = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    expect(r?.accessToken).toBeTruthy();
  });

  it('does not trust the fake without its CA (no TLS shortcut)', async () => {
    const err = await fetch(`${fake.graphBaseUrl}/v1.0/users/crm@contoso.de/contactFolders`).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
  });
});

describe('Graph authentication', () => {
  const folders = `/users/crm@contoso.de/contactFolders`;

  it('answers 401 InvalidAuthenticationToken without a token, with an unknown one, and after expiry', async () => {
    const f = trustingFetch(fake.caPem);
    const none = await f(`${fake.graphBaseUrl}/v1.0${folders}`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    const bogus = await f(`${fake.graphBaseUrl}/v1.0${folders}`, { headers: { Authorization: 'Bearer nope' } });
    expect(bogus.status).toBe(401);

    const cca = msalClient(fake, tenant, app);
    const token = (await cca.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken;
    const good = await f(`${fake.graphBaseUrl}/v1.0${folders}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(good.status).toBe(200);
    fake.expireTokens();
    const expired = await f(`${fake.graphBaseUrl}/v1.0${folders}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toContain('expired');
  });

  it('serves the Graph SDK with the token msal-node fetched', async () => {
    const client = graphClient(fake, msalClient(fake, tenant, app));
    const r = (await client.api(folders).headers(IMMUTABLE_ID).get()) as { value: unknown[] };
    expect(r.value).toEqual([]);
  });

  it("keeps tenants apart: another tenant's mailbox is an invalid user", async () => {
    const other = randomUUID();
    fake.registerApp(other, app);
    fake.addMailbox(other, 'crm@fabrikam.de');
    const client = graphClient(fake, msalClient(fake, tenant, app));
    const err = await client
      .api('/users/crm@fabrikam.de/contactFolders')
      .get()
      .catch((e: { statusCode: number; code: string }) => e);
    expect(err).toMatchObject({ statusCode: 404, code: 'ErrorInvalidUser' });
  });
});
