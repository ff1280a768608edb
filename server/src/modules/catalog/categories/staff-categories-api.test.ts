import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { ErrorBody } from '../../../platform/http/errors.js';
import type { ListProductsResponse } from '../products/routes/list-products.js';
import { newProduct, staffClient } from '../staff-test-client.js';
import type { StaffCategoryListResponse, StaffCategoryResponse } from './routes/staff-categories.js';

let t: TestApp;
let staff: ReturnType<typeof staffClient>;
beforeAll(async () => {
  t = await createTestApp();
  staff = staffClient(t, (await t.signIn({ role: 'staff' })).headers);
});
afterAll(async () => {
  await t?.close();
});

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;
const listed = async () =>
  ((await (await staff.send('GET', '/api/staff/categories')).json()) as StaffCategoryListResponse).items;

describe('staff categories', () => {
  it('creates categories last in the order, and refuses a taken slug (409 SLUG_TAKEN)', async () => {
    const a = await staff.createCategory('miso', '味噌', 'Miso');
    const b = await staff.createCategory('shoyu', '醤油', 'Soy sauce');
    expect(b.position).toBeGreaterThan(a.position);
    expect(a).toMatchObject({ slug: 'miso', name: { ja: '味噌', en: 'Miso' }, productCount: 0, allProductCount: 0 });

    const again = await staff.send('POST', '/api/staff/categories', { slug: 'miso', name: { ja: 'x', en: 'x' } });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('SLUG_TAKEN');
    const bad = await staff.send('POST', '/api/staff/categories', { slug: 'Miso Paste', name: { ja: 'x', en: 'x' } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toContainEqual(expect.objectContaining({ path: 'slug' }));
  });

  it('renames a category, and its products are found by the new name', async () => {
    const shelf = await staff.createCategory('vinegar', '酢', 'Vinegar');
    const product = await staff.createProduct(newProduct(shelf.id, { name: { ja: '黒酢', en: 'Kurozu' } }));
    const response = await staff.send('PATCH', `/api/staff/categories/${shelf.id}`, {
      name: { en: 'Brewed condiments' },
    });
    expect(response.status).toBe(200);
    expect((await response.json()) as StaffCategoryResponse).toMatchObject({
      slug: 'vinegar',
      name: { ja: '酢', en: 'Brewed condiments' },
      productCount: 1,
    });
    const found = (await (await t.app.request('/api/products?q=condiments')).json()) as ListProductsResponse;
    expect(found.items.map((p) => p.id)).toEqual([product.id]);
  });

  it('reorders categories given every id once, and refuses a partial list (409)', async () => {
    const before = await listed();
    const reversed = before.map((c) => c.id).reverse();
    const response = await staff.send('PUT', '/api/staff/categories/order', { ids: reversed });
    expect(response.status).toBe(200);
    const after = ((await response.json()) as StaffCategoryListResponse).items;
    expect(after.map((c) => c.id)).toEqual(reversed);
    expect(after.map((c) => c.position)).toEqual(after.map((_, i) => i));

    const partial = await staff.send('PUT', '/api/staff/categories/order', { ids: reversed.slice(1) });
    expect(partial.status).toBe(409);
    expect((await listed()).map((c) => c.id)).toEqual(reversed);
    const repeated = await staff.send('PUT', '/api/staff/categories/order', { ids: [reversed[0], reversed[0]] });
    expect(repeated.status).toBe(400);
  });

  it('deletes only an empty category: archived products count (409 CATEGORY_NOT_EMPTY)', async () => {
    const shelf = await staff.createCategory('seasonal');
    const product = await staff.createProduct(newProduct(shelf.id));
    await staff.send('POST', '/api/staff/products/archive', { ids: [product.id] });

    const refused = await staff.send('DELETE', `/api/staff/categories/${shelf.id}`);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('CATEGORY_NOT_EMPTY');
    expect((await listed()).find((c) => c.id === shelf.id)).toMatchObject({ productCount: 0, allProductCount: 1 });

    const other = await staff.createCategory('elsewhere');
    expect((await staff.patchProduct(product.id, { categoryId: other.id }, '*')).status).toBe(200);
    expect((await staff.send('DELETE', `/api/staff/categories/${shelf.id}`)).status).toBe(204);
    expect((await staff.send('DELETE', `/api/staff/categories/${shelf.id}`)).status).toBe(404);
    expect((await listed()).map((c) => c.id)).not.toContain(shelf.id);
  });

  it('answers 404 for renaming a category that does not exist', async () => {
    const response = await staff.send('PATCH', '/api/staff/categories/00000000-0000-4000-8000-000000000003', {
      slug: 'ghost',
    });
    expect(response.status).toBe(404);
  });
});
