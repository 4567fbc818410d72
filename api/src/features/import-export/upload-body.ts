import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_IMPORT_BYTES } from '@klarkonform/shared';
import { problem } from '../../infra/http-error';

// The upload's body is the file itself, not JSON: read as raw bytes for the media types browsers
// and tools send for CSV, Excel and vCard files, up to MAX_IMPORT_BYTES. A larger file answers 413
// with the limit in the reader's words (not Fastify's general "too large"); a body announced far
// larger is refused without reading it.

export const UPLOAD_MEDIA_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'text/vcard',
  'text/x-vcard',
  'text/directory',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/csv',
];

/** Bodies this much larger than the limit are not even drained before the 413. */
const DRAIN_FACTOR = 4;

const tooLarge = () => problem(413, 'payloadTooLarge', 'fileTooLarge', { max: MAX_IMPORT_BYTES / (1024 * 1024) });

/** Registers the raw-body parser in the calling plugin's scope (the upload route's). */
export function acceptFileBodies(app: FastifyInstance): void {
  app.addContentTypeParser(UPLOAD_MEDIA_TYPES, (request: FastifyRequest, payload, done) => {
    const announced = Number(request.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(announced) && announced > MAX_IMPORT_BYTES * DRAIN_FACTOR) {
      done(tooLarge(), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so that the client gets the answer, not a reset.
      if (size <= MAX_IMPORT_BYTES) chunks.push(chunk);
    });
    payload.on('error', (err) => done(err, undefined));
    payload.on('end', () => {
      if (size > MAX_IMPORT_BYTES) done(tooLarge(), undefined);
      else done(null, Buffer.concat(chunks, size));
    });
  });
}
