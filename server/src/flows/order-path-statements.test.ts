import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures } from '../../test/order-fixtures.js';
import { demoProducts, setStock } from '../../test/shop-fixtures.js';
import { installStatementCounter, statementCount } from '../../test/statement-counter.js';
import { createTestApp, databaseKind, type TestApp } from '../../test/test-app.js';
import type { Order } from '../modules/ordering/api-schemas.js';
import { toEnvelope } from '../platform/events/outbox.js';
import { outbox } from '../platform/events/schema.js';

/**
 * What stock's answer to an order costs the database, counted on
 * node-postgres's connections (real server only): the reservation and the
 * verdict are one transaction with no lock but the rows it writes.
 */
// Before the test database's pool connects, so its connections are counted.
installStatementCounter();

describe.skipIf(databaseKind === 'pglite')('the order path’s round trips (real PostgreSQL)', () => {
  let t: TestApp;
  let f: ReturnType<typeof orderFixtures>;
  beforeAll(async () => {
    t = await createTestApp({ demoData: true });
    f = orderFixtures(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The OrderPlaced the checkout wrote, as the relay would publish it. */
  async function placedEnvelope(orderId: string) {
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.key, orderId));
    if (!row) throw new Error(`no OrderPlaced for ${orderId}`);
    return toEnvelope(row);
  }

  it('OrderPlaced reserves and confirms the order in one transaction of at most 9 statements', async () => {
    const [item] = await demoProducts(t, 1);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 100);
    const me = await f.customer();
    const placed = await me.order(item.id, 2);
    const envelope = await placedEnvelope(placed.id);

    const before = statementCount();
    await f.dispatch(envelope);
    const after = statementCount();
    // BEGIN, the order's lock, the reservation's claim, the stock update, its movement,
    // the order's move, its history row, OrderConfirmed to the outbox, COMMIT.
    expect({ commits: after.commits - before.commits }).toEqual({ commits: 1 });
    expect(after.statements - before.statements).toBeLessThanOrEqual(9);
    expect((await me.api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('confirmed');
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 100, reserved: 2 });

    // A redelivery finds the order settled and changes nothing.
    await f.dispatch(envelope);
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 100, reserved: 2 });
  });

  it('a short line rejects the order in the same one transaction, holding nothing', async () => {
    const [, item] = await demoProducts(t, 2);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 3);
    const me = await f.customer();
    const placed = await me.order(item.id, 3);
    // Another order took two of the three units between checkout and stock's answer.
    const other = await me.order(item.id, 2);
    await f.dispatch(await placedEnvelope(other.id));
    const envelope = await placedEnvelope(placed.id);
    const before = statementCount();
    await f.dispatch(envelope);
    const after = statementCount();
    expect(after.commits - before.commits).toBe(1);
    const rejected = (await me.api.json<Order>('GET', `/api/orders/${placed.id}`)).body;
    expect([rejected.state, rejected.stateReason]).toEqual(['rejected', `Not enough stock: ${item.sku} (1 of 3)`]);
    expect(await f.stockOf(item.sku)).toEqual({ onHand: 3, reserved: 2 });
  });

  it('after checkout, a lone order’s events (relay, queue, stock’s answer, pack tasks) cost at most 22 statements in 8 commits', async () => {
    const [, , item] = await demoProducts(t, 3);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 100);
    await t.signIn({ role: 'staff' });
    const me = await f.customer();
    await f.pump();
    const placed = await me.order(item.id, 1);
    const before = statementCount();
    await f.pump();
    const after = statementCount();
    expect((await me.api.json<Order>('GET', `/api/orders/${placed.id}`)).body.state).toBe('confirmed');
    // Per event: the relay's move and the queue's receive (one statement each), the handler with the
    // message's acknowledgement in its transaction; then one more look at each that finds nothing.
    const spent = { statements: after.statements - before.statements, commits: after.commits - before.commits };
    console.info(`a lone order's events: ${spent.statements} statements, ${spent.commits} commits`);
    expect(spent.statements).toBeLessThanOrEqual(22);
    expect(spent.commits).toBeLessThanOrEqual(8);
  });
});
