import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures } from '../../../test/order-fixtures.js';
import { asUser, demoProducts, setStock } from '../../../test/shop-fixtures.js';
import { createTestApp, databaseKind, type TestApp } from '../../../test/test-app.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import type { Order } from './api-schemas.js';
import { deliveryDateIn } from './delivery.js';
import { cartLines, orders } from './schema.js';

const address = {
  postalCode: '530-0001',
  prefecture: '大阪府',
  city: '大阪市北区',
  line1: '梅田1-1',
  name: '佐藤 太郎',
  phone: '06-1234-5678',
};

/**
 * PGlite runs one statement at a time, so concurrent requests there never
 * race; the claim of an Idempotency-Key and the taking of a cart are proved
 * on the real server (DATABASE_URL=postgres://…), with the pool's real connections.
 */
describe.skipIf(databaseKind === 'pglite')('checkout under concurrency (real PostgreSQL only)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // 50 retries of one key at once prove the key's claim, not the rate limit (test/rate-limits.test.ts).
    t = await createTestApp({ demoData: true, rateLimits: { checkout: { limit: 1000, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('50 concurrent POSTs with one Idempotency-Key write one order; each answer is it or 409 IN_USE', async () => {
    const [item] = await demoProducts(t, 1);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 100);
    const me = await t.signIn();
    const api = asUser(t, me.headers);
    const key = crypto.randomUUID();
    const body = {
      lines: [{ productId: item.id, quantity: 2 }],
      shippingAddress: {
        postalCode: '530-0001',
        prefecture: '大阪府',
        city: '大阪市北区',
        line1: '梅田1-1',
        name: '佐藤 太郎',
        phone: '06-1234-5678',
      },
      delivery: { date: deliveryDateIn(3, new Date()), slot: '午前中' },
    };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.json<Order & ErrorBody>('POST', '/api/orders', body, { 'Idempotency-Key': key }),
      ),
    );
    const rows = await t.database.db.select({ id: orders.id }).from(orders).where(eq(orders.userId, me.userId));
    expect(rows).toHaveLength(1);
    const created = responses.filter((r) => r.status === 201);
    const inUse = responses.filter((r) => r.status === 409);
    expect(created.length + inUse.length).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of created) expect(r.body.id).toBe(rows[0]?.id);
    for (const r of inUse) expect(r.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    console.info(`50 concurrent same-key checkouts: ${created.length} × 201 (1 new + replays), ${inUse.length} × 409`);
    // Once the first finished, a retry is the stored response.
    const retry = await api.json<Order>('POST', '/api/orders', body, { 'Idempotency-Key': key });
    expect([retry.status, retry.body.id]).toEqual([201, rows[0]?.id]);
  });

  // Two tabs, each with its own key: the keys cannot tell the checkouts apart, the cart must.
  for (const tabs of [2, 10]) {
    it(`${tabs} concurrent checkouts of one cart with distinct keys make one order; the rest are 409 ORDER_NOT_PLACEABLE`, async () => {
      const [, item] = await demoProducts(t, 2);
      if (!item) throw new Error('no demo product');
      await setStock(t, item.sku, 1);
      const me = await t.signIn();
      const api = asUser(t, me.headers);
      expect((await api.json('POST', '/api/cart/lines', { productId: item.id, quantity: 1 })).status).toBe(200);
      const body = { shippingAddress: address, delivery: { date: deliveryDateIn(3, new Date()), slot: '午前中' } };
      const responses = await Promise.all(
        Array.from({ length: tabs }, () =>
          api.json<Order & ErrorBody>('POST', '/api/orders', body, { 'Idempotency-Key': crypto.randomUUID() }),
        ),
      );
      const histogram = new Map<string, number>();
      for (const r of responses) {
        const outcome = `${r.status} ${r.body.error?.code ?? ''}`.trim();
        histogram.set(outcome, (histogram.get(outcome) ?? 0) + 1);
      }
      console.info(`${tabs} concurrent cart checkouts: ${[...histogram].map(([k, n]) => `${n} × ${k}`).join(', ')}`);
      const rows = await t.database.db.select({ id: orders.id }).from(orders).where(eq(orders.userId, me.userId));
      expect(rows).toHaveLength(1);
      expect(responses.filter((r) => r.status === 201).map((r) => r.body.id)).toEqual([rows[0]?.id]);
      const losers = responses.filter((r) => r.status !== 201);
      expect(losers.map((r) => [r.status, r.body.error.code])).toEqual(
        Array.from({ length: tabs - 1 }, () => [409, 'ORDER_NOT_PLACEABLE']),
      );
      expect(await t.database.db.select().from(cartLines).where(eq(cartLines.userId, me.userId))).toEqual([]);
      // The one order reserves the one unit once the event flow has run.
      const flow = orderFixtures(t);
      await flow.pump();
      expect(await flow.stockOf(item.sku)).toEqual({ onHand: 1, reserved: 1 });
      const confirmed = await api.json<Order>('GET', `/api/orders/${rows[0]?.id}`);
      expect(confirmed.body.state).toBe('confirmed');
    });
  }
});
