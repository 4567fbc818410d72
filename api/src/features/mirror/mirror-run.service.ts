import type { MirrorProblem, MirrorRun, MirrorRunTrigger } from '@klarkonform/shared';
import type { AppConfig } from '../../config';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { GraphTokens } from './graph/graph-auth';
import { createGraphClient } from './graph/graph-client';
import { GraphFailure } from './graph/graph-errors';
import { Limiter, RetryGate } from './graph/graph-limits';
import { GraphMailbox, MAX_IN_FLIGHT } from './graph/graph-mailbox';
import { HttpsTransport } from './graph/graph-transport';
import { MirrorCrm } from './mirror-crm';
import type { MirrorEntriesRepository } from './mirror-entries.repository';
import type { HeldLease, MirrorLeaseRepository } from './mirror-lease.repository';
import type { MirrorLog } from './mirror.feature';
import { ENTRY_BUCKETS, type MirrorSettingsDoc } from './mirror.model';
import { isFolderGone, pullTarget } from './mirror-pull';
import { type Plan, PushPipeline, planBucket } from './mirror-push';
import { reconcileTarget } from './mirror-reconcile';
import { healthy, problemOf, type RunContext, type TargetRun } from './mirror-run.context';
import { LEASE_MS } from './mirror-scheduler';
import type { MirrorSettingsRepository } from './mirror-settings.repository';
import type { MirrorTargetsRepository } from './mirror-targets.repository';

// One run of a tenant's mirror, under its lease: sign in, find or create each target's folder
// (reconciling it first when the last run may have left creates unrecorded), enqueue every
// contact when the mirror was switched on or a folder is new, pull each folder's delta, then push
// the due entries bucket by bucket. A problem of one mailbox stops that mailbox only; a sign-in
// problem stops the run (contacts without an address are still settled: they need no Graph).

export interface RunDeps {
  config: AppConfig;
  contacts: ContactsFeature;
  settings: MirrorSettingsRepository;
  entries: MirrorEntriesRepository;
  targets: MirrorTargetsRepository;
  leases: MirrorLeaseRepository;
  log: MirrorLog;
  /** This API instance's name (sent to Graph as x-klarkonform-instance). */
  instanceId: string;
}

/** A run's summary and whether another run should follow soon (a contact write was still in flight). */
export interface RunOutcome {
  run: MirrorRun;
  again: boolean;
}

/** Passes over the buckets at most (a second one when the run itself enqueued contacts). */
const PASSES = 3;

/** The run's settings were changed under it: `again` when the mirror is still on (new targets). */
class RunStopped extends Error {
  constructor(readonly again: boolean) {
    super('the mirror settings changed during the run');
  }
}

/** The targets of settings in a comparable form. */
const targetsKey = (settings: MirrorSettingsDoc) =>
  JSON.stringify(settings.targets.map((t) => [t.mailbox, t.folderName]));

export class MirrorRunService {
  private readonly transport: HttpsTransport;
  private readonly tokens: GraphTokens;
  private readonly crm: MirrorCrm;

  constructor(private readonly d: RunDeps) {
    this.transport = new HttpsTransport(d.config.graph.ca);
    this.tokens = new GraphTokens(d.config.graph, this.transport);
    this.crm = new MirrorCrm(d.contacts);
  }

  /** Closes the kept-alive connections to Microsoft. */
  close(): void {
    this.transport.close();
  }

