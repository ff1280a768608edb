import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type ErrorBody, errorResponse, toAppError } from '../http/errors.js';
import { classifyDatabaseError } from './db-errors.js';

/** node-postgres' errors as they arrive: a server error carries its SQLSTATE in `code`, a socket error its errno. */
function pgError(message: string, code?: string) {
  return Object.assign(new Error(message), code ? { code } : {});
}

/** Drizzle wraps every failed query: the driver's error is its `cause`. */
function drizzleWrapped(cause: Error) {
  return new Error('Failed query: select 1\nparams: ', { cause });
}

describe('a database failure', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', pgError('read ECONNRESET', 'ECONNRESET')],
    ['a terminated backend', pgError('terminating connection due to administrator command', '57P01')],
    ['a crashed server', pgError('terminating connection because of crash of another server process', '57P02')],
    ['a server starting or stopping', pgError('the database system is shutting down', '57P03')],
    ['a cancelled statement', pgError('canceling statement due to user request', '57014')],
    ['a connection exception (class 08)', pgError('connection failure', '08006')],
    ['too many connections', pgError('sorry, too many clients already', '53300')],
    ['a dropped socket', pgError('Connection terminated unexpectedly')],
    ['a broken client reused', pgError('Client has encountered a connection error and is not queryable')],
    ['a connect timeout', pgError('Connection terminated due to connection timeout')],
  ])('is "unavailable" for %s, wrapped or not', (_, error) => {
    expect(classifyDatabaseError(error)).toBe('unavailable');
    expect(classifyDatabaseError(drizzleWrapped(error))).toBe('unavailable');
  });

  it('is "busy" when the pool had no connection free in time', () => {
    expect(classifyDatabaseError(drizzleWrapped(pgError('timeout exceeded when trying to connect')))).toBe('busy');
  });

  it('is neither for errors a retry cannot help (a constraint, bad SQL, not a database error)', () => {
    expect(classifyDatabaseError(drizzleWrapped(pgError('duplicate key value', '23505')))).toBeUndefined();
    expect(classifyDatabaseError(drizzleWrapped(pgError('syntax error', '42601')))).toBeUndefined();
    expect(classifyDatabaseError(new TypeError('x is undefined'))).toBeUndefined();
    expect(classifyDatabaseError('ECONNREFUSED')).toBeUndefined();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, not 500 INTERNAL', async () => {
    const app = new Hono();
    app.get('/gone', () => {
      throw drizzleWrapped(pgError('terminating connection due to administrator command', '57P01'));
    });
    app.onError((err, c) => errorResponse(c, toAppError(err)));
    const response = await app.request('/gone');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.message).toMatch(/database is unavailable/);
  });
});
