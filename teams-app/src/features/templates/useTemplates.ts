import type { TemplateSummary } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

export interface TemplatesState {
  items: TemplateSummary[];
  loading: boolean;
  error: unknown;
  /**
   * Whether the admin has the send-time consent check on (GET /send-check/settings `enabled`);
   * undefined while unknown (not loaded, or it failed), so the list claims nothing about it.
   */
  checkEnabled?: boolean;
}

// The tenant's templates (one page, by name) and whether the send check is on; `reload` after a
// save or delete, or after the admin changed the Versandprüfung.
export function useTemplates(): TemplatesState & { reload: () => void } {
  const { api } = useServices();
  const [state, setState] = useState<TemplatesState>({ items: [], loading: true, error: undefined });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` asks again
  useEffect(() => {
    const controller = new AbortController();
    setState((before) => ({ ...before, loading: true, error: undefined }));
    api.listTemplates(controller.signal).then(
      (list) => setState((before) => ({ ...before, items: list.items, loading: false, error: undefined })),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((before) => ({ ...before, loading: false, error }));
      },
    );
    api.sendCheckSettings(controller.signal).then(
      (settings) => setState((before) => ({ ...before, checkEnabled: settings.enabled })),
      () => {
        if (!controller.signal.aborted) setState(({ checkEnabled: _unknown, ...before }) => before);
      },
    );
    return () => controller.abort();
  }, [api, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
