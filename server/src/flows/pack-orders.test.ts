import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures } from '../../test/order-fixtures.js';
import { asUser, demoProducts, setStock } from '../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { users } from '../modules/identity/schema.js';
import type { StaffOrder } from '../modules/ordering/api-schemas.js';
import { type OrderConfirmed, orderingEvents } from '../modules/ordering/events.js';
import type { Todo } from '../modules/todos/api-schemas.js';
import { createEnvelope } from '../platform/events/envelope.js';

let t: TestApp;
let f: ReturnType<typeof orderFixtures>;
let item: { id: string; sku: string };
let ja: ReturnType<typeof asUser>;
let en: ReturnType<typeof asUser>;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  f = orderFixtures(t);
  const [first] = await demoProducts(t, 1);
  if (!first) throw new Error('no demo product');
  item = first;
  await setStock(t, item.sku, 100);
  ja = asUser(t, (await t.signIn({ role: 'staff' })).headers);
  const english = await t.signIn({ role: 'admin' });
  await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, english.userId));
  en = asUser(t, english.headers);
});
afterAll(async () => {
  await t?.close();
});

async function packTasks(api: ReturnType<typeof asUser>, orderId: string) {
  const { body } = await api.json<{ items: Todo[] }>('GET', '/api/todos?limit=100');
  return body.items.filter((todo) => todo.link === `/admin/orders/${orderId}`);
}

/** Another copy of OrderConfirmed, as a redelivery brings it. */
const redelivery = (payload: OrderConfirmed) =>
  createEnvelope({ event: orderingEvents.OrderConfirmed, key: payload.orderId, payload });

async function staffAction(id: string, action: 'ship' | 'cancel') {
  const response = await ja.send('POST', `/api/staff/orders/${id}/${action}`, undefined, { 'If-Match': '*' });
  expect(response.status).toBe(200);
}

describe('pack order tasks', () => {
  it('a confirmed order gives each staff member one task in their language, linking to it; none for customers', async () => {
    const customer = await f.customer();
    const order = await customer.order(item.id, 1);
    await f.pump();
    const [jaTask] = await packTasks(ja, order.id);
    expect(jaTask).toMatchObject({ title: `注文 ${order.number} を梱包`, completed: false, priority: 2 });
    expect((await packTasks(en, order.id)).map((todo) => todo.title)).toEqual([`Pack order ${order.number}`]);
    expect(await packTasks(customer.api, order.id)).toEqual([]);
  });

  it('OrderConfirmed delivered twice makes one task; shipping completes it', async () => {
    const customer = await f.customer();
    const order = await customer.order(item.id, 2);
    await f.pump();
    const payload = { orderId: order.id, orderNumber: order.number, userId: customer.userId };
    await f.dispatch(redelivery(payload));
    await f.dispatch(redelivery(payload));
    expect(await packTasks(ja, order.id)).toHaveLength(1);
    expect(await packTasks(en, order.id)).toHaveLength(1);

    await staffAction(order.id, 'ship');
    await f.pump();
    const [done] = await packTasks(ja, order.id);
    expect([done?.completed, typeof done?.completedAt]).toEqual([true, 'string']);
    expect((await packTasks(en, order.id)).map((todo) => todo.completed)).toEqual([true]);
    // A late redelivery after shipping neither reopens nor duplicates it.
    await f.dispatch(redelivery(payload));
    expect((await packTasks(ja, order.id)).map((todo) => todo.completed)).toEqual([true]);
  });

  it('cancelling closes the task (it is removed), and a late OrderConfirmed does not bring it back', async () => {
    const customer = await f.customer();
    const order = await customer.order(item.id, 1);
    await f.pump();
    expect(await packTasks(ja, order.id)).toHaveLength(1);
    await staffAction(order.id, 'cancel');
    await f.pump();
    expect(await packTasks(ja, order.id)).toEqual([]);
    expect(await packTasks(en, order.id)).toEqual([]);
    await f.dispatch(redelivery({ orderId: order.id, orderNumber: order.number, userId: customer.userId }));
    expect(await packTasks(ja, order.id)).toEqual([]);
    const seen = await ja.json<StaffOrder>('GET', `/api/staff/orders/${order.id}`);
    expect(seen.body.state).toBe('cancelled');
  });

  it('a customer’s own cancel closes it too; a rejected order never had one', async () => {
    const customer = await f.customer();
    const order = await customer.order(item.id, 1);
    await f.pump();
    expect(await packTasks(ja, order.id)).toHaveLength(1);
    expect((await customer.api.send('POST', `/api/orders/${order.id}/cancel`)).status).toBe(200);
    await f.pump();
    expect(await packTasks(ja, order.id)).toEqual([]);

    // Stock runs out between checkout and reservation: stock rejects the order.
    const late = await customer.order(item.id, 1);
    await setStock(t, item.sku, 0);
    await f.pump();
    const seen = await ja.json<StaffOrder>('GET', `/api/staff/orders/${late.id}`);
    expect(seen.body.state).toBe('rejected');
    expect(await packTasks(ja, late.id)).toEqual([]);
    await setStock(t, item.sku, 100);
  });
});
