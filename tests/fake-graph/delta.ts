import { randomBytes } from 'node:crypto';
import { GraphError } from './errors';
import { type FolderRecord, renderContact, type Store } from './store';

// Delta query on one contact folder (learn.microsoft.com/graph/api/contact-delta and
// /graph/delta-query-overview): the first round lists the folder, later rounds the folder's change
// log since the round's deltaLink. Pages carry an absolute https `@odata.nextLink`, the last page
// an `@odata.deltaLink`; `$select` of the first request is kept in the tokens. An item changed
// twice in a round comes twice; deleted ones come as `{ id, '@removed': { reason: 'deleted' } }`.

interface Round {
  folder: FolderRecord;
  generation: number;
  select?: string[];
  items: Array<{ id: string }>;
  endSeq: number;
}

interface DeltaToken {
  folder: FolderRecord;
  generation: number;
  select?: string[];
  seq: number;
}

export const DEFAULT_DELTA_PAGE_SIZE = 10;
export const MAX_DELTA_PAGE_SIZE = 1000;

/** Server-side delta state: rounds being paged and issued delta tokens. */
export class DeltaService {
  private readonly rounds = new Map<string, Round>();
  private readonly tokens = new Map<string, DeltaToken>();
  requests = 0;
  gone = 0;

  constructor(private readonly store: Store) {}

  /**
   * One delta page. `skiptoken` continues a round, `deltatoken` starts a round of changes, neither
   * starts a full round. Answers 410 `syncStateNotFound` for tokens older than expireDeltaTokens.
   */
  page(
    folder: FolderRecord,
    q: { skiptoken: string | null; deltatoken: string | null; select?: string[] },
    pageSize: number,
    immutable: boolean,
    folderUrl: string,
  ): Record<string, unknown> {
    this.requests += 1;
    let roundId: string;
    let offset = 0;
    if (q.skiptoken !== null) {
      const [id, off] = q.skiptoken.split('.');
      const round = this.rounds.get(id ?? '');
      if (!round || round.folder !== folder) throw badToken();
      this.checkGeneration(round.generation, folder, folderUrl);
      roundId = id!;
      offset = Number(off) || 0;
    } else if (q.deltatoken !== null) {
      const token = this.tokens.get(q.deltatoken);
      if (!token || token.folder !== folder) throw badToken();
      this.checkGeneration(token.generation, folder, folderUrl);
      roundId = this.startRound(folder, token.select, token.seq);
    } else {
      roundId = this.startRound(folder, q.select, undefined);
    }
    const round = this.rounds.get(roundId)!;
    const slice = round.items.slice(offset, offset + pageSize);
    const value = slice.map(({ id }) => {
      const c = folder.contacts.get(id);
      if (!c)
        return {
          '@odata.type': '#microsoft.graph.contact',
          id: immutable ? id : (folder.removed.get(id) ?? id),
          '@removed': { reason: 'deleted' },
        };
      return { '@odata.type': '#microsoft.graph.contact', ...renderContact(c, { immutable, select: round.select }) };
    });
    const out: Record<string, unknown> = { value };
    const next = offset + pageSize;
    if (next < round.items.length) {
      out['@odata.nextLink'] = `${folderUrl}/contacts/delta?$skiptoken=${roundId}.${next}`;
    } else {
      const token = randomBytes(18).toString('base64url');
      this.tokens.set(token, { folder, generation: round.generation, select: round.select, seq: round.endSeq });
      this.rounds.delete(roundId);
      out['@odata.deltaLink'] = `${folderUrl}/contacts/delta?$deltatoken=${token}`;
    }
    return out;
  }

  private startRound(folder: FolderRecord, select: string[] | undefined, sinceSeq: number | undefined): string {
    const endSeq = this.store.currentSeq();
    let items: Array<{ id: string }>;
    if (sinceSeq === undefined) {
      items = [...folder.contacts.keys()].map((id) => ({ id }));
    } else {
      const entries = folder.log.filter((e) => e.seq > sinceSeq && e.seq <= endSeq);
      const lastOf = new Map(entries.map((e, i) => [e.id, i]));
      // Live items come once per change; a deleted item comes once, as removed.
      items = entries.filter((e, i) => folder.contacts.has(e.id) || lastOf.get(e.id) === i).map((e) => ({ id: e.id }));
    }
    const id = randomBytes(12).toString('base64url');
    this.rounds.set(id, { folder, generation: folder.mailbox.deltaGeneration, select, items, endSeq });
    return id;
  }

  private checkGeneration(generation: number, folder: FolderRecord, folderUrl: string): void {
    if (generation === folder.mailbox.deltaGeneration) return;
    this.gone += 1;
    throw new GraphError(410, 'syncStateNotFound', 'The sync state could not be found. Restart the synchronization.', {
      Location: `${folderUrl}/contacts/delta`,
    });
  }
}

function badToken(): GraphError {
  return new GraphError(400, 'BadRequest', 'The delta token or skip token is invalid.');
}
