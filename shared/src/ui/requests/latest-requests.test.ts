import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Latest, LatestRequests } from './latest-requests';

/** A request the test settles by hand, recording whether it was aborted. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const state = { aborted: false };
  const task = (signal: AbortSignal) => {
    signal.addEventListener('abort', () => {
      state.aborted = true;
    });
    return promise;
  };
  return { task, resolve, reject, state };
}

describe('LatestRequests', () => {
  it('drops an earlier answer that arrives after a newer one', async () => {
    const requests = new LatestRequests();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = requests.run('card', first.task);
    const b = requests.run('card', second.task);
    second.resolve('new');
    first.resolve('old');
    expect(await b).toMatchObject({ current: true, value: 'new' });
    expect(await a).toMatchObject({ current: false });
    expect(first.state.aborted).toBe(true);
    expect(second.state.aborted).toBe(false);
  });

  it('keeps keys apart and numbers starts in order across keys', async () => {
    const requests = new LatestRequests();
    const list = requests.run('list', async () => 'page');
    const row = requests.run('row:1', async () => 'findings');
    const [page, findings] = await Promise.all([list, row]);
    expect(page).toMatchObject({ current: true, value: 'page' });
    expect(findings).toMatchObject({ current: true, value: 'findings' });
    expect(findings.ticket).toBeGreaterThan(page.ticket);
  });

  it('rejects with the newest request’s failure, and swallows an outdated one’s', async () => {
    const requests = new LatestRequests();
    const first = deferred<string>();
    const a = requests.run('k', first.task);
    const b = requests.run('k', async () => {
      throw new Error('offline');
    });
    await expect(b).rejects.toThrow('offline');
    first.reject(new DOMException('aborted', 'AbortError'));
    expect(await a).toMatchObject({ current: false });
  });

  it('outdates and aborts everything on cancel', async () => {
    const requests = new LatestRequests();
    const pending = deferred<number>();
    const a = requests.run('k', pending.task);
    requests.cancel();
    pending.resolve(1);
    expect(await a).toMatchObject({ current: false });
    expect(pending.state.aborted).toBe(true);
    // Usable again afterwards.
    expect(await requests.run('k', async () => 2)).toMatchObject({ current: true, value: 2 });
  });

  it('lets exactly the last started request of a key count, whatever order the answers come in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n }))),
        async ([n, order]) => {
          const requests = new LatestRequests();
          const calls = Array.from({ length: n }, () => deferred<number>());
          const outcomes: Array<Promise<Latest<number>>> = calls.map((call) => requests.run('k', call.task));
          for (const index of order) calls[index]?.resolve(index);
          const settled = await Promise.all(outcomes);
          const current = settled.flatMap((outcome, index) => (outcome.current ? [index] : []));
          expect(current).toEqual([n - 1]);
          expect(settled[n - 1]).toMatchObject({ value: n - 1 });
        },
      ),
    );
  });
});
