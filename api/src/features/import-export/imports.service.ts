import { Types } from 'mongoose';
import {
  type Import,
  type ImportColumn,
  type ImportDefaults,
  type ImportList,
  type ImportRun,
  type ImportSettingsPatch,
  mappingFor,
  recognisePreset,
} from '@klarkonform/shared';
import { fieldProblems, notFound, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { actorOf } from '../contacts/contact-writer';
import type { UsersRepository } from '../users/users.repository';
import { type ReadFile, readImportFile } from './import-file';
import type { ImportRunner } from './import-runner';
import type { PlanCache } from './plan-cache';
import type { ImportDoc } from './imports.model';
import { rowsKeyOf, toImport, toImportSummary } from './imports.mapper';
import type { ImportsRepository } from './imports.repository';

// Uploading, configuring, starting and cancelling imports. Every change of an import is a
// version-checked write (If-Match from the client, QUERY-RULES.md rule 6); the rows preview and
// the report are in imports.preview.ts.

const NAME_TARGETS = new Set(['lastName', 'fullName', 'companyName']);
const SAMPLES = 3;

export const DEFAULT_IMPORT_DEFAULTS: ImportDefaults = {
  kind: 'auto',
  relationships: [],
  tags: [],
  onDuplicate: 'skip',
  onFileDuplicate: 'skip',
};

const cut = (text: string) => (text.length > 200 ? text.slice(0, 200) : text);

/** The file's columns with a few values each and the targets of `mapping`. */
function columnsOf(read: ReadFile, mapping: readonly ImportColumn['target'][]): ImportColumn[] {
  return read.table.header.map((header, index) => ({
    index,
    header: cut(header),
    samples: read.table.rows
      .map((r) => r.cells[index]?.trim() ?? '')
      .filter((cell) => cell !== '')
      .slice(0, SAMPLES)
      .map(cut),
    target: mapping[index] ?? 'ignore',
  }));
}

/** What is read from a file, as import fields (CSV's encoding and delimiter, the workbook's sheets). */
function readFields(read: ReadFile): Partial<ImportDoc> {
  const { format: _f, table: _t, ...rest } = read;
  return rest;
}

const isRunning = (doc: ImportDoc) => doc.status === 'queued' || doc.status === 'running';
const isFinal = (doc: ImportDoc) => doc.status === 'done' && doc.run?.mode === 'import';

export class ImportsService {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly runner: ImportRunner,
    private readonly users: UsersRepository,
    private readonly plans: PlanCache,
  ) {}

  /** Reads the import's rows in the background, so that the preview (or the run) finds them read. */
  private warm(doc: ImportDoc): void {
    this.plans.get(doc).catch(() => undefined);
  }

  async load(auth: AuthContext, id: string): Promise<ImportDoc> {
    const doc = await this.repo.find(auth.tenantId, id);
    if (!doc) throw notFound('importNotFound');
    return doc;
  }

  /** Parses the file at once and stores it, its rows and the import (status ready, mapping guessed). */
  async upload(auth: AuthContext, fileName: string, bytes: Uint8Array): Promise<Import> {
    const read = await readImportFile(bytes, fileName);
    const preset = read.format === 'vcard' ? 'vcard' : recognisePreset(read.table.header);
    const mapping = mappingFor(read.table.header, preset);
    const _id = new Types.ObjectId();
    const id = _id.toHexString();
    const now = new Date().toISOString();
    const doc: ImportDoc = {
      _id,
      tenantId: auth.tenantId,
      version: 1,
      generation: 1,
      fileName,
      format: read.format,
      sizeBytes: bytes.length,
      createdAt: now,
      createdBy: actorOf(auth),
      updatedAt: now,
      status: 'ready',
      ...readFields(read),
      preset,
      columns: columnsOf(read, mapping),
      rowCount: read.table.rows.length,
      defaults: DEFAULT_IMPORT_DEFAULTS,
      rowActions: 0,
    };
    // The file and its rows first: a crash in between leaves unused chunks, never an import without rows.
    await this.repo.saveFile(auth.tenantId, id, bytes);
    await this.repo.saveRows(
      auth.tenantId,
      rowsKeyOf(doc),
      read.table.rows.map((r) => ({ n: r.row, c: r.cells })),
    );
    await this.repo.insert(doc);
    this.warm(doc);
    return toImport(doc);
  }

  async list(auth: AuthContext): Promise<ImportList> {
    return { items: (await this.repo.recent(auth.tenantId)).map(toImportSummary) };
  }

  async get(auth: AuthContext, id: string): Promise<Import> {
    return toImport(await this.load(auth, id));
  }

  /** 409 while a run is queued or running, and for a finished import (it is final). */
  assertEditable(doc: ImportDoc): void {
    if (isRunning(doc)) throw problem(409, 'conflict', 'importBusy');
    if (isFinal(doc)) throw problem(409, 'conflict', 'importDone');
  }

  async update(auth: AuthContext, id: string, version: number | '*', patch: ImportSettingsPatch): Promise<Import> {
    const doc = await this.load(auth, id);
    if (version !== '*' && doc.version !== version) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected: version });
    }
    this.assertEditable(doc);
    if ((patch.encoding || patch.delimiter) && doc.format !== 'csv') {
      throw fieldProblems([
        { field: patch.encoding ? 'body.encoding' : 'body.delimiter', key: 'serviceProblem.notCsvFile' },
      ]);
    }
    if (patch.sheet !== undefined && doc.format !== 'xlsx') {
      throw fieldProblems([{ field: 'body.sheet', key: 'serviceProblem.notXlsxFile' }]);
    }
    if (patch.sheet !== undefined && !doc.sheets?.includes(patch.sheet)) {
      throw fieldProblems([
        { field: 'body.sheet', key: 'serviceProblem.sheetNotFound', values: { name: patch.sheet } },
      ]);
    }
    if (
      patch.defaults?.ownerId &&
      patch.defaults.ownerId !== auth.userId &&
      !(await this.users.find(auth.tenantId, patch.defaults.ownerId))
    ) {
      throw fieldProblems([{ field: 'body.defaults.ownerId', key: 'serviceProblem.noSuchUser' }]);
    }
    const reread =
      (patch.encoding !== undefined && patch.encoding !== doc.encoding) ||
      (patch.delimiter !== undefined && patch.delimiter !== doc.delimiter) ||
      (patch.sheet !== undefined && patch.sheet !== doc.sheet);
    const set: Record<string, unknown> = {};
    let header = doc.columns.map((c) => c.header);
    let newRows: { key: string; generation: number } | undefined;
    if (reread) {
      const bytes = await this.repo.loadFile(auth.tenantId, id);
      const read = await readImportFile(bytes, doc.fileName, {
        encoding: patch.encoding ?? doc.encoding,
        delimiter: patch.delimiter ?? doc.delimiter,
        sheet: patch.sheet ?? doc.sheet,
      });
      const preset = patch.preset ?? recognisePreset(read.table.header);
      const generation = doc.generation + 1;
      newRows = { key: rowsKeyOf({ _id: doc._id, generation }), generation };
      await this.repo.saveRows(
        auth.tenantId,
        newRows.key,
        read.table.rows.map((r) => ({ n: r.row, c: r.cells })),
      );
      header = read.table.header;
      Object.assign(set, readFields(read), {
        generation,
        preset,
        columns: columnsOf(read, mappingFor(header, preset)),
        rowCount: read.table.rows.length,
        rowActions: 0,
      });
    } else if (patch.preset) {
      set.preset = patch.preset;
      set.columns = doc.columns.map((c, i) => ({
        ...c,
        target: mappingFor(header, patch.preset as never)[i] ?? 'ignore',
      }));
    }
    if (patch.mapping) {
      if (patch.mapping.length !== header.length) {
        throw fieldProblems([
          { field: 'body.mapping', key: 'serviceProblem.mappingLength', values: { count: header.length } },
        ]);
      }
      const seen = new Set<string>();
      patch.mapping.forEach((target, i) => {
        if (target !== 'ignore' && seen.has(target)) {
          throw fieldProblems([
            {
              field: `body.mapping.${i}`,
              key: 'serviceProblem.mappingTwice',
              values: (t) => ({ label: t(`importTarget.${target}`) }),
              named: true,
            },
          ]);
        }
        seen.add(target);
      });
      const columns = (set.columns as ImportColumn[] | undefined) ?? doc.columns;
      set.columns = columns.map((c, i) => ({ ...c, target: patch.mapping?.[i] ?? 'ignore' }));
    }
    if (patch.defaults) set.defaults = patch.defaults;
    // A run's results belong to the settings it ran with: a change starts over (an import stopped
    // half-way then finds the rows it stored as "already imported").
    const unset = ['lastDryRun', ...(doc.run ? ['run'] : [])];
    Object.assign(set, {
      status: 'ready',
      version: doc.version + 1,
      updatedAt: new Date().toISOString(),
    });
    const written = await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, set, unset);
    if (!written) {
      if (newRows) await this.repo.deleteRows(auth.tenantId, newRows.key);
      throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    if (newRows) {
      await this.repo.deleteRows(auth.tenantId, rowsKeyOf(doc));
      await this.repo.clearActions(auth.tenantId, id);
    }
    if (doc.run) await this.repo.clearResults(auth.tenantId, id);
    this.warm(await this.load(auth, id));
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const doc = await this.load(auth, id);
    if (isRunning(doc)) throw problem(409, 'conflict', 'importBusy');
    await this.repo.delete(auth.tenantId, id, doc.generation);
  }

  /**
   * Starts a dry run or the import (202). An import run after a cancelled or failed one resumes
   * where that stopped; any other start begins at the first row.
   */
  async start(auth: AuthContext, id: string, dryRun: boolean): Promise<Import> {
    const doc = await this.load(auth, id);
    this.assertEditable(doc);
    if (!doc.columns.some((c) => NAME_TARGETS.has(c.target))) {
      throw fieldProblems([{ field: 'body.mapping', key: 'serviceProblem.importNoName' }]);
    }
    const now = new Date().toISOString();
    const previous = doc.run;
    const resume = !dryRun && previous?.mode === 'import';
    const run: ImportRun = resume
      ? { ...previous, cancelRequested: false, total: doc.rowCount }
      : {
          mode: dryRun ? 'dryRun' : 'import',
          startedAt: now,
          startedBy: actorOf(auth),
          total: doc.rowCount,
          done: 0,
          counts: { created: 0, merged: 0, skipped: 0, failed: 0 },
          cancelRequested: false,
        };
    delete run.finishedAt;
    delete run.failure;
    const set: Record<string, unknown> = { run, status: 'queued', version: doc.version + 1, updatedAt: now };
    if (!dryRun && previous?.mode === 'dryRun' && doc.status === 'done') set.lastDryRun = previous;
    if (!resume) await this.repo.clearResults(auth.tenantId, id);
    if (!(await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, set))) {
      throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    await this.runner.enqueue(auth.tenantId, id);
    return this.get(auth, id);
  }

  /** Asks the run to stop after its current row; a queued run is cancelled at once. */
  async cancel(auth: AuthContext, id: string): Promise<Import> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const doc = await this.load(auth, id);
      if (!isRunning(doc) || !doc.run) throw problem(409, 'conflict', 'importNotRunning');
      const now = new Date().toISOString();
      const queued = doc.status === 'queued' && !(doc.leaseUntil && doc.leaseUntil.getTime() > Date.now());
      const set: Record<string, unknown> = {
        run: { ...doc.run, cancelRequested: true, ...(queued ? { finishedAt: now } : {}) },
        ...(queued ? { status: 'cancelled' } : {}),
        version: doc.version + 1,
        updatedAt: now,
      };
      if (await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, set)) {
        this.runner.cancel(id);
        return this.get(auth, id);
      }
    }
    throw problem(409, 'conflict', 'busy', {}, { retryAfterSeconds: 1 });
  }
}
