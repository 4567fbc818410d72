// One guard per event: Outlook's handler must call `event.completed` exactly once on every path
// (without it, softBlock blocks all sending; m365-tech.md §6.3, pitfall 26). A watchdog
// completes with the fallback well before Outlook's "taking longer" dialog at 5 s.

/** What `event.completed` takes (Smart Alerts options; empty for other events). */
export type CompletedOptions = Office.SmartAlertsEventCompletedOptions | undefined;

/** The event object the runtime hands to a handler: only `completed` is used. */
export interface CompletableEvent {
  completed(options?: CompletedOptions): void;
}

export interface Completion {
  /** Completes with `options` unless already completed; true when this call completed. */
  complete(options: CompletedOptions): boolean;
  /** What the watchdog completes with from now on (once the decision is known, that decision). */
  setFallback(fallback: () => CompletedOptions): void;
  readonly done: boolean;
}

/** The guard for `event`: the watchdog fires `watchdogMs` after this call (ms). */
export function guardCompletion(
  event: CompletableEvent,
  fallback: () => CompletedOptions,
  watchdogMs: number,
): Completion {
  let done = false;
  let current = fallback;
  const complete = (options: CompletedOptions): boolean => {
    if (done) return false;
    done = true;
    clearTimeout(timer);
    try {
      if (options === undefined) event.completed();
      else event.completed(options);
    } catch {
      // An option the client does not know: completing plainly still lets the user go on.
      try {
        event.completed(
          options?.allowEvent === false ? { allowEvent: false, errorMessage: options.errorMessage } : undefined,
        );
      } catch {
        // Nothing more can be done from here.
      }
    }
    return true;
  };
  const timer = setTimeout(() => {
    let options: CompletedOptions;
    try {
      options = current();
    } catch {
      options = undefined;
    }
    complete(options);
  }, watchdogMs);
  return {
    complete,
    setFallback(next) {
      current = next;
    },
    get done() {
      return done;
    },
  };
}
