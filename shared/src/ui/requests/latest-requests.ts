// Only the newest answer counts: a list reloaded twice, a card loaded again after a save, the
// findings of one contact refreshed after each of two quick saves. Each request is started
// under a key; starting another under the same key aborts the earlier one and marks its
// outcome as outdated, so a slower earlier response can never overwrite a newer one.

/** The outcome of a request: its value, or `current: false` when a newer one of its key took over. */
export type Latest<T> = { current: true; value: T; ticket: number } | { current: false; ticket: number };

/**
 * Requests by key, where only the most recent one of each key counts. `ticket`s increase with
 * every start across all keys, so a caller can also tell which of two keys' answers is newer
 * (a page of a list loaded before or after one of its rows was refreshed).
 */
export class LatestRequests<K = string> {
  private tickets = 0;
  private readonly running = new Map<K, { ticket: number; controller: AbortController }>();

  /**
   * Starts `task` as the newest request of `key`, aborting the one before it. Resolves with its
   * value, or with `current: false` if a newer request of `key` started (or `cancel` ran) before
   * it settled — also when it failed then. A failure of the newest request rejects.
   */
  async run<T>(key: K, task: (signal: AbortSignal) => Promise<T>): Promise<Latest<T>> {
    this.running.get(key)?.controller.abort();
    const ticket = ++this.tickets;
    const controller = new AbortController();
    this.running.set(key, { ticket, controller });
    const isCurrent = () => this.running.get(key)?.ticket === ticket && !controller.signal.aborted;
    try {
      const value = await task(controller.signal);
      if (!isCurrent()) return { current: false, ticket };
      return { current: true, value, ticket };
    } catch (err) {
      if (!isCurrent()) return { current: false, ticket };
      throw err;
    } finally {
      if (this.running.get(key)?.ticket === ticket) this.running.delete(key);
    }
  }

  /** Aborts every running request (e.g. the view went away); their outcomes are outdated. */
  cancel(): void {
    for (const { controller } of this.running.values()) controller.abort();
    this.running.clear();
  }
}
