import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, demoProducts, setStock } from '../../test/shop-fixtures.js';
import { createTestApp, databaseKind, type TestApp } from '../../test/test-app.js';
import { reserveOrder } from '../modules/inventory/reservations.js';
import { reservations, stockItems } from '../modules/inventory/schema.js';
import type { Order } from '../modules/ordering/api-schemas.js';
import { deliveryDateIn } from '../modules/ordering/delivery.js';
import { idempotencyKeys } from '../modules/ordering/schema.js';
import { readingRetentionDays } from '../modules/telemetry/public.js';
import { readings as telemetryReadings } from '../modules/telemetry/schema.js';
import { outbox } from '../platform/events/schema.js';
import { createLogger } from '../platform/observability/logger.js';
import { createJobRunner } from '../platform/scheduling/job-runner.js';
import { expireUnconfirmedOrders, holdExpiredReason } from './expire-unconfirmed-orders.js';
import { jobEverySeconds } from './job-cadence.js';
import { confirmReservedOrder } from './reserve-stock-for-orders.js';
import { scheduledJobs } from './scheduled-jobs.js';

const logger = createLogger({ level: 'silent', service: 'kura-test' });
const minute = 60_000;
let t: TestApp;
let sku: string;
let productId: string;

beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  const [item] = await demoProducts(t, 1);
  if (!item) throw new Error('no demo product');
  sku = item.sku;
  productId = item.id;
  await setStock(t, sku, 1000);
});
afterAll(async () => {
  await t?.close();
});

/**
 * A pending order whose stock was reserved (OrderPlaced handled) with a hold
 * that ran out `minutesAgo` ago, while its confirmation never came (StockReserved
 * stuck): what the expiry job exists for.
 */
async function orderWithExpiredHold(quantity: number, minutesAgo = 5) {
  const me = await t.signIn();
  const api = asUser(t, me.headers);
  const placed = await api.json<Order>(
    'POST',
    '/api/orders',
    {
      lines: [{ productId, quantity }],
      shippingAddress: {
        postalCode: '100-0001',
        prefecture: '東京都',
        city: '千代田区',
        line1: '千代田1-1',
        name: '田中 次郎',
        phone: '03-1234-5678',
      },
      delivery: { date: deliveryDateIn(2, new Date()), slot: '午前中' },
    },
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  expect(placed.status).toBe(201);
  const reserved = await reserveOrder(t.database.db, {
    orderId: placed.body.id,
    lines: [{ sku, quantity }],
    expiresAt: new Date(Date.now() - minutesAgo * minute),
  });
  expect(reserved.kind).toBe('reserved');
  return { id: placed.body.id, api };
}

const reservedUnits = async () =>
  (await t.database.db.select().from(stockItems).where(eq(stockItems.sku, sku)))[0]?.reserved;
const holdOf = async (orderId: string) =>
  (await t.database.db.select().from(reservations).where(eq(reservations.orderId, orderId)))[0]?.state;
const cancellations = async (orderId: string) =>
  (
    await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.key, orderId), eq(outbox.type, 'OrderCancelled')))
  ).length;

