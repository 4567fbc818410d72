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

/** A user of the demo tenant as the seed records it (what `GET /api/v1/users` lists). */
export interface DemoTenantUser {
  id: string;
  name: string;
  email: string;
}

/** Sabine's colleagues in the demo: the other Betreuer the demo's contacts are spread over. */
export const DEMO_COLLEAGUES: readonly DemoTenantUser[] = [
  { id: '8c41d7e2-9a3f-4b6c-b5d8-2e7f1a9c3d60', name: 'Thomas Becker', email: 'thomas.becker@klarkonform-demo.de' },
  { id: 'e5a09b3c-7d14-4f2e-a8c6-4b1d9e0f7a25', name: 'Aylin Demir', email: 'aylin.demir@klarkonform-demo.de' },
];

/** Every user the seed records, the demo user first. */
export const DEMO_USERS: readonly DemoTenantUser[] = [
  { id: DEMO_USER.id, name: DEMO_USER.name, email: DEMO_USER.email },
  ...DEMO_COLLEAGUES,
];
