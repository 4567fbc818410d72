import {
  MongoClientClosedError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

// Whether the database can serve a request now, in one place: the driver's view of the
// connection (mongoose's disconnected/reconnected events) and, on the embedded engine, its
// supervisor's (a part died and is being restarted). While either says "down", API requests
// answer 503 with Retry-After at once instead of waiting for server selection.

/** Retry-After (s) while only the connection is down: the driver reconnects by itself. */
const CONNECTION_RETRY_AFTER_S = 2;

/**
 * Server error codes that mean "no server can take this now" (shutdown, stepdown, no primary,
 * network between the servers), from the MongoDB error code list (src/mongo/base/error_codes.yml).
 */
const UNAVAILABLE_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

/**
 * The embedded FerretDB passes PostgreSQL's connection failures on as a server error (InternalError)
 * with PostgreSQL's message: SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown,
 * crash, cannot connect now; "terminating connection due to unexpected postmaster exit"), or pgx's
 * "failed to connect to …", or a PostgreSQL backend that died under a query (pgx: "unexpected
 * EOF", "conn closed"; PostgreSQL then restarts its other backends too). It arrives a few ms before the supervisor learns of the crash.
 */
const POSTGRES_UNREACHABLE =
  /SQLSTATE (?:08[0-9A-Z]{3}|57P0[123])\b|failed to connect to |unexpected EOF|conn closed|connection reset by peer|broken pipe/;

/**
 * Socket errors. The driver (7.8) passes some on unwrapped: a command written just after the
 * server closed the connection fails with Node's EPIPE "This socket has been ended by the other
 * party" from its wait for 'drain'. The API has no other outgoing connections, so these are the
 * database's.
 */
const SOCKET_ERRORS = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH']);

export class DatabaseAvailability {
  private connectionUp = true;
  private engine = { up: true, retryAfterSeconds: 0 };
  private probing = false;

  /**
   * @param probe a database round trip (a ping): while the connection is down it makes the
   *   driver look for the server now rather than at its next heartbeat (up to 10 s later).
   */
  constructor(private readonly probe?: () => Promise<boolean>) {}

  /** False while the embedded engine is down or restarting (always true on an external MongoDB). */
  get engineUp(): boolean {
    return this.engine.up;
  }

  /** True when a request may go to the database; while only the connection is down, probes in the background. */
  check(): boolean {
    if (!this.engine.up) return false;
    if (this.connectionUp) return true;
    this.startProbe();
    return false;
  }

  /** For the Retry-After header (s). */
  retryAfterSeconds(): number {
    return this.engine.up ? CONNECTION_RETRY_AFTER_S : Math.max(1, this.engine.retryAfterSeconds);
  }

  setConnection(up: boolean): void {
    this.connectionUp = up;
  }

  /** The embedded engine's supervisor reports here. */
  setEngine(up: boolean, retryAfterSeconds = 0): void {
    this.engine = { up, retryAfterSeconds };
    if (up && !this.connectionUp) this.startProbe();
  }

  /**
   * Does this error mean "the database is unreachable" (answered 503, not 500)? Network and
   * server-selection errors, a closed client, the codes above; and any database error while the
   * engine is known to be down (FerretDB failing to reach a dead PostgreSQL).
   */
  explains(err: unknown): boolean {
    return isDatabaseUnreachableError(err) || (!this.engine.up && err instanceof MongoError);
  }

  private startProbe(): void {
    if (this.probing || !this.probe) return;
    this.probing = true;
    this.probe()
      .then((ok) => {
        if (ok) this.connectionUp = true;
      })
      .catch(() => undefined)
      .finally(() => {
        this.probing = false;
      });
  }
}

/** Errors of the MongoDB driver (and mongoose's first connect) that say the server cannot be reached. */
export function isDatabaseUnreachableError(err: unknown): boolean {
  if (
    err instanceof MongoNetworkError || // includes PoolClearedError and network timeouts
    err instanceof MongoServerSelectionError ||
    err instanceof MongoNotConnectedError ||
    err instanceof MongoTopologyClosedError ||
    err instanceof MongoServerClosedError ||
    err instanceof MongoClientClosedError
  ) {
    return true;
  }
  if (err instanceof MongoServerError) {
    return (typeof err.code === 'number' && UNAVAILABLE_CODES.has(err.code)) || POSTGRES_UNREACHABLE.test(err.message);
  }
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  return err.name === 'MongooseServerSelectionError' || (typeof code === 'string' && SOCKET_ERRORS.has(code));
}
