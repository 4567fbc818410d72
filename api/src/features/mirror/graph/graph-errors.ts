import type { MirrorProblemCode } from '@klarkonform/shared';

// What a failed Graph or Entra ID request means for the mirror, from Microsoft's documented
// error codes (https://learn.microsoft.com/graph/errors, Exchange's ErrorXxx codes,
// https://learn.microsoft.com/entra/identity-platform/reference-error-codes).

/** Codes Graph uses for a mailbox that does not exist or cannot be reached through REST. */
const NO_MAILBOX = new Set([
  'ErrorInvalidUser',
  'ErrorNonExistentMailbox',
  'MailboxNotEnabledForRESTAPI',
  'MailboxNotFound',
  'ErrorMailboxNotFound',
  'ResourceNotFound',
  'Request_ResourceNotFound',
  'ErrorInvalidMailboxItemId',
]);

/** Codes for an app that may not use a mailbox (missing permission, RBAC scope, access policy). */
const DENIED = new Set(['ErrorAccessDenied', 'AccessDenied', 'Authorization_RequestDenied', 'ErrorRestrictedAccess']);

/** A Graph answer other than success: HTTP status (0 for no answer), Graph's code and message. */
export class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Milliseconds Graph asked to wait (Retry-After), if it did. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GraphFailure';
  }

  /** "ErrorAccessDenied: Access is denied." — the problem's detail (Microsoft's words, at most 500 characters). */
  get detail(): string {
    return `${this.code}: ${this.message}`.slice(0, 500);
  }

  /** Worth trying again later: throttled, unavailable or no answer. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  /** The mirror problem this failure means when it concerns a whole mailbox. */
  get mailboxProblem(): MirrorProblemCode {
    return mailboxProblemOf(this.status, this.code);
  }
}

/** The problem of a mailbox-level request's failure (folder lookup, delta, batch). */
export function mailboxProblemOf(status: number, code: string): MirrorProblemCode {
  if (status === 401) return 'authFailed';
  if (status === 403 || DENIED.has(code)) return 'accessDenied';
  if (status === 404 && NO_MAILBOX.has(code)) return 'mailboxNotFound';
  if (status === 429) return 'throttled';
  if (status === 0 || status >= 500) return 'unavailable';
  return 'folderFailed';
}

/** The problem of one contact's failed write (a batch item). */
export function itemProblemOf(status: number, code: string): MirrorProblemCode {
  if (status === 401) return 'authFailed';
  if (status === 403 || DENIED.has(code)) return 'accessDenied';
  if (status === 429) return 'throttled';
  if (status === 0 || status >= 500) return 'unavailable';
  return 'rejected';
}

/** Milliseconds from a Retry-After header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Graph's error body `{ error: { code, message } }` → code and message. */
export function graphErrorOf(body: unknown): { code: string; message: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : 'UnknownError',
    message: typeof error?.message === 'string' ? error.message : 'Microsoft Graph gave no reason.',
  };
}
