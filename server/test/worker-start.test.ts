import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/platform/db/database.js';
import { sqlRows } from '../src/platform/db/database.js';
import { startTcpFaultProxy, type TcpFaultProxy } from './tcp-fault-proxy.js';
import { createTestDatabase, databaseKind } from './test-app.js';

/**
 * The worker entry point starting against a database that answers slowly (a busy host, a TLS handshake
 * on a loaded machine): slow is not down. Seen in the deploy rehearsal at load, where /ready's 1 s probe
 * made the worker exit at start.
 */
describe.skipIf(databaseKind === 'pglite')('the worker starting on a slow database (real PostgreSQL)', () => {
  let database: DatabaseHandle;
  let proxy: TcpFaultProxy;
  let url: URL;
  beforeAll(async () => {
    database = await createTestDatabase();
    const [current] = await sqlRows<{ db: string }>(database.db, sql`select current_database() as db`);
    const admin = new URL(process.env.DATABASE_URL ?? '');
    proxy = await startTcpFaultProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    url = new URL(admin);
    url.port = String(proxy.port);
    url.pathname = `/${current?.db}`;
  });
  afterAll(async () => {
    await proxy?.close();
    await database?.close();
  });

  it('starts when each round trip takes 1.2 s, past the 1 s readiness probe', async () => {
    proxy.delay(600);
    const worker = spawn(process.execPath, ['--import', 'tsx', 'src/entry/worker.ts'], {
      env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const started = new Promise<boolean>((resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (output.includes('"worker started"')) resolve(true);
      };
      worker.stdout.on('data', onData);
      worker.stderr.on('data', onData);
      worker.on('exit', () => resolve(false));
    });
    try {
      // tsx compiles the server on start (slow on a busy machine), then the connection takes a few slow round trips.
      const deadline = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 90_000).unref());
      expect(await Promise.race([started, deadline]), output.slice(-2000)).toBe(true);
    } finally {
      worker.kill('SIGKILL');
      proxy.delay(0);
    }
  }, 120_000);
});
