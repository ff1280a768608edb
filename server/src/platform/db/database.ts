import { access, constants, mkdir, readFile } from 'node:fs/promises';
import { SpanKind } from '@opentelemetry/api';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { Client, PoolClient } from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import { inSpan } from '../observability/tracing.js';
import { type ChannelHandlers, type ChannelSubscription, listenWithReconnect } from './listener.js';

/**
 * Kura's database: PGlite (embedded PostgreSQL) by default, node-postgres when
 * a server is configured. Both are the same Drizzle type, so every query
 * function takes either, and a transaction as well.
 */
export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
export type DatabaseOrTransaction = Database | Transaction;

/**
 * Runs `work` in the caller's transaction when given one, else in a new one.
 * Drizzle's `transaction()` on a transaction opens a savepoint (two more round
 * trips); work that is all-or-nothing by itself, or whose caller rolls back
 * on any error anyway, needs none.
 */
export function inTransaction<T>(db: DatabaseOrTransaction, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction ? work(db as Transaction) : db.transaction(work);
}

/** The rows of raw SQL (`db.execute`): both drivers (PGlite, node-postgres) answer `{ rows }`. */
export async function sqlRows<T>(db: DatabaseOrTransaction, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseConfig['kind'];
  /** Round trip to the server; used by /ready. */
  ping(): Promise<void>;
  /**
   * LISTEN on a channel: PGlite tells its own session in this process; on a
   * server, a connection of its own, opened again whenever it drops.
   */
  listen(channel: string, handlers: ChannelHandlers): ChannelSubscription;
  close(): Promise<void>;
};

export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.kind === 'pglite' ? openPglite({ dataDir: config.dataDir }) : openPostgres(config);
}

/**
 * PGlite in a folder, or in memory when `dataDir` is undefined. `template` is
 * a `dumpDataDir()` archive to start from instead of running initdb (~9 s).
 */
export async function openPglite(options: { dataDir: string | undefined; template?: Blob }): Promise<DatabaseHandle> {
  const { dataDir, template } = options;
  if (dataDir) await ensureWritableDir(dataDir);
  const [{ PGlite }, { pg_trgm }, { fuzzystrmatch }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/fuzzystrmatch'),
    import('drizzle-orm/pglite'),
  ]);
  const client = await PGlite.create(dataDir ?? 'memory://', {
    extensions: { pg_trgm, fuzzystrmatch },
    ...(template ? { loadDataDir: template } : {}),
  });
  instrumentQueries(client);
  const originalTransaction = client.transaction.bind(client);
  client.transaction = (callback) =>
    originalTransaction((tx) => {
      instrumentQueries(tx);
      return callback(tx);
    });
  const db = drizzle({ client }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    listen(channel, handlers) {
      const unlisten = client.listen(channel, handlers.onNotify).then((stop) => {
        handlers.onListening?.();
        return stop;
      });
      return {
        close: async () => {
          // A closed PGlite has nothing left to unlisten.
          if (!client.closed) await (await unlisten)().catch(() => {});
        },
      };
    },
    close: () => client.close(),
  };
}

/** How Kura's connections are named in pg_stat_activity, so an operator can find (or terminate) them. */
export const applicationName = 'kura';

async function openPostgres(config: Extract<DatabaseConfig, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const connection = {
    ...(config.connectionString ? { connectionString: config.connectionString } : {}),
    ...(config.secretArn ? await secretConnection(config.secretArn) : {}),
    ...(config.ssl
      ? { ssl: { rejectUnauthorized: true, ...(config.caFile ? { ca: await readCa(config.caFile) } : {}) } }
      : {}),
  };
  const pool = new pg.Pool({
    ...connection,
    application_name: applicationName,
    max: config.poolSize,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // The pool listens for errors only on idle clients; a checked-out client (a transaction's) that loses its
  // connection emits `error` on itself, which with no listener ends the process. Every client gets a listener:
  // the query in flight fails on its own, and a broken client still checked out goes back to the pool as
  // broken (so it is discarded) at once; its holder's later release is a no-op.
  const checkedOut = new Set<PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_err, client) => checkedOut.delete(client));
  const discard = (client: PoolClient, err: Error) => {
    if (!checkedOut.delete(client)) return;
    const release = client.release;
    client.release = () => {};
    release(err);
  };
  pool.on('connect', (client) => {
    // Every pooled connection is instrumented once, which covers pool.query and transactions alike.
    instrumentQueries(client);
    discardOnFailedTransactionControl(client, discard);
    client.on('error', (err) => discard(client, err));
  });
  // An idle client that broke has already been removed from the pool; nothing else to do.
  pool.on('error', () => {});
  const db = drizzle({ client: pool }) as unknown as Database;
  let probe: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    // A new connection each time, not a pooled one that may still look alive after the server went away;
    // concurrent probes share one round trip.
    ping: () => {
      probe ??= roundTrip(() => new pg.Client({ ...connection, application_name: `${applicationName}-ready` })).finally(
        () => {
          probe = undefined;
        },
      );
      return probe;
    },
    listen: (channel, handlers) =>
      listenWithReconnect({
        newClient: () =>
          new pg.Client({ ...connection, application_name: `${applicationName}-listen`, keepAlive: true }),
        channel,
        handlers,
      }),
    close: () => pool.end(),
  };
}

