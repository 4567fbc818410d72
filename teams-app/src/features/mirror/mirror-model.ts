import type { MirrorCounts, MirrorStatus } from '@klarkonform/shared';

// What the "Microsoft 365-Sync" overview derives from GET /mirror/status. Pure and tested.

/** The counts in the order the overview shows them: the good, the waiting, the failed, the rest. */
export const COUNT_ORDER: readonly (keyof MirrorCounts)[] = ['synced', 'pending', 'error', 'noEmail', 'disabled'];

/** Why "Jetzt synchronisieren" cannot run, or undefined when it can. */
export type RunBlocker = 'notConfigured' | 'disabled' | 'noTargets';

export function runBlocker(status: Pick<MirrorStatus, 'configured' | 'enabled' | 'targets'>): RunBlocker | undefined {
  if (!status.configured) return 'notConfigured';
  if (!status.enabled) return 'disabled';
  if (status.targets.length === 0) return 'noTargets';
  return undefined;
}

/** A "Jetzt synchronisieren" the overview follows: the last run it knew of, and the polls since. */
export interface RunRequest {
  /** The start of the last finished run when the button was pressed (none: no finished run yet). */
  previousStart: string | undefined;
  polls: number;
}

/**
 * A request made while the overview showed `status`. A run going on then counts as the requested
 * one (the API does not start a second), so only a finished last run is remembered.
 */
export function requestFrom(status: Pick<MirrorStatus, 'lastRun'>): RunRequest {
  const last = status.lastRun;
  return { previousStart: last?.finishedAt ? last.startedAt : undefined, polls: 0 };
}

/**
 * Polls after a request before the overview stops saying "angefordert": the API starts the run
 * at once unless another instance holds the lease (then that run's end counts), so this only
 * ends the waiting when the run was deferred (1.5 s apart: about half a minute).
 */
export const MAX_REQUEST_POLLS = 20;
/** How often the overview asks for the status while a run is going on (ms). */
export const POLL_INTERVAL_MS = 1500;

/**
 * - `running`: a run holds the lease (requested or not);
 * - `waiting`: requested, not started yet (keep polling);
 * - `finished`: the requested run (a run that started after the request) has ended;
 * - `queued`: requested, but nothing started within MAX_REQUEST_POLLS polls;
 * - `idle`: nothing requested and nothing running.
 */
export type RunPhase = 'idle' | 'running' | 'waiting' | 'finished' | 'queued';

export function runPhase(status: Pick<MirrorStatus, 'running' | 'lastRun'>, request: RunRequest | undefined): RunPhase {
  if (status.running) return 'running';
  if (!request) return 'idle';
  const last = status.lastRun;
  if (last?.finishedAt && last.startedAt !== request.previousStart) return 'finished';
  return request.polls >= MAX_REQUEST_POLLS ? 'queued' : 'waiting';
}

/** Whether the overview should ask again soon. */
export function shouldPoll(phase: RunPhase): boolean {
  return phase === 'running' || phase === 'waiting';
}
