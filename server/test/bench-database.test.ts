import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { benchServerUrl, createBenchDatabase, dropBenchDatabases } from '../bench/bench-database.js';
import { databaseKind } from './test-app.js';

const serverUrl = process.env.DATABASE_URL ?? '';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const exists = (name: string) =>
  withClient(
    serverUrl,
    async (client) => (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
  );

describe('where the bench connects', () => {
  it('uses the URL it is given, else DATABASE_URL, else the PG* variables, and assumes no role', () => {
    expect(
      benchServerUrl({
        BENCH_ADMIN_DATABASE_URL: 'postgres://a@127.0.0.1/x',
        DATABASE_URL: 'postgres://b@127.0.0.1/y',
      }),
    ).toBe('postgres://a@127.0.0.1/x');
    expect(benchServerUrl({ DATABASE_URL: 'postgres://b@127.0.0.1/y' })).toBe('postgres://b@127.0.0.1/y');
    expect(benchServerUrl({ PGHOST: '127.0.0.1', PGUSER: 'shop', PGPASSWORD: 'p@ss', PGPORT: '5433' })).toBe(
      'postgres://shop:p%40ss@127.0.0.1:5433/shop',
    );
    expect(benchServerUrl({})).toBeUndefined();
  });
});

describe.skipIf(databaseKind === 'pglite')('the bench’s databases (real PostgreSQL)', () => {
  it('gives two runs side by side databases of their own, and drops only its own', async () => {
    const first = await createBenchDatabase({ serverUrl, purpose: 'api' });
    const second = await createBenchDatabase({ serverUrl, purpose: 'api' });
    expect(first.name).not.toBe(second.name);
    expect(first.name).toMatch(new RegExp(`^kura_bench_api_${process.pid}_[0-9a-f]{8}$`));
    // Another run's database, with a connection open on it, as a run in progress has.
    const other = `kura_bench_api_1_${crypto.randomUUID().slice(0, 8)}`;
    await withClient(serverUrl, (client) => client.query(`create database ${other}`));
    const otherUrl = new URL(serverUrl);
    otherUrl.pathname = `/${other}`;
    const inUse = new pg.Client({ connectionString: otherUrl.toString() });
    await inUse.connect();
    try {
      await first.drop();
      expect(await exists(first.name)).toBe(false);
      expect(await exists(second.name)).toBe(true);
      // An interrupted run drops what it still has: the second, and nothing of the other run's.
      await dropBenchDatabases(() => {});
      expect(await exists(second.name)).toBe(false);
      expect(await exists(other)).toBe(true);
      expect((await inUse.query('select 1 as alive')).rows).toEqual([{ alive: 1 }]);
    } finally {
      await inUse.end();
      await withClient(serverUrl, (client) => client.query(`drop database if exists ${other}`));
    }
  });
});
