import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventRuntime, startEventRuntime } from '../src/flows/event-runtime.js';
import { deliveryDateIn } from '../src/modules/ordering/delivery.js';
import { idempotencyKeys, orderLines, orders } from '../src/modules/ordering/schema.js';
import { loadConfig } from '../src/platform/config/config.js';
import { applicationName, sqlRows } from '../src/platform/db/database.js';
import { createLogger } from '../src/platform/observability/logger.js';
import { demoProducts, setStock } from './shop-fixtures.js';
import { startTcpFaultProxy, type TcpFaultProxy } from './tcp-fault-proxy.js';
import { createTestApp, databaseKind, type TestApp } from './test-app.js';
import { waitUntil } from './wait-until.js';

/**
 * The database going away under load, on the real PostgreSQL server, through
 * the real HTTP server: backends terminated (a failover, a DBA), connections
 * refused for 10 s, a database that answers slowly, statements cancelled.
 * During each fault every answer must be 2xx, a business 409, or 503 with
 * Retry-After; the process stays up and recovers by itself; afterwards no
 * order is half written, no Idempotency-Key is left claimed without a
 * response, and every checkout retried with its key gives exactly one order.
 */
const onRealServer = databaseKind === 'postgres';
const config = loadConfig(process.env);

const address = {
  postalCode: '530-0001',
  prefecture: '大阪府',
  city: '大阪市北区',
  line1: '梅田1-1',
  name: '佐藤 太郎',
  phone: '06-1234-5678',
};
const businessRefusals = new Set(['ORDER_NOT_PLACEABLE', 'INSUFFICIENT_STOCK', 'IDEMPOTENCY_KEY_IN_USE']);

type Checkout = { headers: Record<string, string>; userId: string; key: string; body: unknown; created: boolean };

/** The shared condition wait, with this file's argument order and a 20 s default. */
const waitFor = (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) =>
  waitUntil(condition, { what, timeoutMs });

/** Checkouts ("buy now", a new key each) and searches from a few users at once, until stopped. */
function startLoad(options: {
  baseUrl: string;
  users: { headers: Record<string, string>; userId: string }[];
  productId: string;
  checkouts: Checkout[];
}) {
  let histogram = new Map<string, number>();
  const violations: string[] = [];
  let completed = 0;
  let lastCreatedAt = 0;
  let lastOkAt = 0;
  let stopping = false;
  const record = (label: string) => histogram.set(label, (histogram.get(label) ?? 0) + 1);

  async function classify(response: Response, what: string): Promise<string> {
    if (response.status < 300) {
      lastOkAt = Date.now();
      await response.body?.cancel();
      return String(response.status);
    }
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    const code = body.error?.code ?? '?';
    const label = `${response.status} ${code}`;
    const allowed =
      (response.status === 409 && businessRefusals.has(code)) ||
      (response.status === 503 && code === 'SERVICE_UNAVAILABLE' && response.headers.get('retry-after') !== null);
    if (!allowed) violations.push(`${what}: ${label}`);
    return label;
  }

  async function worker(index: number) {
    const user = options.users[index % options.users.length];
    if (!user) return;
    // Bounded: a worker stops after this many requests even if never told to.
    for (let i = 0; i < 5_000 && !stopping; i++) {
      try {
        if (i % 2 === 0) {
          const checkout: Checkout = {
            ...user,
            key: crypto.randomUUID(),
            body: {
              lines: [{ productId: options.productId, quantity: 1 }],
              shippingAddress: address,
              delivery: { date: deliveryDateIn(3, new Date()), slot: '午前中' },
            },
            created: false,
          };
          options.checkouts.push(checkout);
          const response = await postOrder(options.baseUrl, checkout);
          record(await classify(response, 'checkout'));
          if (response.status === 201) {
            checkout.created = true;
            lastCreatedAt = Date.now();
          }
        } else {
          const response = await fetch(`${options.baseUrl}/api/products?q=${encodeURIComponent('酒')}`);
          record(await classify(response, 'search'));
        }
      } catch (err) {
        record('network error');
        violations.push(`network error: ${String(err)}`);
      }
      completed++;
    }
  }
  const running = Promise.all(Array.from({ length: 6 }, (_, i) => worker(i)));

  return {
    violations,
    get completed() {
      return completed;
    },
    get lastCreatedAt() {
      return lastCreatedAt;
    },
    get lastOkAt() {
      return lastOkAt;
    },
    /** The status codes since the last call, as `{ "201": 40, "503 SERVICE_UNAVAILABLE": 7 }`. */
    takeHistogram() {
      const taken = Object.fromEntries([...histogram].sort());
      histogram = new Map();
      return taken;
    },
    async stop() {
      stopping = true;
      await running;
    },
  };
}

