import { type RefObject, useEffect, useRef } from 'react';

// A view that opens over the card (create, edit, consent, notes) moves focus to its heading, so
// keyboard and screen-reader users land where the new content starts.
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
