import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures } from '../../test/order-fixtures.js';
import { demoProducts, setStock } from '../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { inventoryEvents } from '../modules/inventory/events.js';
import { reserveOrder } from '../modules/inventory/reservations.js';
import { reservations } from '../modules/inventory/schema.js';
import type { Order } from '../modules/ordering/api-schemas.js';
import { orderingEvents } from '../modules/ordering/events.js';
import type { DatabaseOrTransaction } from '../platform/db/database.js';
import { on, PermanentEventError } from '../platform/events/consumer.js';
import { createEnvelope } from '../platform/events/envelope.js';
import type { EventDefinition, PayloadIn } from '../platform/events/event-definition.js';
import { enqueueEvent } from '../platform/events/outbox.js';
import { outbox } from '../platform/events/schema.js';

const { OrderPlaced } = orderingEvents;
const { StockRejected, StockReserved } = inventoryEvents;
let t: TestApp;
let f: ReturnType<typeof orderFixtures>;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  f = orderFixtures(t);
});
afterAll(async () => {
  await t?.close();
});

/** A message as the relay would publish it: a redelivery is another copy of the same event. */
const envelopeFor = <D extends EventDefinition>(event: D, key: string, payload: PayloadIn<D>) =>
  createEnvelope({ event, key, payload });

