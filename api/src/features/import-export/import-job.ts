import { type ImportCounts, type ImportOutcome, type ImportRun, permissionsFor } from '@klarkonform/shared';
import { isDatabaseUnreachableError } from '../../infra/db-availability';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { DuplicateSnapshot } from '../contacts/duplicate-snapshot';
import { newRunState, RowDecider } from './import-decide';
import { RowExecutor } from './import-execute';
import type { ImportJobs } from './import-jobs';
import type { PlannedRow } from './import-plan';
import { LEASE_MS, type JobControl } from './import-runner';
import { resultDoc } from './import-results';
import type { ImportDoc, ImportResultDoc } from './imports.model';
import type { ImportsRepository } from './imports.repository';
import type { PlanCache } from './plan-cache';

// One run of an import (dry run or import) from its checkpoint to its end, under the lease the
// runner took: rows in file order, each decided and carried out; every CHECKPOINT_ROWS rows or
// CHECKPOINT_MS the results are stored and the import's progress, counts and lease written (and
// a cancel noticed). A run cut off anywhere repeats at most the rows after its last checkpoint,
// and those find their contacts under their Idempotency-Keys instead of creating them again.

const CHECKPOINT_ROWS = 25;
/** Rows carried out at once (their lookups overlap; contact numbers are still drawn one at a time). */
const PARALLEL = 8;
/** Rows under way at once, those waiting for another row included. */
const WINDOW = 64;

