/**
 * Runs tasks that share a key one after another, in arrival order, within this process; tasks with
 * different keys run concurrently. Used where a short critical section must not interleave (e.g. a
 * tenant's contact numbers: draw, store, give back). It does not coordinate several processes: the
 * database's unique indexes and version checks still decide between instances.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Resolves with `task`'s result (or rejects with its error) once every earlier task of `key` has ended. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
