import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind } from '../../../test/test-app.js';
import type { DatabaseHandle } from './database.js';

type Pool = import('pg').Pool;

/**
 * A connection whose transaction could not be ended (ROLLBACK failed, as when
 * pg_cancel_backend lands on it) or begun must never go back to the pool: the
 * next caller would run inside someone else's transaction. Seen in a manual
 * fault run: an Idempotency-Key release ran on such a connection and never
 * committed. The failure is made deterministic here with a statement that
 * starts with ROLLBACK (or BEGIN) and then fails.
 */
describe.skipIf(databaseKind !== 'postgres')(
  'a pooled connection after a failed ROLLBACK or BEGIN (real PostgreSQL only; PGlite has no pool)',
  () => {
    let database: DatabaseHandle;
    let pool: Pool;
    beforeAll(async () => {
      database = await createTestDatabase();
      pool = (database.db as unknown as { $client: Pool }).$client;
    });
    afterAll(async () => {
      await database?.close();
    });

    async function backendPid(client: import('pg').PoolClient) {
      const result = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      return result.rows[0]?.pid;
    }

    it.each(['rollback', 'begin'])('is discarded when %s fails, not handed to the next caller', async (statement) => {
      const client = await pool.connect();
      const pid = await backendPid(client);
      await client.query('begin');
      await expect(client.query(`${statement}; select 1/0`)).rejects.toThrow(/division by zero/);
      client.release();
      const next = await pool.connect();
      try {
        expect(await backendPid(next)).not.toBe(pid);
        // The connection is outside any transaction: a fresh transaction id, no "already in progress".
        expect((await next.query('select now() = statement_timestamp() as fresh')).rows[0]?.fresh).toBe(true);
      } finally {
        next.release();
      }
    });
  },
);
