import type { Client } from '@microsoft/microsoft-graph-client';
import type { Contact as GraphContact } from '@microsoft/microsoft-graph-types';
import { GRAPH_SELECT } from '../contact-mapping.rules';
import { failureOf, IMMUTABLE_ID, MAX_WAIT_MS, sleep } from './graph-client';
import type { MailboxContext } from './graph-limits';
import { GraphFailure, graphErrorOf, retryAfterMs } from './graph-errors';

// What the mirror asks of one mailbox through Graph (m365-tech.md §3): its contact folder, the
// folder's delta, listing it with our id, and JSON batches of writes. At most four requests are
// in flight per mailbox (Outlook's limit per app and mailbox, §3.6).

/**
 * Our contact id on the Outlook contact: a single-value extended property with our own GUID
 * (§3.4; the Name part is case-sensitive). Filterable server-side, unlike open extensions.
 */
export const CRM_ID_PROPERTY = 'String {b8d7b5c2-6f1e-4c53-9a0e-2f4a7d1c9e31} Name KlarKonformContactId';

/** Requests in flight per mailbox at most (Outlook service limit, throttling-limits.md). */
export const MAX_IN_FLIGHT = 4;
/** Requests per JSON batch at most (json-batching.md). */
export const BATCH_SIZE = 20;
/** Rounds of retrying throttled or failed batch items within one run. */
const BATCH_ROUNDS = 6;
const PAGE_SIZE = 100;

/** Attempts of one request at most. */
const MAX_ATTEMPTS = 5;
/** The wait before attempt `attempt + 1` when Graph named none (ms): 1 s, 2 s, 4 s … at most MAX_WAIT_MS. */
const backoffMs = (attempt: number) => Math.min(MAX_WAIT_MS, 1000 * 2 ** (attempt - 1));

/** One write of a batch. `create` marks a POST whose repetition would make a second contact. */
export interface BatchWrite {
  id: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: Record<string, unknown>;
  create?: boolean;
}

/** A batch item's outcome: its status (0: no answer), and its body or Graph's error. */
export interface BatchOutcome {
  status: number;
  body?: GraphContact;
  code?: string;
  message?: string;
}

interface BatchResponse {
  responses?: Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }>;
}

/** An Outlook contact with our id read from its extended property (undefined when it has none). */
export interface TaggedContact {
  id: string;
  crmId?: string;
  contact: GraphContact;
}

const enc = encodeURIComponent;
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
const EXPAND_CRM_ID = `singleValueExtendedProperties($filter=id eq ${quote(CRM_ID_PROPERTY)})`;

function crmIdOf(contact: GraphContact): string | undefined {
  const prop = contact.singleValueExtendedProperties?.find(
    (p) => p.id?.toLowerCase() === CRM_ID_PROPERTY.toLowerCase(),
  );
  return prop?.value ?? undefined;
}

export class GraphMailbox {
  readonly base: string;

  private readonly signal: AbortSignal;

  constructor(
    private readonly client: Client,
    readonly mailbox: string,
    private readonly ctx: MailboxContext,
  ) {
    this.base = `/users/${enc(mailbox)}`;
    this.signal = ctx.signal;
  }

  /**
   * One request through the mailbox's gate and limiter. A 429 blocks the mailbox for its
   * Retry-After and is retried; a 5xx or no answer is retried when `idempotent` (never a create:
   * its outcome is unknown); a 401 once with a fresh token. Throws a GraphFailure otherwise.
   */
  private async call<T>(request: () => Promise<T>, opts: { idempotent?: boolean; weight?: number } = {}): Promise<T> {
    const idempotent = opts.idempotent ?? true;
    for (let attempt = 1; ; attempt++) {
      try {
        // The gate is checked once a slot is ours: a request queued behind the limiter while
        // another one was told to wait must not go out during that Retry-After.
        return await this.ctx.limiter.run(opts.weight ?? 1, async () => {
          await this.ctx.gate.wait(this.signal);
          try {
            return await request();
          } catch (err) {
            // A 429 closes the gate before the slot is given up: the request queued for the slot
            // must not go out during this Retry-After.
            const failure = failureOf(err, this.signal);
            if (failure instanceof GraphFailure && failure.status === 429) {
              const wait = failure.retryAfterMs ?? backoffMs(attempt);
              if (wait <= MAX_WAIT_MS) this.ctx.gate.block(wait);
            }
            throw failure;
          }
        });
      } catch (err) {
        const failure = failureOf(err, this.signal);
        if (!(failure instanceof GraphFailure) || attempt >= MAX_ATTEMPTS) throw failure;
        if (failure.status === 401 && attempt === 1) {
          this.ctx.refreshToken();
          continue;
        }
        const wait = failure.retryAfterMs ?? backoffMs(attempt);
        const again = failure.status === 429 || (idempotent && failure.transient);
        if (!again || wait > MAX_WAIT_MS) throw failure;
        if (failure.status === 429 || failure.retryAfterMs !== undefined) this.ctx.gate.block(wait);
        else await sleep(wait, this.signal);
      }
    }
  }

