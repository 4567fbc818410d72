import { type MirrorStatus, useLatestRequests } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../shell/services';
import { POLL_INTERVAL_MS, type RunPhase, type RunRequest, requestFrom, runPhase, shouldPoll } from './mirror-model';

export interface MirrorStatusState {
  status: MirrorStatus | undefined;
  /** When the shown status was fetched (for "Stand: 10:15"). */
  fetchedAt: Date | undefined;
  error: unknown;
  /** A request of the user is being sent, or a refresh they asked for. */
  busy: boolean;
  phase: RunPhase;
  /** The failure of the last "Jetzt synchronisieren" (the API refused it). */
  runError: unknown;
  refresh: () => Promise<void>;
  runNow: () => Promise<void>;
}

/**
 * GET /mirror/status for the overview. While a run is going on (or one was requested and has not
 * started yet) it asks again every POLL_INTERVAL_MS until the run has ended; only the newest
 * answer counts (LatestRequests), and polling stops with the view.
 */
export function useMirrorStatus(): MirrorStatusState {
  const { api } = useServices();
  const requests = useLatestRequests();
  const [status, setStatus] = useState<MirrorStatus | undefined>();
  const [fetchedAt, setFetchedAt] = useState<Date | undefined>();
  const [error, setError] = useState<unknown>();
  const [runError, setRunError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [request, setRequest] = useState<RunRequest | undefined>();
  const statusRef = useRef(status);
  statusRef.current = status;

  const show = useCallback((next: MirrorStatus) => {
    setStatus(next);
    setFetchedAt(new Date());
    setError(undefined);
  }, []);

  const load = useCallback(async () => {
    try {
      const outcome = await requests.run('status', (signal) => api.mirrorStatus(signal));
      if (outcome.current) show(outcome.value);
    } catch (err) {
      setError(err);
    }
  }, [api, requests, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const phase = status ? runPhase(status, request) : 'idle';

  // One timer at a time: each answer (a new `status`) schedules the next poll while it is needed.
  useEffect(() => {
    if (!status || !shouldPoll(phase)) return;
    const timer = setTimeout(() => {
      setRequest((before) => (before ? { ...before, polls: before.polls + 1 } : before));
      void load();
    }, POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [phase, load, status]);

  const refresh = useCallback(async () => {
    setBusy(true);
    await load();
    setBusy(false);
  }, [load]);

  const runNow = useCallback(async () => {
    const before = statusRef.current;
    if (!before) return;
    setBusy(true);
    setRunError(undefined);
    setRequest(requestFrom(before));
    try {
      // The run request answers with the overview as it stands (202); the run goes on after it.
      // Under the status key: an answer to an earlier GET no longer counts.
      const outcome = await requests.run('status', () => api.runMirror());
      if (outcome.current) show(outcome.value);
    } catch (err) {
      setRequest(undefined);
      setRunError(err);
    } finally {
      setBusy(false);
    }
  }, [api, requests, show]);

  return { status, fetchedAt, error, busy, phase, runError, refresh, runNow };
}
