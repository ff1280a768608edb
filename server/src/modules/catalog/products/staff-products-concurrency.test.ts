import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseKind, type TestApp } from '../../../../test/test-app.js';
import type { StaffCategory } from '../api-schemas.js';
import { newProduct, staffClient } from '../staff-test-client.js';
import type { StaffProductResponse } from './routes/staff-product.js';

/**
 * Concurrent writes, as the database decides them. On PGlite the requests
 * are serialised by its single connection; with DATABASE_URL they overlap on
 * the real server, which is where these claims are proven.
 */
let t: TestApp;
let staff: ReturnType<typeof staffClient>;
let shelf: StaffCategory;
beforeAll(async () => {
  t = await createTestApp();
  staff = staffClient(t, (await t.signIn({ role: 'staff' })).headers);
  shelf = await staff.createCategory('race');
});
afterAll(async () => {
  await t?.close();
});

describe(`concurrent back-office writes (${databaseKind})`, () => {
  it('of several edits with the same If-Match exactly one wins; the others get 412', async () => {
    const product = await staff.createProduct(newProduct(shelf.id));
    const responses = await Promise.all(
      [1001, 1002, 1003, 1004, 1005].map((price) => staff.patchProduct(product.id, { price }, '"1"')),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412]);
    const winner = responses.find((r) => r.status === 200);
    const won = (await winner?.json()) as StaffProductResponse;
    const current = (await (await staff.getProduct(product.id)).json()) as StaffProductResponse;
    expect(current).toMatchObject({ version: 2, price: won.price });
  });

  it('products created at once with the same name all get distinct generated slugs', async () => {
    const name = { ja: '同名', en: 'Same Name Sake' };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => staff.send('POST', '/api/staff/products', newProduct(shelf.id, { name }))),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const slugs = await Promise.all(responses.map(async (r) => ((await r.json()) as StaffProductResponse).slug));
    expect(new Set(slugs).size).toBe(6);
    for (const slug of slugs) expect(slug).toMatch(/^same-name-sake(-\d+)?$/);
  });

  it('of two creations with the same SKU one wins, the other gets 409 SKU_TAKEN', async () => {
    const responses = await Promise.all(
      [0, 1].map(() => staff.send('POST', '/api/staff/products', newProduct(shelf.id, { sku: 'RACE-SKU' }))),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