  /** The id of the top-level contact folder `name`, created when missing. */
  async ensureFolder(name: string, again = false): Promise<string> {
    const found = await this.call<{ value?: Array<{ id: string; displayName?: string }> }>(() =>
      this.client
        .api(`${this.base}/contactFolders?$filter=${enc(`displayName eq ${quote(name)}`)}&$select=id,displayName`)
        .get(),
    );
    const folder = found.value?.find((f) => f.displayName === name) ?? found.value?.[0];
    if (folder) return folder.id;
    try {
      const created = await this.call<{ id: string }>(
        () => this.client.api(`${this.base}/contactFolders`).post({ displayName: name }),
        { idempotent: false },
      );
      return created.id;
    } catch (err) {
      // Created meanwhile, or by an earlier attempt whose answer was lost (409 ErrorFolderExists).
      if (err instanceof GraphFailure && (err.status === 409 || err.transient) && !again) {
        return this.ensureFolder(name, true);
      }
      throw err;
    }
  }

  /** The first request of a folder's delta (no token yet): the fields the mirror reads. */
  deltaStart(folderId: string): string {
    return `${this.base}/contactFolders/${enc(folderId)}/contacts/delta?$select=${GRAPH_SELECT}`;
  }

  /** One page of a delta: its items and the next link, or the delta link when it was the last page. */
  async deltaPage(link: string): Promise<{ items: GraphContact[]; nextLink?: string; deltaLink?: string }> {
    const page = await this.call<{ value?: GraphContact[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string }>(
      () => this.client.api(link).header('Prefer', `odata.maxpagesize=${PAGE_SIZE}`).get(),
    );
    return {
      items: page.value ?? [],
      ...(page['@odata.nextLink'] ? { nextLink: page['@odata.nextLink'] } : {}),
      ...(page['@odata.deltaLink'] ? { deltaLink: page['@odata.deltaLink'] } : {}),
    };
  }

  /** Every contact of the folder with our id, page by page (reconciliation after a lost create or a lost delta). */
  async *listTagged(folderId: string): AsyncGenerator<TaggedContact[]> {
    let link: string | undefined =
      `${this.base}/contactFolders/${enc(folderId)}/contacts?$select=${GRAPH_SELECT}&$top=${PAGE_SIZE}&$expand=${enc(EXPAND_CRM_ID)}`;
    while (link) {
      const current: string = link;
      const page = await this.call<{ value?: GraphContact[]; '@odata.nextLink'?: string }>(() =>
        this.client.api(current).get(),
      );
      yield (page.value ?? []).map((c) => {
        const crmId = crmIdOf(c);
        return { id: String(c.id), contact: c, ...(crmId ? { crmId } : {}) };
      });
      link = page['@odata.nextLink'];
    }
  }

  /** One contact with its fields and our id; null when it no longer exists. */
  async getTagged(outlookId: string): Promise<(GraphContact & { crmId?: string }) | null> {
    try {
      const contact = await this.call<GraphContact>(() =>
        this.client
          .api(`${this.base}/contacts/${enc(outlookId)}?$select=${GRAPH_SELECT}&$expand=${enc(EXPAND_CRM_ID)}`)
          .get(),
      );
      const crmId = crmIdOf(contact);
      return { ...contact, ...(crmId ? { crmId } : {}) };
    } catch (err) {
      if (err instanceof GraphFailure && err.status === 404) return null;
      throw err;
    }
  }

  /** The relative URL that creates a contact in the folder. */
  createUrl(folderId: string): string {
    return `${this.base}/contactFolders/${enc(folderId)}/contacts`;
  }

  /** The relative URL of one Outlook contact. */
  contactUrl(outlookId: string): string {
    return `${this.base}/contacts/${enc(outlookId)}`;
  }

  /**
   * Sends writes as JSON batches of at most 20 and returns each one's outcome by id. Items
   * answered 429, 503 or 504 (inside the batch: the SDK never sees them) are sent again after
   * the longest Retry-After among them, up to six rounds. `ambiguous` reports a create whose
   * outcome was unknown at some point (a 5xx or no answer): it may exist twice in Outlook, and
   * the caller reconciles the folder before creating again. Throws a GraphFailure when the
   * batch request itself is refused (mailbox gone, access denied, sign-in failed).
   */
  async batch(writes: readonly BatchWrite[]): Promise<{ outcomes: Map<string, BatchOutcome>; ambiguous: boolean }> {
    const outcomes = new Map<string, BatchOutcome>();
    let ambiguous = false;
    let pending = [...writes];
    for (let round = 0; round < BATCH_ROUNDS && pending.length > 0; round++) {
      const retry: BatchWrite[] = [];
      let wait = 0;
      const chunks: BatchWrite[][] = [];
      for (let i = 0; i < pending.length; i += BATCH_SIZE) chunks.push(pending.slice(i, i + BATCH_SIZE));
      await Promise.all(
        chunks.map(async (chunk) => {
          let response: BatchResponse;
          try {
            response = await this.call<BatchResponse>(
              async () => {
                const answer = (await this.client
                  .api('/$batch')
                  .post({ requests: chunk.map((w) => this.batchRequest(w)) })) as BatchResponse;
                // Close the gate for throttled items before the slot is given up, so that the next
                // batch waiting for it does not go out during their Retry-After.
                for (const item of answer.responses ?? []) {
                  if (Number(item.status) === 429) this.ctx.gate.block(retryAfterOf(item) ?? 2 ** round * 1000);
                }
                return answer;
              },
              { idempotent: false, weight: chunk.length },
            );
          } catch (err) {
            if (!(err instanceof GraphFailure) || !err.transient) throw err;
            if (err.retryAfterMs !== undefined) this.ctx.gate.block(err.retryAfterMs);
            // Throttled before running (429): nothing happened; else the items' outcome is unknown.
            if (err.status !== 429 && chunk.some((w) => w.create)) ambiguous = true;
            for (const w of chunk) outcomes.set(w.id, { status: err.status, code: err.code, message: err.message });
            retry.push(...chunk);
            wait = Math.max(wait, err.retryAfterMs ?? 2 ** round * 1000);
            return;
          }
          const byId = new Map((response.responses ?? []).map((r) => [String(r.id), r]));
          for (const write of chunk) {
            const item = byId.get(write.id);
            if (!item) {
              if (write.create) ambiguous = true;
              outcomes.set(write.id, {
                status: 0,
                code: 'NoResponse',
                message: 'The batch gave no answer for this item.',
              });
              retry.push(write);
              continue;
            }
            const status = Number(item.status);
            if (status >= 200 && status < 300) {
              outcomes.set(write.id, { status, ...(item.body ? { body: item.body as GraphContact } : {}) });
              continue;
            }
            const { code, message } = graphErrorOf(item.body);
            outcomes.set(write.id, { status, code, message });
            if (status === 429 || status === 503 || status === 504) {
              if (status !== 429 && write.create) ambiguous = true;
              retry.push(write);
              const itemWait = retryAfterOf(item) ?? 2 ** round * 1000;
              // A throttled item holds back the whole mailbox, not only this batch (Retry-After).
              if (status === 429) this.ctx.gate.block(itemWait);
              wait = Math.max(wait, itemWait);
            }
          }
        }),
      );
      pending = retry;
      if (pending.length === 0 || round === BATCH_ROUNDS - 1 || wait > MAX_WAIT_MS) break;
      await sleep(wait, this.signal);
    }
    return { outcomes, ambiguous };
  }

  private batchRequest(write: BatchWrite) {
    return {
      id: write.id,
      method: write.method,
      url: write.url,
      headers: {
        Prefer: IMMUTABLE_ID,
        ...(write.body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(write.body ? { body: write.body } : {}),
    };
  }
}

/** A batch item's Retry-After in ms, if it has one. */
function retryAfterOf(item: { headers?: Record<string, string> }): number | undefined {
  return retryAfterMs(Object.entries(item.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1]);
}

export { crmIdOf };