/** Runs at most `n` of the tasks given to it at a time, the others in turn. */
function limiter(n: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
const CHECKPOINT_MS = 1_000;
/**
 * From this many rows left, a run reads the tenant's contacts once (duplicate-snapshot.ts: 32
 * bucket reads, about the lookups of six rows) instead of asking the database five or six times
 * per row — unless the tenant holds more than SNAPSHOT_PER_ROW contacts per row left (reading
 * them would then cost more than it saves).
 */
const SNAPSHOT_MIN_ROWS = 6;
const SNAPSHOT_PER_ROW = 3;
/** Attempts at one checkpoint write that keeps losing the version race (a cancel writing at the same time). */
const CHECKPOINT_ATTEMPTS = 20;

class LeaseLost extends Error {}

/** The user who started the run, as the create path needs them (CRM.Admin started it). */
function authOf(doc: ImportDoc, run: ImportRun): AuthContext {
  return {
    tenantId: doc.tenantId,
    userId: run.startedBy.id,
    name: run.startedBy.name,
    email: undefined,
    roles: ['CRM.Admin'],
    permissions: permissionsFor(['CRM.Admin']),
    kind: 'user',
  };
}

export interface JobDeps {
  repo: ImportsRepository;
  jobs: ImportJobs;
  contacts: ContactsFeature;
  plans: PlanCache;
}

export function importJob(deps: JobDeps) {
  return async (start: ImportDoc, control: JobControl): Promise<void> => {
    const { repo, jobs } = deps;
    const run = start.run;
    const id = String(start._id);
    if (!run) {
      await jobs.remove(id);
      return;
    }
    const tenantId = start.tenantId;
    let version = start.version;
    let done = run.done;
    const counts: ImportCounts = { ...run.counts };
    let pending: Omit<ImportResultDoc, '_id'>[] = [];
    let last = Date.now();

    /** Stores the results and writes progress; `final` also writes how the run ended. */
    const checkpoint = async (final?: { status: ImportDoc['status']; failure?: string }) => {
      await repo.saveResults(pending);
      pending = [];
      last = Date.now();
      for (let attempt = 0; attempt < CHECKPOINT_ATTEMPTS; attempt++) {
        const current = await repo.find(tenantId, id);
        if (!current?.run || current.leaseHolder !== control.holder) throw new LeaseLost();
        if (current.run.cancelRequested) control.requestStop('cancel');
        const now = new Date();
        const nextRun: ImportRun = { ...current.run, done, counts: { ...counts } };
        if (final?.status && final.status !== 'running') nextRun.finishedAt = now.toISOString();
        if (final?.failure) nextRun.failure = final.failure.slice(0, 500);
        const set: Record<string, unknown> = {
          run: nextRun,
          version: current.version + 1,
          updatedAt: now.toISOString(),
          leaseUntil: new Date(final ? now.getTime() : now.getTime() + LEASE_MS),
          ...(final ? { status: final.status } : {}),
        };
        if (await repo.replaceIfVersion(tenantId, id, current.version, set)) {
          version = current.version + 1;
          return;
        }
      }
      throw new Error('import checkpoint kept losing races');
    };

    try {
      const doc = { ...start, version };
      // The preview's plan of these settings when it has one (reading 50,000 rows takes a while).
      const [plan, chosen] = await Promise.all([deps.plans.get(doc), repo.actions(tenantId, id)]);
      const state = newRunState();
      for (const result of await repo.resultsRange(tenantId, id, 0, plan.rows.length)) {
        if (result.result.contactId) {
          state.rowContacts.set(result.index, {
            id: result.result.contactId,
            contactNumber: result.result.contactNumber,
          });
        }
      }
      const auth = authOf(doc, run);
      const choices = new Map(chosen.map((c) => [c.row, { action: c.action, targetId: c.targetId }]));
      const left = plan.order.length - done;
      const snapshot =
        left >= SNAPSHOT_MIN_ROWS
          ? ((await DuplicateSnapshot.read(deps.contacts.repo, tenantId, left * SNAPSHOT_PER_ROW, async () => {
              // Reading a large tenant takes longer than a lease: renew it (and hear a cancel) on the way.
              if (Date.now() - last >= CHECKPOINT_MS) await checkpoint();
            })) ?? undefined)
          : undefined;
      const decider = new RowDecider(deps.contacts, auth, plan.rows, doc.defaults, choices, state, snapshot);
      const context = {
        auth,
        importId: id,
        fileName: doc.fileName,
        mode: run.mode,
        startedAt: run.startedAt,
        defaults: doc.defaults,
      };
      const executor = new RowExecutor(deps.contacts, context, state, snapshot);
      // Rows run PARALLEL at a time in the plan's order (companies first); a row waits for the row it
      // duplicates (it may merge into that one's contact) and for its company's own row. Waiting rows
      // hold no place, so up to WINDOW rows are under way. `done` counts the rows of the order finished
      // without a gap: all of them are stored.
      const inFlight = new Map<number, Promise<void>>();
      // Outcomes of rows finished past `done`: counted once `done` passes them (the counts are those of rows before `done`).
      const finished = new Map<number, ImportOutcome>();
      const places = limiter(PARALLEL);
      let failure: unknown;
      const process = async (planned: PlannedRow) => {
        if (failure || control.signal.aborted) return undefined;
        const decision = await decider.decide(planned);
        const result = await executor.execute(planned, decision);
        pending.push(resultDoc(tenantId, id, planned, decision, result));
        return result.outcome;
      };
      for (const [position, index] of plan.order.entries()) {
        if (position < done) continue;
        const planned = plan.rows[index] as PlannedRow;
        while (inFlight.size >= WINDOW) await Promise.race(inFlight.values());
        if (control.signal.aborted || failure) break;
        const before = [planned.fileDuplicateOf, planned.companyRow]
          .filter((other) => other !== undefined && other !== index)
          .map((other) => inFlight.get(other as number));
        const task = Promise.all(before)
          .then(() => places(() => process(planned)))
          .then(
            (outcome) => {
              if (!outcome) return;
              finished.set(position, outcome);
              for (let next = finished.get(done); next; next = finished.get(done)) {
                finished.delete(done);
                counts[next]++;
                done++;
              }
            },
            (err: unknown) => {
              failure ??= err;
            },
          );
        inFlight.set(
          index,
          task.finally(() => inFlight.delete(index)),
        );
        if (pending.length >= CHECKPOINT_ROWS || Date.now() - last >= CHECKPOINT_MS) await checkpoint();
      }
      await Promise.all(inFlight.values());
      if (failure) throw failure;
      const reason = control.stopReason();
      if (reason === 'shutdown') {
        // Resumed by the next scan (of this instance after a restart, or of another one).
        await checkpoint({ status: 'running' });
        return;
      }
      await checkpoint({ status: reason === 'cancel' ? 'cancelled' : 'done' });
      await jobs.remove(id);
    } catch (err) {
      if (err instanceof LeaseLost) return;
      if (isDatabaseUnreachableError(err)) throw err;
      await checkpoint({ status: 'failed', failure: err instanceof Error ? err.message : String(err) }).catch(
        () => undefined,
      );
      await jobs.remove(id);
      throw err;
    }
  };
}
