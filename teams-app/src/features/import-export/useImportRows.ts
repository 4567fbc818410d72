import type { ImportRowFilter, ImportRowPage, ImportRowPreview } from '@klarkonform/shared';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

/** Rows per page of the preview. */
export const PREVIEW_PAGE = 20;

export interface ImportRows {
  page: ImportRowPage | undefined;
  loading: boolean;
  error: unknown;
  reload(): void;
  /** Puts a row's new state (after a changed action) in place without reloading the page. */
  replace(row: ImportRowPreview): void;
}

/**
 * A page of the preview (GET /imports/:id/rows): rows as they will be stored, their problems and
 * duplicate verdicts. `version` is the import's: a changed mapping or value reloads the page; a
 * newer request outdates a slower earlier one (aborted).
 */
export function useImportRows(importId: string, filter: ImportRowFilter, offset: number, version: string): ImportRows {
  const { api } = useServices();
  const [page, setPage] = useState<ImportRowPage | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` and `attempt` ask for the page again.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api.importRows(importId, { filter, offset, limit: PREVIEW_PAGE }, controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        setPage(next);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [api, importId, filter, offset, version, attempt]);

  const replace = useCallback((row: ImportRowPreview) => {
    setPage(
      (before) => before && { ...before, items: before.items.map((item) => (item.row === row.row ? row : item)) },
    );
  }, []);

  return { page, loading, error, reload: () => setAttempt((n) => n + 1), replace };
}
