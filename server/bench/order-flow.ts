import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import { z } from 'zod';
import { createApp } from '../src/app.js';
import { startEventRuntime } from '../src/flows/event-runtime.js';
import { loadDemoData } from '../src/flows/load-demo-data.js';
import { products } from '../src/modules/catalog/schema.js';
import { stockItems } from '../src/modules/inventory/schema.js';
import { deliveryDateIn } from '../src/modules/ordering/delivery.js';
import { orderEvents, orders } from '../src/modules/ordering/schema.js';
import { loadConfig } from '../src/platform/config/config.js';
import { type DatabaseHandle, openDatabase, openPglite } from '../src/platform/db/database.js';
import { applyMigrations } from '../src/platform/db/migrate.js';
import { createConsumer, on } from '../src/platform/events/consumer.js';
import { defineEvent } from '../src/platform/events/event-definition.js';
import { createOutboxRelay, enqueueEvent } from '../src/platform/events/outbox.js';
import { createPostgresTransport } from '../src/platform/events/postgres-transport.js';
import { outbox, queueMessages } from '../src/platform/events/schema.js';
import { createLogger } from '../src/platform/observability/logger.js';
import { startTracing } from '../src/platform/observability/tracing.js';
import { createFilesystemStorage } from '../src/platform/storage/filesystem-storage.js';
import { installStatementCounter, observerClient, statementCount } from '../test/statement-counter.js';
import { issueAccessToken, verifyTestAccessToken } from '../test/test-issuer.js';
import { createBenchDatabase } from './bench-database.js';

const run = promisify(execFile);

export type FlowResult = {
  name: string;
  baseline: string;
  unit: string;
  kura: number;
  base: number;
  /** What the run checked afterwards, in words. */
  check: string;
};

/**
 * The order flow's two benchmarks, each against pgbench on the same server at
 * the same client count, in the same run:
 *   1. hot-SKU checkout: orders confirmed per second end to end (checkout
 *      through the HTTP app in this process, outbox, relay, queue, stock
 *      consumer, verdict), then the oversell check; vs pgbench running the
 *      same conditional stock UPDATE on one row;
 *   2. relay + consumer: events per second from outbox to handled; vs a
 *      pgbench `FOR UPDATE SKIP LOCKED` claim-and-delete loop.
 */
export async function benchOrderFlow(options: {
  serverUrl: string;
  clients: number;
  say: (line: string) => void;
}): Promise<{ flows: FlowResult[]; orderPath: OrderPathSummary }> {
  const { clients, say } = options;
  installStatementCounter();
  const bench = await createBenchDatabase({ serverUrl: options.serverUrl, purpose: 'orders' });
  say(`fresh database ${bench.name}`);
  const workDir = await mkdtemp(join(tmpdir(), 'kura-bench-orders-'));
  const config = loadConfig({
    DATABASE_URL: bench.url,
    KURA_PROFILE: 'local',
    LOG_LEVEL: 'silent',
    // Each bench client places hundreds of orders: load, not a customer's pace.
    KURA_RATE_LIMIT_CHECKOUTS_PER_MINUTE: '100000',
  });
  if (config.database.kind !== 'postgres') throw new Error('the order bench needs PostgreSQL');
  const database = await openDatabase({ ...config.database, poolSize: 20 });
  const rssBefore = process.memoryUsage().rss;
  try {
    await applyMigrations(database);
    const storage = createFilesystemStorage(join(workDir, 'objects'));
    await loadDemoData({ db: database.db, storage });
    const shop = await openShop({ database, storage, workDir, config, clients });
    let path: OrderPathResult;
    let hot: Awaited<ReturnType<typeof hotSkuCheckout>>;
    try {
      const [product] = await database.db
        .select()
        .from(products)
        .where(eq(products.active, true))
        .orderBy(desc(products.sku))
        .limit(1);
      if (!product) throw new Error('no demo product');
      await database.db.update(stockItems).set({ onHand: 100_000, reserved: 0 }).where(eq(stockItems.sku, product.sku));
      path = await orderPath({ database, shop, url: bench.url, productId: product.id, say });
      hot = await hotSkuCheckout({ database, shop, clients, say, url: bench.url });
    } finally {
      await shop.stop();
    }
    const rssAfter = process.memoryUsage().rss;
    const relay = await relayAndConsumer({ database, clients, say, url: bench.url });
    const embedded = await pgliteAtRest({ workDir, say });
    return {
      flows: [hot, relay],
      orderPath: {
        ...path,
        underLoad: hot.underLoad,
        statementsPerSettledOrderUnderLoad: hot.statementsPerSettledOrder,
        pgliteAtRest: embedded,
        rssMiB: { before: mebibytes(rssBefore), after: mebibytes(rssAfter) },
      },
    };
  } finally {
    await database.close();
    await bench.drop().catch(() => {});
    await rm(workDir, { recursive: true, force: true });
  }
}

