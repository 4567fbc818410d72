import { useCallback, useMemo, useState } from 'react';
import type { EditorField } from './edit-fields';

export interface TouchedFields {
  add: (field: EditorField) => void;
  /** Whether the form's rule for `field` may speak yet: once the user has left it (or a related input). */
  shows: (field: EditorField) => boolean;
}

// Problems appear once the user leaves an input, not while they type the first characters;
// a save shows all of them. The e-mail list's problem follows any of its rows, the budget's
// range problem either bound.
export function useTouchedFields(): TouchedFields {
  const [touched, setTouched] = useState<ReadonlySet<EditorField>>(new Set());
  const add = useCallback(
    (field: EditorField) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field))),
    [],
  );
  return useMemo(
    () => ({
      add,
      shows: (field) =>
        touched.has(field) ||
        (field === 'emails' && [...touched].some((f) => f.startsWith('emails.'))) ||
        (field === 'lead.budget.maxEur' && touched.has('lead.budget.minEur')),
    }),
    [add, touched],
  );
}