  async run(tenantId: string, trigger: MirrorRunTrigger, lease: HeldLease, signal: AbortSignal): Promise<RunOutcome> {
    const startedAt = new Date().toISOString();
    const ctx: RunContext = {
      tenantId,
      signal,
      crm: this.crm,
      entries: this.d.entries,
      targetsRepo: this.d.targets,
      targets: [],
      log: this.d.log,
      counters: { pushed: 0, pulled: 0, failed: 0 },
      moreWork: false,
      retrySoon: false,
    };
    const outcome = (problem?: MirrorProblem): RunOutcome => ({
      run: {
        trigger,
        startedAt,
        finishedAt: new Date().toISOString(),
        ...ctx.counters,
        ...(problem ? { problem } : {}),
      },
      again: ctx.retrySoon,
    });

    const settings = await this.d.settings.find(tenantId);
    if (!settings?.enabled) {
      await this.d.leases.modify(tenantId, (doc) => (doc.active ? { active: false } : null));
      return outcome();
    }
    await this.d.leases.modify(tenantId, (doc) => (doc.active ? null : { active: true }));
    if (!this.d.config.graph.credential) return outcome(problemOf('notConfigured'));

    let tenantProblem: MirrorProblem | undefined;
    try {
      await this.tokens.token(tenantId);
    } catch (err) {
      if (!(err instanceof GraphFailure)) throw err;
      tenantProblem = problemOf(err.status === 0 ? 'unavailable' : 'authFailed', { detail: err.detail });
    }
    ctx.targets = await this.targetRuns(tenantId, settings, signal, tenantProblem);
    // Before each phase and each push bucket: the settings as saved now still ask for this run.
    const checkpoint = async () => {
      ctx.signal.throwIfAborted();
      const now = await this.d.settings.find(tenantId);
      if (!now?.enabled) throw new RunStopped(false);
      if (targetsKey(now) !== targetsKey(settings)) throw new RunStopped(true);
    };
    try {
      const folderChanged = tenantProblem ? false : await this.prepareTargets(ctx);
      await checkpoint();
      if (settings.backfill > lease.backfilled || folderChanged) await this.backfill(ctx, lease, settings);

      await checkpoint();
      await Promise.all(
        ctx.targets.filter(healthy).map(async (target) => {
          try {
            await pullTarget(ctx, target);
          } catch (err) {
            this.targetFailed(ctx, target, err);
          }
        }),
      );
      for (let pass = 0; pass < PASSES; pass++) {
        ctx.moreWork = false;
        // The next bucket is read while this one is pushed (its settling is version-guarded).
        const ahead = (bucket: string | undefined) => {
          if (bucket === undefined) return undefined;
          const plans = planBucket(ctx, bucket);
          plans.catch(() => {}); // awaited below, unless the run stops first
          return plans;
        };
        const pipeline = new PushPipeline(ctx);
        let next: Promise<Plan[]> | undefined = ahead(ENTRY_BUCKETS[0]);
        try {
          for (let b = 0; next; b++) {
            await checkpoint();
            const plans = await next;
            next = ahead(ENTRY_BUCKETS[b + 1]);
            await pipeline.add(plans);
          }
        } catch (err) {
          // Nothing of this run writes after it stopped: the groups under way finish first.
          await pipeline.idle();
          throw err;
        }
        await pipeline.drain();
        if (!ctx.moreWork) break;
      }
    } catch (err) {
      if (!(err instanceof RunStopped)) throw err;
      // Switched off or retargeted meanwhile: stop here like a run that lost its lease (what was
      // written stays; a target's createsInFlight stays set, so the next run reconciles first).
      this.d.log.info({ tenantId, ...ctx.counters }, 'contacts mirror run stopped: the settings changed');
      if (err.again) ctx.retrySoon = true;
      else await this.d.leases.modify(tenantId, (doc) => (doc.active ? { active: false } : null));
      return outcome();
    }
    if (!tenantProblem) tenantProblem = await this.recheckSignIn(ctx);
    await this.finishTargets(ctx);

    const problems = ctx.targets.map((t) => t.problem);
    const allAuth = problems.length > 0 && problems.every((p) => p?.code === 'authFailed');
    const problem = tenantProblem ?? (allAuth ? problems[0] : undefined);
    const result = outcome(problem);
    this.d.log.info({ tenantId, ...ctx.counters, problem: problem?.code }, 'contacts mirror run finished');
    return result;
  }

  /**
   * Graph refused the token for a target (401, also inside a batch: a secret rotated or revoked
   * while msal still held a token): the cached token is dropped and Entra ID asked once more. Its
   * refusal is the tenant-level `authFailed` with Entra ID's own cause (AADSTS7000215 …), as for a
   * wrong secret from the start, and replaces the targets' "token expired"; a new token leaves the
   * targets' problems for the next run to clear.
   */
  private async recheckSignIn(ctx: RunContext): Promise<MirrorProblem | undefined> {
    if (!ctx.targets.some((t) => t.problem?.code === 'authFailed')) return undefined;
    this.tokens.invalidate(ctx.tenantId);
    try {
      await this.tokens.token(ctx.tenantId);
      return undefined;
    } catch (err) {
      if (!(err instanceof GraphFailure)) throw err;
      if (err.status === 0) return undefined;
      for (const target of ctx.targets) if (target.problem?.code === 'authFailed') target.problem = undefined;
      return problemOf('authFailed', { detail: err.detail });
    }
  }

