import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The bench's own databases on the local PostgreSQL server, made fresh for
 * each run so Kura migrates and loads its demo data exactly as on a first
 * start. Each gets a name of its own (`kura_bench_<pid>_<random>`), owned by
 * whatever role the connection gives, so two runs side by side never touch
 * each other's; a run drops only the databases it made.
 */
export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

/** Made by this process and not yet dropped: what a failed or interrupted run still has to drop. */
const live = new Set<BenchDatabase>();

/**
 * Where the bench creates its databases: BENCH_ADMIN_DATABASE_URL, else
 * DATABASE_URL, else libpq's PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE. The
 * role needs CREATEDB; no role name is assumed.
 */
export function benchServerUrl(env: NodeJS.ProcessEnv): string | undefined {
  const given = env.BENCH_ADMIN_DATABASE_URL ?? env.DATABASE_URL;
  if (given) return given;
  if (!env.PGUSER && !env.PGHOST) return undefined;
  const url = new URL('postgres://127.0.0.1:5432/postgres');
  if (env.PGHOST) url.hostname = env.PGHOST;
  if (env.PGPORT) url.port = env.PGPORT;
  if (env.PGUSER) url.username = encodeURIComponent(env.PGUSER);
  if (env.PGPASSWORD) url.password = encodeURIComponent(env.PGPASSWORD);
  url.pathname = `/${env.PGDATABASE ?? env.PGUSER ?? 'postgres'}`;
  return url.toString();
}

export async function createBenchDatabase(options: { serverUrl: string; purpose: string }): Promise<BenchDatabase> {
  if (!/^[a-z]+$/.test(options.purpose)) throw new Error(`bench database purpose "${options.purpose}" must be a-z`);
  const name = `kura_bench_${options.purpose}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  // The name is ours alone, so forcing our own leftover connections (a killed child's) off it is safe.
  const database: BenchDatabase = {
    name,
    url: url.toString(),
    drop: async () => {
      await withServer(options.serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
      live.delete(database);
    },
  };
  await withServer(options.serverUrl, (client) => client.query(`create database ${name}`));
  live.add(database);
  return database;
}

/** Drops every database this process made and has not dropped yet (on failure or Ctrl-C). */
export async function dropBenchDatabases(report: (line: string) => void): Promise<void> {
  for (const database of [...live]) {
    await database.drop().catch((err: unknown) => report(`could not drop ${database.name}: ${String(err)}`));
  }
}

async function withServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
