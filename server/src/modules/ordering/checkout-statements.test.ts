import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutBody } from '../../../test/order-fixtures.js';
import { asUser, demoProducts, setStock } from '../../../test/shop-fixtures.js';
import { installStatementCounter, statementCount } from '../../../test/statement-counter.js';
import { createTestApp, databaseKind, type TestApp } from '../../../test/test-app.js';
import type { Order } from './api-schemas.js';

/**
 * What one checkout costs the database, counted on node-postgres's
 * connections (real server only): the key's claim, the order and the stored
 * response commit together, and the order just written is not read back.
 */
// Before the test database's pool connects, so its connections are counted.
installStatementCounter();

describe.skipIf(databaseKind === 'pglite')('checkout round trips (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demoData: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('one checkout is one transaction (beside the signed-in user lookup) of at most 11 statements; a replay answers the same', async () => {
    const [item] = await demoProducts(t, 1);
    if (!item) throw new Error('no demo product');
    await setStock(t, item.sku, 100);
    const me = await t.signIn();
    const api = asUser(t, me.headers);
    const key = crypto.randomUUID();
    const body = checkoutBody(item.id);
    // A first request, so the sign-in's own first-time writes stay out of the count.
    await api.json('GET', '/api/orders');
    const before = statementCount();
    const placed = await api.json<Order>('POST', '/api/orders', body, { 'Idempotency-Key': key });
    const after = statementCount();
    expect(placed.status).toBe(201);
    expect(placed.body.lines).toHaveLength(1);
    // The user's lookup, then BEGIN, claim, products, order, lines, history, outbox, response, COMMIT.
    expect({ commits: after.commits - before.commits }).toEqual({ commits: 2 });
    expect(after.statements - before.statements).toBeLessThanOrEqual(11);
    const replay = await api.json<Order>('POST', '/api/orders', body, { 'Idempotency-Key': key });
    expect([replay.status, replay.body]).toEqual([201, placed.body]);
  });
});
