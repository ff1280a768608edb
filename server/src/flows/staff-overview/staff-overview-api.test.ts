import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderFixtures } from '../../../test/order-fixtures.js';
import { asUser, demoProducts, setStock } from '../../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { stockItems } from '../../modules/inventory/schema.js';
import { createConsumer, on, PermanentEventError } from '../../platform/events/consumer.js';
import { createEnvelope } from '../../platform/events/envelope.js';
import { defineEvent } from '../../platform/events/event-definition.js';
import { createPostgresTransport } from '../../platform/events/postgres-transport.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import { createLogger } from '../../platform/observability/logger.js';
import type { StaffOverviewResponse } from './staff-overview-router.js';

/** An event of some future module whose consumer fails for good. */
const invoiceRequested = defineEvent({
  type: 'InvoiceRequested',
  version: 1,
  description: 'Test only.',
  payload: z.object({ invoice: z.int() }),
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
});
afterAll(async () => {
  await t?.close();
});

async function overview() {
  const staff = asUser(t, (await t.signIn({ role: 'staff' })).headers);
  return staff.json<StaffOverviewResponse>('GET', '/api/staff/overview');
}

describe('GET /api/staff/overview', () => {
  it('counts confirmed orders to pack, sold-out and low SKUs, and dead letters', async () => {
    const before = await overview();
    expect(before.status).toBe(200);

    // Two products: one sold out, one low (at its threshold, with some left)
    const [soldOut, low, ordered] = await demoProducts(t, 3);
    if (!soldOut || !low || !ordered) throw new Error('the demo catalog has fewer than 3 products');
    await setStock(t, soldOut.sku, 0);
    await setStock(t, low.sku, 2);
    await t.database.db.update(stockItems).set({ lowStockThreshold: 5 }).where(eq(stockItems.sku, low.sku));
    await t.database.db.update(stockItems).set({ lowStockThreshold: 0 }).where(eq(stockItems.sku, ordered.sku));
    await setStock(t, ordered.sku, 100);

    // One order confirmed by stock (to pack), one still pending (not yet)
    const shop = orderFixtures(t);
    const customer = await shop.customer();
    await customer.order(ordered.id, 1);
    await shop.pump();
    await customer.order(ordered.id, 1);

    // One event that failed for good
    const transport = createPostgresTransport({ db: t.database.db, queue: 'events', maxReceiveCount: 5 });
    await transport.publish([createEnvelope({ event: invoiceRequested, key: 'invoice-1', payload: { invoice: 1 } })]);
    const consumer = createConsumer({
      transport,
      handlers: [
        on(invoiceRequested, async () => {
          throw new PermanentEventError('invoice template missing');
        }),
      ],
      logger: createLogger({ level: 'silent', service: 'kura-test' }),
      waitSeconds: 0,
    });
    await consumer.runOnce();

    const after = await overview();
    expect(after.status).toBe(200);
    expect(after.body.ordersToPack).toBe(before.body.ordersToPack + 1);
    expect(after.body.stock.soldOut).toBe(before.body.stock.soldOut + 1);
    expect(after.body.stock.low).toBe(before.body.stock.low + 1);
    expect(after.body.deadLetters).toEqual({ count: before.body.deadLetters.count + 1, more: false });
  });

  it('is for staff and admins only', async () => {
    const customer = asUser(t, (await t.signIn()).headers);
    const refused = await customer.json<ErrorBody>('GET', '/api/staff/overview');
    expect(refused.status).toBe(403);
    const admin = asUser(t, (await t.signIn({ role: 'admin' })).headers);
    expect((await admin.send('GET', '/api/staff/overview')).status).toBe(200);
    expect((await t.app.request('/api/staff/overview')).status).toBe(401);
  });
});
