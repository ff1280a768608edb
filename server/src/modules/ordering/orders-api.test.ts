import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, demoProducts, setProduct, setStock } from '../../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { outbox } from '../../platform/events/schema.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import { type Cart, type Order, placeOrderBodySchema } from './api-schemas.js';
import { deliveryDateIn } from './delivery.js';
import { orderingEvents } from './events.js';
import { abandonedClaimSeconds, fingerprintOf, releaseIdempotencyKey, storeIdempotentResponse } from './idempotency.js';
import { canTransition, orderTransitions } from './order-states.js';
import { idempotencyKeys, orders } from './schema.js';

let t: TestApp;
let items: Awaited<ReturnType<typeof demoProducts>>;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  items = await demoProducts(t, 8);
  for (const item of items) await setStock(t, item.sku, 500);
});
afterAll(async () => {
  await t?.close();
});

function product(i: number) {
  const p = items[i];
  if (!p) throw new Error(`no demo product ${i}`);
  return p;
}

const address = {
  postalCode: '150-0001',
  prefecture: '東京都',
  city: '渋谷区',
  line1: '神宮前1-2-3',
  name: '山田 花子',
  phone: '03-1234-5678',
};

function checkoutBody(extra: Record<string, unknown> = {}) {
  return { shippingAddress: address, delivery: { date: deliveryDateIn(2, new Date()), slot: '14-16' }, ...extra };
}

async function customer() {
  const me = await t.signIn();
  const api = asUser(t, me.headers);
  return {
    ...me,
    api,
    checkout: (body: unknown, key: string | null = crypto.randomUUID()) =>
      api.json<Order & ErrorBody>('POST', '/api/orders', body, key === null ? {} : { 'Idempotency-Key': key }),
  };
}

async function eventsFor(orderId: string) {
  return t.database.db.select().from(outbox).where(eq(outbox.key, orderId)).orderBy(outbox.seq);
}

