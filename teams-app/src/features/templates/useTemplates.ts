import type { TemplateSummary } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

export interface TemplatesState {
  items: TemplateSummary[];
  loading: boolean;
  error: unknown;
}

// The tenant's templates (one page, by name); `reload` after a save or delete.
export function useTemplates(): TemplatesState & { reload: () => void } {
  const { api } = useServices();
  const [state, setState] = useState<TemplatesState>({ items: [], loading: true, error: undefined });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` asks again
  useEffect(() => {
    const controller = new AbortController();
    setState((before) => ({ ...before, loading: true, error: undefined }));
    api.listTemplates(controller.signal).then(
      (list) => setState({ items: list.items, loading: false, error: undefined }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((before) => ({ ...before, loading: false, error }));
      },
    );
    return () => controller.abort();
  }, [api, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
