import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { sqlRows } from '../../platform/db/database.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import { createCategories, createProducts } from '../catalog/products/product-writes.js';
import type { AdjustStockResponse } from './routes/adjust-stock.js';
import type { GetStockItemResponse } from './routes/get-stock-item.js';
import type { ListStockResponse } from './routes/list-stock.js';
import type { ListStockMovementsResponse } from './routes/list-stock-movements.js';
import type { SetStockThresholdResponse } from './routes/set-stock-threshold.js';
import { createOpeningStock } from './stock-levels.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn({ role: 'staff' });
  const categoryIds = await createCategories(t.database.db, [
    { slug: 'sake', nameJa: '日本酒', nameEn: 'Sake', position: 1 },
  ]);
  const categoryId = categoryIds.get('sake') ?? '';
  await createProducts(t.database.db, [
    product('API-0001', 'api-junmai', '純米酒 山田錦', 'Junmai Yamada Nishiki', categoryId),
    product('API-0002', 'api-ginjo', '吟醸酒', 'Ginjo 100% sake', categoryId),
  ]);
  await createOpeningStock(t.database.db, [
    { sku: 'API-0001', onHand: 20 },
    { sku: 'API-0002', onHand: 3 },
    { sku: 'API-0003', onHand: 0 },
    { sku: 'API-0004', onHand: 50 },
  ]);
});
afterAll(async () => {
  await t?.close();
});

function product(sku: string, slug: string, nameJa: string, nameEn: string, categoryId: string) {
  return {
    sku,
    slug,
    categoryId,
    nameJa,
    nameEn,
    descriptionJa: '',
    descriptionEn: '',
    price: 1000,
    taxClass: 'reduced' as const,
    images: [],
  };
}

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

