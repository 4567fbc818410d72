import type {
  ImportRowActionChange,
  ImportRowPage,
  ImportRowPreview,
  ImportRowResult,
  ImportRowsQuery,
} from '@klarkonform/shared';
import { fieldProblems, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { newRunState, RowDecider, type RowChoice } from './import-decide';
import type { PlannedRow } from './import-plan';
import { rowPreview } from './import-results';
import type { ImportDoc } from './imports.model';
import type { ImportsRepository } from './imports.repository';
import type { ImportsService } from './imports.service';
import type { PlanCache } from './plan-cache';

// The preview of an import: pages of rows as they will be stored, each with its problems, its
// duplicate verdict (looked up now, like the create dialog's check) and the last run's result;
// and the action chosen for one row.

/** Rows decided at once (each decision runs a few indexed lookups). */
const PARALLEL = 8;

async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class ImportsPreview {
  constructor(
    private readonly imports: ImportsService,
    private readonly repo: ImportsRepository,
    private readonly plans: PlanCache,
    private readonly contacts: ContactsFeature,
  ) {}

  private async decider(auth: AuthContext, doc: ImportDoc, rows: readonly PlannedRow[]) {
    const chosen = await this.repo.actions(auth.tenantId, String(doc._id));
    const choices = new Map<number, RowChoice>(chosen.map((c) => [c.row, { action: c.action, targetId: c.targetId }]));
    return new RowDecider(this.contacts, auth, rows, doc.defaults, choices, newRunState());
  }

  async rows(auth: AuthContext, id: string, query: ImportRowsQuery): Promise<ImportRowPage> {
    const doc = await this.imports.load(auth, id);
    const plan = await this.plans.get(doc);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
    const filter = query.filter ?? 'all';
    let page: PlannedRow[];
    let total: number;
    let results = new Map<number, ImportRowResult>();
    if (filter === 'all') {
      page = plan.rows.slice(offset, offset + limit);
      total = plan.rows.length;
      if (doc.run && page.length > 0) {
        const stored = await this.repo.resultsRange(auth.tenantId, id, offset, offset + page.length);
        results = new Map(stored.map((r) => [r.index, r.result]));
      }
    } else {
      if (!doc.run) return { items: [], total: 0, offset, analysed: false };
      const found = await this.repo.resultsPage(auth.tenantId, `${id}:${filter}`, offset, limit);
      page = found.docs.map((r) => plan.rows[r.index]).filter((r): r is PlannedRow => r !== undefined);
      total = found.total;
      results = new Map(found.docs.map((r) => [r.index, r.result]));
    }
    const decider = await this.decider(auth, doc, plan.rows);
    const items = await inParallel(page, PARALLEL, async (planned) =>
      rowPreview(planned, await decider.decide(planned), results.get(planned.index)),
    );
    return { items, total, offset, analysed: filter === 'all' || Boolean(doc.run) };
  }

  /** Sets (or, with `action: null`, removes) the action of one row; answers the row as the preview shows it. */
  async setAction(
    auth: AuthContext,
    id: string,
    row: number,
    change: ImportRowActionChange,
  ): Promise<ImportRowPreview> {
    const doc = await this.imports.load(auth, id);
    this.imports.assertEditable(doc);
    const plan = await this.plans.get(doc);
    const planned = plan.byRow.get(row);
    if (!planned) throw problem(404, 'notFound', 'importRowNotFound', { row });
    const before = await (await this.decider(auth, doc, plan.rows)).decide(planned);
    if (change.action !== null && !before.actions.includes(change.action)) {
      throw fieldProblems([
        {
          field: 'body.action',
          key: 'serviceProblem.actionNotAllowed',
          values: (t) => ({ action: t(`importAction.${change.action}`) }),
        },
      ]);
    }
    if (change.targetId && !before.candidates.some((c) => c.contact.id === change.targetId)) {
      throw fieldProblems([{ field: 'body.targetId', key: 'serviceProblem.mergeTargetNotCandidate' }]);
    }
    if (change.action === null) {
      await this.repo.removeAction(auth.tenantId, id, row);
    } else {
      await this.repo.setAction({
        tenantId: auth.tenantId,
        importId: id,
        row,
        action: change.action,
        ...(change.targetId ? { targetId: change.targetId } : {}),
      });
    }
    await this.countActions(auth, doc);
    const after = await (await this.decider(auth, doc, plan.rows)).decide(planned);
    return rowPreview(planned, after);
  }

  /** Writes the number of rows with an action of their own into the import (shown in the view). */
  private async countActions(auth: AuthContext, doc: ImportDoc): Promise<void> {
    const id = String(doc._id);
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.imports.load(auth, id);
      const count = (await this.repo.actions(auth.tenantId, id)).length;
      const set = { rowActions: count, version: current.version + 1, updatedAt: new Date().toISOString() };
      if (await this.repo.replaceIfVersion(auth.tenantId, id, current.version, set)) return;
    }
  }
}
