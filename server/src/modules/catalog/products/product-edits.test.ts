import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, databaseKind, type TestApp } from '../../../../test/test-app.js';
import { newProduct, staffClient } from '../staff-test-client.js';
import { updateProduct } from './product-edits.js';

/**
 * The analyser stands in here (mocked: its first load takes seconds, which is the point) so the test
 * can hold it mid-reading; real PostgreSQL only, where another connection can try the product's row lock.
 */
const analyser = vi.hoisted(() => ({ gate: Promise.resolve(), entered: () => {} }));
vi.mock('./readings.js', async (original) => {
  const real = await original<typeof import('./readings.js')>();
  return {
    ...real,
    async readingOf(name: string) {
      analyser.entered();
      await analyser.gate;
      return real.readingOf(name);
    },
  };
});

describe.skipIf(databaseKind !== 'postgres')('renaming a product (real PostgreSQL server)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes the new reading before it locks the row, so a slow analyser holds no lock and no transaction', async () => {
    const staff = staffClient(t, (await t.signIn({ role: 'staff' })).headers);
    const category = await staff.createCategory('miso', '味噌', 'Miso');
    const product = await staff.createProduct(newProduct(category.id, { sku: 'ED-1' }));

    let release = () => {};
    analyser.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reading = new Promise<void>((resolve) => {
      analyser.entered = resolve;
    });
    const renamed = updateProduct(t.database.db, { id: product.id, expected: 'any', changes: { nameJa: '赤 味噌' } });
    await reading;
    try {
      // While the analyser works, the row is free: another transaction takes its lock at once (nowait).
      await t.database.db.transaction(async (tx) =>
        tx.execute(sql`select id from catalog.products where id = ${product.id} for update nowait`),
      );
    } finally {
      release();
    }
    expect(await renamed).toEqual({ kind: 'done' });
  });
});
