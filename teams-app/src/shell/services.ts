import type { ApiClient } from '@klarkonform/shared/ui';
import { createContext, useContext } from 'react';

// What the views call: the shared typed client and the sign-in.
export interface TabServices {
  api: ApiClient;
  signIn: () => Promise<void>;
}

export const ServicesContext = createContext<TabServices | null>(null);

export function useServices(): TabServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}
