import { type Static, Type } from 'typebox';
import { StrictObject, Text } from '../contacts/contact-common.schema';
import { UserId } from '../contacts/contact.schema';

/** A user of the tenant as seen in verified tokens (`oid`, `name`, `preferred_username`). */
export const TenantUser = StrictObject({
  id: UserId,
  name: Text(200),
  email: Type.Optional(Type.String({ maxLength: 320 })),
});
export type TenantUser = Static<typeof TenantUser>;

export const TenantUserList = StrictObject({
  items: Type.Array(TenantUser, { maxItems: 1000 }),
});
export type TenantUserList = Static<typeof TenantUserList>;
