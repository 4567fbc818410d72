import type { Client } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { GraphFailure } from './graph-errors';
import { Limiter, RetryGate } from './graph-limits';
import { GraphMailbox } from './graph-mailbox';

// The per-mailbox gate: a single request answered 429 holds back the request that waited for its
// slot until the Retry-After has passed (m365-tech.md §3.6: nothing is sent during a Retry-After).

/** A Graph client whose GET answers come from `answer`, one call after the other. */
function stubClient(answer: (call: number) => Promise<unknown>): { client: Client; started: number[] } {
  const started: number[] = [];
  const request = {
    header: () => request,
    get: () => {
      started.push(Date.now());
      return answer(started.length);
    },
  };
  return { client: { api: () => request } as unknown as Client, started };
}

describe('GraphMailbox', () => {
  it('closes the gate on a 429 before the next request takes the slot', async () => {
    const retryAfter = 300;
    let throttledAt = 0;
    const { client, started } = stubClient(async (call) => {
      if (call === 1) {
        throttledAt = Date.now();
        throw new GraphFailure(429, 'ApplicationThrottled', 'Throttled.', retryAfter);
      }
      return { value: [] };
    });
    const mailbox = new GraphMailbox(client, 'a@b.de', {
      limiter: new Limiter(1),
      gate: new RetryGate(),
      signal: new AbortController().signal,
      refreshToken: () => {},
    });
    // Two requests for one slot: the second waits for the first, which is throttled and retried.
    await Promise.all([mailbox.deltaPage('/first'), mailbox.deltaPage('/second')]);
    expect(started).toHaveLength(3);
    // Neither the waiting request nor the retry went out before the Retry-After ran out.
    for (const at of started.slice(1)) expect(at).toBeGreaterThanOrEqual(throttledAt + retryAfter);
  });
});
