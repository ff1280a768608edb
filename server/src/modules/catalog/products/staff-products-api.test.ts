import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { ErrorBody } from '../../../platform/http/errors.js';
import type { StaffCategory } from '../api-schemas.js';
import { newProduct, staffClient } from '../staff-test-client.js';
import type { GetProductResponse } from './routes/get-product.js';
import type { ListProductsResponse } from './routes/list-products.js';
import type { BulkChangeResponse } from './routes/staff-archive-products.js';
import type { StaffListProductsResponse } from './routes/staff-list-products.js';
import type { StaffProductResponse } from './routes/staff-product.js';

let t: TestApp;
let staff: ReturnType<typeof staffClient>;
let sake: StaffCategory;
let tea: StaffCategory;
beforeAll(async () => {
  t = await createTestApp();
  staff = staffClient(t, (await t.signIn({ role: 'staff' })).headers);
  sake = await staff.createCategory('sake', '日本酒', 'Sake');
  tea = await staff.createCategory('tea', 'お茶', 'Tea');
});
afterAll(async () => {
  await t?.close();
});

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;
const storefront = (path: string) => t.app.request(path);

describe('POST /api/staff/products', () => {
  it('creates the product with its stock row, a slug from the English name, an ETag and a Location', async () => {
    const response = await staff.send('POST', '/api/staff/products', newProduct(sake.id, { sku: 'SAK-9001' }));
    expect(response.status).toBe(201);
    const product = (await response.json()) as StaffProductResponse;
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/api/staff/products/${product.id}`);
    expect(product).toMatchObject({
      sku: 'SAK-9001',
      slug: 'yukimuro-junmai-daiginjo',
      name: { ja: '雪室 純米大吟醸', en: 'Yukimuro Junmai Daiginjo' },
      category: { id: sake.id, slug: 'sake' },
      price: 3280,
      taxClass: 'standard',
      active: true,
      version: 1,
      availability: { status: 'in_stock', available: 12 },
    });

    const shop = await storefront('/api/products/yukimuro-junmai-daiginjo');
    expect(shop.status).toBe(200);
    expect(((await shop.json()) as GetProductResponse).availability.available).toBe(12);
  });

  it('numbers a generated slug when the plain one is taken', async () => {
    const name = { ja: '抹茶', en: 'Ceremonial Matcha' };
    const first = await staff.createProduct(newProduct(tea.id, { name }));
    const second = await staff.createProduct(newProduct(tea.id, { name }));
    const third = await staff.createProduct(newProduct(tea.id, { name }));
    expect([first.slug, second.slug, third.slug]).toEqual([
      'ceremonial-matcha',
      'ceremonial-matcha-2',
      'ceremonial-matcha-3',
    ]);
  });

  it('answers 409 SKU_TAKEN and SLUG_TAKEN from the constraints, writing nothing', async () => {
    await staff.createProduct(newProduct(sake.id, { sku: 'DUP-1', slug: 'taken-slug' }));
    const before = await countAll();

    const sku = await staff.send('POST', '/api/staff/products', newProduct(sake.id, { sku: 'DUP-1' }));
    expect(sku.status).toBe(409);
    const skuError = await errorOf(sku);
    expect(skuError.code).toBe('SKU_TAKEN');
    expect(skuError.details).toEqual([expect.objectContaining({ path: 'sku', code: 'SKU_TAKEN' })]);

    const slug = await staff.send('POST', '/api/staff/products', newProduct(sake.id, { slug: 'taken-slug' }));
    expect(slug.status).toBe(409);
    expect((await errorOf(slug)).code).toBe('SLUG_TAKEN');
    expect(await countAll()).toBe(before);
  });

  it.each([
    ['price', { price: 0 }, 'too_small'],
    ['price', { price: 12.5 }, 'invalid_type'],
    ['price', { price: '1280' }, 'invalid_type'],
    ['taxClass', { taxClass: 'zero' }, 'invalid_value'],
    ['name.ja', { name: { ja: '  ', en: 'Blank' } }, 'too_small'],
    ['sku', { sku: 'has space' }, 'invalid_format'],
    ['slug', { slug: 'Not A Slug' }, 'invalid_format'],
    ['openingStock', { openingStock: -1 }, 'too_small'],
    ['categoryId', { categoryId: 'sake' }, 'invalid_format'],
  ])('refuses a bad %s with 400 naming the field and a stable code', async (path, override, code) => {
    const before = await countAll();
    const response = await staff.send('POST', '/api/staff/products', newProduct(sake.id, override));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(expect.objectContaining({ path, code }));
    expect(await countAll()).toBe(before);
  });

  it('refuses a category that does not exist (400 UNKNOWN_CATEGORY on categoryId)', async () => {
    const response = await staff.send(
      'POST',
      '/api/staff/products',
      newProduct('00000000-0000-4000-8000-000000000001'),
    );
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual([
      expect.objectContaining({ path: 'categoryId', code: 'UNKNOWN_CATEGORY' }),
    ]);
  });
});

describe('PATCH /api/staff/products/{id}', () => {
  it('changes fields with If-Match, bumps the ETag, and keeps search in step', async () => {
    const product = await staff.createProduct(newProduct(sake.id, { name: { ja: '古酒', en: 'Old Koshu' } }));
    const response = await staff.patchProduct(
      product.id,
      { name: { en: 'Aged Koshu Reserve' }, price: 5400, categoryId: tea.id, taxClass: 'reduced' },
      '"1"',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const changed = (await response.json()) as StaffProductResponse;
    expect(changed).toMatchObject({
      name: { ja: '古酒', en: 'Aged Koshu Reserve' },
      price: 5400,
      taxClass: 'reduced',
      category: { id: tea.id, slug: 'tea' },
      version: 2,
      slug: product.slug,
    });

    const found = (await (await storefront('/api/products?q=reserve')).json()) as ListProductsResponse;
    expect(found.items.map((p) => p.id)).toContain(product.id);
    const gone = (await (await storefront('/api/products?q=old%20koshu')).json()) as ListProductsResponse;
    expect(gone.items.map((p) => p.id)).not.toContain(product.id);
  });

  it('answers 412 PRECONDITION_FAILED with the current ETag for a stale version, changing nothing', async () => {
    const product = await staff.createProduct(newProduct(sake.id));
    expect((await staff.patchProduct(product.id, { price: 1000 }, '"1"')).status).toBe(200);
    const stale = await staff.patchProduct(product.id, { price: 2000 }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect((await errorOf(stale)).code).toBe('PRECONDITION_FAILED');
    const current = (await (await staff.getProduct(product.id)).json()) as StaffProductResponse;
    expect(current.price).toBe(1000);
  });

  it('requires If-Match (428), refuses a SKU change and an empty change (400)', async () => {
    const product = await staff.createProduct(newProduct(sake.id));
    const missing = await staff.patchProduct(product.id, { price: 999 });
    expect(missing.status).toBe(428);
    expect((await errorOf(missing)).code).toBe('PRECONDITION_REQUIRED');

    const sku = await staff.patchProduct(product.id, { sku: 'NEW-SKU' }, '"1"');
    expect(sku.status).toBe(400);
    expect((await errorOf(sku)).details).toContainEqual(expect.objectContaining({ path: 'sku' }));

    expect((await staff.patchProduct(product.id, {}, '"1"')).status).toBe(400);
    expect(((await (await staff.getProduct(product.id)).json()) as StaffProductResponse).version).toBe(1);
  });

  it('answers 409 SLUG_TAKEN when the new slug belongs to another product', async () => {
    const a = await staff.createProduct(newProduct(sake.id, { slug: 'slug-a' }));
    const b = await staff.createProduct(newProduct(sake.id, { slug: 'slug-b' }));
    const response = await staff.patchProduct(b.id, { slug: a.slug }, '*');
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('SLUG_TAKEN');
  });

  it('answers 404 for a product that does not exist', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    expect((await staff.getProduct(id)).status).toBe(404);
    expect((await staff.patchProduct(id, { price: 5 }, '*')).status).toBe(404);
  });
});

describe('archiving', () => {
  it('takes a product off the storefront but keeps it for the back office, and restores it', async () => {
    const product = await staff.createProduct(newProduct(sake.id));
    const archived = await staff.patchProduct(product.id, { active: false }, '"1"');
    expect(archived.status).toBe(200);
    expect((await storefront(`/api/products/${product.slug}`)).status).toBe(404);
    const shop = (await (await storefront('/api/products?limit=100')).json()) as ListProductsResponse;
    expect(shop.items.map((p) => p.id)).not.toContain(product.id);
    expect((await staff.getProduct(product.id)).status).toBe(200);

    const restored = await staff.send('POST', '/api/staff/products/restore', { ids: [product.id] });
    expect((await restored.json()) as BulkChangeResponse).toEqual({ changed: 1 });
    expect((await storefront(`/api/products/${product.slug}`)).status).toBe(200);
  });

  it('archives in bulk, counting only products that changed, each with a new version', async () => {
    const a = await staff.createProduct(newProduct(tea.id));
    const b = await staff.createProduct(newProduct(tea.id));
    const first = await staff.send('POST', '/api/staff/products/archive', { ids: [a.id, b.id] });
    expect((await first.json()) as BulkChangeResponse).toEqual({ changed: 2 });
    const again = await staff.send('POST', '/api/staff/products/archive', { ids: [a.id, b.id] });
    expect((await again.json()) as BulkChangeResponse).toEqual({ changed: 0 });
    const stale = await staff.patchProduct(a.id, { price: 1 }, '"1"');
    expect(stale.status).toBe(412);
    const bad = await staff.send('POST', '/api/staff/products/archive', { ids: [] });
    expect(bad.status).toBe(400);
  });
});

describe('GET /api/staff/products', () => {
  it('filters by category, state and tax class, and searches', async () => {
    const shelf = await staff.createCategory('filters');
    const reduced = await staff.createProduct(
      newProduct(shelf.id, { taxClass: 'reduced', name: { ja: '昆布', en: 'Rausu Kombu' } }),
    );
    const standard = await staff.createProduct(newProduct(shelf.id, { name: { ja: '徳利', en: 'Tokkuri Flask' } }));
    await staff.send('POST', '/api/staff/products/archive', { ids: [standard.id] });

    const ids = async (query: string) =>
      ((await (await staff.list(query)).json()) as StaffListProductsResponse).items.map((p) => p.id).sort();
    expect(await ids('category=filters')).toEqual([reduced.id, standard.id].sort());
    expect(await ids('category=filters&active=false')).toEqual([standard.id]);
    expect(await ids('category=filters&active=true')).toEqual([reduced.id]);
    expect(await ids('category=filters&taxClass=reduced')).toEqual([reduced.id]);
    expect(await ids('q=kombu')).toEqual([reduced.id]);
    expect(await ids(`q=${standard.sku.toLowerCase()}`)).toEqual([standard.id]);
    // The total counts every match, not the page: one product a page, two in all
    const firstPage = (await (await staff.list('category=filters&limit=1')).json()) as StaffListProductsResponse;
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.total).toBe(2);
    const archived = (await (await staff.list('category=filters&active=false')).json()) as StaffListProductsResponse;
    expect(archived.total).toBe(1);
  });

  it.each(['newest', 'updated', 'sku', 'name', 'price_asc'])(
    'pages through everything once, sorted by %s',
    async (sort) => {
      const total = await countAll();
      expect(total).toBeGreaterThan(10);
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page++) {
        const query: string = `sort=${sort}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await staff.list(query);
        expect(response.status).toBe(200);
        const body = (await response.json()) as StaffListProductsResponse;
        seen.push(...body.items.map((p) => p.id));
        expect(body.total).toBe(total);
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    },
  );

  it('refuses a bad filter with 400 naming it', async () => {
    const response = await staff.list('taxClass=none');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toContainEqual(expect.objectContaining({ path: 'taxClass' }));
  });
});

/** Every product, archived ones too, through the staff list. */
async function countAll(): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const response = await staff.list(`limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const body = (await response.json()) as StaffListProductsResponse;
    total += body.items.length;
    cursor = body.nextCursor;
    if (!cursor) return total;
  }
  throw new Error('pagination did not end');
}
