import type { ImportSummary } from '@klarkonform/shared';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

/** "Letzte Importe" (GET /imports, the tenant's 20 newest), loaded with the view and on `reload`. */
export function useRecentImports() {
  const { api } = useServices();
  const [items, setItems] = useState<ImportSummary[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again.
  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    api.listImports(controller.signal).then(
      (list) => !controller.signal.aborted && setItems(list.items),
      (failure: unknown) => !controller.signal.aborted && setError(failure),
    );
    return () => controller.abort();
  }, [api, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { items, error, reload };
}
