import { eq } from 'drizzle-orm';
import { stockItems } from '../src/modules/inventory/schema.js';
import type { Order } from '../src/modules/ordering/api-schemas.js';
import { deliveryDateIn } from '../src/modules/ordering/delivery.js';
import { createEventPump } from './event-pump.js';
import { asUser } from './shop-fixtures.js';
import type { TestApp } from './test-app.js';

const address = {
  postalCode: '150-0001',
  prefecture: '東京都',
  city: '渋谷区',
  line1: '神宮前1-2-3',
  name: '山田 花子',
  phone: '03-1234-5678',
};

/** A checkout's body for `quantity` of one product, as the shop sends it. */
export function checkoutBody(productId: string, quantity = 1) {
  return {
    lines: [{ productId, quantity }],
    shippingAddress: address,
    delivery: { date: deliveryDateIn(2, new Date()), slot: '14-16' },
  };
}

/**
 * Orders as a customer places them (the real checkout), with the event flow
 * pumped by hand so a test decides when stock answers.
 */
export function orderFixtures(t: TestApp) {
  const events = createEventPump(t);
  return {
    ...events,
    async customer() {
      const me = await t.signIn();
      const api = asUser(t, me.headers);
      return {
        ...me,
        api,
        /** "Buy now" of one product, pending until the events are pumped. */
        async order(productId: string, quantity: number, headers: Record<string, string> = {}) {
          const placed = await api.json<Order>('POST', '/api/orders', checkoutBody(productId, quantity), {
            'Idempotency-Key': crypto.randomUUID(),
            ...headers,
          });
          if (placed.status !== 201)
            throw new Error(`checkout failed: ${placed.status} ${JSON.stringify(placed.body)}`);
          return placed.body;
        },
      };
    },
    async stockOf(sku: string) {
      const [row] = await t.database.db.select().from(stockItems).where(eq(stockItems.sku, sku));
      return { onHand: row?.onHand, reserved: row?.reserved };
    },
  };
}
