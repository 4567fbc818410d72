import { describe, expect, it } from 'vitest';
import { MirrorCounts } from '../../../../shared/src/mirror/mirror.schema';
import { COUNT_ORDER, MAX_REQUEST_POLLS, requestFrom, runBlocker, runPhase, shouldPoll } from './mirror-model';
import { checkDay, reminderDue } from './mirror-reminder';

const run = (startedAt: string, finishedAt?: string) => ({
  trigger: 'manual' as const,
  startedAt,
  ...(finishedAt ? { finishedAt } : {}),
  pushed: 1,
  pulled: 0,
  failed: 0,
});

describe('mirror overview', () => {
  it('shows every count of the contract once', () => {
    expect([...COUNT_ORDER].sort()).toEqual(Object.keys(MirrorCounts.properties).sort());
  });

  it('says why "Jetzt synchronisieren" cannot run', () => {
    const target = { mailbox: 'vertrieb@muster.de', folderName: 'KlarKonform CRM', folderReady: true };
    expect(runBlocker({ configured: false, enabled: true, targets: [target] })).toBe('notConfigured');
    expect(runBlocker({ configured: true, enabled: false, targets: [target] })).toBe('disabled');
    expect(runBlocker({ configured: true, enabled: true, targets: [] })).toBe('noTargets');
    expect(runBlocker({ configured: true, enabled: true, targets: [target] })).toBeUndefined();
  });

  it('follows a requested run until a run that started after the request has ended', () => {
    const before = { running: false, lastRun: run('2026-12-01T09:00:00Z', '2026-12-01T09:00:05Z') };
    const request = requestFrom(before);
    expect(runPhase(before, undefined)).toBe('idle');
    expect(runPhase(before, request)).toBe('waiting');
    expect(runPhase({ running: true, lastRun: run('2026-12-01T10:00:00Z') }, request)).toBe('running');
    const after = { running: false, lastRun: run('2026-12-01T10:00:00Z', '2026-12-01T10:00:03Z') };
    expect(runPhase(after, request)).toBe('finished');
    expect(runPhase(before, { ...request, polls: MAX_REQUEST_POLLS })).toBe('queued');
    expect(['idle', 'running', 'waiting', 'finished', 'queued'].filter((p) => shouldPoll(p as never))).toEqual([
      'running',
      'waiting',
    ]);
  });

  it('counts a run going on at the request as the requested one', () => {
    const going = { running: true, lastRun: run('2026-12-01T10:00:00Z') };
    const request = requestFrom(going);
    const ended = { running: false, lastRun: run('2026-12-01T10:00:00Z', '2026-12-01T10:00:09Z') };
    expect(runPhase(ended, request)).toBe('finished');
    // The first run of a tenant: no earlier run to tell it from.
    expect(runPhase(ended, requestFrom({}))).toBe('finished');
  });
});

describe('Monday check', () => {
  it('is due on a Berlin Monday until done that day', () => {
    // Monday 30.11.2026, 00:30 in Berlin is still Sunday in UTC.
    expect(checkDay(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(checkDay(new Date('2026-11-30T23:30:00Z'))).toBeUndefined();
    const monday = new Date('2026-11-30T08:00:00Z');
    expect(reminderDue(monday, null)).toBe(true);
    expect(reminderDue(monday, '2026-11-30')).toBe(false);
    expect(reminderDue(monday, '2026-11-23')).toBe(true);
    expect(reminderDue(new Date('2026-12-01T08:00:00Z'), null)).toBe(false);
  });
});