describe('checkout', () => {
  it('orders the cart: a pending order priced with tax per rate, the cart emptied, OrderPlaced in the outbox', async () => {
    const alice = await customer();
    await setProduct(t, product(0).id, { price: 108, taxClass: 'standard' });
    await setProduct(t, product(1).id, { price: 103, taxClass: 'reduced' });
    await alice.api.json('POST', '/api/cart/lines', { productId: product(0).id, quantity: 3 });
    await alice.api.json('POST', '/api/cart/lines', { productId: product(1).id, quantity: 2 });
    const { status, body } = await alice.checkout(checkoutBody());
    expect(status).toBe(201);
    expect(body).toMatchObject({
      state: 'pending',
      total: 530,
      taxes: [
        { rate: 10, amount: 324, tax: 29 },
        { rate: 8, amount: 206, tax: 15 },
      ],
      paymentMethod: 'cash_on_delivery',
      shippingAddress: { ...address, line2: '' },
    });
    expect(body.lines.map((line) => [line.sku, line.quantity, line.unitPrice, line.taxRate])).toEqual([
      [product(0).sku, 3, 108, 10],
      [product(1).sku, 2, 103, 8],
    ]);
    expect((await alice.api.json<Cart>('GET', '/api/cart')).body.lines).toEqual([]);
    const events = await eventsFor(body.id);
    expect(events.map((event) => event.type)).toEqual(['OrderPlaced']);
    expect(orderingEvents.OrderPlaced.payload.parse(events[0]?.payload)).toEqual({
      orderId: body.id,
      userId: alice.userId,
      lines: [
        { productId: product(0).id, sku: product(0).sku, quantity: 3 },
        { productId: product(1).id, sku: product(1).sku, quantity: 2 },
      ],
      total: 530,
    });
    expect((await alice.api.json<Order>('GET', `/api/orders/${body.id}`)).body).toEqual(body);
  });

  it('"buy now" orders the given lines and leaves the cart alone', async () => {
    const bob = await customer();
    await bob.api.json('POST', '/api/cart/lines', { productId: product(2).id, quantity: 1 });
    const { status, body } = await bob.checkout(
      checkoutBody({
        lines: [
          { productId: product(3).id, quantity: 1 },
          { productId: product(3).id, quantity: 2 },
        ],
      }),
    );
    expect(status).toBe(201);
    expect(body.lines.map((line) => [line.productId, line.quantity])).toEqual([[product(3).id, 3]]);
    expect((await bob.api.json<Cart>('GET', '/api/cart')).body.lines).toHaveLength(1);
  });

  it('refuses bad input with a code naming the field, writing nothing', async () => {
    const carol = await customer();
    await carol.api.json('POST', '/api/cart/lines', { productId: product(4).id, quantity: 1 });
    const cases: [unknown, number, string, string][] = [
      [
        checkoutBody({ shippingAddress: { ...address, postalCode: '1500001' } }),
        400,
        'VALIDATION_FAILED',
        'shippingAddress.postalCode',
      ],
      [
        checkoutBody({ shippingAddress: { ...address, prefecture: 'Tokyo' } }),
        400,
        'VALIDATION_FAILED',
        'shippingAddress.prefecture',
      ],
      [
        checkoutBody({ shippingAddress: { ...address, phone: '12345' } }),
        400,
        'VALIDATION_FAILED',
        'shippingAddress.phone',
      ],
      [
        checkoutBody({ delivery: { date: deliveryDateIn(2, new Date()), slot: '12-14' } }),
        400,
        'VALIDATION_FAILED',
        'delivery.slot',
      ],
      [
        checkoutBody({ delivery: { date: deliveryDateIn(0, new Date()), slot: '午前中' } }),
        400,
        'VALIDATION_FAILED',
        'delivery.date',
      ],
      [
        checkoutBody({ delivery: { date: deliveryDateIn(15, new Date()), slot: '午前中' } }),
        400,
        'VALIDATION_FAILED',
        'delivery.date',
      ],
      [
        checkoutBody({ lines: [{ productId: crypto.randomUUID(), quantity: 1 }] }),
        409,
        'ORDER_NOT_PLACEABLE',
        'lines.0.productId',
      ],
      [
        checkoutBody({ lines: [{ productId: product(4).id, quantity: 100 }] }),
        400,
        'VALIDATION_FAILED',
        'lines.0.quantity',
      ],
    ];
    for (const [body, status, code, path] of cases) {
      const response = await carol.checkout(body);
      expect([response.status, response.body.error?.code, response.body.error?.details?.[0]?.path]).toEqual([
        status,
        code,
        path,
      ]);
    }
    const missingKey = await carol.checkout(checkoutBody(), null);
    expect([missingKey.status, missingKey.body.error.details?.[0]?.path]).toEqual([400, 'idempotency-key']);
    const none = await carol.api.json<{ items: unknown[] }>('GET', '/api/orders');
    expect(none.body.items).toEqual([]);
    expect((await carol.api.json<Cart>('GET', '/api/cart')).body.lines).toHaveLength(1);
  });

  it('calls an empty postcode or phone missing (too_small), not malformed', async () => {
    const erin = await customer();
    await erin.api.json('POST', '/api/cart/lines', { productId: product(4).id, quantity: 1 });
    const refused = await erin.checkout(checkoutBody({ shippingAddress: { ...address, postalCode: '', phone: ' ' } }));
    expect(refused.status).toBe(400);
    const first = (path: string) =>
      refused.body.error.details?.find((detail: { path: string }) => detail.path === path)?.code;
    expect([first('shippingAddress.postalCode'), first('shippingAddress.phone')]).toEqual(['too_small', 'too_small']);
  });

  it('refuses a cart with a problem line (sold out, repriced, empty), naming the line', async () => {
    const dave = await customer();
    expect((await dave.checkout(checkoutBody())).body.error.code).toBe('ORDER_NOT_PLACEABLE');
    await dave.api.json('POST', '/api/cart/lines', { productId: product(5).id, quantity: 1 });
    await dave.api.json('POST', '/api/cart/lines', { productId: product(6).id, quantity: 2 });
    await setProduct(t, product(6).id, { price: product(6).price + 50 });
    await setStock(t, product(5).sku, 0);
    const refused = await dave.checkout(checkoutBody());
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([
      { path: 'lines.0.productId', message: 'Sold out', code: 'sold_out' },
      expect.objectContaining({ path: 'lines.1.productId', code: 'price_changed' }),
    ]);
    expect((await dave.api.json<Cart>('GET', '/api/cart')).body.lines).toHaveLength(2);
    await setStock(t, product(5).sku, 500);
    await setProduct(t, product(6).id, { price: product(6).price });
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the stored response and writes one order', async () => {
    const erin = await customer();
    const key = crypto.randomUUID();
    const lines = [{ productId: product(7).id, quantity: 1 }];
    const body = checkoutBody({ lines });
    const first = await erin.checkout(body, key);
    // The same body spelled in another key order is the same request.
    const reordered = { delivery: body.delivery, lines, shippingAddress: body.shippingAddress };
    const retry = await erin.api.send('POST', '/api/orders', reordered, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.json()).toEqual(first.body);
    const list = await erin.api.json<{ items: { id: string }[] }>('GET', '/api/orders');
    expect(list.body.items.map((order) => order.id)).toEqual([first.body.id]);
  });

  it('refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED); keys are per user', async () => {
    const fay = await customer();
    const gus = await customer();
    const key = crypto.randomUUID();
    await fay.checkout(checkoutBody({ lines: [{ productId: product(7).id, quantity: 1 }] }), key);
    const other = await fay.checkout(checkoutBody({ lines: [{ productId: product(7).id, quantity: 2 }] }), key);
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const gusOrder = await gus.checkout(checkoutBody({ lines: [{ productId: product(7).id, quantity: 2 }] }), key);
    expect(gusOrder.status).toBe(201);
  });

  it('frees the key of a request that failed, so a corrected retry succeeds', async () => {
    const hal = await customer();
    const key = crypto.randomUUID();
    expect((await hal.checkout(checkoutBody(), key)).status).toBe(409);
    await hal.api.json('POST', '/api/cart/lines', { productId: product(7).id, quantity: 1 });
    expect((await hal.checkout(checkoutBody(), key)).status).toBe(201);
  });

  it('lets a retry take over the claim of a request that died mid-checkout, and fences the dead one out', async () => {
    const ida = await customer();
    const key = crypto.randomUUID();
    const body = checkoutBody({ lines: [{ productId: product(6).id, quantity: 1 }] });
    // A task crashed after claiming the key: no response, and a claim long past its time.
    const claimedAt = new Date(Date.now() - (abandonedClaimSeconds + 5) * 1000);
    await t.database.db.insert(idempotencyKeys).values({
      userId: ida.userId,
      key,
      fingerprint: fingerprintOf(placeOrderBodySchema.parse(body)),
      createdAt: claimedAt,
    });
    const retry = await ida.checkout(body, key);
    expect(retry.status).toBe(201);
    // Had the first request lived on, it could neither store its response nor free the key.
    const late = storeIdempotentResponse(t.database.db, {
      userId: ida.userId,
      key,
      claimedAt,
      response: { status: 201, body: {} },
    });
    await expect(late).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    await releaseIdempotencyKey(t.database.db, { userId: ida.userId, key, claimedAt });
    const replay = await ida.checkout(body, key);
    expect([replay.status, replay.body.id]).toEqual([201, retry.body.id]);
  });

  it('still answers 409 to a duplicate while a recent claim is in flight', async () => {
    const jo = await customer();
    const key = crypto.randomUUID();
    const body = checkoutBody({ lines: [{ productId: product(6).id, quantity: 1 }] });
    await t.database.db.insert(idempotencyKeys).values({
      userId: jo.userId,
      key,
      fingerprint: fingerprintOf(placeOrderBodySchema.parse(body)),
      createdAt: new Date(),
    });
    const duplicate = await jo.checkout(body, key);
    expect([duplicate.status, duplicate.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_USE']);
  });
});

describe('orders', () => {
  it('lists the user’s orders newest first, a page at a time; another user’s order is 404', async () => {
    const ida = await customer();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const placed = await ida.checkout(checkoutBody({ lines: [{ productId: product(i).id, quantity: 1 }] }));
      ids.push(placed.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string; itemCount: number }[]; nextCursor: string | null } } =
        await ida.api.json('GET', `/api/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((order) => order.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const stranger = await customer();
    expect((await stranger.api.json<ErrorBody>('GET', `/api/orders/${ids[0]}`)).status).toBe(404);
    expect((await stranger.api.json<ErrorBody>('POST', `/api/orders/${ids[0]}/cancel`)).status).toBe(404);
    expect((await stranger.api.json<{ items: unknown[] }>('GET', '/api/orders')).body.items).toEqual([]);
    expect((await ida.api.json<ErrorBody>('GET', '/api/orders?cursor=nope')).body.error.code).toBe('INVALID_CURSOR');
  });

  it('cancels a pending order with OrderCancelled in the outbox; cancelling again is 409 ILLEGAL_ORDER_TRANSITION', async () => {
    const jo = await customer();
    const placed = await jo.checkout(checkoutBody({ lines: [{ productId: product(1).id, quantity: 1 }] }));
    const cancelled = await jo.api.json<Order>('POST', `/api/orders/${placed.body.id}/cancel`);
    expect([cancelled.status, cancelled.body.state]).toEqual([200, 'cancelled']);
    const events = await eventsFor(placed.body.id);
    expect(events.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderCancelled']);
    expect(orderingEvents.OrderCancelled.payload.parse(events[1]?.payload)).toEqual({
      orderId: placed.body.id,
      userId: jo.userId,
    });
    const again = await jo.api.json<ErrorBody>('POST', `/api/orders/${placed.body.id}/cancel`);
    expect([again.status, again.body.error.code]).toEqual([409, 'ILLEGAL_ORDER_TRANSITION']);
    expect(await eventsFor(placed.body.id)).toHaveLength(2);
  });

  it('refuses to cancel a shipped order', async () => {
    const kim = await customer();
    const placed = await kim.checkout(checkoutBody({ lines: [{ productId: product(2).id, quantity: 1 }] }));
    await t.database.db.update(orders).set({ state: 'shipped' }).where(eq(orders.id, placed.body.id));
    const refused = await kim.api.json<ErrorBody>('POST', `/api/orders/${placed.body.id}/cancel`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ILLEGAL_ORDER_TRANSITION']);
    const [row] = await t.database.db
      .select({ state: orders.state })
      .from(orders)
      .where(sql`${orders.id} = ${placed.body.id}`);
    expect(row?.state).toBe('shipped');
  });

  it('follows the issue’s order life: stock settles pending orders, cancel only before shipping, end states are final', () => {
    const states = Object.keys(orderTransitions) as (keyof typeof orderTransitions)[];
    const from = (to: (typeof states)[number]) => states.filter((state) => canTransition(state, to));
    expect(from('confirmed')).toEqual(['pending']);
    expect(from('rejected')).toEqual(['pending']);
    expect(from('cancelled')).toEqual(['pending', 'confirmed']);
    expect(from('shipped')).toEqual(['confirmed']);
    expect(from('delivered')).toEqual(['shipped']);
    expect(from('pending')).toEqual([]);
    for (const end of ['delivered', 'rejected', 'cancelled'] as const) expect(orderTransitions[end]).toEqual([]);
  });
});
