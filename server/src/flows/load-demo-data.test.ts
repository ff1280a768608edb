import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { productImages, products } from '../modules/catalog/schema.js';
import { stockItems } from '../modules/inventory/schema.js';
import { loadDemoData } from './load-demo-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
});
afterAll(async () => {
  await t?.close();
});

const tables = {
  'catalog.products': products,
  'catalog.product_images': productImages,
  'inventory.stock_items': stockItems,
};
const countRows = (table: keyof typeof tables) => t.database.db.$count(tables[table]);

describe('loadDemoData', () => {
  it('loads the storehouse once: 200 products with images and opening stock', async () => {
    expect(t.demo).toMatchObject({ loaded: true, products: 200 });
    expect(t.demo?.images).toBeGreaterThanOrEqual(200);
    expect(await countRows('catalog.products')).toBe(200);
    expect(await countRows('catalog.product_images')).toBe(t.demo?.images);
    expect(await countRows('inventory.stock_items')).toBe(200);
  });

  it('adds nothing the second time, even after a product was removed', async () => {
    await t.database.db.delete(products).where(eq(products.sku, 'SAK-0001'));
    const again = await loadDemoData({ db: t.database.db, storage: t.storage });
    expect(again).toEqual({ loaded: false, products: 0, images: 0 });
    expect(await countRows('catalog.products')).toBe(199);
  });

  it('stores every image it recorded', async () => {
    const rows = await t.database.db.select({ key: productImages.objectKey }).from(productImages).limit(5);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const object = await t.storage.get(row.key);
      expect(object?.contentType).toBe('image/svg+xml');
      expect(Buffer.from(object?.body ?? []).toString('utf8')).toContain('<svg');
    }
  });
});
