import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeKura } from './app.js';
import { loadConfig } from './platform/config/config.js';
import { createLogger } from './platform/observability/logger.js';
import { startTracing } from './platform/observability/tracing.js';

const baseConfig = loadConfig(process.env);
const adminConfig = baseConfig.database.kind === 'postgres' ? baseConfig.database : undefined;

// On PGlite the database is in this process: there is no server-side session to find left open.
describe.skipIf(!adminConfig)('composing Kura on the PostgreSQL server', () => {
  const name = `kura_compose_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let scratch: string;
  const admin = () =>
    new pg.Client(adminConfig?.connectionString ? { connectionString: adminConfig.connectionString } : {});

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kura-compose-'));
    const client = admin();
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
  });

  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
    await rm(scratch, { recursive: true, force: true });
  });

  it('closes the database it opened when a later step fails: nothing stays connected', async () => {
    if (!adminConfig) return;
    const url = new URL(adminConfig.connectionString ?? 'postgres://127.0.0.1/');
    url.pathname = `/${name}`;
    // Object storage reads its signing secret from the data dir; a folder in its place fails that step,
    // after the database has opened and the migrations have run on its pool.
    await mkdir(join(scratch, 'upload-secret'));
    const config = {
      ...baseConfig,
      dataDir: scratch,
      demoData: false,
      database: { ...adminConfig, connectionString: url.toString() },
      storage: { driver: 'filesystem' as const, uploadSecret: undefined },
    };
    const lines: string[] = [];
    await expect(
      composeKura({
        config,
        logger: createLogger({ level: 'silent', service: 'kura-compose-test' }),
        tracing: startTracing({ serviceName: 'kura-compose-test', otlpEndpoint: undefined }),
        origin: 'http://localhost:1',
        migrate: true,
        progress: (line) => lines.push(line),
      }),
    ).rejects.toMatchObject({ code: 'EISDIR' });
    expect(lines.some((line) => line.startsWith('migrations applied'))).toBe(true);

    // DROP DATABASE refuses while any session is connected (it waits up to 5 s for leaving ones);
    // the pool's idle connections would stay 30 s had the failed start not closed it.
    const client = admin();
    await client.connect();
    try {
      await expect(client.query(`drop database ${name}`)).resolves.toBeDefined();
    } finally {
      await client.end();
    }
  });
});
