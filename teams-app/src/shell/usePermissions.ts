import type { ApiClient, Me } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useServices } from './services';

export type Permission = Me['permissions'][number];

// One `GET /api/v1/me` per client, however many views ask; a failed one is asked again.
const pending = new WeakMap<ApiClient, Promise<Me>>();

function loadMe(api: ApiClient): Promise<Me> {
  let me = pending.get(api);
  if (!me) {
    me = api.me();
    pending.set(api, me);
    me.catch(() => pending.delete(api));
  }
  return me;
}

// What the signed-in user may do. Actions stay hidden until that is known; the API enforces
// the permissions either way.
export function usePermissions(): (permission: Permission) => boolean {
  const { api } = useServices();
  const [me, setMe] = useState<Me | undefined>();
  useEffect(() => {
    let active = true;
    loadMe(api).then(
      (value) => active && setMe(value),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [api]);
  return (permission) => me?.permissions.includes(permission) ?? false;
}