describe('reservation expiry', () => {
  it('cancels a pending order whose hold expired and releases its stock; a confirmed order keeps its stock', async () => {
    const before = await reservedUnits();
    const stuck = await orderWithExpiredHold(3);
    const confirmed = await orderWithExpiredHold(2);
    await confirmReservedOrder(t.database.db, { orderId: confirmed.id });
    // Confirmed: the hold is no longer a deadline.
    const [confirmedHold] = await t.database.db
      .select()
      .from(reservations)
      .where(eq(reservations.orderId, confirmed.id));
    expect(confirmedHold?.expiresAt).toBeNull();
    const fresh = await orderWithExpiredHold(4, -30); // its hold runs 30 more minutes
    expect(await reservedUnits()).toBe((before ?? 0) + 9);

    const summary = await expireUnconfirmedOrders(t.database.db, { now: new Date() });
    expect(summary).toEqual({ cancelled: 1, released: 1 });

    const cancelled = (await stuck.api.json<Order>('GET', `/api/orders/${stuck.id}`)).body;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.stateReason).toBe(holdExpiredReason);
    expect(await holdOf(stuck.id)).toBe('released');
    expect(await cancellations(stuck.id)).toBe(1);
    expect((await confirmed.api.json<Order>('GET', `/api/orders/${confirmed.id}`)).body.state).toBe('confirmed');
    expect(await holdOf(confirmed.id)).toBe('reserved');
    expect((await fresh.api.json<Order>('GET', `/api/orders/${fresh.id}`)).body.state).toBe('pending');
    expect(await holdOf(fresh.id)).toBe('reserved');
    expect(await reservedUnits()).toBe((before ?? 0) + 6);

    // Again: nothing left to do.
    expect(await expireUnconfirmedOrders(t.database.db, { now: new Date() })).toEqual({ cancelled: 0, released: 0 });
    expect(await cancellations(stuck.id)).toBe(1);
  });

  it('releases the stray hold of an order cancelled before its OrderPlaced was handled', async () => {
    const late = await orderWithExpiredHold(1);
    await late.api.json('POST', `/api/orders/${late.id}/cancel`);
    const summary = await expireUnconfirmedOrders(t.database.db, { now: new Date() });
    expect(summary.cancelled).toBe(0);
    expect(summary.released).toBe(1);
    expect(await holdOf(late.id)).toBe('released');
  });

  it('pages through more expired holds than one batch', async () => {
    const stuck = [await orderWithExpiredHold(1), await orderWithExpiredHold(1), await orderWithExpiredHold(1)];
    const summary = await expireUnconfirmedOrders(t.database.db, { now: new Date(), batchSize: 1 });
    expect(summary.cancelled).toBe(3);
    for (const order of stuck) expect(await holdOf(order.id)).toBe('released');
  });
});

describe.skipIf(databaseKind === 'pglite')('reservation expiry under concurrency (real PostgreSQL only)', () => {
  it('two workers expiring at once cancel and release each order exactly once', async () => {
    const before = await reservedUnits();
    const stuck = await Promise.all(Array.from({ length: 10 }, () => orderWithExpiredHold(2)));
    const results = await Promise.all([0, 1, 2].map(() => expireUnconfirmedOrders(t.database.db, { now: new Date() })));
    expect(results.reduce((n, r) => n + r.cancelled, 0)).toBe(10);
    expect(results.reduce((n, r) => n + r.released, 0)).toBe(10);
    for (const order of stuck) expect(await cancellations(order.id)).toBe(1);
    expect(await reservedUnits()).toBe(before);
  });

  it('a confirmation racing the expiry: each order ends confirmed with its stock, or cancelled without it', async () => {
    const before = await reservedUnits();
    const racing = await Promise.all(Array.from({ length: 10 }, () => orderWithExpiredHold(1)));
    await Promise.all([
      expireUnconfirmedOrders(t.database.db, { now: new Date() }),
      ...racing.map((order) => confirmReservedOrder(t.database.db, { orderId: order.id })),
    ]);
    let held = 0;
    for (const order of racing) {
      const state = (await order.api.json<Order>('GET', `/api/orders/${order.id}`)).body.state;
      const hold = await holdOf(order.id);
      expect([state, hold]).toSatisfy(
        ([s, h]: [string, string]) =>
          (s === 'confirmed' && h === 'reserved') || (s === 'cancelled' && h === 'released'),
      );
      if (hold === 'reserved') held++;
    }
    expect(await reservedUnits()).toBe((before ?? 0) + held);
  });
});

