// User-timing marks the benchmark reads (tests/bench/taskpane-bench.ts): when the selected
// item changed, and when the card of the person shown for it was first painted.
export const ITEM_CHANGED = 'kk:item-changed';
export const CARD_SHOWN = 'kk:card-shown';

export function markItemChanged(switchId: number): void {
  performance.mark(ITEM_CHANGED, { detail: { switchId } });
}

let lastShown = 0;

export function markCardShown(switchId: number, key: string): void {
  if (switchId <= lastShown) return;
  lastShown = switchId;
  performance.mark(CARD_SHOWN, { detail: { switchId, key } });
}