async function secretConnection(arn: string) {
  const { readDatabaseSecret } = await import('./database-secret.js');
  return readDatabaseSecret(arn).catch((err: unknown) => {
    throw new DatabaseStartError(
      `KURA_DATABASE_SECRET_ARN cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  });
}

/** Read once at start: a missing bundle is an operator's error to name, not a TLS failure at the first query. */
async function readCa(file: string): Promise<string> {
  const pem = await readFile(file, 'utf8').catch((err: unknown) => {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : String(err);
    throw new DatabaseStartError(`DATABASE_CA_FILE ${file} cannot be read (${reason})`);
  });
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new DatabaseStartError(`DATABASE_CA_FILE ${file} holds no PEM certificate`);
  }
  return pem;
}

/** Within this long, or the database counts as unreachable (/ready answers 503). */
const readyTimeoutMs = 1_000;

async function roundTrip(newClient: () => Client): Promise<void> {
  const client = newClient();
  client.on('error', () => {});
  const answered = (async () => {
    await client.connect();
    await client.query('select 1');
  })();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the database within ${readyTimeoutMs} ms`)),
      readyTimeoutMs,
    );
  });
  try {
    await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
    answered.catch(() => {});
    // Not awaited: a connection stuck in its handshake would hold the probe past its deadline.
    client.end().catch(() => {});
  }
}

/**
 * Drizzle's transaction releases its client as usual even when ROLLBACK failed (a cancelled statement), which
 * would hand the next caller a connection still inside this transaction; and it never releases the client when
 * BEGIN failed. Either way the connection is discarded at once: closing it ends whatever transaction it holds.
 */
function discardOnFailedTransactionControl(client: PoolClient, discard: (client: PoolClient, err: Error) => void) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (!(result instanceof Promise) || !/^(begin|rollback)\b/i.test(statementText(args[0]))) return result;
    return result.catch((err: unknown) => {
      discard(client, err instanceof Error ? err : new Error(String(err)));
      throw err;
    });
  };
}

type Queryable = { query: (...args: never[]) => Promise<unknown> };

/** Wraps `query` so each statement is a client span under the active request span. */
function instrumentQueries(target: Queryable): void {
  const original = target.query.bind(target) as (...args: unknown[]) => Promise<unknown>;
  const wrapped = (...args: unknown[]) => {
    const text = statementText(args[0]);
    return inSpan(
      `db ${text.split(/\s+/, 1)[0]?.toUpperCase() ?? 'QUERY'}`,
      { 'db.system.name': 'postgresql', 'db.query.text': boundedStatement(text) },
      () => original(...args),
      SpanKind.CLIENT,
    );
  };
  (target as { query: unknown }).query = wrapped;
}

/** Statements are recorded with their placeholders ($1…), never their values; long ones (IN lists) are cut. */
export const maxStatementChars = 500;

export function boundedStatement(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= maxStatementChars ? oneLine : `${oneLine.slice(0, maxStatementChars - 1)}…`;
}

function statementText(arg: unknown): string {
  if (typeof arg === 'string') return arg.trim();
  if (arg && typeof arg === 'object' && 'text' in arg && typeof arg.text === 'string') return arg.text.trim();
  return 'query';
}

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : 'unknown error';
    throw new DatabaseStartError(
      `Data directory ${dir} is not writable (${reason}); set KURA_DATA_DIR to a writable folder`,
    );
  }
}
