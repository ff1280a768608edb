import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { createApp } from '../src/app.js';
import { startEventRuntime } from '../src/flows/event-runtime.js';
import { loadDemoData } from '../src/flows/load-demo-data.js';
import { products } from '../src/modules/catalog/schema.js';
import { stockItems } from '../src/modules/inventory/schema.js';
import { deliveryDateIn } from '../src/modules/ordering/delivery.js';
import { orders } from '../src/modules/ordering/schema.js';
import { loadConfig } from '../src/platform/config/config.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/database.js';
import { applyMigrations } from '../src/platform/db/migrate.js';
import { createConsumer, on } from '../src/platform/events/consumer.js';
import { defineEvent } from '../src/platform/events/event-definition.js';
import { createOutboxRelay, enqueueEvent } from '../src/platform/events/outbox.js';
import { createPostgresTransport } from '../src/platform/events/postgres-transport.js';
import { outbox, queueMessages } from '../src/platform/events/schema.js';
import { createLogger } from '../src/platform/observability/logger.js';
import { startTracing } from '../src/platform/observability/tracing.js';
import { createFilesystemStorage } from '../src/platform/storage/filesystem-storage.js';
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
}): Promise<FlowResult[]> {
  const { clients, say } = options;
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
  try {
    await applyMigrations(database);
    const storage = createFilesystemStorage(join(workDir, 'objects'));
    await loadDemoData({ db: database.db, storage });
    const results = [
      await hotSkuCheckout({ database, storage, workDir, config, clients, say, url: bench.url }),
      await relayAndConsumer({ database, clients, say, url: bench.url }),
    ];
    return results;
  } finally {
    await database.close();
    await bench.drop().catch(() => {});
    await rm(workDir, { recursive: true, force: true });
  }
}

const logger = createLogger({ level: 'silent', service: 'kura-bench' });

async function hotSkuCheckout(options: {
  database: DatabaseHandle;
  storage: ReturnType<typeof createFilesystemStorage>;
  workDir: string;
  config: ReturnType<typeof loadConfig>;
  clients: number;
  say: (line: string) => void;
  url: string;
}): Promise<FlowResult> {
  const { database, clients, say } = options;
  const db = database.db;
  const units = 400;
  const orderCount = 500;
  const [hot] = await db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.sku)).limit(1);
  if (!hot) throw new Error('no demo product');
  await db.update(stockItems).set({ onHand: units, reserved: 0 }).where(eq(stockItems.sku, hot.sku));
  const webDist = join(options.workDir, 'web');
  await mkdir(join(webDist, 'assets'), { recursive: true });
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Kura bench</title>');
  const tracing = startTracing({ serviceName: 'kura-bench', otlpEndpoint: undefined });
  // The event runtime exactly as `npm start` runs it beside the API (relay, one consumer, the jobs),
  // woken by the app after each successful write as in production.
  const events = startEventRuntime({ role: 'local', config: options.config.events, db, logger });
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
    Array.from({ length: clients }, async (_, i) => {
      const token = await issueAccessToken({ subject: `bench-${i}`, email: `bench-${i}@example.test` });
      const headers = { Authorization: `Bearer ${token}` };
      const me = await app.request('/api/me', { headers });
      if (me.status !== 200) throw new Error(`bench sign-in failed: ${me.status}`);
      return headers;
    }),
  );
  const body = JSON.stringify({
    lines: [{ productId: hot.id, quantity: 1 }],
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

  say(`hot-SKU checkout: ${clients} clients placing ${orderCount} orders of 1 unit for ${units} units`);
  const placed: string[] = [];
  let refused = 0;
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
  await until(
    async () => (await count(db, orders, and(inArray(orders.id, placed), eq(orders.state, 'pending')))) === 0,
  );
  const seconds = (performance.now() - started) / 1000;
  await events.stop();
  await tracing.shutdown();

  // The oversell check: exactly the units there were are confirmed, and the stock row agrees.
  const confirmed = await count(db, orders, and(inArray(orders.id, placed), eq(orders.state, 'confirmed')));
  const [stock] = await db.select().from(stockItems).where(eq(stockItems.sku, hot.sku));
  if (confirmed !== units || stock?.reserved !== units || stock.onHand !== units) {
    throw new Error(`oversell check failed: ${confirmed} confirmed, stock ${JSON.stringify(stock)} for ${units} units`);
  }
  const kura = confirmed / seconds;
  say(
    `  Kura: ${confirmed} confirmed + ${placed.length - confirmed} rejected + ${refused} refused in ${seconds.toFixed(1)} s`,
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

async function until(done: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the order flow did not settle within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
