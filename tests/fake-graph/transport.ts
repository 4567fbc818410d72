import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/** One HTTP request and its response. */
export interface HttpExchange {
  req: IncomingMessage;
  res: ServerResponse;
}

/** Graph refuses bodies over 4 MB (json-batching: "maximum payload 4 MB"); so does the fake. */
const MAX_BODY = 4 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Writes a JSON answer (no body for 204) with Graph's request-id header. */
export function sendJson(ex: HttpExchange, status: number, headers: Record<string, string>, body: unknown): void {
  if (ex.res.headersSent || ex.req.socket.destroyed) return;
  const out: Record<string, string> = { 'request-id': randomUUID(), ...headers };
  if (status === 204 || body === undefined) {
    ex.res.writeHead(status, out);
    ex.res.end();
    return;
  }
  const text = JSON.stringify(body);
  ex.res.writeHead(status, { ...out, 'Content-Type': GRAPH_JSON, 'Content-Length': String(Buffer.byteLength(text)) });
  ex.res.end(text);
}
