import { useEffect, useState } from 'react';
import type { TenantUser } from '../../users/user.schema';
import { useApi } from '../api-context';

export interface TenantUsers {
  status: 'loading' | 'done' | 'failed';
  users: TenantUser[];
}

/** The tenant's users (GET /users), loaded once when the editor opens: whom a contact can be handed to. */
export function useTenantUsers(): TenantUsers {
  const api = useApi();
  const [state, setState] = useState<TenantUsers>({ status: 'loading', users: [] });
  useEffect(() => {
    const controller = new AbortController();
    api.users(controller.signal).then(
      (users) => setState({ status: 'done', users }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed', users: [] });
      },
    );
    return () => controller.abort();
  }, [api]);
  return state;
}
