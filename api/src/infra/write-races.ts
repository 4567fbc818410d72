// What every writer needs to know about losing a race to another writer of the same document.

/**
 * Start of the message with which the embedded engine's version guard refuses a write that does
 * not advance a document's `version` (tools/embedded-mongo/engine.sql); the driver receives it
 * inside a MongoServerError with code 1 (InternalError).
 */
export const STALE_WRITE = 'klarkonform: stale write';

/**
 * True for a write the storage refused because it did not advance the document's `version`. Such a
 * write lost a race, exactly like an update whose version filter matched nothing. (MongoDB never
 * raises it: there the version filter of the update itself decides.)
 */
export function isStaleWrite(err: unknown): boolean {
  return err instanceof Error && err.message.includes(STALE_WRITE);
}

/**
 * A random pause that grows with the attempt, up to `maxMs` (ms), so that writers who lost a race
 * to each other do not collide again at once.
 */
export function backoff(attempt: number, maxMs = 60): Promise<void> {
  const ms = Math.random() * Math.min(maxMs, 3 + attempt * 4);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
