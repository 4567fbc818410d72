import type { ContactOutbox } from '../contacts/contact-writer';
import type { MirrorEntriesRepository } from './mirror-entries.repository';

// The contacts feature's write-ahead outbox (README.md "Write-ahead enqueue"). Writers racing for
// one contact (dozens of notes appended at once) would each enqueue, and the enqueues would race
// on the one entry too. Within this process they are coalesced: an enqueue already on its way
// with a `want` at least as high serves the later caller as well — what a write needs is that an
// enqueue announcing its version has completed before it lands, whoever started it.

export class MirrorOutbox implements ContactOutbox {
  private readonly inflight = new Map<string, { want: number; done: Promise<void> }>();

  constructor(
    private readonly entries: MirrorEntriesRepository,
    /** Asked after every enqueue: the scheduler's debounced run. */
    private readonly changed: (tenantId: string) => void,
  ) {}

  async enqueue(tenantId: string, contactId: string, version: number): Promise<void> {
    const key = `${tenantId}\n${contactId}`;
    for (;;) {
      const running = this.inflight.get(key);
      if (!running) break;
      await running.done.catch(() => undefined);
      if (running.want >= version) return running.done;
    }
    const done = this.entries.enqueue(tenantId, contactId, version).then(() => this.changed(tenantId));
    const slot = { want: version, done };
    this.inflight.set(key, slot);
    try {
      await done;
    } finally {
      if (this.inflight.get(key) === slot) this.inflight.delete(key);
    }
  }
}
