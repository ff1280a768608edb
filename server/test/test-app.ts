import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { inject } from 'vitest';
import { createApp } from '../src/app.js';
import { openEventTransport } from '../src/flows/event-runtime.js';
import { loadDemoData } from '../src/flows/load-demo-data.js';
import { users as usersTable } from '../src/modules/identity/schema.js';
import type { Role } from '../src/platform/auth/principal.js';
import { loadConfig, type RateLimitsConfig } from '../src/platform/config/config.js';
import { type DatabaseHandle, openDatabase, openPglite } from '../src/platform/db/database.js';
import { applyMigrations } from '../src/platform/db/migrate.js';
import type { FaultSwitches } from '../src/platform/faults/fault-switches.js';
import { createAlarmMonitor } from '../src/platform/observability/alarms.js';
import { LogBuffer } from '../src/platform/observability/log-buffer.js';
import { createLogger, type Logger } from '../src/platform/observability/logger.js';
import { MetricStore, useMetricSinks } from '../src/platform/observability/metrics.js';
import { startTracing } from '../src/platform/observability/tracing.js';
import { createFilesystemStorage } from '../src/platform/storage/filesystem-storage.js';
import { issueAccessToken, verifyTestAccessToken } from './test-issuer.js';

const baseConfig = loadConfig(process.env);
/** Connections of a real-server test database's pool (createTestDatabase). */
export const testPoolSize = 20;

/** Which database the suite runs on: PGlite, or the real server when DATABASE_URL is set. */
export const databaseKind = baseConfig.database.kind;

/**
 * A fresh database for one test file. PGlite starts from the migrated
 * template made by global-setup; on a real server each file gets its own
 * database, created from scratch and dropped afterwards.
 */
export async function createTestDatabase(options: { port?: number } = {}): Promise<DatabaseHandle> {
  if (baseConfig.database.kind === 'pglite') {
    const dump = await readFile(inject('pgliteTemplate'));
    return openPglite({ dataDir: undefined, template: new Blob([dump]) });
  }
  const { default: pg } = await import('pg');
  const adminUrl = baseConfig.database.connectionString;
  const name = `kura_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client(adminUrl ? { connectionString: adminUrl } : {});
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl ?? 'postgres://127.0.0.1/');
  url.pathname = `/${name}`;
  // Through another port (a fault-injecting proxy in front of the same server); the database is still dropped directly.
  if (options.port !== undefined) url.port = String(options.port);
  const handle = await openDatabase({
    ...baseConfig.database,
    connectionString: url.toString(),
    poolSize: testPoolSize,
  });
  await applyMigrations(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      // Best effort: the pool is closed, so a plain drop works; a backend of another role
      // (which this role may not terminate) only leaves a throwaway database behind.
      const dropper = new pg.Client(adminUrl ? { connectionString: adminUrl } : {});
      await dropper.connect();
      await dropper.query(`drop database if exists ${name}`).catch(() => {});
      await dropper.end();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The whole HTTP app over a fresh database, optionally with the demo catalog
 * loaded. The rate limits are the configured ones (the defaults) unless a
 * test lowers them to reach them, or raises them to play many customers' worth of traffic as one.
 */
export async function createTestApp(
  options: {
    demoData?: boolean;
    databasePort?: number;
    logger?: Logger;
    rateLimits?: Partial<RateLimitsConfig>;
    /** Switches a test also hands to its own consumer; by default the app's own, all off. */
    faults?: FaultSwitches;
  } = {},
) {
  const root = await mkdtemp(join(tmpdir(), 'kura-test-'));
  const webDist = join(root, 'web');
  await mkdir(join(webDist, 'assets'), { recursive: true });
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Kura test shell</title><div id="root"></div>');
  await writeFile(join(webDist, 'assets', 'app-3f2a1b.js'), 'console.log("kura")');
  // As the web build writes them: the SPA's page paths (a few), and the real robots.txt.
  await writeFile(
    join(webDist, 'app-paths.json'),
    JSON.stringify(['/', '/products/:slug', '/todos/:filter?', '/admin']),
  );
  await copyFile(join(import.meta.dirname, '../../web/public/robots.txt'), join(webDist, 'robots.txt'));
  const config = {
    ...baseConfig,
    webDist,
    dataDir: root,
    log: { level: 'silent' },
    rateLimits: { ...baseConfig.rateLimits, ...options.rateLimits },
  };
  const database = await createTestDatabase(options.databasePort === undefined ? {} : { port: options.databasePort });
  const storage = createFilesystemStorage(join(root, 'objects'));
  const logs = new LogBuffer();
  const logger = options.logger ?? createLogger({ level: 'silent', service: 'kura-test', buffer: logs });
  const tracing = startTracing({ serviceName: 'kura-test', otlpEndpoint: undefined });
  // The newest app's store gets the process's metrics, as its provider gets the spans.
  const metrics = new MetricStore();
  useMetricSinks([metrics]);
  // Not started: a test evaluates it at the times it chooses (a controlled clock).
  const alarms = createAlarmMonitor({ store: metrics });
  const demo = options.demoData ? await loadDemoData({ db: database.db, storage }) : undefined;
  // The event transport the dead-letter API uses; tests drive relay and consumer themselves (event-pump.ts).
  const events = { transport: openEventTransport(config.events, database.db).transport, wake: () => {} };
  const app = createApp({
    config,
    database,
    storage,
    logger,
    tracing,
    logs,
    metrics,
    alarms,
    verifyAccessToken: verifyTestAccessToken,
    events,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  let users = 0;
  return {
    app,
    config,
    verifyAccessToken: verifyTestAccessToken,
    database,
    storage,
    tracing,
    logs,
    metrics,
    alarms,
    demo,
    /**
     * Signs a new user in: a fresh subject, a real signed token, the user
     * record created by the first request; the role set as an admin would.
     */
    async signIn(options: { role?: Role; email?: string } = {}) {
      users++;
      const subject = `test-user-${users}-${crypto.randomUUID()}`;
      const email = options.email ?? `${subject}@example.test`;
      const token = await issueAccessToken({ subject, email });
      const headers = { Authorization: `Bearer ${token}` };
      const me = await app.request('/api/me', { headers });
      if (me.status !== 200) throw new Error(`sign-in failed: ${me.status} ${await me.text()}`);
      const { id } = (await me.json()) as { id: string };
      if (options.role && options.role !== 'customer') {
        await database.db.update(usersTable).set({ role: options.role }).where(eq(usersTable.id, id));
      }
      return { userId: id, subject, email, token, headers };
    },
    /** `app.request` with a JSON body parsed, for terse assertions. */
    async getJson<T = unknown>(path: string, init?: RequestInit) {
      const response = await app.request(path, init);
      return { response, status: response.status, body: (await response.json()) as T };
    },
    async close() {
      await database.close();
      await tracing.shutdown();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export { applyMigrations };
