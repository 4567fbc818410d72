import { useSyncExternalStore } from 'react';
import type { CardStore } from './card-store';

/** Re-renders whenever any card in the store changes. */
export function useCardStore(store: CardStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
