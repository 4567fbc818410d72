import { errors, type GraphError } from './errors';

/** Outlook's service limits the fake enforces per app and mailbox (learn.microsoft.com/graph/throttling-limits). */
export interface Limits {
  /** Requests per sliding window per app+mailbox (Outlook: 10,000 per 10 minutes). */
  requestsPerWindow: number;
  windowMs: number;
  /** Requests in flight per app+mailbox (Outlook: 4), batch items included. */
  concurrentPerMailbox: number;
  /** Time each Graph request (and batch item) takes before it is executed, in ms. */
  latencyMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  requestsPerWindow: 10_000,
  windowMs: 600_000,
  concurrentPerMailbox: 4,
  latencyMs: 0,
};

export const FAULT_KINDS = ['503', '429', 'timeout', 'drop', 'batch429', 'batch503'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
const BATCH_KINDS: readonly FaultKind[] = ['batch429', 'batch503'];

export interface Faults {
  /** Probability (0…1) that a request (or, for batch kinds, a batch item) gets a fault. */
  rate: number;
  kinds: FaultKind[];
  /** How long a `timeout` fault keeps the request unanswered before closing the socket (ms, default 30,000). */
  holdMs?: number;
}

/** mulberry32: a small seedable PRNG, so fault sequences are reproducible for a given request order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Admission per app+mailbox: sliding window and concurrency; picks injected faults. */
export class Governor {
  limits: Limits = { ...DEFAULT_LIMITS };
  faults: Faults | null = null;
  readonly random: () => number;
  private readonly windows = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();
  /** Per key: when the last limit 429 was given and until when it asked the client to wait (ms). */
  private readonly blocked = new Map<string, { from: number; until: number }>();
  maxConcurrent = 0;
  /** Requests that arrived while a limit 429's Retry-After for their key was still running. */
  retryAfterIgnored = 0;
  throttledByWindow = 0;
  throttledByConcurrency = 0;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  /**
   * Admits one request for `key` (app+mailbox) or returns the 429 to answer. The concurrency high
   * mark counts every arriving request, the refused ones too, so it shows what the client attempted.
   */
  admit(key: string, now = Date.now(), sentAt = now): { release: () => void } | GraphError {
    const current = (this.inFlight.get(key) ?? 0) + 1;
    // Sent after a 429 was given and before its Retry-After ran out (items of the batch that got
    // the 429 were sent with it, before it, and do not count).
    const block = this.blocked.get(key);
    if (block && sentAt >= block.from && sentAt < block.until) this.retryAfterIgnored += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, current);
    const stamps = this.windows.get(key) ?? [];
    this.windows.set(key, stamps);
    const from = now - this.limits.windowMs;
    let drop = 0;
    while (drop < stamps.length && stamps[drop]! <= from) drop += 1;
    if (drop) stamps.splice(0, drop);
    if (stamps.length >= this.limits.requestsPerWindow) {
      this.throttledByWindow += 1;
      const wait = Math.max(1, Math.ceil((stamps[0]! + this.limits.windowMs - now) / 1000));
      this.blocked.set(key, { from: now, until: now + wait * 1000 });
      return errors.throttled(wait, 'Application is over its MailboxRequests limit.');
    }
    if (current > this.limits.concurrentPerMailbox) {
      this.throttledByConcurrency += 1;
      this.blocked.set(key, { from: now, until: now + 1000 });
      return errors.throttled(1);
    }
    stamps.push(now);
    this.inFlight.set(key, current);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
      },
    };
  }

  /** A fault for a top-level request (503/429/timeout/drop) or a batch item (batch429/batch503), or none. */
  pickFault(batchItem: boolean): FaultKind | undefined {
    const f = this.faults;
    if (!f || f.rate <= 0) return undefined;
    const kinds = f.kinds.filter((k) => BATCH_KINDS.includes(k) === batchItem);
    if (!kinds.length) return undefined;
    if (this.random() >= f.rate) return undefined;
    return kinds[Math.floor(this.random() * kinds.length)];
  }

  resetCounters(): void {
    this.maxConcurrent = 0;
    this.throttledByWindow = 0;
    this.throttledByConcurrency = 0;
    this.retryAfterIgnored = 0;
  }
}