describe('housekeeping jobs', () => {
  it('every job the worker runs is in the cadence list the AWS schedules are made from, at that interval', () => {
    const jobs = scheduledJobs({ db: t.database.db }).map((job) => [job.name, job.everySeconds]);
    expect(Object.fromEntries(jobs)).toEqual(jobEverySeconds);
    expect(new Set(jobs.map(([name]) => name)).size).toBe(jobs.length);
  });

  it('prunes idempotency keys older than 24 h in bounded batches and keeps younger ones', async () => {
    const userId = crypto.randomUUID();
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000);
    await t.database.db
      .insert(idempotencyKeys)
      .values([
        ...Array.from({ length: 5 }, (_, n) => ({ userId, key: `old-${n}`, fingerprint: 'f', createdAt: at(25 + n) })),
        { userId, key: 'day-old-but-not-quite', fingerprint: 'f', createdAt: at(23.9) },
      ]);
    const runner = createJobRunner({
      db: t.database.db,
      logger,
      jobs: scheduledJobs({ db: t.database.db, batchSize: 2, maxBatches: 10 }),
    });
    expect(await runner.runNow('prune-idempotency-keys')).toBe('ran');
    const left = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
    expect(left.map((k) => k.key)).toEqual(['day-old-but-not-quite']);
  });

  it('stops after maxBatches; the next run goes on', async () => {
    const userId = crypto.randomUUID();
    await t.database.db.insert(idempotencyKeys).values(
      Array.from({ length: 5 }, (_, n) => ({
        userId,
        key: `batch-${n}`,
        fingerprint: 'f',
        createdAt: new Date(Date.now() - 48 * 3600_000),
      })),
    );
    const [job] = scheduledJobs({ db: t.database.db, batchSize: 2, maxBatches: 1 }).filter(
      (j) => j.name === 'prune-idempotency-keys',
    );
    expect(await job?.run(new AbortController().signal)).toEqual({ deleted: 2, batches: 1 });
  });

  it('prunes published outbox rows older than 7 days, never unpublished ones', async () => {
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    const row = (key: string, createdAt: Date, publishedAt: Date | null) => ({
      id: crypto.randomUUID(),
      type: 'PruneTest',
      key,
      payload: {},
      createdAt,
      publishedAt,
    });
    await t.database.db
      .insert(outbox)
      .values([
        row('prune-old', at(9), at(8)),
        row('prune-recent', at(6), at(6)),
        row('prune-unpublished', at(30), null),
      ]);
    const runner = createJobRunner({ db: t.database.db, logger, jobs: scheduledJobs({ db: t.database.db }) });
    expect(await runner.runNow('prune-published-events')).toBe('ran');
    const left = await t.database.db.select({ key: outbox.key }).from(outbox).where(eq(outbox.type, 'PruneTest'));
    expect(left.map((r) => r.key).sort()).toEqual(['prune-recent', 'prune-unpublished']);
    // Leave no unpublished test row for other tests' relays.
    await t.database.db.delete(outbox).where(eq(outbox.type, 'PruneTest'));
  });
});

describe('telemetry retention', () => {
  it('deletes readings older than the retention period in bounded batches, across devices, and keeps younger ones', async () => {
    const [old, young] = [crypto.randomUUID(), crypto.randomUUID()];
    const daysAgo = (days: number, minute: number) => new Date(Date.now() - days * 86_400_000 - minute * 60_000);
    const rows = (deviceId: string, days: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        deviceId,
        ts: daysAgo(days, i),
        temperature: 5,
        humidity: 60,
        status: 'ok',
      }));
    await t.database.db
      .insert(telemetryReadings)
      .values([
        ...rows(old, readingRetentionDays + 1, 5),
        ...rows(young, readingRetentionDays + 2, 2),
        ...rows(young, readingRetentionDays - 1, 3),
      ]);
    const [job] = scheduledJobs({ db: t.database.db, batchSize: 3, maxBatches: 2 }).filter(
      (j) => j.name === 'prune-telemetry-readings',
    );
    // Seven expired: two full batches of three, then the run stops; the next run takes the last one.
    expect(await job?.run(new AbortController().signal)).toEqual({ deleted: 6, batches: 2 });
    expect(await job?.run(new AbortController().signal)).toEqual({ deleted: 1, batches: 1 });
    const left = await t.database.db
      .select({ deviceId: telemetryReadings.deviceId })
      .from(telemetryReadings)
      .where(inArray(telemetryReadings.deviceId, [old, young]));
    expect(left).toEqual(Array.from({ length: 3 }, () => ({ deviceId: young })));
  });
});