describe('reserving stock for orders through the queue', () => {
  it('checkout → relay → consumer → stock reserved → order confirmed; cancel releases it', async () => {
    const [item] = await demoProducts(t, 1);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 10);
    const me = await f.customer();
    const { api } = me;
    const placed = await me.order(item.id, 3);
    expect(placed.state).toBe('pending');
    await f.pump();
    const confirmed = await api.json<Order>('GET', `/api/orders/${placed.id}`);
    expect(confirmed.body.state).toBe('confirmed');
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 10, reserved: 3 });
    await api.json('POST', `/api/orders/${placed.id}/cancel`);
    await f.pump();
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 10, reserved: 0 });
    expect((await api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('cancelled');
  });

  it('rejects an order for more than is available, reserving nothing', async () => {
    const [, item] = await demoProducts(t, 2);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 5);
    const me = await f.customer();
    const { api } = me;
    // Checkout sees 5 available; another order takes 4 of them before stock is reserved for this one.
    const first = await me.order(item.id, 4);
    const second = await me.order(item.id, 5);
    await f.pump();
    const rejected = (await api.json<Order>('GET', `/api/orders/${second.id}`)).body;
    expect(rejected.state).toBe('rejected');
    expect(rejected.stateReason).toContain(item.sku);
    expect((await api.json<Order>('GET', `/api/orders/${first.id}`)).body.state).toBe('confirmed');
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 5, reserved: 4 });
  });

  it('a redelivered OrderPlaced, or a StockRejected of an earlier version, changes nothing once the order is confirmed', async () => {
    const [, , item] = await demoProducts(t, 3);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 10);
    const me = await f.customer();
    const { api } = me;
    const placed = await me.order(item.id, 2);
    await f.pump();
    await f.dispatch(
      envelopeFor(OrderPlaced, placed.id, {
        orderId: placed.id,
        userId: me.userId,
        lines: [{ productId: item.id, sku: item.sku, quantity: 2 }],
        total: placed.total,
      }),
    );
    await f.dispatch(envelopeFor(StockRejected, placed.id, { orderId: placed.id, shortages: [] }));
    await f.pump();
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 10, reserved: 2 });
    expect((await api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('confirmed');
  });

  it('a cancel handled before its OrderPlaced leaves nothing reserved (messages out of order)', async () => {
    const [, , , item] = await demoProducts(t, 4);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 10);
    const me = await f.customer();
    const { api } = me;
    const placed = await me.order(item.id, 3);
    expect((await api.json<Order>('POST', `/api/orders/${placed.id}/cancel`)).status).toBe(200);
    // Both events are on the queue; a second consumer takes OrderCancelled first, then OrderPlaced.
    // (The relay publishes one event per key per round, keeping each order's events in order.)
    let published = 0;
    for (let n = await f.relay.runOnce(); n > 0; n = await f.relay.runOnce()) published += n;
    expect(published).toBe(2);
    const deliveries = await f.transport.receive({ max: 10, waitSeconds: 0, visibilitySeconds: 30 });
    expect(deliveries.map((d) => d.envelope.type)).toEqual(['OrderPlaced', 'OrderCancelled']);
    for (const delivery of deliveries.reverse()) {
      await f.dispatch(delivery.envelope);
      await f.transport.ack(delivery);
    }
    await f.pump();
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 10, reserved: 0 });
    expect((await api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('cancelled');
  });

  it('a reservation an earlier version made, confirmed after the order was rejected, is given back', async () => {
    const [, , , , item] = await demoProducts(t, 5);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 1);
    const me = await f.customer();
    const { api } = me;
    const placed = await me.order(item.id, 1);
    await setStock(t, item.sku, 0);
    await f.pump();
    expect((await api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('rejected');
    // Stock came back, and a message of the earlier two-step flow reserved and announced StockReserved.
    await setStock(t, item.sku, 1);
    const later = new Date(Date.now() + 60_000);
    await reserveOrder(t.database.db, {
      orderId: placed.id,
      lines: [{ sku: item.sku, quantity: 1 }],
      expiresAt: later,
    });
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 1, reserved: 1 });
    await f.dispatch(envelopeFor(StockReserved, placed.id, { orderId: placed.id }));
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 1, reserved: 0 });
    expect((await api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('rejected');
  });

  it('StockReserved and StockRejected an earlier version queued still settle their pending orders', async () => {
    const items = await demoProducts(t, 8);
    const [held, short] = [items[6], items[7]];
    if (!held || !short) throw new Error('no demo product');
    await setStock(t, held.sku, 5);
    await setStock(t, short.sku, 5);
    const me = await f.customer();
    const { api } = me;
    // Orders whose OrderPlaced the earlier version answered with a separate message, not yet handled.
    const confirmed = await me.order(held.id, 2);
    const rejected = await me.order(short.id, 1);
    await reserveOrder(t.database.db, {
      orderId: confirmed.id,
      lines: [{ sku: held.sku, quantity: 2 }],
      expiresAt: new Date(Date.now() + 60_000),
    });
    await f.dispatch(envelopeFor(StockReserved, confirmed.id, { orderId: confirmed.id }));
    await f.dispatch(
      envelopeFor(StockRejected, rejected.id, {
        orderId: rejected.id,
        shortages: [{ sku: short.sku, requested: 1, available: 0 }],
      }),
    );
    expect((await api.json<Order>('GET', `/api/orders/${confirmed.id}`)).body.state).toBe('confirmed');
    // Confirmed: the hold lasts until it ships, so the expiry job leaves it alone.
    const holds = await t.database.db.select().from(reservations).where(eq(reservations.orderId, confirmed.id));
    expect(holds.map((hold) => [hold.quantity, hold.expiresAt])).toEqual([[2, null]]);
    const { body } = await api.json<Order>('GET', `/api/orders/${rejected.id}`);
    expect([body.state, body.stateReason]).toEqual(['rejected', `Not enough stock: ${short.sku} (0 of 1)`]);
    // Their OrderPlaced, handled now, finds them settled.
    await f.pump();
    expect(await f.stockOf(held.sku)).toEqual({ onHand: 5, reserved: 2 });
    expect(await f.stockOf(short.sku)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('an OrderPlaced for an order that does not exist is dead-lettered at once', async () => {
    const orderId = crypto.randomUUID();
    await expect(
      f.dispatch(
        envelopeFor(OrderPlaced, orderId, {
          orderId,
          userId: crypto.randomUUID(),
          lines: [{ productId: crypto.randomUUID(), sku: 'NO-SUCH', quantity: 1 }],
          total: 100,
        }),
      ),
    ).rejects.toBeInstanceOf(PermanentEventError);
  });

  it('an event whose payload fails its schema, or of a version nobody handles, is dead-lettered with the reason; the flow goes on', async () => {
    const [, , , , , item] = await demoProducts(t, 6);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 10);
    const me = await f.customer();
    // What a producer past the type checker could write (an old deployment, a hand-made row).
    const bad = { id: crypto.randomUUID(), type: 'OrderPlaced', version: 1, key: 'bad', payload: { orderId: 'nope' } };
    const newer = { id: crypto.randomUUID(), type: 'OrderPlaced', version: 2, key: 'newer', payload: {} };
    await t.database.db.insert(outbox).values([bad, newer]);
    const placed = await me.order(item.id, 1);
    await f.pump();
    expect((await me.api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('confirmed');
    const dead = await f.transport.listDeadLetters({ limit: 100 });
    const reasons = new Map(dead.map((letter) => [letter.id, [letter.receiveCount, letter.reason]]));
    expect(reasons.get(bad.id)).toEqual([
      1,
      expect.stringMatching(/^OrderPlaced v1 payload does not match its schema: orderId: Invalid UUID; userId: /),
    ]);
    expect(reasons.get(newer.id)).toEqual([1, 'no handler for OrderPlaced v2 (this consumer handles v1)']);
  });

  it('producers and handlers are typed by the owner’s definitions: a wrong payload does not compile (tsc checks this test)', () => {
    const wrongProducers = async (tx: DatabaseOrTransaction) => {
      // @ts-expect-error -- StockReserved names its order by id, a string
      await enqueueEvent(tx, { event: inventoryEvents.StockReserved, key: 'k', payload: { orderId: 1 } });
      // @ts-expect-error -- OrderPlaced carries its lines
      await enqueueEvent(tx, { event: OrderPlaced, key: 'k', payload: { orderId: 'o', userId: 'u', total: 1 } });
    };
    // @ts-expect-error -- OrderCancelled's payload has no lines
    const wrongHandler = on(orderingEvents.OrderCancelled, async (cancelled) => void cancelled.lines);
    expect([typeof wrongProducers, wrongHandler.event.type]).toEqual(['function', 'OrderCancelled']);
  });
});
