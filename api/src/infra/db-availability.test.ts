import { MongoNetworkError, MongoNotConnectedError, MongoServerError, MongoTopologyClosedError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { DatabaseAvailability, isDatabaseUnreachableError } from './db-availability';
import { HttpError } from './http-error';

const serverError = (code: number) => new MongoServerError({ message: `code ${code}`, code });
const socketError = (code: string) =>
  Object.assign(new Error('This socket has been ended by the other party'), { code });

describe('isDatabaseUnreachableError', () => {
  it.each([
    ['a network error', new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed')],
    ['a client not connected', new MongoNotConnectedError('not connected')],
    ['a closed topology', new MongoTopologyClosedError()],
    ['ShutdownInProgress', serverError(91)],
    ['NotWritablePrimary', serverError(10107)],
    ['PrimarySteppedDown', serverError(189)],
    ['a socket the server closed (EPIPE)', socketError('EPIPE')],
    ['a refused connection', socketError('ECONNREFUSED')],
    [
      "FerretDB's word that PostgreSQL died",
      new MongoServerError({
        message:
          '[query_iterator.go:92 postgresql.(*queryIterator).Next] FATAL: terminating connection due to unexpected postmaster exit (SQLSTATE 57P01)',
        code: 1,
      }),
    ],
    [
      "FerretDB's word that PostgreSQL is not there",
      new MongoServerError({
        message: 'failed to connect to `user=postgres database=ferretdb`: dial error (connect: connection refused)',
        code: 1,
      }),
    ],
    [
      // Seen when one PostgreSQL backend was killed under a query (the attack run of issue 9).
      "FerretDB's word that its PostgreSQL backend died mid-query",
      new MongoServerError({
        message: '[query_iterator.go:92 postgresql.(*queryIterator).Next] unexpected EOF',
        code: 1,
      }),
    ],
  ])('is true for %s', (_what, err) => {
    expect(isDatabaseUnreachableError(err)).toBe(true);
  });

  it.each([
    ['a duplicate key', serverError(11000)],
    ['a refused write of the version guard (InternalError)', serverError(1)],
    ['an HttpError', new HttpError(404, 'notFound', 'Contact not found')],
    ['a plain error', new Error('boom')],
    ['not an error', 'EPIPE'],
  ])('is false for %s', (_what, err) => {
    expect(isDatabaseUnreachableError(err)).toBe(false);
  });
});

describe('DatabaseAvailability', () => {
  it('is down while the engine is down, with its Retry-After, and blames any database error on it', () => {
    const availability = new DatabaseAvailability();
    expect(availability.check()).toBe(true);
    expect(availability.explains(serverError(1))).toBe(false);
    availability.setEngine(false, 3);
    expect(availability.check()).toBe(false);
    expect(availability.retryAfterSeconds()).toBe(3);
    expect(availability.explains(serverError(1))).toBe(true);
    expect(availability.explains(new Error('boom'))).toBe(false);
    availability.setEngine(true);
    expect(availability.check()).toBe(true);
    expect(availability.explains(serverError(1))).toBe(false);
  });

  it('probes once while the connection is down and is up again when the probe reaches the server', async () => {
    let probes = 0;
    let answer: (ok: boolean) => void = () => {};
    const availability = new DatabaseAvailability(() => {
      probes++;
      return new Promise<boolean>((resolve) => {
        answer = resolve;
      });
    });
    availability.setConnection(false);
    expect(availability.check()).toBe(false);
    expect(availability.check()).toBe(false);
    expect(probes).toBe(1);
    expect(availability.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    answer(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(availability.check()).toBe(true);
  });

  it('does not probe while the engine is down (nothing could answer)', () => {
    let probes = 0;
    const availability = new DatabaseAvailability(async () => {
      probes++;
      return false;
    });
    availability.setEngine(false, 2);
    availability.setConnection(false);
    expect(availability.check()).toBe(false);
    expect(probes).toBe(0);
  });
});
