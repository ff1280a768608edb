import { access, constants, mkdir } from 'node:fs/promises';
import { SpanKind } from '@opentelemetry/api';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { DatabaseConfig } from '../config/config.js';
import { inSpan } from '../observability/tracing.js';

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

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseConfig['kind'];
  /** Round trip to the server; used by /ready. */
  ping(): Promise<void>;
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
    close: () => client.close(),
  };
}

async function openPostgres(config: Extract<DatabaseConfig, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({
    ...(config.connectionString ? { connectionString: config.connectionString } : {}),
    ...(config.ssl ? { ssl: { rejectUnauthorized: true } } : {}),
    max: config.poolSize,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // Every pooled connection is instrumented once, which covers pool.query and transactions alike.
  pool.on('connect', (client) => instrumentQueries(client));
  // An idle client's error (server restart, network) must not crash the process.
  pool.on('error', () => {});
  const db = drizzle({ client: pool }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

/**
 * node-postgres gave up getting a connection in time (every pooled one busy,
 * or a new one too slow to open): the database is saturated, not broken, and
 * the request did nothing. Drizzle may wrap the error.
 */
export function isPoolExhausted(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    if (connectTimeouts.has(e.message)) return true;
  }
  return false;
}
const connectTimeouts = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
]);

type Queryable = { query: (...args: never[]) => Promise<unknown> };

/** Wraps `query` so each statement is a client span under the active request span. */
function instrumentQueries(target: Queryable): void {
  const original = target.query.bind(target) as (...args: unknown[]) => Promise<unknown>;
  const wrapped = (...args: unknown[]) => {
    const text = statementText(args[0]);
    return inSpan(
      `db ${text.split(/\s+/, 1)[0]?.toUpperCase() ?? 'QUERY'}`,
      { 'db.system.name': 'postgresql', 'db.query.text': text.slice(0, 2_000) },
      () => original(...args),
      SpanKind.CLIENT,
    );
  };
  (target as { query: unknown }).query = wrapped;
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
