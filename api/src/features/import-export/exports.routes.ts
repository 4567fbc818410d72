import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ExportList, ExportRequest, Problem } from '@klarkonform/shared';
import type { ImportExportFeature } from './import-export.feature';
import { attachment } from './imports.routes';

const File = Type.Unsafe<string>({ type: 'string', format: 'binary' });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['export'];

export const exportsRoutes: FastifyPluginAsyncTypebox<{ feature: ImportExportFeature }> = async (app, { feature }) => {
  app.post(
    '/api/v1/exports',
    {
      config: { permission: 'data:export' },
      schema: {
        tags,
        summary: 'Export contacts (a filter, a selection or all) as CSV, .xlsx or vCard',
        description: 'The answer is the file; header x-export-count says how many contacts it holds. Audited.',
        body: ExportRequest,
        response: { 200: File, ...errors },
      },
    },
    async (request, reply) => {
      const file = await feature.exports.export(request.auth, request.body);
      // The temporary file goes once the answer is sent (or the client went away).
      reply.raw.once('close', () => void file.cleanup());
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .header('x-export-count', String(file.count))
        .header('access-control-expose-headers', 'content-disposition, x-export-count')
        .send(file.stream as never);
    },
  );

  app.get(
    '/api/v1/exports',
    {
      config: { permission: 'data:export' },
      schema: { tags, summary: 'The newest audited exports', response: { 200: ExportList, ...errors } },
    },
    async (request) => feature.exports.recent(request.auth),
  );
};
