import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, demoProducts, setProduct, setStock } from '../../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { issueAccessToken } from '../../../test/test-issuer.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import type { Cart } from './api-schemas.js';
import { computeTotals } from './pricing.js';

let t: TestApp;
let items: Awaited<ReturnType<typeof demoProducts>>;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  items = await demoProducts(t, 12);
});
afterAll(async () => {
  await t?.close();
});

function product(i: number) {
  const p = items[i];
  if (!p) throw new Error(`no demo product ${i}`);
  return p;
}

async function customer() {
  const me = await t.signIn();
  return { ...me, api: asUser(t, me.headers) };
}

describe('tax per invoice per rate (適格請求書)', () => {
  it('rounds once per rate, not per line', () => {
    const lines = [108, 108, 108].map((unitPrice) => ({ unitPrice, quantity: 1, taxRate: 10 }));
    // Per line: floor(108 × 10 / 110) = 9, three times 27. Per invoice: floor(324 × 10 / 110) = 29.
    expect(computeTotals(lines).taxes).toEqual([{ rate: 10, amount: 324, tax: 29 }]);
    const mixed = computeTotals([
      { unitPrice: 108, quantity: 3, taxRate: 10 },
      { unitPrice: 103, quantity: 1, taxRate: 8 },
      { unitPrice: 103, quantity: 1, taxRate: 8 },
    ]);
    // 8 %: per line floor(103 × 8 / 108) = 7, twice 14; per invoice floor(206 × 8 / 108) = 15.
    expect(mixed).toEqual({
      subtotal: 530,
      taxes: [
        { rate: 10, amount: 324, tax: 29 },
        { rate: 8, amount: 206, tax: 15 },
      ],
      total: 530,
    });
  });
});

