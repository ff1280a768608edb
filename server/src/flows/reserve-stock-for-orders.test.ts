import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, demoProducts, setStock } from '../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { stockItems } from '../modules/inventory/schema.js';
import type { Order } from '../modules/ordering/api-schemas.js';
import { deliveryDateIn } from '../modules/ordering/delivery.js';
import { createConsumer, PermanentEventError } from '../platform/events/consumer.js';
import { createOutboxRelay, type OutboxRelay } from '../platform/events/outbox.js';
import { createPostgresTransport } from '../platform/events/postgres-transport.js';
import type { EventTransport } from '../platform/events/transport.js';
import { createLogger } from '../platform/observability/logger.js';
import { reserveStockForOrders } from './reserve-stock-for-orders.js';

let t: TestApp;
let pump: () => Promise<void>;
let transport: EventTransport;
let relay: OutboxRelay;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  const logger = createLogger({ level: 'silent', service: 'kura-test' });
  transport = createPostgresTransport({
    db: t.database.db,
    queue: 'events',
    maxReceiveCount: 5,
    pollIntervalMs: 10,
  });
  relay = createOutboxRelay({ db: t.database.db, transport, logger });
  const consumer = createConsumer({
    transport,
    handlers: reserveStockForOrders({ db: t.database.db }),
    logger,
    waitSeconds: 0,
    retryDelaySeconds: () => 0,
  });
  // Relay and consume until both are idle: each round publishes what the last one enqueued.
  pump = async () => {
    for (let round = 0; round < 20; round++) {
      const published = await relay.runOnce();
      const handled = await consumer.runOnce();
      if (published === 0 && handled === 0) return;
    }
    throw new Error('the event flow did not settle');
  };
});
afterAll(async () => {
  await t?.close();
});

const body = (productId: string, quantity: number) => ({
  lines: [{ productId, quantity }],
  shippingAddress: {
    postalCode: '060-0001',
    prefecture: '北海道',
    city: '札幌市中央区',
    line1: '北1条西1-1',
    name: '鈴木 一郎',
    phone: '011-123-4567',
  },
  delivery: { date: deliveryDateIn(1, new Date()), slot: '18-20' },
});

async function stockOf(sku: string) {
  const [row] = await t.database.db.select().from(stockItems).where(eq(stockItems.sku, sku));
  return { onHand: row?.onHand, reserved: row?.reserved };
}

