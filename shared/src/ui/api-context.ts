import { createContext, useContext } from 'react';
import type { ApiClient } from '../http/api-client';

// The typed API client for the forms (create, edit, consent, notes); the card itself only
// takes data as props.
export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
