import { parseArgs } from 'node:util';
import { type AppRole, isAppRole } from '@klarkonform/shared';
import { ConfigError, loadConfig } from '../config';
import { createLocalIssuer, loadOrCreateIssuerKey } from '../infra/local-issuer';
import { DEMO_TENANT_ID, DEMO_USER } from '../features/demo/demo-tenant';
import { DEV_ENV } from './dev-env';

// Prints a bearer token from the local issuer that the API started by
// `npm start` accepts. Usage:
//   npm run dev-token -- --tenant <id> --user <id> --roles CRM.Sales,CRM.Admin [--name "Max Mustermann"] [--email max@muster.de]

const USAGE =
  'Usage: npm run dev-token -- [--tenant <id>] [--user <id>] [--roles CRM.Sales,CRM.Admin] [--name "Max Mustermann"] [--email max@muster.de] [--hours 8]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: DEMO_TENANT_ID },
      user: { type: 'string', default: DEMO_USER.id },
      roles: { type: 'string', default: 'CRM.Sales' },
      name: { type: 'string' },
      email: { type: 'string' },
      hours: { type: 'string', default: '8' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const roles = values.roles
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !isAppRole(r));
  if (unknown.length > 0) throw new Error(`unknown role(s) ${unknown.join(', ')}`);
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new Error('--hours must be between 0 and 720');

  const config = loadConfig(undefined, DEV_ENV);
  if (!config.auth.localIssuer)
    throw new Error('the local issuer is off (LOCAL_ISSUER=false): tokens come from Microsoft Entra ID');
  const key = await loadOrCreateIssuerKey(config.auth.localIssuerKeyFile);
  const issuer = createLocalIssuer(key, config.auth.issuerTemplate, config.auth.audience);
  const token = await issuer.mint({
    tenantId: values.tenant,
    userId: values.user,
    roles: roles as AppRole[],
    ...(values.name ? { name: values.name } : {}),
    ...(values.email ? { email: values.email } : {}),
    expiresInSeconds: Math.round(hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err);
  console.error(`dev-token: ${message}\n${USAGE}`);
  process.exit(1);
});