const logger = createLogger({ level: 'silent', service: 'kura-bench' });

type Shop = {
  app: ReturnType<typeof createApp>;
  events: ReturnType<typeof startEventRuntime>;
  shoppers: Record<string, string>[];
  stop(): Promise<void>;
};

/** The HTTP app and the event runtime exactly as `npm start` runs them (relay, one consumer, the jobs), in this process. */
async function openShop(options: {
  database: DatabaseHandle;
  storage: ReturnType<typeof createFilesystemStorage>;
  workDir: string;
  config: ReturnType<typeof loadConfig>;
  clients: number;
}): Promise<Shop> {
  const { database } = options;
  const webDist = join(options.workDir, 'web');
  await mkdir(join(webDist, 'assets'), { recursive: true });
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Kura bench</title>');
  const tracing = startTracing({ serviceName: 'kura-bench', otlpEndpoint: undefined });
  // Woken by the app after each successful write as in production.
  const events = startEventRuntime({
    role: 'local',
    config: options.config.events,
    db: database.db,
    listen: database.listen,
    logger,
  });
  const app = createApp({
    events,
    config: { ...options.config, webDist, log: { level: 'silent' } },
    database,
    storage: options.storage,
    logger,
    tracing,
    verifyAccessToken: verifyTestAccessToken,
  });
  const shoppers = await Promise.all(
    Array.from({ length: options.clients }, async (_, i) => {
      const token = await issueAccessToken({ subject: `bench-${i}`, email: `bench-${i}@example.test` });
      const headers = { Authorization: `Bearer ${token}` };
      const me = await app.request('/api/me', { headers });
      if (me.status !== 200) throw new Error(`bench sign-in failed: ${me.status}`);
      return headers;
    }),
  );
  return {
    app,
    events,
    shoppers,
    async stop() {
      await events.stop();
      await tracing.shutdown();
    },
  };
}

function checkoutBody(productId: string): string {
  return JSON.stringify({
    lines: [{ productId, quantity: 1 }],
    shippingAddress: {
      postalCode: '100-0001',
      prefecture: '東京都',
      city: '千代田区',
      line1: '千代田1-1',
      name: '山田 太郎',
      phone: '03-1234-5678',
    },
    delivery: { date: deliveryDateIn(2, new Date()), slot: '午前中' },
  });
}

async function placeOne(shop: Shop, headers: Record<string, string>, body: string): Promise<string> {
  const response = await shop.app.request('/api/orders', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body,
  });
  const answer = (await response.json()) as { id?: string };
  if (response.status !== 201 || !answer.id) throw new Error(`checkout answered ${response.status}`);
  return answer.id;
}

