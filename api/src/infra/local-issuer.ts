import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import type { AppRole } from '@klarkonform/shared';

// A token issuer for development, the demo page and tests. It signs RS256
// tokens shaped like Microsoft Entra ID v2 access tokens, so the API verifies
// them with exactly the code path it uses for Entra. The key pair lives in a
// file under the data directory so that dev tokens survive a restart.

export interface LocalIssuerKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export interface TokenRequest {
  readonly tenantId: string;
  readonly userId: string;
  readonly roles?: readonly AppRole[];
  readonly name?: string;
  readonly email?: string;
  readonly scopes?: readonly string[];
  readonly expiresInSeconds?: number;
}

export interface LocalIssuer {
  readonly jwks: JSONWebKeySet;
  mint(request: TokenRequest): Promise<string>;
}

export const DEFAULT_SCOPE = 'access_as_user';

export async function loadOrCreateIssuerKey(file: string): Promise<LocalIssuerKey> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalIssuerKey;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const key: LocalIssuerKey = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, JSON.stringify(key), { flag: 'wx', mode: 0o600 });
    return key;
  } catch (err) {
    // Another process created it first: use theirs so both agree.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return JSON.parse(await readFile(file, 'utf8')) as LocalIssuerKey;
    }
    throw err;
  }
}

export function createLocalIssuer(key: LocalIssuerKey, issuerTemplate: string, audience: string): LocalIssuer {
  return {
    jwks: { keys: [key.publicJwk] },
    async mint(req) {
      const signingKey = await importJWK(key.privateJwk, 'RS256');
      const claims: Record<string, unknown> = {
        tid: req.tenantId,
        oid: req.userId,
        ver: '2.0',
        scp: (req.scopes ?? [DEFAULT_SCOPE]).join(' '),
      };
      if (req.roles && req.roles.length > 0) claims.roles = [...req.roles];
      if (req.name) claims.name = req.name;
      if (req.email) claims.preferred_username = req.email;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .setIssuer(issuerTemplate.replace('{tid}', req.tenantId))
        .setAudience(audience)
        .setSubject(req.userId)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${req.expiresInSeconds ?? 3600}s`)
        .sign(signingKey);
    },
  };
}
