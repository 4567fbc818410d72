import type { AppRole } from '@klarkonform/shared';

// Settings of the README's start command: the local token issuer instead of
// Microsoft Entra ID, the embedded database, and the demo tenant. They apply
// only where the environment does not set a variable itself.
export const DEMO_TENANT_ID = '7d9c3f52-1b4e-4c8a-9a61-2f5e8b0d4c17';
export const DEMO_USER_ID = '3b8e6a14-5c2d-4f9b-8e71-0a6d9c2b5f38';

export const DEMO_USER = {
  id: DEMO_USER_ID,
  name: 'Sabine Vertrieb',
  email: 'sabine.vertrieb@klarkonform-demo.de',
  roles: ['CRM.Sales', 'CRM.Admin'] as AppRole[],
};

export const DEV_ENV: Readonly<Record<string, string>> = {
  LOCAL_ISSUER: 'true',
  SEED_DEMO: 'true',
  LOG_PRETTY: 'true',
};