function adjust(sku: string, body: unknown, headers: Record<string, string> = {}) {
  return t.app.request(`/api/staff/stock/${encodeURIComponent(sku)}/adjustments`, {
    method: 'POST',
    headers: { ...staff.headers, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function stockOf(sku: string) {
  const { status, body } = await t.getJson<GetStockItemResponse>(`/api/staff/stock/${sku}`, {
    headers: staff.headers,
  });
  expect(status).toBe(200);
  return body;
}

async function movementCount(sku: string) {
  const [row] = await sqlRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from inventory.stock_movements where sku = ${sku}`,
  );
  return row?.n;
}

describe('POST /api/staff/stock/{sku}/adjustments', () => {
  it('applies a delivery: on hand grows, a movement records who, why and the result', async () => {
    const response = await adjust('API-0004', { delta: 12, reason: 'received', note: '  supplier delivery  ' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as AdjustStockResponse;
    expect(body.stock).toMatchObject({ sku: 'API-0004', onHand: 62, reserved: 0, available: 62, status: 'in_stock' });
    expect(body.movement).toMatchObject({
      sku: 'API-0004',
      actorId: staff.userId,
      deltaOnHand: 12,
      deltaReserved: 0,
      reason: 'received',
      note: 'supplier delivery',
      onHandAfter: 62,
      reservedAfter: 0,
      orderId: null,
    });
    const detail = await stockOf('API-0004');
    expect(detail.movements[0]).toEqual(body.movement);
    expect(detail.movements.map((m) => m.reason)).toEqual(['received', 'opening_stock']);
  });

  it('removes damaged units down to exactly zero available', async () => {
    const response = await adjust('API-0002', { delta: -3, reason: 'damaged' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as AdjustStockResponse;
    expect(body.stock).toMatchObject({ onHand: 0, available: 0, status: 'sold_out' });
    await adjust('API-0002', { delta: 3, reason: 'count_correction' });
  });

  it('refuses to go below zero with 409 INSUFFICIENT_STOCK, writing nothing', async () => {
    const before = await stockOf('API-0001');
    const movementsBefore = await movementCount('API-0001');
    const response = await adjust('API-0001', { delta: -(before.stock.available + 1), reason: 'lost' });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.details?.[0]?.path).toBe('delta');
    expect((await stockOf('API-0001')).stock).toEqual(before.stock);
    expect(await movementCount('API-0001')).toBe(movementsBefore);
  });

  it('answers 404 for a SKU with no stock', async () => {
    const response = await adjust('NO-SUCH-SKU', { delta: 1, reason: 'received' });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
  });

  it.each([
    [{ reason: 'received' }, 'delta'],
    [{ delta: 0, reason: 'received' }, 'delta'],
    [{ delta: 1.5, reason: 'received' }, 'delta'],
    [{ delta: '3', reason: 'received' }, 'delta'],
    [{ delta: 2_000_000, reason: 'received' }, 'delta'],
    [{ delta: -2, reason: 'received' }, 'delta'],
    [{ delta: 2, reason: 'damaged' }, 'delta'],
    [{ delta: 2 }, 'reason'],
    [{ delta: 2, reason: 'stolen' }, 'reason'],
    [{ delta: 2, reason: 'received', note: 'n'.repeat(501) }, 'note'],
    [{ delta: 2, reason: 'received', note: 7 }, 'note'],
    [{ delta: 2, reason: 'received', qty: 2 }, '(root)'],
  ])('refuses %j with 400 naming %s, writing nothing', async (body, field) => {
    const movementsBefore = await movementCount('API-0004');
    const response = await adjust('API-0004', body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(field);
    expect(await movementCount('API-0004')).toBe(movementsBefore);
  });

  it('applies a retried POST with the same Idempotency-Key once, answering the first result', async () => {
    const key = crypto.randomUUID();
    const before = (await stockOf('API-0001')).stock.onHand;
    const first = await adjust('API-0001', { delta: 4, reason: 'returned' }, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as AdjustStockResponse;
    const retry = await adjust('API-0001', { delta: 4, reason: 'returned' }, { 'Idempotency-Key': key });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const retryBody = (await retry.json()) as AdjustStockResponse;
    expect(retryBody.movement).toEqual(firstBody.movement);
    expect((await stockOf('API-0001')).stock.onHand).toBe(before + 4);
  });

  it('refuses the same key for a different adjustment (422 IDEMPOTENCY_KEY_REUSED), writing nothing', async () => {
    const key = crypto.randomUUID();
    expect((await adjust('API-0001', { delta: 1, reason: 'received' }, { 'Idempotency-Key': key })).status).toBe(201);
    const before = await stockOf('API-0004');
    const other = await adjust('API-0004', { delta: 1, reason: 'received' }, { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect((await errorOf(other)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const sameSkuOtherDelta = await adjust('API-0001', { delta: 2, reason: 'received' }, { 'Idempotency-Key': key });
    expect((await errorOf(sameSkuOtherDelta)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await stockOf('API-0004')).stock).toEqual(before.stock);
  });

  it('keeps keys per staff member: another person’s identical key is a new adjustment', async () => {
    const key = crypto.randomUUID();
    const other = await t.signIn({ role: 'admin' });
    const before = (await stockOf('API-0004')).stock.onHand;
    expect((await adjust('API-0004', { delta: 1, reason: 'received' }, { 'Idempotency-Key': key })).status).toBe(201);
    const theirs = await adjust(
      'API-0004',
      { delta: 1, reason: 'received' },
      { ...other.headers, 'Idempotency-Key': key },
    );
    expect(theirs.status).toBe(201);
    expect((await stockOf('API-0004')).stock.onHand).toBe(before + 2);
  });

  it('refuses a malformed Idempotency-Key naming the header', async () => {
    const response = await adjust('API-0004', { delta: 1, reason: 'received' }, { 'Idempotency-Key': 'has space' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.map((d) => d.path)).toContain('idempotency-key');
  });
});

describe('GET /api/staff/stock', () => {
  it('lists every SKU by SKU with product names, available and status', async () => {
    const { status, body } = await t.getJson<ListStockResponse>('/api/staff/stock', { headers: staff.headers });
    expect(status).toBe(200);
    expect(body.items.map((i) => i.sku)).toEqual(['API-0001', 'API-0002', 'API-0003', 'API-0004']);
    expect(body.items[0]).toMatchObject({ nameJa: '純米酒 山田錦', nameEn: 'Junmai Yamada Nishiki' });
    expect(body.items[2]).toMatchObject({ sku: 'API-0003', nameJa: null, available: 0, status: 'sold_out' });
    for (const item of body.items) expect(item.available).toBe(item.onHand - item.reserved);
  });

  it.each([
    ['api-0002', ['API-0002']],
    ['山田', ['API-0001']],
    ['NISHIKI', ['API-0001']],
    ['100%', ['API-0002']],
    ['_', []],
  ])('searches %j by SKU or name', async (q, skus) => {
    const { body } = await t.getJson<ListStockResponse>(`/api/staff/stock?q=${encodeURIComponent(q)}`, {
      headers: staff.headers,
    });
    expect(body.items.map((i) => i.sku)).toEqual(skus);
  });

  it('pages with a cursor, each SKU exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { status, body } = await t.getJson<ListStockResponse>(`/api/staff/stock?limit=3${query}`, {
        headers: staff.headers,
      });
      expect(status).toBe(200);
      seen.push(...body.items.map((i) => i.sku));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['API-0001', 'API-0002', 'API-0003', 'API-0004']);
  });

  it('lists the low ones only, sold out first, paging by availability', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { body } = await t.getJson<ListStockResponse>(`/api/staff/stock?lowOnly=true&limit=1${query}`, {
        headers: staff.headers,
      });
      seen.push(...body.items.map((i) => `${i.sku}:${i.available}`));
      cursor = body.nextCursor;
    } while (cursor);
    // API-0003 has 0 (sold out), API-0002 has 3 (threshold 5); the others are above their threshold.
    expect(seen).toEqual(['API-0003:0', 'API-0002:3']);
  });

  it('refuses a cursor of the other sort, and a forged one, naming cursor', async () => {
    const { body } = await t.getJson<ListStockResponse>('/api/staff/stock?limit=1', { headers: staff.headers });
    const mixed = await t.app.request(`/api/staff/stock?lowOnly=true&cursor=${body.nextCursor}`, {
      headers: staff.headers,
    });
    expect(mixed.status).toBe(400);
    expect((await errorOf(mixed)).code).toBe('INVALID_CURSOR');
    const forged = Buffer.from(JSON.stringify({ s: 'low', k: ['1; drop'], id: 'x' })).toString('base64url');
    const response = await t.app.request(`/api/staff/stock?lowOnly=true&cursor=${forged}`, { headers: staff.headers });
    expect((await errorOf(response)).details?.[0]?.path).toBe('cursor');
  });

  it('refuses a bad lowOnly or limit naming the field', async () => {
    for (const [query, field] of [
      ['lowOnly=yes', 'lowOnly'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
    ]) {
      const response = await t.app.request(`/api/staff/stock?${query}`, { headers: staff.headers });
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).details?.map((d) => d.path)).toContain(field);
    }
  });
});

describe('PUT /api/staff/stock/{sku}/threshold', () => {
  it('sets the threshold, which moves the SKU into the low list', async () => {
    const response = await t.app.request('/api/staff/stock/API-0004/threshold', {
      method: 'PUT',
      headers: { ...staff.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ threshold: 1000 }),
    });
    expect(response.status).toBe(200);
    const item = (await response.json()) as SetStockThresholdResponse;
    expect(item).toMatchObject({ sku: 'API-0004', lowStockThreshold: 1000, status: 'low_stock' });
    const { body } = await t.getJson<ListStockResponse>('/api/staff/stock?lowOnly=true', { headers: staff.headers });
    expect(body.items.map((i) => i.sku)).toContain('API-0004');
  });

  it.each([
    [{ threshold: -1 }, 'threshold'],
    [{ threshold: 2.5 }, 'threshold'],
    [{}, 'threshold'],
  ])('refuses %j naming %s', async (body, field) => {
    const response = await t.app.request('/api/staff/stock/API-0004/threshold', {
      method: 'PUT',
      headers: { ...staff.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.map((d) => d.path)).toContain(field);
  });

  it('answers 404 for an unknown SKU', async () => {
    const response = await t.app.request('/api/staff/stock/NOPE/threshold', {
      method: 'PUT',
      headers: { ...staff.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ threshold: 3 }),
    });
    expect(response.status).toBe(404);
  });
});

describe('GET /api/staff/stock/{sku}/movements', () => {
  it('pages the history newest first, and the figures chain from one movement to the next', async () => {
    for (const delta of [1, 2, 3]) await adjust('API-0003', { delta, reason: 'received' });
    await adjust('API-0003', { delta: -4, reason: 'count_correction', note: 'stocktake' });
    const seen: ListStockMovementsResponse['items'] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { status, body } = await t.getJson<ListStockMovementsResponse>(
        `/api/staff/stock/API-0003/movements?limit=2${query}`,
        { headers: staff.headers },
      );
      expect(status).toBe(200);
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.map((m) => m.deltaOnHand)).toEqual([-4, 3, 2, 1]);
    const chronological = [...seen].reverse();
    let onHand = 0;
    for (const m of chronological) {
      onHand += m.deltaOnHand;
      expect(m.onHandAfter).toBe(onHand);
    }
    expect((await stockOf('API-0003')).stock.onHand).toBe(onHand);
  });

  it('answers 404 for an unknown SKU', async () => {
    const response = await t.app.request('/api/staff/stock/NOPE/movements', { headers: staff.headers });
    expect(response.status).toBe(404);
  });
});

describe('the movement history is append-only', () => {
  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(t.database.db.execute(sql`update inventory.stock_movements set note = 'rewritten'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from inventory.stock_movements`)).rejects.toThrow();
    expect(await movementCount('API-0001')).toBeGreaterThan(0);
  });
});

describe('the storefront', () => {
  it('shows the availability the back office set', async () => {
    const before = await t.getJson<{ availability: { status: string; available: number } }>('/api/products/api-ginjo');
    expect(before.status).toBe(200);
    const available = (await stockOf('API-0002')).stock.available;
    expect(before.body.availability.available).toBe(available);
    expect((await adjust('API-0002', { delta: 10, reason: 'received' })).status).toBe(201);
    const after = await t.getJson<{ availability: { status: string; available: number } }>('/api/products/api-ginjo');
    expect(after.body.availability).toEqual({ status: 'in_stock', available: available + 10 });
  });
});
