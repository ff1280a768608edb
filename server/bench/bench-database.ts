import pg from 'pg';

/**
 * The bench's own database on the local PostgreSQL server, made fresh for each
 * run so Kura migrates and loads its demo data exactly as on a first start.
 * Needs a role with CREATEDB; the maintenance connection goes to `postgres`.
 */
export type BenchDatabase = { url: string; drop(): Promise<void> };

const namePattern = /^[a-z_][a-z0-9_]*$/;

export async function recreateBenchDatabase(options: { adminUrl: string; name: string }): Promise<BenchDatabase> {
  if (!namePattern.test(options.name))
    throw new Error(`Bench database name "${options.name}" must be a plain lower-case identifier`);
  const url = new URL(options.adminUrl);
  url.pathname = `/${options.name}`;
  const drop = () =>
    withAdmin(options.adminUrl, (client) => client.query(`drop database if exists ${options.name} with (force)`));
  await drop();
  await withAdmin(options.adminUrl, (client) => client.query(`create database ${options.name}`));
  return { url: url.toString(), drop: async () => void (await drop()) };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
