import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Import,
  ImportList,
  ImportRowActionChange,
  ImportRowPage,
  ImportRowPreview,
  ImportRowsQuery,
  ImportRunRequest,
  ImportSettingsPatch,
  ImportUploadQuery,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  ObjectId,
  Problem,
} from '@klarkonform/shared';
import { problem } from '../../infra/http-error';
import { requestLanguage } from '../../infra/errors';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import type { ImportExportFeature } from './import-export.feature';
import { importReport } from './import-report';
import { acceptFileBodies } from './upload-body';

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const RowParams = Type.Object(
  { id: ObjectId, row: Type.Integer({ minimum: 1, maximum: 10_000_000 }) },
  { additionalProperties: false },
);
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const File = Type.Unsafe<string>({ type: 'string', format: 'binary' });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['import'];
const config = { permission: 'data:import' as const, fieldLabels: { 'params.id': 'importId' } };

/** RFC 6266: an ASCII fallback name and the UTF-8 name. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const importsRoutes: FastifyPluginAsyncTypebox<{ feature: ImportExportFeature }> = async (app, { feature }) => {
  const { imports, preview, plans, repo } = feature;
  acceptFileBodies(app);

  app.post(
    '/api/v1/imports',
    {
      config,
      bodyLimit: MAX_IMPORT_BYTES * 4,
      schema: {
        tags,
        summary: 'Upload a file to import (CSV, .xlsx, vCard) as its raw bytes',
        description: `At most ${MAX_IMPORT_BYTES} bytes and ${MAX_IMPORT_ROWS} rows; the body is the file (application/octet-stream).`,
        querystring: ImportUploadQuery,
        response: { 201: Import, 413: Problem, 415: Problem, ...errors },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw problem(415, 'unsupportedMediaType', 'fileTypeUnknown');
      const created = await imports.upload(request.auth, request.query.fileName, request.body);
      reply.header('etag', etagOf(created.version)).header('location', `/api/v1/imports/${created.id}`);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/imports',
    { config, schema: { tags, summary: 'The newest imports', response: { 200: ImportList, ...errors } } },
    async (request) => imports.list(request.auth),
  );

  app.get(
    '/api/v1/imports/:id',
    { config, schema: { tags, params: IdParams, response: { 200: Import, ...errors } } },
    async (request, reply) => {
      const found = await imports.get(request.auth, request.params.id);
      return reply.header('etag', etagOf(found.version)).send(found);
    },
  );

  app.patch(
    '/api/v1/imports/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change encoding, delimiter, sheet, mapping or the values for all rows (If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ImportSettingsPatch,
        response: { 200: Import, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const updated = await imports.update(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(updated.version)).send(updated);
    },
  );

  app.delete(
    '/api/v1/imports/:id',
    { config, schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await imports.remove(request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/imports/:id/rows',
    {
      config,
      schema: { tags, params: IdParams, querystring: ImportRowsQuery, response: { 200: ImportRowPage, ...errors } },
    },
    async (request) => preview.rows(request.auth, request.params.id, request.query),
  );

  app.put(
    '/api/v1/imports/:id/rows/:row/action',
    {
      config,
      schema: {
        tags,
        params: RowParams,
        body: ImportRowActionChange,
        response: { 200: ImportRowPreview, ...errors },
      },
    },
    async (request) => preview.setAction(request.auth, request.params.id, request.params.row, request.body),
  );

  app.post(
    '/api/v1/imports/:id/run',
    {
      config,
      schema: { tags, params: IdParams, body: ImportRunRequest, response: { 202: Import, 412: Problem, ...errors } },
    },
    async (request, reply) =>
      reply.status(202).send(await imports.start(request.auth, request.params.id, request.body.dryRun)),
  );

  app.post(
    '/api/v1/imports/:id/cancel',
    {
      config,
      schema: {
        tags,
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 202: Import, ...errors },
      },
    },
    async (request, reply) => reply.status(202).send(await imports.cancel(request.auth, request.params.id)),
  );

  app.get(
    '/api/v1/imports/:id/report.csv',
    {
      config,
      schema: {
        tags,
        summary: 'The last run’s report, CSV for Excel',
        params: IdParams,
        response: { 200: File, ...errors },
      },
    },
    async (request, reply) => {
      const doc = await imports.load(request.auth, request.params.id);
      const plan = await plans.get(doc);
      const name = `${doc.fileName.replace(/\.[^.]*$/, '')}-bericht.csv`;
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(name));
      return reply.send(importReport(repo, doc, plan, requestLanguage(request)) as never);
    },
  );
};
