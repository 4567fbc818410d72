import type { FastifyBaseLogger } from 'fastify';
import type { DemoResetResult, DemoStatus } from '@klarkonform/shared';
import { problem } from '../../infra/http-error';
import { KeyedLock } from '../../infra/keyed-lock';
import type { AuthContext } from '../../infra/token-verifier';
import { type DemoSeedDeps, seedDemoTenant } from './demo.seed';
import { DEMO_USERS } from './demo-tenant';

/**
 * The demo tenant's status and reset. Only `tenantId` (the demo tenant) is served: any other
 * tenant gets the 404 of a path that does not exist, so a customer's tenant never learns of,
 * let alone reaches, an endpoint that deletes a tenant's data.
 */
export class DemoService {
  /** Resets of this process run one after another (a double click resets twice, never interleaved). */
  private readonly resets = new KeyedLock();

  constructor(
    private readonly deps: DemoSeedDeps,
    private readonly tenantId: string,
  ) {}

  private assertDemoTenant(auth: AuthContext, method: string, path: string): void {
    if (auth.tenantId !== this.tenantId) throw problem(404, 'notFound', 'noSuchRoute', { method, path });
  }

  status(auth: AuthContext, path: string): DemoStatus {
    this.assertDemoTenant(auth, 'GET', path);
    return { resettable: auth.permissions.has('admin') };
  }

  /**
   * Deletes the demo tenant's contacts, their activities, follow-ups and opportunities, its templates, the audit trail, the contact-number counter and the
   * users the seed records, then seeds it afresh (demo.seed.ts) with dates counted from `now`.
   * Users who signed in themselves stay. Idempotent: a second reset ends in the same state.
   */
  async reset(auth: AuthContext, path: string, log: FastifyBaseLogger, now = new Date()): Promise<DemoResetResult> {
    this.assertDemoTenant(auth, 'POST', path);
    return this.resets.run(this.tenantId, async () => {
      // The mirror's entries first: they must not outlive the contacts (nor their Outlook copies).
      await this.deps.mirror?.forgetTenant(this.tenantId);
      const deletedContacts = await this.deps.contacts.repo.deleteTenantData(this.tenantId);
      await Promise.all([
        this.deps.activities.repo.deleteTenantData(this.tenantId),
        this.deps.followUps.repo.deleteTenantData(this.tenantId),
        this.deps.opportunities.repo.deleteTenantData(this.tenantId),
        this.deps.templates.repo.deleteTenantData(this.tenantId),
      ]);
      const deletedAudit = await this.deps.contacts.audit.deleteTenant(this.tenantId);
      await this.deps.users.remove(
        this.tenantId,
        DEMO_USERS.map((user) => user.id),
      );
      const createdContacts = await seedDemoTenant(this.deps, this.tenantId, log, now);
      log.info(
        { tenantId: this.tenantId, by: auth.userId, deletedContacts, deletedAudit, createdContacts },
        'reset the demo tenant',
      );
      return { deletedContacts, createdContacts };
    });
  }
}
