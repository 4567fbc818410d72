import { errors, GraphError } from './errors';

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
  /** Per key: when the last limit 429 was answered and until when it asked the client to wait (ms). */
  private readonly blocked = new Map<string, { from: number; until: number }>();
  /** Limit 429s decided but not answered yet: their key and until when they ask the client to wait. */
  private readonly unanswered = new WeakMap<GraphError, { key: string; until: number }>();
  maxConcurrent = 0;
  /** Requests that arrived while a limit 429's Retry-After for their key was still running. */
  retryAfterIgnored = 0;
  /** Time (ms) some app+mailbox had a call in flight, summed over the keys: how long Graph was busy. */
  busyMs = 0;
  private readonly busySince = new Map<string, number>();
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
    // Sent after a 429 was answered and before its Retry-After ran out (requests already in flight
    // when it was answered, the items of the batch that got it among them, do not count).
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
      return this.refuse(
        key,
        now + wait * 1000,
        errors.throttled(wait, 'Application is over its MailboxRequests limit.'),
      );
    }
    if (current > this.limits.concurrentPerMailbox) {
      this.throttledByConcurrency += 1;
      return this.refuse(key, now + 1000, errors.throttled(1));
    }
    stamps.push(now);
    this.inFlight.set(key, current);
    if (current === 1) this.busySince.set(key, now);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const left = (this.inFlight.get(key) ?? 1) - 1;
        this.inFlight.set(key, left);
        if (left === 0) this.busyMs += Date.now() - (this.busySince.get(key) ?? Date.now());
      },
    };
  }

  private refuse(key: string, until: number, err: GraphError): GraphError {
    this.unanswered.set(err, { key, until });
    return err;
  }

  /**
   * The HTTP answer carrying `refusals` (a 429, or a batch with 429 items) goes out at `at`: from
   * then on a request for their key is sent against their Retry-After. Other errors are ignored.
   */
  answered(refusals: readonly unknown[], at = Date.now()): void {
    for (const err of refusals) {
      const pending = err instanceof GraphError ? this.unanswered.get(err) : undefined;
      if (!pending) continue;
      this.unanswered.delete(err as GraphError);
      const running = this.blocked.get(pending.key);
      this.blocked.set(
        pending.key,
        running && running.until > at
          ? { from: running.from, until: Math.max(running.until, pending.until) }
          : { from: at, until: pending.until },
      );
    }
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
    this.busyMs = 0;
  }
}
