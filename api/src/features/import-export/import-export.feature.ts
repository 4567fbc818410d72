import type { Connection } from 'mongoose';
import type { FastifyBaseLogger } from 'fastify';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { UsersRepository } from '../users/users.repository';
import { ExportService } from './export.service';
import { ImportJobs } from './import-jobs';
import { importJob } from './import-job';
import { ImportRunner } from './import-runner';
import { ImportsPreview } from './imports.preview';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { PlanCache } from './plan-cache';

/** The import assistant's and export's parts for one app instance (issue 16). */
export interface ImportExportFeature {
  repo: ImportsRepository;
  imports: ImportsService;
  preview: ImportsPreview;
  plans: PlanCache;
  runner: ImportRunner;
  exports: ExportService;
}

/** Wires import and export: they read and write contacts through the contacts feature's services. */
export function createImportExportFeature(
  connection: Connection,
  contacts: ContactsFeature,
  users: UsersRepository,
  log: FastifyBaseLogger,
): ImportExportFeature {
  const repo = new ImportsRepository(connection);
  const jobs = new ImportJobs(connection);
  const plans = new PlanCache(repo, users);
  const runner = new ImportRunner(jobs, repo, importJob({ repo, jobs, contacts, plans }), log);
  const imports = new ImportsService(repo, runner, users, plans);
  return {
    repo,
    imports,
    preview: new ImportsPreview(imports, repo, plans, contacts),
    plans,
    runner,
    exports: new ExportService(contacts, contacts.audit, users),
  };
}
