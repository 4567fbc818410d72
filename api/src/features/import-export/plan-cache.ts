import { createHash } from 'node:crypto';
import type { UsersRepository } from '../users/users.repository';
import { type ImportPlan, planImport } from './import-plan';
import type { ImportDoc } from './imports.model';
import type { ImportsRepository } from './imports.repository';
import { planSettings, rowsKeyOf } from './imports.mapper';

// The preview reads pages of an import again and again while the admin looks through it; reading
// all of its rows (the file duplicates need all of them) once per settings keeps a page fast. A
// few plans stay in memory, keyed by the rows' generation and the settings that shape them.

const KEEP = 3;

export class PlanCache {
  private readonly plans = new Map<string, Promise<ImportPlan>>();

  constructor(
    private readonly repo: ImportsRepository,
    private readonly users: UsersRepository,
  ) {}

  get(doc: ImportDoc): Promise<ImportPlan> {
    const settings = planSettings(doc);
    const key = `${doc.tenantId}\n${rowsKeyOf(doc)}\n${createHash('sha256').update(JSON.stringify(settings)).digest('hex')}`;
    const cached = this.plans.get(key);
    if (cached) {
      // Most recently used last.
      this.plans.delete(key);
      this.plans.set(key, cached);
      return cached;
    }
    const plan = (async () => {
      const [rows, users] = await Promise.all([
        this.repo.loadRows(doc.tenantId, rowsKeyOf(doc)),
        this.users.list(doc.tenantId),
      ]);
      return planImport(rows, settings, users);
    })();
    plan.catch(() => this.plans.delete(key));
    this.plans.set(key, plan);
    while (this.plans.size > KEEP) this.plans.delete(this.plans.keys().next().value as string);
    return plan;
  }
}
