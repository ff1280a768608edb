import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures } from '../../../test/order-fixtures.js';
import { asUser, demoProducts, setStock } from '../../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import { releaseExpiredHold } from '../inventory/reservations.js';
import { reservations, stockMovements } from '../inventory/schema.js';
import type { Order, StaffOrder } from './api-schemas.js';
import type { ListStaffOrdersResponse } from './routes/staff-orders.js';

let t: TestApp;
let f: ReturnType<typeof orderFixtures>;
let items: Awaited<ReturnType<typeof demoProducts>>;
let staff: Awaited<ReturnType<TestApp['signIn']>> & { api: ReturnType<typeof asUser> };
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  f = orderFixtures(t);
  items = await demoProducts(t, 6);
  const me = await t.signIn({ role: 'staff', email: 'packer@kura.test' });
  staff = { ...me, api: asUser(t, me.headers) };
});
afterAll(async () => {
  await t?.close();
});

function item(i: number) {
  const found = items[i];
  if (!found) throw new Error(`no demo product ${i}`);
  return found;
}

async function detail(id: string) {
  const response = await staff.api.send('GET', `/api/staff/orders/${id}`);
  return { status: response.status, etag: response.headers.get('ETag'), body: (await response.json()) as StaffOrder };
}

async function act(id: string, action: 'ship' | 'deliver' | 'cancel', ifMatch: string | null) {
  const response = await staff.api.send('POST', `/api/staff/orders/${id}/${action}`, undefined, {
    ...(ifMatch === null ? {} : { 'If-Match': ifMatch }),
  });
  return {
    status: response.status,
    etag: response.headers.get('ETag'),
    body: (await response.json()) as StaffOrder & ErrorBody,
  };
}

/** Sold units are the committed reservations; on hand + sold is what the shelf started with. */
async function soldOf(sku: string) {
  const [row] = await t.database.db
    .select({ sold: sql<number>`coalesce(sum(${reservations.quantity}), 0)`.mapWith(Number) })
    .from(reservations)
    .where(and(eq(reservations.sku, sku), eq(reservations.state, 'committed')));
  return row?.sold ?? 0;
}

