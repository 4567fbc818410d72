import type { ApiClient } from '@klarkonform/shared/ui';
import { createContext, useContext } from 'react';
import type { InsightsApi } from '../api/insights-api';

// What the views call: the shared typed client, the data-care calls, and the sign-in.
export interface TabServices {
  api: ApiClient;
  insights: InsightsApi;
  signIn: () => Promise<void>;
}

export const ServicesContext = createContext<TabServices | null>(null);

export function useServices(): TabServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}