  private async targetRuns(
    tenantId: string,
    settings: MirrorSettingsDoc,
    signal: AbortSignal,
    tenantProblem: MirrorProblem | undefined,
  ): Promise<TargetRun[]> {
    const client = createGraphClient({
      baseUrl: this.d.config.graph.baseUrl,
      transport: this.transport,
      token: () => this.tokens.token(tenantId),
      signal,
      instanceId: this.d.instanceId,
    });
    const states = new Map((await this.d.targets.list(tenantId)).map((s) => [s.mailbox, s]));
    return Promise.all(
      settings.targets.map(async ({ mailbox, folderName }) => {
        const state =
          states.get(mailbox) ?? (await this.d.targets.modify(tenantId, mailbox, () => ({ set: { folderName } })));
        const graph = new GraphMailbox(client, mailbox, {
          limiter: new Limiter(MAX_IN_FLIGHT),
          gate: new RetryGate(),
          signal,
          refreshToken: () => this.tokens.invalidate(tenantId),
        });
        return {
          mailbox,
          folderName,
          graph,
          state,
          ambiguous: false,
          ...(tenantProblem ? { problem: { ...tenantProblem, mailbox } } : {}),
        };
      }),
    );
  }

  /**
   * Finds or creates each target's folder (a renamed one is a new folder) and reconciles it when
   * the last run may have left creates unrecorded. True when a folder is new to the mirror.
   */
  private async prepareTargets(ctx: RunContext): Promise<boolean> {
    let changed = false;
    await Promise.all(
      ctx.targets.map(async (target) => {
        try {
          const known = target.state.folderId !== undefined && target.state.folderName === target.folderName;
          const folderId = known
            ? (target.state.folderId as string)
            : await target.graph.ensureFolder(target.folderName);
          if (!known) {
            changed = true;
            target.state = await this.d.targets.modify(ctx.tenantId, target.mailbox, () => ({
              set: { folderId, folderName: target.folderName },
              unset: ['deltaLink', 'createsInFlight'],
            }));
          }
          target.folderId = folderId;
          // A folder new to the target (renamed to, or back to one used before) is reconciled by
          // our id before anything is created in it: copies already there are linked (links kept
          // from an earlier time keep their base, so the fresh delta round takes Outlook's edits).
          if (target.state.createsInFlight || !known)
            await reconcileTarget(ctx, target, !!target.state.createsInFlight);
        } catch (err) {
          this.targetFailed(ctx, target, err);
        }
      }),
    );
    return changed;
  }

  /** Enqueues every live contact once (the mirror switched on, a mailbox added, a folder new). */
  private async backfill(ctx: RunContext, lease: HeldLease, settings: MirrorSettingsDoc): Promise<void> {
    for await (const ids of this.crm.liveIds(ctx.tenantId)) {
      ctx.signal.throwIfAborted();
      for (let i = 0; i < ids.length; i += 200) await this.d.entries.enqueueMany(ctx.tenantId, ids.slice(i, i + 200));
    }
    if (settings.backfill > lease.backfilled)
      await this.d.leases.renew(lease, LEASE_MS, { backfilled: settings.backfill });
  }

  /** A mailbox-level failure: the target is left for this run with its problem (the run goes on). */
  private targetFailed(ctx: RunContext, target: TargetRun, err: unknown): void {
    if (ctx.signal.aborted || !(err instanceof GraphFailure)) throw err;
    if (isFolderGone(err)) {
      // The folder was deleted in Outlook: the next run creates it again and fills it.
      target.state.folderName = '';
      target.problem = problemOf('folderFailed', { mailbox: target.mailbox, detail: err.detail });
      return;
    }
    target.problem = problemOf(err.mailboxProblem, { mailbox: target.mailbox, detail: err.detail });
  }

  /** Stores each target's outcome: its problem (or none), and whether its creates are all recorded. */
  private async finishTargets(ctx: RunContext): Promise<void> {
    await Promise.all(
      ctx.targets.map((target) =>
        this.d.targets.modify(ctx.tenantId, target.mailbox, (doc) => {
          const unset: ('problem' | 'createsInFlight' | 'folderId')[] = [];
          if (!target.problem) unset.push('problem');
          if (healthy(target) && !target.ambiguous) unset.push('createsInFlight');
          if (target.state.folderName === '') unset.push('folderId');
          return {
            set: {
              ...(target.problem ? { problem: target.problem } : {}),
              ...(doc?.folderName ? {} : { folderName: target.folderName }),
            },
            unset,
          };
        }),
      ),
    );
  }
}