describe('staff order handling', () => {
  it('finds a confirmed order under its state, by number and by email; ships and delivers it; stock is sold', async () => {
    await setStock(t, item(0).sku, 10);
    const alice = await f.customer();
    const placed = await alice.order(item(0).id, 3);
    await f.pump();

    const confirmed = await staff.api.json<ListStaffOrdersResponse>('GET', '/api/staff/orders?state=confirmed');
    expect(confirmed.status).toBe(200);
    const row = confirmed.body.items.find((order) => order.id === placed.id);
    expect(row).toMatchObject({ number: placed.number, state: 'confirmed', customerEmail: alice.email, itemCount: 3 });
    expect(confirmed.body.items.every((order) => order.state === 'confirmed')).toBe(true);
    expect(confirmed.body.counts.confirmed).toBeGreaterThanOrEqual(1);
    const byNumber = await staff.api.json<ListStaffOrdersResponse>('GET', `/api/staff/orders?q=${placed.number}`);
    expect(byNumber.body.items.map((order) => order.id)).toEqual([placed.id]);
    const byEmail = await staff.api.json<ListStaffOrdersResponse>(
      'GET',
      `/api/staff/orders?q=${encodeURIComponent(alice.email.slice(0, 20).toUpperCase())}`,
    );
    expect(byEmail.body.items.map((order) => order.id)).toEqual([placed.id]);

    const before = await detail(placed.id);
    expect(before.status).toBe(200);
    expect(before.etag).toBe(`"${before.body.version}"`);
    expect(before.body.customer).toEqual({ id: alice.userId, email: alice.email });
    expect(before.body.history.map((e) => [e.fromState, e.toState, e.actorEmail])).toEqual([
      [null, 'pending', alice.email],
      ['pending', 'confirmed', null],
    ]);
    expect(await f.stockOf(item(0).sku)).toEqual({ onHand: 10, reserved: 3 });

    const shipped = await act(placed.id, 'ship', before.etag);
    expect([shipped.status, shipped.body.state]).toEqual([200, 'shipped']);
    expect(shipped.etag).toBe(`"${before.body.version + 1}"`);
    // Reserved → sold in the same transaction: the shelf lost 3, nothing is held, 3 are sold.
    expect(await f.stockOf(item(0).sku)).toEqual({ onHand: 7, reserved: 0 });
    expect(await soldOf(item(0).sku)).toBe(3);
    const movements = await t.database.db
      .select({ reason: stockMovements.reason, deltaOnHand: stockMovements.deltaOnHand })
      .from(stockMovements)
      .where(eq(stockMovements.orderId, placed.id));
    expect(movements).toContainEqual({ reason: 'order_shipped', deltaOnHand: -3 });

    const delivered = await act(placed.id, 'deliver', shipped.etag);
    expect([delivered.status, delivered.body.state]).toEqual([200, 'delivered']);
    expect(delivered.body.history.slice(2).map((e) => [e.fromState, e.toState, e.actorEmail])).toEqual([
      ['confirmed', 'shipped', 'packer@kura.test'],
      ['shipped', 'delivered', 'packer@kura.test'],
    ]);
    // The customer sees it too.
    expect((await alice.api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('delivered');
    await f.pump();
    expect(await f.stockOf(item(0).sku)).toEqual({ onHand: 7, reserved: 0 });
  });

  it('refuses what the state table forbids with 409 ILLEGAL_ORDER_TRANSITION, changing nothing', async () => {
    await setStock(t, item(1).sku, 10);
    const bob = await f.customer();
    const pending = await bob.order(item(1).id, 1);
    // Not confirmed yet: cannot ship or deliver.
    for (const action of ['ship', 'deliver'] as const) {
      const refused = await act(pending.id, action, '*');
      expect([refused.status, refused.body.error.code], action).toEqual([409, 'ILLEGAL_ORDER_TRANSITION']);
    }
    await f.pump();
    const shipped = await act(pending.id, 'ship', '*');
    expect(shipped.status).toBe(200);
    for (const action of ['ship', 'cancel'] as const) {
      const refused = await act(pending.id, action, '*');
      expect([refused.status, refused.body.error.code], action).toEqual([409, 'ILLEGAL_ORDER_TRANSITION']);
    }
    expect(await f.stockOf(item(1).sku)).toEqual({ onHand: 9, reserved: 0 });
    expect((await detail(pending.id)).body.history).toHaveLength(3);
  });

  it('cancels a confirmed order like the customer’s cancel: the stock is released, the reason shown', async () => {
    await setStock(t, item(2).sku, 4);
    const carol = await f.customer();
    const placed = await carol.order(item(2).id, 4);
    await f.pump();
    expect(await f.stockOf(item(2).sku)).toEqual({ onHand: 4, reserved: 4 });
    const cancelled = await act(placed.id, 'cancel', (await detail(placed.id)).etag);
    expect([cancelled.status, cancelled.body.state, cancelled.body.stateReason]).toEqual([
      200,
      'cancelled',
      'cancelled by the shop',
    ]);
    await f.pump();
    expect(await f.stockOf(item(2).sku)).toEqual({ onHand: 4, reserved: 0 });
    const seen = (await carol.api.json<Order>('GET', `/api/orders/${placed.id}`)).body;
    expect([seen.state, seen.stateReason]).toEqual(['cancelled', 'cancelled by the shop']);
  });

  it('needs If-Match: missing is 428, stale is 412 with the current ETag', async () => {
    await setStock(t, item(3).sku, 5);
    const dan = await f.customer();
    const placed = await dan.order(item(3).id, 1);
    const pendingTag = (await detail(placed.id)).etag;
    await f.pump();
    const missing = await act(placed.id, 'ship', null);
    expect([missing.status, missing.body.error.code]).toEqual([428, 'PRECONDITION_REQUIRED']);
    const stale = await act(placed.id, 'ship', pendingTag);
    expect([stale.status, stale.body.error.code]).toEqual([412, 'PRECONDITION_FAILED']);
    const current = await detail(placed.id);
    expect(stale.etag).toBe(current.etag);
    expect(current.body.state).toBe('confirmed');
    expect(await f.stockOf(item(3).sku)).toEqual({ onHand: 5, reserved: 1 });
  });

  it('refuses to ship an order whose stock is no longer reserved (409 ORDER_STOCK_NOT_RESERVED), changing nothing', async () => {
    await setStock(t, item(4).sku, 5);
    const eve = await f.customer();
    const placed = await eve.order(item(4).id, 2);
    await f.pump();
    // The reservation expired and was released, though the order was confirmed.
    await t.database.db.execute(
      sql`update ${reservations} set expires_at = now() - interval '1 minute' where order_id = ${placed.id}`,
    );
    await releaseExpiredHold(t.database.db, { orderId: placed.id, now: new Date() });
    const refused = await act(placed.id, 'ship', '*');
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ORDER_STOCK_NOT_RESERVED']);
    expect((await detail(placed.id)).body.state).toBe('confirmed');
    expect(await f.stockOf(item(4).sku)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('lists every customer’s orders newest first, a page at a time; unknown ids are 404; bad input 400', async () => {
    const a = await f.customer();
    const b = await f.customer();
    await setStock(t, item(5).sku, 50);
    const first = await a.order(item(5).id, 1);
    const second = await b.order(item(5).id, 1);
    const page1 = await staff.api.json<ListStaffOrdersResponse>('GET', '/api/staff/orders?limit=1');
    expect(page1.body.items.map((o) => o.id)).toEqual([second.id]);
    const page2 = await staff.api.json<ListStaffOrdersResponse>(
      'GET',
      `/api/staff/orders?limit=1&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((o) => o.id)).toEqual([first.id]);
    const unknown = await staff.api.json<ErrorBody>('GET', `/api/staff/orders/${crypto.randomUUID()}`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const missingShip = await act(crypto.randomUUID(), 'ship', '*');
    expect(missingShip.status).toBe(404);
    const badState = await staff.api.json<ErrorBody>('GET', '/api/staff/orders?state=lost');
    expect([badState.status, badState.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('is for staff and admins only: customers 403, anonymous 401', async () => {
    const customer = await f.customer();
    const admin = await t.signIn({ role: 'admin' });
    expect((await customer.api.send('GET', '/api/staff/orders')).status).toBe(403);
    expect((await asUser(t, admin.headers).send('GET', '/api/staff/orders')).status).toBe(200);
    expect((await t.app.request('/api/staff/orders')).status).toBe(401);
    const own = await customer.order(item(5).id, 1);
    const forbidden = await customer.api.send('POST', `/api/staff/orders/${own.id}/cancel`, undefined, {
      'If-Match': '*',
    });
    expect(forbidden.status).toBe(403);
  });
});