describe('the cart', () => {
  it('starts empty, adds lines merging quantities, and totals tax per rate', async () => {
    const { api } = await customer();
    expect((await api.json<Cart>('GET', '/api/cart')).body).toEqual({ lines: [], subtotal: 0, taxes: [], total: 0 });
    const [a, b, c] = [product(0), product(1), product(2)];
    await setProduct(t, a.id, { price: 108, taxClass: 'standard' });
    await setProduct(t, b.id, { price: 108, taxClass: 'standard' });
    await setProduct(t, c.id, { price: 103, taxClass: 'reduced' });
    await api.json('POST', '/api/cart/lines', { productId: a.id });
    await api.json('POST', '/api/cart/lines', { productId: b.id, quantity: 1 });
    await api.json('POST', '/api/cart/lines', { productId: a.id, quantity: 1 });
    const { status, body } = await api.json<Cart>('POST', '/api/cart/lines', { productId: c.id, quantity: 2 });
    expect(status).toBe(200);
    expect(body.lines.map((line) => [line.productId, line.quantity, line.amount, line.problem])).toEqual([
      [a.id, 2, 216, null],
      [b.id, 1, 108, null],
      [c.id, 2, 206, null],
    ]);
    expect(body.taxes).toEqual([
      { rate: 10, amount: 324, tax: 29 },
      { rate: 8, amount: 206, tax: 15 },
    ]);
    expect(body.total).toBe(530);
  });

  it('changes a quantity, removes a line and clears, and 404s a product not in the cart', async () => {
    const { api } = await customer();
    await api.json('POST', '/api/cart/lines', { productId: product(3).id, quantity: 2 });
    await api.json('POST', '/api/cart/lines', { productId: product(4).id, quantity: 1 });
    const changed = await api.json<Cart>('PUT', `/api/cart/lines/${product(3).id}`, { quantity: 5 });
    expect(changed.body.lines.find((line) => line.productId === product(3).id)?.quantity).toBe(5);
    const removed = await api.json<Cart>('DELETE', `/api/cart/lines/${product(4).id}`);
    expect(removed.body.lines.map((line) => line.productId)).toEqual([product(3).id]);
    expect((await api.json<ErrorBody>('DELETE', `/api/cart/lines/${product(4).id}`)).status).toBe(404);
    expect((await api.json<ErrorBody>('PUT', `/api/cart/lines/${product(5).id}`, { quantity: 1 })).status).toBe(404);
    expect((await api.send('DELETE', '/api/cart')).status).toBe(204);
    expect((await api.json<Cart>('GET', '/api/cart')).body.lines).toEqual([]);
  });

  it('refuses bad input with a code naming the field, changing nothing', async () => {
    const { api } = await customer();
    await api.json('POST', '/api/cart/lines', { productId: product(5).id, quantity: 98 });
    const cases: [unknown, string, string][] = [
      [{ productId: 'nope' }, 'VALIDATION_FAILED', 'productId'],
      [{ productId: product(5).id, quantity: 0 }, 'VALIDATION_FAILED', 'quantity'],
      [{ productId: product(5).id, quantity: 100 }, 'VALIDATION_FAILED', 'quantity'],
      [{ productId: product(5).id, quantity: 1.5 }, 'VALIDATION_FAILED', 'quantity'],
      // 98 + 2 would pass the 99 a line holds.
      [{ productId: product(5).id, quantity: 2 }, 'VALIDATION_FAILED', 'quantity'],
      [{ productId: crypto.randomUUID() }, 'PRODUCT_UNAVAILABLE', 'productId'],
    ];
    for (const [body, code, path] of cases) {
      const response = await api.json<ErrorBody>('POST', '/api/cart/lines', body);
      expect(response.body.error.code, JSON.stringify(body)).toBe(code);
      expect(response.body.error.details?.[0]?.path).toBe(path);
    }
    const cart = (await api.json<Cart>('GET', '/api/cart')).body;
    expect(cart.lines.map((line) => line.quantity)).toEqual([98]);
  });

  it('refuses to add an archived product (422 PRODUCT_UNAVAILABLE)', async () => {
    const { api } = await customer();
    await setProduct(t, product(6).id, { active: false });
    const response = await api.json<ErrorBody>('POST', '/api/cart/lines', { productId: product(6).id });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('PRODUCT_UNAVAILABLE');
    await setProduct(t, product(6).id, { active: true });
  });

  it('says what is wrong with each line: archived, sold out, too little stock, price changed', async () => {
    const { api } = await customer();
    const [archived, soldOut, short, repriced, fine] = [7, 8, 9, 10, 11].map(product);
    for (const p of [archived, soldOut, short, repriced, fine]) {
      if (!p) throw new Error('missing product');
      await setStock(t, p.sku, 50);
      await api.json('POST', '/api/cart/lines', { productId: p.id, quantity: 3 });
    }
    if (!archived || !soldOut || !short || !repriced || !fine) throw new Error('missing product');
    await setProduct(t, archived.id, { active: false });
    await setStock(t, soldOut.sku, 0);
    await setStock(t, short.sku, 2);
    await setProduct(t, repriced.id, { price: repriced.price + 100 });
    const cart = (await api.json<Cart>('GET', '/api/cart')).body;
    const problems = Object.fromEntries(cart.lines.map((line) => [line.productId, line.problem]));
    expect(problems[archived.id]?.code).toBe('unavailable');
    expect(problems[soldOut.id]).toMatchObject({ code: 'sold_out', available: 0 });
    expect(problems[short.id]).toMatchObject({ code: 'insufficient_stock', available: 2 });
    expect(problems[repriced.id]).toMatchObject({
      code: 'price_changed',
      oldPrice: repriced.price,
      newPrice: repriced.price + 100,
    });
    expect(problems[fine.id]).toBeNull();
    // Archived and sold-out lines are not counted; the rest at today's prices.
    expect(cart.subtotal).toBe(3 * (short.price + repriced.price + 100 + fine.price));
    // Changing the line accepts the new price.
    const accepted = await api.json<Cart>('PUT', `/api/cart/lines/${repriced.id}`, { quantity: 3 });
    expect(accepted.body.lines.find((line) => line.productId === repriced.id)?.problem).toBeNull();
    await setProduct(t, archived.id, { active: true });
    await setProduct(t, repriced.id, { price: repriced.price });
  });

  it('merges a guest cart on sign-in: quantities add up to at most 99, unknown products are left out', async () => {
    const { api } = await customer();
    await api.json('POST', '/api/cart/lines', { productId: product(0).id, quantity: 60 });
    const { status, body } = await api.json<Cart>('POST', '/api/cart/merge', {
      lines: [
        { productId: product(0).id, quantity: 50 },
        { productId: product(1).id, quantity: 2 },
        { productId: crypto.randomUUID(), quantity: 1 },
      ],
    });
    expect(status).toBe(200);
    expect(body.lines.map((line) => [line.productId, line.quantity])).toEqual([
      [product(0).id, 99],
      [product(1).id, 2],
    ]);
    const bad = await api.json<ErrorBody>('POST', '/api/cart/merge', {
      lines: [{ productId: product(1).id, quantity: 0 }],
    });
    expect(bad.body.error.details?.[0]?.path).toBe('lines.0.quantity');
  });

  it('keeps each user to their own cart, across sign-outs', async () => {
    const alice = await customer();
    const bob = await customer();
    await alice.api.json('POST', '/api/cart/lines', { productId: product(2).id, quantity: 4 });
    expect((await bob.api.json<Cart>('GET', '/api/cart')).body.lines).toEqual([]);
    expect((await bob.api.send('DELETE', `/api/cart/lines/${product(2).id}`)).status).toBe(404);
    await bob.api.send('DELETE', '/api/cart');
    // Signed out and in again: a new token for the same person sees the same cart.
    const token = await issueAccessToken({ subject: alice.subject, email: alice.email });
    const again = (await asUser(t, { Authorization: `Bearer ${token}` }).json<Cart>('GET', '/api/cart')).body;
    expect(again.lines.map((line) => [line.productId, line.quantity])).toEqual([[product(2).id, 4]]);
  });
});