describe('reserving stock for orders through the queue', () => {
  it('checkout → relay → consumer → stock reserved → order confirmed; cancel releases it', async () => {
    const [item] = await demoProducts(t, 1);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 10);
    const me = await t.signIn();
    const api = asUser(t, me.headers);
    const placed = await api.json<Order>('POST', '/api/orders', body(item.id, 3), {
      'Idempotency-Key': crypto.randomUUID(),
    });
    expect(placed.body.state).toBe('pending');
    await pump();
    const confirmed = await api.json<Order>('GET', `/api/orders/${placed.body.id}`);
    expect(confirmed.body.state).toBe('confirmed');
    expect(await stockOf(item.sku)).toEqual({ onHand: 10, reserved: 3 });
    await api.json('POST', `/api/orders/${placed.body.id}/cancel`);
    await pump();
    expect(await stockOf(item.sku)).toEqual({ onHand: 10, reserved: 0 });
    expect((await api.json<Order>('GET', `/api/orders/${placed.body.id}`)).body.state).toBe('cancelled');
  });

  it('rejects an order for more than is available, reserving nothing', async () => {
    const [, item] = await demoProducts(t, 2);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 5);
    const me = await t.signIn();
    const api = asUser(t, me.headers);
    // Checkout sees 5 available; another order takes 4 of them before stock is reserved for this one.
    const first = await api.json<Order>('POST', '/api/orders', body(item.id, 4), {
      'Idempotency-Key': crypto.randomUUID(),
    });
    const second = await api.json<Order>('POST', '/api/orders', body(item.id, 5), {
      'Idempotency-Key': crypto.randomUUID(),
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    await pump();
    const rejected = (await api.json<Order>('GET', `/api/orders/${second.body.id}`)).body;
    expect(rejected.state).toBe('rejected');
    expect(rejected.stateReason).toContain(item.sku);
    expect((await api.json<Order>('GET', `/api/orders/${first.body.id}`)).body.state).toBe('confirmed');
    expect(await stockOf(item.sku)).toEqual({ onHand: 5, reserved: 4 });
  });

  it('a redelivered OrderPlaced or StockReserved changes nothing', async () => {
    const [, , item] = await demoProducts(t, 3);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 10);
    const me = await t.signIn();
    const api = asUser(t, me.headers);
    const placed = await api.json<Order>('POST', '/api/orders', body(item.id, 2), {
      'Idempotency-Key': crypto.randomUUID(),
    });
    await pump();
    const handlers = reserveStockForOrders({ db: t.database.db });
    const envelope = (type: string, payload: unknown) => ({
      id: crypto.randomUUID(),
      type,
      key: placed.body.id,
      payload,
      occurredAt: new Date().toISOString(),
    });
    await handlers.OrderPlaced?.(
      envelope('OrderPlaced', {
        orderId: placed.body.id,
        userId: me.userId,
        lines: [{ productId: item.id, sku: item.sku, quantity: 2 }],
        total: placed.body.total,
      }),
    );
    await handlers.StockRejected?.(envelope('StockRejected', { orderId: placed.body.id, shortages: [] }));
    await pump();
    expect(await stockOf(item.sku)).toEqual({ onHand: 10, reserved: 2 });
    expect((await api.json<Order>('GET', `/api/orders/${placed.body.id}`)).body.state).toBe('confirmed');
  });

  const envelopeFor = (orderId: string, type: string, payload: unknown) => ({
    id: crypto.randomUUID(),
    type,
    key: orderId,
    payload,
    occurredAt: new Date().toISOString(),
  });

  it('a cancel handled before its OrderPlaced leaves nothing reserved (messages out of order)', async () => {
    const [, , , item] = await demoProducts(t, 4);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 10);
    const me = await t.signIn();
    const api = asUser(t, me.headers);
    const placed = await api.json<Order>('POST', '/api/orders', body(item.id, 3), {
      'Idempotency-Key': crypto.randomUUID(),
    });
    expect((await api.json<Order>('POST', `/api/orders/${placed.body.id}/cancel`)).status).toBe(200);
    // Both events are on the queue; a second consumer takes OrderCancelled first, then OrderPlaced.
    // (The relay publishes one event per key per round, keeping each order's events in order.)
    let published = 0;
    for (let n = await relay.runOnce(); n > 0; n = await relay.runOnce()) published += n;
    expect(published).toBe(2);
    const deliveries = await transport.receive({ max: 10, waitSeconds: 0, visibilitySeconds: 30 });
    expect(deliveries.map((d) => d.envelope.type)).toEqual(['OrderPlaced', 'OrderCancelled']);
    const handlers = reserveStockForOrders({ db: t.database.db });
    for (const delivery of deliveries.reverse()) {
      await handlers[delivery.envelope.type]?.(delivery.envelope);
      await transport.ack(delivery);
    }
    await pump();
    expect(await stockOf(item.sku)).toEqual({ onHand: 10, reserved: 0 });
    expect((await api.json<Order>('GET', `/api/orders/${placed.body.id}`)).body.state).toBe('cancelled');
  });

  it('a reservation that reaches an order already rejected is given back', async () => {
    const [, , , , item] = await demoProducts(t, 5);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 1);
    const me = await t.signIn();
    const api = asUser(t, me.headers);
    const placed = await api.json<Order>('POST', '/api/orders', body(item.id, 1), {
      'Idempotency-Key': crypto.randomUUID(),
    });
    const handlers = reserveStockForOrders({ db: t.database.db });
    // A redelivered OrderPlaced reserved (stock came back), while an earlier delivery's verdict was a rejection.
    await handlers.OrderPlaced?.(
      envelopeFor(placed.body.id, 'OrderPlaced', {
        orderId: placed.body.id,
        userId: me.userId,
        lines: [{ productId: item.id, sku: item.sku, quantity: 1 }],
        total: placed.body.total,
      }),
    );
    expect(await stockOf(item.sku)).toEqual({ onHand: 1, reserved: 1 });
    await handlers.StockRejected?.(
      envelopeFor(placed.body.id, 'StockRejected', { orderId: placed.body.id, shortages: [] }),
    );
    await pump();
    expect(await stockOf(item.sku)).toEqual({ onHand: 1, reserved: 0 });
    expect((await api.json<Order>('GET', `/api/orders/${placed.body.id}`)).body.state).toBe('rejected');
  });

  it('an OrderPlaced for an order that does not exist is dead-lettered at once', async () => {
    const handlers = reserveStockForOrders({ db: t.database.db });
    const orderId = crypto.randomUUID();
    await expect(
      handlers.OrderPlaced?.(
        envelopeFor(orderId, 'OrderPlaced', {
          orderId,
          userId: crypto.randomUUID(),
          lines: [{ productId: crypto.randomUUID(), sku: 'NO-SUCH', quantity: 1 }],
          total: 100,
        }),
      ),
    ).rejects.toBeInstanceOf(PermanentEventError);
  });
});
