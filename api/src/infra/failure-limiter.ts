/**
 * Counts failures per key (a client address) in fixed windows of `windowMs` (ms) and says when a
 * key has used up its `max` failures: then requests of that key are refused before any work is
 * done (e.g. verifying a token). Kept in this process' memory: with several API instances each
 * counts its own share (the effective limit is the sum).
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again, or 0 if it may now. */
  blockedFor(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now || w.count < this.max) return 0;
    return Math.max(1, Math.ceil((w.resetAt - now) / 1000));
  }

  /** Records one failure of `key`. */
  fail(key: string, now = Date.now()): void {
    this.sweep(now);
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
    else w.count++;
  }

  /** Forgets ended windows now and then, so a flood from many addresses does not grow the map for good. */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.windowMs;
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
