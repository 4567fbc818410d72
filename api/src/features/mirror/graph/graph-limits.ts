import { sleep } from './graph-client';

// How the mirror stays within Outlook's limits per mailbox (m365-tech.md §3.6): requests in flight
// and Retry-After.

/**
 * A weighted semaphore: requests in flight to one mailbox, a batch counting as many as it runs at
 * once (Outlook runs four items of a batch in parallel, and counts them against the same limit).
 */
export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async run<T>(weight: number, task: () => Promise<T>): Promise<T> {
    const w = Math.min(Math.max(1, weight), this.limit);
    while (this.active + w > this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active += w;
    try {
      return await task();
    } finally {
      this.active -= w;
      for (const wake of this.queue.splice(0)) wake();
    }
  }
}

/** Holds back every request to a mailbox until a Retry-After it was given has passed. */
export class RetryGate {
  private until = 0;
  block(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms);
  }
  async wait(signal: AbortSignal): Promise<void> {
    for (let left = this.until - Date.now(); left > 0; left = this.until - Date.now()) await sleep(left, signal);
  }
}

/** What a mailbox needs besides the Graph client: its limiter and gate, a fresh token after a 401. */
export interface MailboxContext {
  limiter: Limiter;
  gate: RetryGate;
  signal: AbortSignal;
  /** The next token request bypasses msal's cache (Graph refused the cached one). */
  refreshToken: () => void;
}
