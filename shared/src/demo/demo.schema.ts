import { type Static, Type } from 'typebox';
import { StrictObject } from '../contacts/contact-common.schema';

// The demo tenant's own endpoints (`/api/v1/demo`): only the demo tenant of a server started
// with SEED_DEMO=true has them; every other tenant gets 404, as for a path that does not exist.

/** `GET /api/v1/demo`: the caller is on the demo tenant; `resettable` when they may reset it (admin). */
export const DemoStatus = StrictObject({
  resettable: Type.Boolean(),
});
export type DemoStatus = Static<typeof DemoStatus>;

/** `POST /api/v1/demo/reset`: what the reset removed and what the fresh seed created. */
export const DemoResetResult = StrictObject({
  deletedContacts: Type.Integer({ minimum: 0 }),
  createdContacts: Type.Integer({ minimum: 0 }),
});
export type DemoResetResult = Static<typeof DemoResetResult>;
