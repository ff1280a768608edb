import { asc, eq } from 'drizzle-orm';
import { products } from '../src/modules/catalog/schema.js';
import { stockItems } from '../src/modules/inventory/schema.js';
import type { TestApp } from './test-app.js';

/**
 * Test set-up that reaches into the catalog and stock tables directly: tests
 * may cross module lines to arrange a product's price, status or stock.
 */
export async function demoProducts(t: TestApp, count: number) {
  return t.database.db
    .select({ id: products.id, sku: products.sku, price: products.price, taxClass: products.taxClass })
    .from(products)
    .where(eq(products.active, true))
    .orderBy(asc(products.sku))
    .limit(count);
}

export async function setProduct(
  t: TestApp,
  id: string,
  values: { price?: number; taxClass?: 'standard' | 'reduced'; active?: boolean },
) {
  await t.database.db.update(products).set(values).where(eq(products.id, id));
}

export async function setStock(t: TestApp, sku: string, onHand: number) {
  await t.database.db
    .insert(stockItems)
    .values({ sku, onHand, reserved: 0 })
    .onConflictDoUpdate({ target: stockItems.sku, set: { onHand, reserved: 0 } });
}

/** Terse JSON calls as one signed-in user. */
export function asUser(t: TestApp, headers: Record<string, string>) {
  const send = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    t.app.request(path, {
      method,
      headers: { ...headers, ...extra, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    send,
    async json<T>(method: string, path: string, body?: unknown, extra?: Record<string, string>) {
      const response = await send(method, path, body, extra);
      return { status: response.status, body: (await response.json()) as T };
    },
  };
}