/** Placed → confirmed per order, from the order's own history (the two state changes' clock_timestamp()). */
async function confirmationLatencies(db: DatabaseHandle['db'], orderIds: readonly string[]): Promise<number[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .select({
      ms: sql<number>`(extract(epoch from max(${orderEvents.at}) filter (where ${orderEvents.toState} = 'confirmed')
                       - min(${orderEvents.at}) filter (where ${orderEvents.toState} = 'pending')) * 1000)::float8`,
    })
    .from(orderEvents)
    .where(inArray(orderEvents.orderId, [...orderIds]))
    .groupBy(orderEvents.orderId);
  return rows.map((row) => row.ms).filter((ms) => Number.isFinite(ms));
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export type OrderPathSummary = OrderPathResult & {
  /** Placed → confirmed during the hot-SKU checkout, ms. */
  underLoad: { p50: number; p95: number };
  statementsPerSettledOrderUnderLoad: number;
  /** Placed → confirmed of lone orders on embedded PGlite, as a plain `npm start` runs, ms. */
  pgliteAtRest: { orders: number; p50: number; max: number };
  /** The bench process's resident set before the shop opened and after the lone and hot-SKU orders. */
  rssMiB: { before: number; after: number };
};

export type OrderPathResult = {
  /** The statements Kura's connections sent per confirmed order, lone orders one after another. */
  statementsPerOrder: number;
  commitsPerOrder: number;
  /** Statements per second from the idle process (nothing to do) over `idleSeconds`. */
  idleStatementsPerSecond: number;
  idleSeconds: number;
  /** Placed → confirmed of lone orders at rest, ms. */
  atRest: { orders: number; p50: number; max: number };
};

/**
 * A lone order at a time on the running shop: how many statements and
 * commits it costs end to end (checkout, relay, queue, reservation,
 * confirmation, pack tasks), how long from placed to confirmed, and what the
 * process sends while it has nothing to do.
 */
async function orderPath(options: {
  database: DatabaseHandle;
  shop: Shop;
  url: string;
  productId: string;
  say: (line: string) => void;
}): Promise<OrderPathResult> {
  const { shop, say } = options;
  const observer = await observerClient(options.url);
  try {
    const lone = 30;
    const body = checkoutBody(options.productId);
    const headers = shop.shoppers[0] ?? {};
    // One order first, so first-use costs (prepared caches, JIT) stay out of the figures.
    const warm = await placeOne(shop, headers, body);
    await untilConfirmed(observer, warm);
    say(`order path: ${lone} lone orders, one after another`);
    const before = statementCount();
    const ids: string[] = [];
    for (let i = 0; i < lone; i++) {
      const id = await placeOne(shop, headers, body);
      ids.push(id);
      await untilConfirmed(observer, id);
      // Let the pack-task step (after the confirmation) finish too before the next order.
      await untilQueueEmpty(observer);
    }
    const after = statementCount();
    const latencies = await confirmationLatencies(options.database.db, ids);
    const idleSeconds = 10;
    // The idle relay's poll slows down while nothing happens: measure once it had time to.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idleBefore = statementCount();
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const idleAfter = statementCount();
    const result: OrderPathResult = {
      statementsPerOrder: round1((after.statements - before.statements) / lone),
      commitsPerOrder: round1((after.commits - before.commits) / lone),
      idleStatementsPerSecond: round1((idleAfter.statements - idleBefore.statements) / idleSeconds),
      idleSeconds,
      atRest: { orders: latencies.length, p50: round1(percentile(latencies, 50)), max: round1(Math.max(...latencies)) },
    };
    say(
      `  ${result.statementsPerOrder} statements and ${result.commitsPerOrder} commits per confirmed order; ` +
        `placed → confirmed p50 ${result.atRest.p50} ms, max ${result.atRest.max} ms; ` +
        `idle: ${result.idleStatementsPerSecond} statements/s`,
    );
    return result;
  } finally {
    await observer.end();
  }
}

async function untilConfirmed(observer: pg.Client, orderId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await observer.query<{ state: string }>('select state from ordering.orders where id = $1', [
      orderId,
    ]);
    if (rows[0]?.state === 'confirmed') return;
    if (rows[0] && rows[0].state !== 'pending') throw new Error(`bench order ${orderId} is ${rows[0].state}`);
    if (Date.now() > deadline) throw new Error(`bench order ${orderId} was not confirmed within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function untilQueueEmpty(observer: pg.Client): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await observer.query<{ n: number }>(
      `select (select count(*) from platform.queue_messages where dead_at is null)
            + (select count(*) from platform.outbox where published_at is null) as n`,
    );
    if (Number(rows[0]?.n) === 0) return;
    if (Date.now() > deadline) throw new Error('the bench queue did not drain within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** `npm start`'s default: PGlite in this process. Lone orders, one after another, placed → confirmed. */
async function pgliteAtRest(options: { workDir: string; say: (line: string) => void }) {
  const { say } = options;
  say('order path on PGlite (npm start without DATABASE_URL): migrating and loading the demo data');
  const config = loadConfig({
    KURA_PROFILE: 'local',
    LOG_LEVEL: 'silent',
    KURA_EPHEMERAL: 'true',
    KURA_RATE_LIMIT_CHECKOUTS_PER_MINUTE: '100000',
  });
  const database = await openPglite({ dataDir: undefined });
  try {
    await applyMigrations(database);
    const storage = createFilesystemStorage(join(options.workDir, 'pglite-objects'));
    await loadDemoData({ db: database.db, storage });
    const shop = await openShop({ database, storage, workDir: options.workDir, config, clients: 1 });
    try {
      const [product] = await database.db
        .select()
        .from(products)
        .where(eq(products.active, true))
        .orderBy(desc(products.sku))
        .limit(1);
      if (!product) throw new Error('no demo product');
      await database.db.update(stockItems).set({ onHand: 1_000, reserved: 0 }).where(eq(stockItems.sku, product.sku));
      const body = checkoutBody(product.id);
      const ids: string[] = [];
      for (let i = 0; i < 11; i++) {
        const id = await placeOne(shop, shop.shoppers[0] ?? {}, body);
        // PGlite is one connection: looking is a statement in the same line, so look rarely.
        await until(
          async () => {
            const [row] = await database.db.select({ state: orders.state }).from(orders).where(eq(orders.id, id));
            return row?.state === 'confirmed';
          },
          30_000,
          20,
        );
        if (i > 0) ids.push(id);
      }
      const latencies = await confirmationLatencies(database.db, ids);
      const result = {
        orders: latencies.length,
        p50: round1(percentile(latencies, 50)),
        max: round1(Math.max(...latencies)),
      };
      say(`  PGlite: placed → confirmed p50 ${result.p50} ms, max ${result.max} ms (${result.orders} lone orders)`);
      return result;
    } finally {
      await shop.stop();
    }
  } finally {
    await database.close();
  }
}

function mebibytes(bytes: number): number {
  return round1(bytes / 2 ** 20);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

async function hotSkuCheckout(options: {
  database: DatabaseHandle;
  shop: Shop;
  clients: number;
  say: (line: string) => void;
  url: string;
}): Promise<FlowResult & { underLoad: { p50: number; p95: number }; statementsPerSettledOrder: number }> {
  const { database, clients, say, shop } = options;
  const db = database.db;
  const units = 400;
  const orderCount = 500;
  const [hot] = await db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.sku)).limit(1);
  if (!hot) throw new Error('no demo product');
  await db.update(stockItems).set({ onHand: units, reserved: 0 }).where(eq(stockItems.sku, hot.sku));
  const { app, shoppers } = shop;
  const body = checkoutBody(hot.id);

  say(`hot-SKU checkout: ${clients} clients placing ${orderCount} orders of 1 unit for ${units} units`);
  const placed: string[] = [];
  let refused = 0;
  const observer = await observerClient(options.url);
  const countedBefore = statementCount();
  const started = performance.now();
  let begun = 0;
  await Promise.all(
    shoppers.map(async (headers) => {
      while (begun++ < orderCount) {
        const response = await app.request('/api/orders', {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body,
        });
        const answer = (await response.json()) as { id?: string; error?: { code: string } };
        if (response.status === 201 && answer.id) placed.push(answer.id);
        else if (answer.error?.code === 'ORDER_NOT_PLACEABLE') refused++;
        else throw new Error(`checkout answered ${response.status} ${JSON.stringify(answer)}`);
      }
    }),
  );
  await until(async () => {
    const { rows } = await observer.query<{ n: number }>(
      "select count(*)::int as n from ordering.orders where id = any($1::uuid[]) and state = 'pending'",
      [placed],
    );
    return rows[0]?.n === 0;
  }).finally(() => observer.end());
  const seconds = (performance.now() - started) / 1000;
  const counted = statementCount();
  const statementsPerSettledOrder = round1((counted.statements - countedBefore.statements) / placed.length);
  const latencies = await confirmationLatencies(db, placed);
  const underLoad = { p50: round1(percentile(latencies, 50)), p95: round1(percentile(latencies, 95)) };

  // The oversell check: exactly the units there were are confirmed, and the stock row agrees.
  const confirmed = await count(db, orders, and(inArray(orders.id, placed), eq(orders.state, 'confirmed')));
  const [stock] = await db.select().from(stockItems).where(eq(stockItems.sku, hot.sku));
  if (confirmed !== units || stock?.reserved !== units || stock.onHand !== units) {
    throw new Error(`oversell check failed: ${confirmed} confirmed, stock ${JSON.stringify(stock)} for ${units} units`);
  }
  const kura = confirmed / seconds;
  say(
    `  Kura: ${confirmed} confirmed + ${placed.length - confirmed} rejected + ${refused} refused in ${seconds.toFixed(1)} s; ` +
      `placed → confirmed p50 ${underLoad.p50} ms, p95 ${underLoad.p95} ms; ${statementsPerSettledOrder} statements per settled order`,
  );

  say(`  pgbench: the same conditional UPDATE on one row, ${clients} clients, 10 s`);
  await database.db.execute(
    sql.raw(`create table bench_stock (sku text primary key, on_hand int not null, reserved int not null check (reserved <= on_hand));
             insert into bench_stock values ('HOT', 2000000000, 0);`),
  );
  const base = await pgbenchTps(options.url, clients, 10, [
    "update bench_stock set reserved = reserved + 1 where sku = 'HOT' and on_hand - reserved >= 1;",
  ]);
  return {
    name: 'hot-SKU checkout → confirmed',
    baseline: 'pgbench: the conditional stock UPDATE on one row (one statement; Kura runs the whole flow)',
    unit: 'orders/s',
    kura,
    base,
    underLoad,
    statementsPerSettledOrder,
    check:
      `${confirmed} confirmed of ${units} units (${placed.length - confirmed} rejected, ${refused} refused at checkout) ` +
      `in ${seconds.toFixed(1)} s (${(placed.length / seconds).toFixed(1)} orders settled/s), reserved ${stock.reserved}, none oversold`,
  };
}

/** The relay-and-consumer benchmark's event: the cost of the event path alone, no flow behind it. */
const benchPing = defineEvent({
  type: 'BenchPing',
  version: 1,
  description: 'Benchmark only.',
  payload: z.object({ n: z.int() }),
});

async function relayAndConsumer(options: {
  database: DatabaseHandle;
  clients: number;
  say: (line: string) => void;
  url: string;
}): Promise<FlowResult> {
  const { database, clients, say } = options;
  const db = database.db;
  const events = 5000;
  say(`relay + consumer: ${events} events, one relay and ${clients} consumers on the queue table`);
  for (let i = 0; i < events; i += 500) {
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(events, i + 500); j++) {
        await enqueueEvent(tx, { event: benchPing, key: `key-${j % 100}`, payload: { n: j } });
      }
    });
  }
  let handled = 0;
  const handlers = [
    on(benchPing, async () => {
      handled++;
    }),
  ];
  const transport = createPostgresTransport({ db, queue: 'bench', maxReceiveCount: 5 });
  const relay = createOutboxRelay({ db, transport, logger, batchSize: 100 });
  const consumers = Array.from({ length: clients }, () =>
    createConsumer({ transport, handlers, logger, waitSeconds: 1, batchSize: 10 }),
  );
  const started = performance.now();
  relay.start();
  for (const consumer of consumers) consumer.start();
  await until(
    async () =>
      handled >= events &&
      (await count(db, outbox, isNull(outbox.publishedAt))) === 0 &&
      (await count(db, queueMessages, eq(queueMessages.queue, 'bench'))) === 0,
  );
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  await Promise.all(consumers.map((c) => c.stop()));
  const kura = events / seconds;
  say(`  Kura: ${events} events published and handled in ${seconds.toFixed(1)} s (${handled} handler runs)`);

  say(`  pgbench: a FOR UPDATE SKIP LOCKED claim-and-delete loop over ${events} rows, ${clients} clients`);
  await db.execute(
    sql.raw(`create table bench_queue (id bigserial primary key, body jsonb not null);
             insert into bench_queue (body) select jsonb_build_object('n', n) from generate_series(1, ${events}) n;`),
  );
  const base = await pgbenchTps(
    options.url,
    clients,
    undefined,
    [
      'delete from bench_queue where id = (select id from bench_queue order by id limit 1 for update skip locked) returning id;',
    ],
    Math.floor(events / clients),
  );
  return {
    name: 'relay + consumer, outbox → handled',
    baseline: 'pgbench: SKIP LOCKED claim-and-delete loop (one statement per event; Kura relays, receives, acks)',
    unit: 'events/s',
    kura,
    base,
    check: `${handled} handler runs for ${events} events (at least once), outbox and queue empty`,
  };
}

/** Runs pgbench with a custom script, for `seconds` or `transactions` per client; returns its tps. */
async function pgbenchTps(
  url: string,
  clients: number,
  seconds: number | undefined,
  script: string[],
  transactions?: number,
): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'kura-pgbench-'));
  try {
    const file = join(dir, 'script.sql');
    await writeFile(file, `${script.join('\n')}\n`);
    const length = seconds !== undefined ? ['-T', String(seconds)] : ['-t', String(transactions ?? 1)];
    const { stdout } = await run(
      'pgbench',
      ['-n', '-f', file, '-c', String(clients), '-j', String(Math.min(clients, 2)), ...length, url],
      { timeout: 120_000 },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    if (!tps?.[1]) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Number(tps[1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function count(
  db: DatabaseHandle['db'],
  table: typeof orders | typeof outbox | typeof queueMessages,
  where: SQL | undefined,
): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return row?.n ?? 0;
}

async function until(done: () => Promise<boolean>, timeoutMs = 300_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`the order flow did not settle within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
