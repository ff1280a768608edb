/**
 * What a database failure means for the caller, decided in this one place:
 * - `busy`: no connection could be had in time (every pooled one in use);
 * - `unavailable`: the server is unreachable, went away mid-request, is
 *   starting or stopping, or cancelled the statement.
 * Either way the request's transaction did not commit (or, for a COMMIT cut
 * off mid-flight, the Idempotency-Key says what happened), so the same request
 * may be sent again: the API answers 503 with Retry-After. Anything else
 * (a constraint, a bug in SQL) is not transient and is left to the caller.
 */
export type DatabaseFailure = 'busy' | 'unavailable';

export function classifyDatabaseError(err: unknown): DatabaseFailure | undefined {
  // Drizzle wraps the driver's error in `cause`; an AggregateError (several addresses tried) holds it in `errors`.
  const seen = new Set<unknown>();
  const pending: unknown[] = [err];
  while (pending.length > 0 && seen.size < 8) {
    const e = pending.shift();
    if (!(e instanceof Error) || seen.has(e)) continue;
    seen.add(e);
    const failure = failureOf(e);
    if (failure) return failure;
    pending.push(e.cause);
    if (e instanceof AggregateError) pending.push(...e.errors);
  }
  return undefined;
}

function failureOf(e: Error): DatabaseFailure | undefined {
  if (busyMessages.has(e.message)) return 'busy';
  if (unavailableMessages.has(e.message)) return 'unavailable';
  const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  if (!code) return undefined;
  if (socketCodes.has(code)) return 'unavailable';
  // SQLSTATE class 08: connection exception.
  if (/^08[0-9A-Z]{3}$/.test(code)) return 'unavailable';
  if (unavailableSqlStates.has(code)) return 'unavailable';
  return undefined;
}

/** node-postgres' pool waited `connectionTimeoutMillis` for a free connection. */
const busyMessages = new Set(['timeout exceeded when trying to connect']);

/** node-postgres' own words for a connection that could not be opened or has died. */
const unavailableMessages = new Set([
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Query read timeout',
]);

const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const unavailableSqlStates = new Set([
  '57014', // query_canceled (pg_cancel_backend, statement_timeout)
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown, a failover)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '57P05', // idle_session_timeout
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
]);
