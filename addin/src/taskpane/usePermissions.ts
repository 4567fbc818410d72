import { useEffect, useState } from 'react';
import type { ApiClient, Me } from '@klarkonform/shared/ui';

type Permission = Me['permissions'][number];

// Who is signed in and what they may do; loaded next to the first cards, never before them.
// Until it is known, actions are shown (the API decides in the end).
export function usePermissions(api: ApiClient): (permission: Permission) => boolean {
  const [me, setMe] = useState<Me | undefined>();
  useEffect(() => {
    let active = true;
    api.me().then(
      (value) => active && setMe(value),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [api]);
  return (permission) => !me || me.permissions.includes(permission);
}
