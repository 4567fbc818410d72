import type { MirrorStatus } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useServices } from '../../shell/services';
import { markCheckDone, readCheckDone, reminderDue } from './mirror-reminder';

export interface MondayReminder {
  /** Show the reminder: a Monday, not done yet, the user may manage the mirror, and it is switched on. */
  shown: boolean;
  /** The mirror's status the reminder sums up. */
  status: MirrorStatus | undefined;
  /** The check is done for today (the section was opened, or "Erledigt"). */
  done: () => void;
}

/**
 * The Monday routine "Sync-Status prüfen" for users with mirror:manage (`allowed`). It asks for
 * the mirror's status only on a Monday that is not done yet, and stays silent when the mirror is
 * switched off (the tenant does not use it) or the status cannot be read.
 */
export function useMondayReminder(allowed: boolean): MondayReminder {
  const { api } = useServices();
  const [due, setDue] = useState(() => reminderDue(new Date(), readCheckDone()));
  const [status, setStatus] = useState<MirrorStatus | undefined>();

  useEffect(() => {
    if (!allowed || !due) return;
    const controller = new AbortController();
    api.mirrorStatus(controller.signal).then(setStatus, () => undefined);
    return () => controller.abort();
  }, [api, allowed, due]);

  return {
    shown: allowed && due && status?.enabled === true,
    status,
    done: () => {
      if (!due) return;
      markCheckDone(new Date());
      setDue(false);
    },
  };
}
