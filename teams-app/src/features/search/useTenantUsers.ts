import type { ApiClient, TenantUser } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

// The tenant's users (GET /api/v1/users), for the owner (Betreuer) filters: one request per
// client however many views ask; a failed one is asked again next time.
const pending = new WeakMap<ApiClient, Promise<TenantUser[]>>();

function loadUsers(api: ApiClient): Promise<TenantUser[]> {
  let users = pending.get(api);
  if (!users) {
    users = api.users();
    pending.set(api, users);
    users.catch(() => pending.delete(api));
  }
  return users;
}

/** The tenant's users by name; empty until loaded (or when they cannot be loaded). */
export function useTenantUsers(): readonly TenantUser[] {
  const { api } = useServices();
  const [users, setUsers] = useState<readonly TenantUser[]>([]);
  useEffect(() => {
    let active = true;
    loadUsers(api).then(
      (list) => active && setUsers([...list].sort((a, b) => a.name.localeCompare(b.name))),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [api]);
  return users;
}
