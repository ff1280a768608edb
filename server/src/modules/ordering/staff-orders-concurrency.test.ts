import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures } from '../../../test/order-fixtures.js';
import { asUser, demoProducts, setStock } from '../../../test/shop-fixtures.js';
import { createTestApp, databaseKind, type TestApp } from '../../../test/test-app.js';
import { reservations } from '../inventory/schema.js';
import { orderEvents } from './schema.js';

/**
 * PGlite runs one statement at a time, so concurrent requests there never
 * race; the row lock of a staff action is proved on the real server
 * (DATABASE_URL=postgres://…), with the pool's real connections.
 */
describe.skipIf(databaseKind === 'pglite')('staff actions under concurrency (real PostgreSQL only)', () => {
  let t: TestApp;
  let f: ReturnType<typeof orderFixtures>;
  let staff: ReturnType<typeof asUser>;
  beforeAll(async () => {
    // One customer places the test's orders back to back, far past a person's pace: the checkout limit is raised.
    t = await createTestApp({ demoData: true, rateLimits: { checkout: { limit: 1000, windowMs: 60_000 } } });
    f = orderFixtures(t);
    staff = asUser(t, (await t.signIn({ role: 'staff' })).headers);
  });
  afterAll(async () => {
    await t?.close();
  });

  const act = async (id: string, action: string, ifMatch: string) => {
    const response = await staff.send('POST', `/api/staff/orders/${id}/${action}`, undefined, { 'If-Match': ifMatch });
    return response.status;
  };

  it('ship and cancel of one order at once: exactly one wins, the other is 409; stock stays consistent', async () => {
    const [item] = await demoProducts(t, 1);
    if (!item) throw new Error('no demo product');
    const rounds = 15;
    await setStock(t, item.sku, rounds * 2);
    const customer = await f.customer();
    const placed = [];
    for (let i = 0; i < rounds; i++) placed.push(await customer.order(item.id, 2));
    await f.pump();
    // Every order raced by a ship and a cancel, all rounds at once.
    const results = await Promise.all(
      placed.map(async (order) => {
        const [ship, cancel] = await Promise.all([act(order.id, 'ship', '*'), act(order.id, 'cancel', '*')]);
        return { id: order.id, ship, cancel };
      }),
    );
    await f.pump();
    let shipped = 0;
    for (const r of results) {
      expect([r.ship, r.cancel].sort(), r.id).toEqual([200, 409]);
      if (r.ship === 200) shipped++;
      const moves = await t.database.db
        .select({ to: orderEvents.toState })
        .from(orderEvents)
        .where(eq(orderEvents.orderId, r.id));
      expect(moves.map((m) => m.to)).toEqual(['pending', 'confirmed', r.ship === 200 ? 'shipped' : 'cancelled']);
      const [held] = await t.database.db
        .select({ states: sql<string>`string_agg(${reservations.state}, ',')` })
        .from(reservations)
        .where(eq(reservations.orderId, r.id));
      expect(held?.states).toBe(r.ship === 200 ? 'committed' : 'released');
    }
    const [sold] = await t.database.db
      .select({ n: sql<number>`coalesce(sum(${reservations.quantity}), 0)`.mapWith(Number) })
      .from(reservations)
      .where(and(eq(reservations.sku, item.sku), eq(reservations.state, 'committed')));
    // On hand + sold = what the shelf started with; nothing is left reserved; nothing negative.
    expect(await f.stockOf(item.sku)).toEqual({ onHand: rounds * 2 - shipped * 2, reserved: 0 });
    expect(sold?.n).toBe(shipped * 2);
    console.info(`${rounds} ship/cancel races: ${shipped} shipped, ${rounds - shipped} cancelled, no double win`);
  });

  it('ten ships with the same ETag: one 200, the rest 412; the stock is committed once', async () => {
    const [, item] = await demoProducts(t, 2);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 10);
    const customer = await f.customer();
    const order = await customer.order(item.id, 3);
    await f.pump();
    const etag = (await staff.send('GET', `/api/staff/orders/${order.id}`)).headers.get('ETag') ?? '';
    const statuses = await Promise.all(Array.from({ length: 10 }, () => act(order.id, 'ship', etag)));
    expect(statuses.sort()).toEqual([200, ...Array(9).fill(412)]);
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 7, reserved: 0 });
  });
});
