import type { AppRole } from '@klarkonform/shared';

// The demo tenant of the start command and the demo page, and the sales user
// the demo signs in as.
export const DEMO_TENANT_ID = '7d9c3f52-1b4e-4c8a-9a61-2f5e8b0d4c17';

export const DEMO_USER = {
  id: '3b8e6a14-5c2d-4f9b-8e71-0a6d9c2b5f38',
  name: 'Sabine Vertrieb',
  email: 'sabine.vertrieb@klarkonform-demo.de',
  roles: ['CRM.Sales', 'CRM.Admin'] as AppRole[],
};
