import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryDateIn } from '../src/modules/ordering/delivery.js';
import { orders } from '../src/modules/ordering/schema.js';
import type { ErrorBody } from '../src/platform/http/errors.js';
import { demoProducts, setStock } from './shop-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The per-caller limits on costly writes, lowered so a test reaches them:
 * the request past the limit is 429 RATE_LIMITED with Retry-After, and
 * another caller is unaffected. The window opening again is the limiter's
 * own test (platform/http/rate-limiter.test.ts), with a clock it controls.
 */
const window = { windowMs: 60_000 };
let t: TestApp;
let product: { id: string; sku: string };
beforeAll(async () => {
  t = await createTestApp({
    demoData: true,
    rateLimits: {
      checkout: { limit: 3, ...window },
      imageUploads: { limit: 2, ...window },
      productImports: { limit: 2, ...window },
    },
  });
  const [first] = await demoProducts(t, 1);
  if (!first) throw new Error('no demo product');
  product = first;
  await setStock(t, product.sku, 1000);
});
afterAll(async () => {
  await t?.close();
});

const buyNow = (productId: string) => ({
  lines: [{ productId, quantity: 1 }],
  shippingAddress: {
    postalCode: '150-0001',
    prefecture: '東京都',
    city: '渋谷区',
    line1: '神宮前1-2-3',
    name: '山田 花子',
    phone: '03-1234-5678',
  },
  delivery: { date: deliveryDateIn(2, new Date()), slot: '14-16' },
});

async function post(headers: Record<string, string>, path: string, body: string, type = 'application/json') {
  return t.app.request(path, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': type, 'Idempotency-Key': crypto.randomUUID() },
    body,
  });
}

/** The refusal: the one error body, a Retry-After within the window. */
async function expectRateLimited(response: Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe('RATE_LIMITED');
  expect(body.error.requestId).toBeTruthy();
}

const statuses = (responses: Response[]) => responses.map((r) => r.status);

describe('per-caller rate limits', () => {
  it('checkout: the 4th order in the window is 429 and writes nothing; another customer still checks out', async () => {
    const me = await t.signIn();
    const body = JSON.stringify(buyNow(product.id));
    const placed = [];
    for (let i = 0; i < 3; i++) placed.push(await post(me.headers, '/api/orders', body));
    expect(statuses(placed)).toEqual([201, 201, 201]);
    await expectRateLimited(await post(me.headers, '/api/orders', body));
    const mine = await t.database.db.select({ id: orders.id }).from(orders).where(eq(orders.userId, me.userId));
    expect(mine).toHaveLength(3);
    // Reading is not limited.
    expect((await t.app.request('/api/orders', { headers: me.headers })).status).toBe(200);

    const other = await t.signIn();
    expect((await post(other.headers, '/api/orders', body)).status).toBe(201);
  });

  it('image upload forms: the 3rd in the window is 429; another staff member still gets one', async () => {
    const staff = await t.signIn({ role: 'staff' });
    const path = `/api/staff/products/${product.id}/images/uploads`;
    const body = JSON.stringify({ contentType: 'image/png' });
    expect(statuses([await post(staff.headers, path, body), await post(staff.headers, path, body)])).toEqual([
      201, 201,
    ]);
    await expectRateLimited(await post(staff.headers, path, body));
    const colleague = await t.signIn({ role: 'staff' });
    expect((await post(colleague.headers, path, body)).status).toBe(201);
  });

  it('CSV imports: the 3rd in the window is 429; another staff member still imports', async () => {
    const staff = await t.signIn({ role: 'staff' });
    const path = '/api/staff/products/import';
    // Checked and refused as a whole (unknown category): costly to read, nothing written.
    const csv = 'sku,name_ja,name_en,category,price,tax_class\r\nRL-1,名前,Name,no-such-shelf,100,standard\r\n';
    expect(
      statuses([await post(staff.headers, path, csv, 'text/csv'), await post(staff.headers, path, csv, 'text/csv')]),
    ).toEqual([200, 200]);
    await expectRateLimited(await post(staff.headers, path, csv, 'text/csv'));
    const colleague = await t.signIn({ role: 'staff' });
    expect((await post(colleague.headers, path, csv, 'text/csv')).status).toBe(200);
  });
});

describe('the default limits', () => {
  let defaults: TestApp;
  beforeAll(async () => {
    defaults = await createTestApp({ demoData: true });
  });
  afterAll(async () => {
    await defaults?.close();
  });

  it(`let a customer check out ${10} times a minute and refuse a script's 30 at once`, async () => {
    expect(defaults.config.rateLimits.checkout).toEqual({ limit: 10, windowMs: 60_000 });
    const [item] = await demoProducts(defaults, 1);
    if (!item) throw new Error('no demo product');
    await setStock(defaults, item.sku, 1000);
    const me = await defaults.signIn();
    const body = JSON.stringify(buyNow(item.id));
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        defaults.app.request('/api/orders', {
          method: 'POST',
          headers: { ...me.headers, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body,
        }),
      ),
    );
    const histogram = new Map<number, number>();
    for (const r of responses) histogram.set(r.status, (histogram.get(r.status) ?? 0) + 1);
    console.info(
      `30 concurrent checkouts from one customer: ${[...histogram].map(([s, n]) => `${n} × ${s}`).join(', ')}`,
    );
    expect(Object.fromEntries(histogram)).toEqual({ 201: 10, 429: 20 });
  });
});
