import type { Import, ImportSettingsPatch } from '@klarkonform/shared';
import { ApiError } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../shell/services';
import { isActive, pollDelay } from './import-model';

export interface ImportJob {
  /** The import as the API last answered it. */
  imp: Import;
  /** A change or start is under way (buttons wait). */
  busy: boolean;
  /** The last failed call (shown where it happened). */
  failure: unknown;
  /** Someone else changed the import meanwhile (412): reloaded, the user's change was not stored. */
  conflict: boolean;
  clearFailure(): void;
  /** PATCH /imports/:id from the newest version; changes asked for meanwhile wait their turn. True when stored. */
  update(patch: ImportSettingsPatch): Promise<boolean>;
  /** Starts a dry run or the import (the progress is polled from then on). */
  run(dryRun: boolean): Promise<boolean>;
  /** Asks the running job to stop after its current row. */
  cancel(): Promise<boolean>;
  reload(): Promise<void>;
}

/**
 * One import and the calls on it. While a run is queued or running the import is asked for again
 * (GET /imports/:id) every 1–2 s, so the progress moves; a reload of the page finds it again
 * through the list of recent imports and continues polling here.
 */
export function useImportJob(initial: Import, onChange?: (imp: Import) => void): ImportJob {
  const { api } = useServices();
  const [imp, setImp] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const tell = useRef(onChange);
  tell.current = onChange;
  // The newest answer, for the If-Match of a change asked for before the last one was answered.
  const latest = useRef(initial);
  // Changes go out one after the other, each from the version the previous one gave.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const show = useCallback((next: Import) => {
    latest.current = next;
    setImp(next);
    tell.current?.(next);
  }, []);

  const reload = useCallback(async () => {
    try {
      show(await api.getImport(imp.id));
    } catch (error) {
      setFailure(error);
    }
  }, [api, imp.id, show]);

  // Polling while a run is queued or running; stops by itself once it ended.
  const active = isActive(imp.status);
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      timer = setTimeout(() => {
        api.getImport(imp.id, controller.signal).then(
          (next) => {
            if (controller.signal.aborted) return;
            polls += 1;
            show(next);
            if (isActive(next.status)) poll();
          },
          () => {
            // A failed poll is tried again a little later; the last progress stays shown.
            if (!controller.signal.aborted) poll();
          },
        );
      }, pollDelay(polls));
    };
    poll();
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, imp.id, active, show]);

  const attempt = async (call: () => Promise<Import>): Promise<boolean> => {
    setBusy(true);
    setFailure(undefined);
    setConflict(false);
    try {
      show(await call());
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setConflict(true);
        await reload();
      } else {
        setFailure(error);
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    imp,
    busy,
    failure,
    conflict,
    clearFailure: () => {
      setFailure(undefined);
      setConflict(false);
    },
    update(patch) {
      const stored = queue.current.then(() => attempt(() => api.updateImport(imp.id, latest.current.version, patch)));
      queue.current = stored;
      return stored;
    },
    run: (dryRun) => attempt(() => api.runImport(imp.id, dryRun)),
    cancel: () => attempt(() => api.cancelImport(imp.id)),
    reload,
  };
}
