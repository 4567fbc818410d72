export { type BuildOptions, buildApp } from './app';
export { type AppConfig, ConfigError, loadConfig, REPO_ROOT } from './config';
export { startEmbeddedMongo, type EmbeddedMongo } from './infra/embedded-mongo';
export { createLocalIssuer, loadOrCreateIssuerKey, type LocalIssuer, type TokenRequest } from './infra/local-issuer';
export { API_PREFIX } from './infra/auth';
export { pingDatabase } from './infra/db';
export type { AuthContext } from './infra/token-verifier';