function postOrder(baseUrl: string, checkout: Checkout) {
  return fetch(`${baseUrl}/api/orders`, {
    method: 'POST',
    headers: { ...checkout.headers, 'Content-Type': 'application/json', 'Idempotency-Key': checkout.key },
    body: JSON.stringify(checkout.body),
  });
}

describe.skipIf(!onRealServer)(
  'the database going away under load (real PostgreSQL server; skipped on PGlite, an in-process database that cannot lose a connection)',
  () => {
    let proxy: TcpFaultProxy;
    let t: TestApp;
    let server: Server;
    let baseUrl: string;
    let events: EventRuntime;
    let admin: import('pg').Client;
    let databaseName: string;
    let productId: string;

    beforeAll(async () => {
      const target = new URL(
        config.database.kind === 'postgres' ? (config.database.connectionString ?? '') : 'postgres://127.0.0.1:5432/',
      );
      proxy = await startTcpFaultProxy({ host: target.hostname || '127.0.0.1', port: Number(target.port || 5432) });
      // Three shoppers check out continuously here: load, far past a person's pace (test/rate-limits.test.ts).
      t = await createTestApp({
        demoData: true,
        databasePort: proxy.port,
        rateLimits: { checkout: { limit: 100_000, windowMs: 60_000 } },
      });
      const [product] = await demoProducts(t, 1);
      if (!product) throw new Error('no demo product');
      productId = product.id;
      await setStock(t, product.sku, 1_000_000);
      // The relay, the consumer and the scheduled jobs run too: they must ride out the same faults.
      events = startEventRuntime({
        role: 'local',
        config: t.config.events,
        db: t.database.db,
        logger: createLogger({ level: 'silent', service: 'kura-test' }),
      });
      server = createServer(getRequestListener(t.app.fetch));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const bound = server.address();
      baseUrl = `http://127.0.0.1:${typeof bound === 'object' && bound ? bound.port : 0}`;
      const [row] = await sqlRows<{ name: string }>(t.database.db, sql`select current_database() as name`);
      databaseName = row?.name ?? '';
      const { default: pg } = await import('pg');
      admin = new pg.Client(target.toString());
      admin.on('error', () => {});
      await admin.connect();
    });

    afterAll(async () => {
      await events?.stop();
      await new Promise((resolve) => server?.close(resolve));
      server?.closeAllConnections();
      await admin?.end().catch(() => {});
      await t?.close();
      await proxy?.close();
    });

    /** Signals Kura's backends on the test database (found by name and application_name); how many were signalled. */
    async function signalBackends(signal: 'pg_terminate_backend' | 'pg_cancel_backend', onlyActive = false) {
      const result = await admin.query<{ signalled: boolean }>(
        `select ${signal}(pid) as signalled from pg_stat_activity
          where datname = $1 and application_name = $2 and pid <> pg_backend_pid() ${onlyActive ? "and state = 'active'" : ''}`,
        [databaseName, applicationName],
      );
      return result.rows.filter((row) => row.signalled).length;
    }

    const readyStatus = async () => (await fetch(`${baseUrl}/ready`)).status;

    /** After the fault: the invariants, and every checkout retried with its key. */
    async function assertNothingHalfDone(checkouts: Checkout[], users: { userId: string }[]) {
      // A claim whose request failed is released, in the background while the database was away.
      await waitFor('every claimed Idempotency-Key to have a response or be released', async () => {
        const [row] = await sqlRows<{ pending: number }>(
          t.database.db,
          sql`select count(*)::int as pending from ${idempotencyKeys} where ${idempotencyKeys.responseStatus} is null`,
        );
        return row?.pending === 0;
      });
      const [halfWritten] = await sqlRows<{ count: number }>(
        t.database.db,
        sql`select count(*)::int as count from ${orders} where not exists (select 1 from ${orderLines} where ${orderLines.orderId} = ${orders.id})`,
      );
      expect(halfWritten?.count).toBe(0);
      const orderOfKey = new Map<string, string>();
      for (let i = 0; i < checkouts.length; i += 10) {
        await Promise.all(
          checkouts.slice(i, i + 10).map(async (checkout) => {
            const response = await postOrder(baseUrl, checkout);
            expect(response.status, `${checkout.key}: ${await response.clone().text()}`).toBe(201);
            orderOfKey.set(checkout.key, ((await response.json()) as { id: string }).id);
          }),
        );
      }
      const distinctOrders = new Set(orderOfKey.values());
      expect(distinctOrders.size).toBe(checkouts.length);
      const [written] = await sqlRows<{ count: number }>(
        t.database.db,
        sql`select count(*)::int as count from ${orders} where ${orders.userId} in ${users.map((u) => u.userId)}`,
      );
      expect(written?.count).toBe(distinctOrders.size);
      expect(await readyStatus()).toBe(200);
      expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    }

    it('all of Kura’s backends terminated five times: only 2xx, business 409s and 503 + Retry-After; recovers each time', {
      timeout: 120_000,
    }, async () => {
      const checkouts: Checkout[] = [];
      const users = await Promise.all([t.signIn(), t.signIn(), t.signIn()]);
      const load = startLoad({ baseUrl, users, productId, checkouts });
      const recoveries: number[] = [];
      let terminated = 0;
      try {
        await waitFor('the load to get going', () => load.lastCreatedAt > 0);
        load.takeHistogram();
        for (let round = 0; round < 5; round++) {
          const before = load.completed;
          await waitFor('some requests between rounds', () => load.completed >= before + 20);
          terminated += await signalBackends('pg_terminate_backend');
          const at = Date.now();
          await waitFor('a checkout to succeed after the termination', () => load.lastCreatedAt > at);
          recoveries.push(load.lastCreatedAt - at);
        }
      } finally {
        await load.stop();
      }
      const histogram = load.takeHistogram();
      console.info(
        `terminate × 5 (${terminated} backends): ${JSON.stringify(histogram)}; recovery ms: ${recoveries.join(', ')}`,
      );
      expect(load.violations).toEqual([]);
      expect(terminated).toBeGreaterThanOrEqual(5);
      await assertNothingHalfDone(checkouts, users);
    });

    it('connections refused for 10 s: /ready is 503 within 2 s, requests 503 + Retry-After, and all is well after', {
      timeout: 120_000,
    }, async () => {
      const checkouts: Checkout[] = [];
      const users = await Promise.all([t.signIn(), t.signIn(), t.signIn()]);
      const load = startLoad({ baseUrl, users, productId, checkouts });
      let readyDownMs = Number.NaN;
      let readyUpMs = Number.NaN;
      let recoveryMs = Number.NaN;
      const readyDuring = new Map<number, number>();
      try {
        await waitFor('the load to get going', () => load.lastCreatedAt > 0);
        expect(await readyStatus()).toBe(200);
        load.takeHistogram();
        await proxy.refuse();
        const down = Date.now();
        await waitFor('/ready to answer 503', async () => (await readyStatus()) === 503, 5_000);
        readyDownMs = Date.now() - down;
        // The outage lasts 10 s (the fault's length, not a synchronisation); /ready is sampled throughout.
        await waitFor(
          'the end of the outage',
          async () => {
            const status = await readyStatus();
            readyDuring.set(status, (readyDuring.get(status) ?? 0) + 1);
            return Date.now() - down >= 10_000;
          },
          20_000,
        );
        const during = load.takeHistogram();
        await proxy.restore();
        const up = Date.now();
        await waitFor('/ready to answer 200', async () => (await readyStatus()) === 200);
        readyUpMs = Date.now() - up;
        await waitFor('a checkout to succeed', () => load.lastCreatedAt > up);
        recoveryMs = load.lastCreatedAt - up;
        console.info(
          `refused 10 s: ${JSON.stringify(during)}; /ready ${JSON.stringify(Object.fromEntries(readyDuring))} during; ` +
            `/ready 503 after ${readyDownMs} ms, 200 ${readyUpMs} ms after restore; first checkout ${recoveryMs} ms after`,
        );
        // A request whose queries were done before the cut may still answer 2xx; nothing else but 503.
        expect(Object.keys(during).filter((label) => !/^2\d\d$/.test(label))).toEqual(['503 SERVICE_UNAVAILABLE']);
      } finally {
        await proxy.restore().catch(() => {});
        await load.stop();
      }
      expect(load.violations).toEqual([]);
      expect(readyDownMs).toBeLessThanOrEqual(2_000);
      expect([...readyDuring.keys()]).toEqual([503]);
      await assertNothingHalfDone(checkouts, users);
    });

    it('a database answering 1 s late: /ready is 503 within 2 s, requests still succeed, /ready 200 once it is fast again', {
      timeout: 240_000,
    }, async () => {
      const checkouts: Checkout[] = [];
      const users = await Promise.all([t.signIn(), t.signIn(), t.signIn()]);
      const load = startLoad({ baseUrl, users, productId, checkouts });
      let readyDownMs = Number.NaN;
      try {
        await waitFor('the load to get going', () => load.lastCreatedAt > 0);
        load.takeHistogram();
        // Each way, so every round trip takes 1.2 s: past /ready's 1 s limit, while a checkout's dozen round
        // trips still finish well within the pool's 10 s connect timeout and the wait below, even at load 15.
        const oneWayMs = 600;
        proxy.delay(oneWayMs);
        const slow = Date.now();
        await waitFor('/ready to answer 503', async () => (await readyStatus()) === 503, 5_000);
        readyDownMs = Date.now() - slow;
        await waitFor('a checkout to succeed while slow', () => load.lastCreatedAt > slow + 2 * oneWayMs, 150_000);
        proxy.delay(0);
        await waitFor('/ready to answer 200', async () => (await readyStatus()) === 200);
      } finally {
        proxy.delay(0);
        await load.stop();
      }
      const histogram = load.takeHistogram();
      console.info(`slow 1 s: ${JSON.stringify(histogram)}; /ready 503 after ${readyDownMs} ms`);
      expect(load.violations).toEqual([]);
      expect(readyDownMs).toBeLessThanOrEqual(2_000);
      await assertNothingHalfDone(checkouts, users);
    });

    it('running statements cancelled (pg_cancel_backend) over and over: 503 + Retry-After, never 500', {
      timeout: 120_000,
    }, async () => {
      const checkouts: Checkout[] = [];
      const users = await Promise.all([t.signIn(), t.signIn(), t.signIn()]);
      const load = startLoad({ baseUrl, users, productId, checkouts });
      let signalled = 0;
      try {
        await waitFor('the load to get going', () => load.lastCreatedAt > 0);
        load.takeHistogram();
        for (let round = 0; round < 300; round++) {
          const before = load.completed;
          await waitFor('the next request', () => load.completed > before);
          signalled += await signalBackends('pg_cancel_backend', true);
        }
        const at = Date.now();
        await waitFor('a checkout to succeed after the cancellations', () => load.lastCreatedAt > at);
      } finally {
        await load.stop();
      }
      const histogram = load.takeHistogram();
      console.info(`cancel × 300 rounds (${signalled} running statements signalled): ${JSON.stringify(histogram)}`);
      expect(load.violations).toEqual([]);
      expect(signalled).toBeGreaterThan(0);
      await assertNothingHalfDone(checkouts, users);
    });
  },
);
