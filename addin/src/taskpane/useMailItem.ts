import { useEffect, useState } from 'react';
import type { MailboxHost, MailItem } from '../office/mailbox-host';
import { markItemChanged } from './perf-marks';

export interface CurrentItem {
  item: MailItem | null;
  /** Counts item switches (ItemChanged in a pinned pane); 0 until the first read. */
  switchId: number;
}

// The selected mail or meeting; follows ItemChanged. A slow read of an older item never
// overwrites a newer one.
export function useMailItem(host: MailboxHost, enabled: boolean): CurrentItem {
  const [current, setCurrent] = useState<CurrentItem>({ item: null, switchId: 0 });
  useEffect(() => {
    if (!enabled) return;
    let latest = 0;
    let active = true;
    const read = () => {
      const switchId = ++latest;
      markItemChanged(switchId);
      host.getItem().then(
        (item) => {
          if (active && switchId === latest) setCurrent({ item, switchId });
        },
        () => {
          if (active && switchId === latest) setCurrent({ item: null, switchId });
        },
      );
    };
    read();
    const off = host.onItemChanged(read);
    return () => {
      active = false;
      off();
    };
  }, [host, enabled]);
  return current;
}
