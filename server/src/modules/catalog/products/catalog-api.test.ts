import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { ErrorBody } from '../../../platform/http/errors.js';
import type { ListCategoriesResponse } from '../categories/routes/list-categories.js';
import type { GetProductResponse } from './routes/get-product.js';
import type { ListProductsResponse } from './routes/list-products.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
});
afterAll(async () => {
  await t?.close();
});

const list = (query: string) => t.getJson<ListProductsResponse>(`/api/products?${query}`);

/** Follows nextCursor to the end; fails on a loop. */
async function collectAll(query: string) {
  const seen: ListProductsResponse['items'] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const { status, body } = await list(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(status).toBe(200);
    seen.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('pagination did not end');
}

describe('GET /api/products', () => {
  it('lists the newest products first, 24 by default, with a cursor', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(24);
    expect(body.nextCursor).toEqual(expect.any(String));
    const first = body.items[0];
    expect(first?.price).toEqual(expect.any(Number));
    expect(first?.image?.url).toMatch(/^\/media\/products\/.+\.svg$/);
    expect(first?.name.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it.each(['newest', 'price_asc', 'price_desc', 'name'])(
    'pages through all 200 products exactly once sorted by %s, the sold-out ones last',
    async (sort) => {
      const all = await collectAll(`sort=${sort}&limit=37`);
      expect(all).toHaveLength(200);
      expect(new Set(all.map((p) => p.id)).size).toBe(200);
      const firstSoldOut = all.findIndex((p) => p.availability.status === 'sold_out');
      expect(firstSoldOut).toBeGreaterThan(0);
      const [buyable, soldOut] = [all.slice(0, firstSoldOut), all.slice(firstSoldOut)];
      for (const p of soldOut) expect(p.availability.status).toBe('sold_out');
      // each part keeps the sort
      for (const part of [buyable, soldOut]) {
        const prices = part.map((p) => p.price);
        if (sort === 'price_asc') expect(prices).toEqual([...prices].sort((a, b) => a - b));
        if (sort === 'price_desc') expect(prices).toEqual([...prices].sort((a, b) => b - a));
        if (sort === 'name') {
          const lowered = part.map((p) => p.name.en.toLowerCase());
          for (let i = 1; i < lowered.length; i++) expect((lowered[i - 1] ?? '') <= (lowered[i] ?? '')).toBe(true);
        }
      }
    },
  );

  it('pages through search results by relevance without repeats', async () => {
    const all = await collectAll('q=tea&limit=5');
    expect(all.length).toBeGreaterThan(5);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });

  it('finds Japanese names by a fragment', async () => {
    const { body } = await list(`q=${encodeURIComponent('純米')}&limit=100`);
    expect(body.items.length).toBeGreaterThan(3);
    for (const p of body.items) expect(p.name.ja).toContain('純米');
  });

  it('finds English names, case and width insensitive', async () => {
    for (const q of ['matcha', 'MATCHA', 'ｍａｔｃｈａ']) {
      const { body } = await list(`q=${encodeURIComponent(q)}`);
      expect(body.items.length).toBeGreaterThan(0);
      expect(body.items[0]?.name.en.toLowerCase()).toContain('matcha');
    }
  });

  it.each([
    ['macha', 'matcha'],
    ['konbu', 'kombu'],
    ['sencah', 'sencha'],
    ['santkou', 'santoku'],
  ])('tolerates the typo %s and still finds %s first', async (typo, word) => {
    const { body } = await list(`q=${typo}`);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]?.name.en.toLowerCase()).toContain(word);
  });

  it('requires every term to match', async () => {
    const { body } = await list(`q=${encodeURIComponent('純米 720')}&limit=100`);
    expect(body.items.length).toBeGreaterThan(0);
    for (const p of body.items) expect(`${p.name.ja} ${p.name.en}`).toMatch(/純米.*720|720.*純米/s);
  });

  it('matches nothing for nonsense and treats LIKE wildcards literally', async () => {
    expect((await list('q=zzzqqqxx')).body.items).toEqual([]);
    expect((await list(`q=${encodeURIComponent('%%')}`)).body.items).toEqual([]);
    expect((await list(`q=${encodeURIComponent('_')}`)).body.items).toEqual([]);
  });

  it('treats an empty q as no search', async () => {
    const { status, body } = await list('q=%20');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(24);
  });

  it('filters by category and price range', async () => {
    const { body } = await list('category=sake&minPrice=1500&maxPrice=5000&limit=100');
    expect(body.items.length).toBeGreaterThan(0);
    for (const p of body.items) {
      expect(p.category.slug).toBe('sake');
      expect(p.price).toBeGreaterThanOrEqual(1500);
      expect(p.price).toBeLessThanOrEqual(5000);
    }
    expect((await list('category=no-such-category')).body.items).toEqual([]);
  });

  it('filters by availability', async () => {
    const inStock = await collectAll('inStock=true&limit=100');
    const soldOut = await collectAll('inStock=false&limit=100');
    expect(inStock.length + soldOut.length).toBe(200);
    expect(soldOut.length).toBeGreaterThan(0);
    for (const p of inStock) expect(p.availability.available).toBeGreaterThan(0);
    for (const p of soldOut) expect(p.availability).toEqual({ status: 'sold_out', available: 0 });
    const low = inStock.filter((p) => p.availability.status === 'low_stock');
    expect(low.length).toBeGreaterThan(0);
    for (const p of low) expect(p.availability.available).toBeLessThanOrEqual(5);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['minPrice=-1', 'minPrice'],
    ['maxPrice=1.5', 'maxPrice'],
    ['minPrice=500&maxPrice=100', 'maxPrice'],
    ['sort=cheapest', 'sort'],
    ['inStock=yes', 'inStock'],
    ['category=Sake!', 'category'],
    [`q=${'x'.repeat(101)}`, 'q'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const { status, body } = await t.getJson<ErrorBody>(`/api/products?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.map((d) => d.path)).toContain(field);
    expect(body.error.requestId).toEqual(expect.any(String));
  });

  it.each([
    ['newest', 'not-a-time'],
    ['price_asc', '12; drop table x'],
    ['relevance', '1e999999'],
  ])('rejects a well-formed cursor whose %s key is forged (400, never a 500)', async (sort, key) => {
    const forged = Buffer.from(
      JSON.stringify({ s: sort, k: key, id: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    const { status, body } = await t.getJson<ErrorBody>(`/api/products?sort=${sort}&q=tea&cursor=${forged}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_CURSOR');
  });

  it('rejects a forged cursor and a cursor of another sort', async () => {
    const forged = await t.getJson<ErrorBody>('/api/products?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('INVALID_CURSOR');
    const { body } = await list('sort=price_asc&limit=2');
    const other = await t.getJson<ErrorBody>(`/api/products?sort=newest&cursor=${body.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('INVALID_CURSOR');
  });
});

describe('GET /api/products/{idOrSlug}', () => {
  it('returns a product by slug and by id, with all its images', async () => {
    const { body: page } = await list('category=sake&limit=1');
    const summary = page.items[0];
    if (!summary) throw new Error('no sake');
    const bySlug = await t.getJson<GetProductResponse>(`/api/products/${summary.slug}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.id).toBe(summary.id);
    expect(bySlug.body.description.ja.length).toBeGreaterThan(10);
    expect(bySlug.body.description.en.length).toBeGreaterThan(10);
    expect(bySlug.body.images.length).toBeGreaterThanOrEqual(1);
    expect(bySlug.body.images[0]?.alt.ja).toContain(summary.name.ja);
    expect(bySlug.body.taxClass).toBe('standard');
    const byId = await t.getJson<GetProductResponse>(`/api/products/${summary.id.toUpperCase()}`);
    expect(byId.body.slug).toBe(summary.slug);
  });

  it('answers 404 for an unknown product and 400 for a malformed one', async () => {
    const missing = await t.getJson<ErrorBody>('/api/products/no-such-product');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const unknownId = await t.getJson<ErrorBody>('/api/products/00000000-0000-4000-8000-000000000000');
    expect(unknownId.status).toBe(404);
    const bad = await t.getJson<ErrorBody>(`/api/products/${encodeURIComponent('a b<')}`);
    expect(bad.status).toBe(400);
  });

  it('serves product images from media with long cache and a sandbox', async () => {
    const { body } = await list('limit=1');
    const url = body.items[0]?.image?.url;
    if (!url) throw new Error('no image');
    const response = await t.app.request(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(await response.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect((await t.app.request('/media/products/missing.svg')).status).toBe(404);
    expect((await t.app.request('/media/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await t.app.request('/media/products/%E0%A4%A.svg')).status).toBe(404);
  });
});

describe('GET /api/categories', () => {
  it('lists the categories in order with product counts that add up', async () => {
    const { status, body } = await t.getJson<ListCategoriesResponse>('/api/categories');
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(10);
    expect(body.items.reduce((sum, c) => sum + c.productCount, 0)).toBe(200);
    const positions = body.items.map((c) => c.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(body.items[0]?.name).toEqual({ ja: '日本酒', en: 'Sake' });
  });
});
