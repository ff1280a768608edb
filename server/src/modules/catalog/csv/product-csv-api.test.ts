import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { ErrorBody } from '../../../platform/http/errors.js';
import type { GetProductResponse } from '../products/routes/get-product.js';
import type { StaffListProductsResponse } from '../products/routes/staff-list-products.js';
import { staffClient } from '../staff-test-client.js';
import { maxCsvRows } from './product-csv.js';
import type { ImportReportResponse } from './routes/staff-product-csv.js';

let t: TestApp;
let staff: ReturnType<typeof staffClient>;
beforeAll(async () => {
  // One staff member imports some twenty files here in seconds, far past a person's pace.
  t = await createTestApp({ rateLimits: { productImports: { limit: 1000, windowMs: 60_000 } } });
  staff = staffClient(t, (await t.signIn({ role: 'staff' })).headers);
  await staff.createCategory('sake', '日本酒', 'Sake');
  await staff.createCategory('tea', 'お茶', 'Tea');
});
afterAll(async () => {
  await t?.close();
});

const bom = '\uFEFF';
const header = 'sku,slug,name_ja,name_en,description_ja,description_en,category,price,tax_class,active,opening_stock';
const csv = (...lines: string[]) => `${[header, ...lines].join('\r\n')}\r\n`;
const report = async (response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()) as ImportReportResponse;
};
const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

/** Every product through the staff list, by SKU. */
async function allProducts() {
  const items: StaffListProductsResponse['items'] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const response = await staff.list(`limit=100&sort=sku${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const body = (await response.json()) as StaffListProductsResponse;
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}

describe('POST /api/staff/products/import', () => {
  it('creates products from a UTF-8 CSV with BOM, with slugs, stock and quoted cells', async () => {
    const body = `${bom}${csv(
      'CSV-001,,純米酒 "蔵",Junmai Kura,"一行目\n二行目","Line one, with a comma",sake,1980,standard,TRUE,24',
      'CSV-002,green-sencha,煎茶,Green Sencha,,,tea,860,reduced,,',
      'CSV-003,,玉露,Gyokuro,,,tea,2400,reduced,false,5',
    )}`;
    const result = await report(await staff.importCsv(body));
    expect(result).toMatchObject({
      committed: true,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors: [],
    });

    const shop = await t.app.request('/api/products/junmai-kura');
    expect(shop.status).toBe(200);
    const product = (await shop.json()) as GetProductResponse;
    expect(product).toMatchObject({
      sku: 'CSV-001',
      name: { ja: '純米酒 "蔵"', en: 'Junmai Kura' },
      description: { ja: '一行目\n二行目', en: 'Line one, with a comma' },
      price: 1980,
      availability: { available: 24 },
    });
    expect((await t.app.request('/api/products/green-sencha')).status).toBe(200);
    // Archived on import: not in the storefront.
    expect((await t.app.request('/api/products/gyokuro')).status).toBe(404);
  });

  it('imports nothing when any row fails, and reports each bad cell by row, column and code', async () => {
    const before = await allProducts();
    const body = csv(
      'CSV-101,,良い行,Good Row,,,sake,1000,standard,true,1',
      'CSV-102,,値段なし,No Price,,,sake,abc,zero,true,1',
      'CSV-103,,分類不明,Unknown Shelf,,,cheese,500,standard,true,1',
      'CSV-001,,重複,Duplicate Of 101,,,sake,700,standard,true,',
      'CSV-104,,短い行,Short',
      'CSV-101,,二度目,Twice,,,sake,900,standard,true,',
    );
    const result = await report(await staff.importCsv(body));
    expect(result).toMatchObject({ committed: false, mode: 'all', rows: 6, created: 0, updated: 0, failed: 4 });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'price', code: 'invalid_format' }),
      expect.objectContaining({ row: 3, column: 'tax_class', code: 'invalid_value' }),
      expect.objectContaining({ row: 4, column: 'category', code: 'UNKNOWN_CATEGORY' }),
      expect.objectContaining({ row: 6, column: null, code: 'WRONG_COLUMN_COUNT' }),
      expect.objectContaining({ row: 7, column: 'sku', code: 'DUPLICATE_IN_FILE', message: 'also on row 2' }),
    ]);
    expect(await allProducts()).toEqual(before);
  });

  it('writes the valid rows when asked to (mode=valid-rows) and reports the rest', async () => {
    const body = csv(
      'CSV-201,,番茶,Bancha,,,tea,500,reduced,true,3',
      'CSV-202,,負の値段,Negative,,,tea,-5,reduced,true,3',
      'CSV-203,green-sencha,横取り,Slug Thief,,,tea,500,reduced,true,3',
    );
    const result = await report(await staff.importCsv(body, 'valid-rows'));
    expect(result).toMatchObject({ committed: true, mode: 'valid-rows', rows: 3, created: 1, failed: 2 });
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'price', 'invalid_format'],
      [4, 'slug', 'SLUG_TAKEN'],
    ]);
    expect((await t.app.request('/api/products/bancha')).status).toBe(200);
  });

  it('upserts by SKU: a changed row updates its product (new version), others stay as they are', async () => {
    const before = new Map((await allProducts()).map((p) => [p.sku, p]));
    const body = csv('CSV-002,,煎茶,Green Sencha,,,tea,900,reduced,,', 'CSV-201,,番茶,Bancha,,,tea,500,reduced,,');
    const result = await report(await staff.importCsv(body));
    expect(result).toMatchObject({ committed: true, created: 0, updated: 1, unchanged: 1 });
    const after = new Map((await allProducts()).map((p) => [p.sku, p]));
    expect(after.get('CSV-002')).toMatchObject({ price: 900, slug: 'green-sencha', version: 2 });
    expect(after.get('CSV-201')?.version).toBe(before.get('CSV-201')?.version);
  });

  it.each([
    ['an unknown column', 'sku,name_ja,name_en,category,price,tax_class,colour\r\n', 'UNKNOWN_COLUMN'],
    ['a missing required column', 'sku,name_ja,name_en,category,tax_class\r\n', 'MISSING_COLUMN'],
    ['an empty file', '', 'EMPTY_FILE'],
    ['an unclosed quote', `${header}\r\nX,"open,,,,,,,,,\r\n`, 'CSV_QUOTE_NOT_CLOSED'],
  ])('refuses %s (400, nothing written)', async (_, body, code) => {
    const response = await staff.importCsv(body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(expect.objectContaining({ code }));
  });

  // The header is refused while rows are still streaming in: the refusal must be the answer, not the aborted stream.
  const manyRows = (n: number) => Array.from({ length: n }, (_, i) => `HDR-${i},,行 ${i},Row ${i},,,tea,100,reduced,,`);
  it.each([
    ['an unknown column, then rows', csv(...manyRows(3)).replace('opening_stock', 'colour'), 'UNKNOWN_COLUMN'],
    ['a missing column, then 5,000 rows', csv(...manyRows(5000)).replace(',price,', ',cost,'), 'MISSING_COLUMN'],
    ['a repeated column, then rows', csv(...manyRows(3)).replace('name_en', 'name_ja'), 'DUPLICATE_COLUMN'],
    [
      'a BOM then an unknown column, then rows',
      `${bom}${csv(...manyRows(3)).replace('sku,', 'code,')}`,
      'UNKNOWN_COLUMN',
    ],
    ['a BOM and nothing else', bom, 'EMPTY_FILE'],
    ['only blank lines', '\r\n,,,\r\n\r\n', 'EMPTY_FILE'],
    ['an unclosed quote followed by rows', csv('X,"open,,,,,,,,,', ...manyRows(3)), 'CSV_QUOTE_NOT_CLOSED'],
  ])('refuses %s (400 naming the problem, nothing written)', async (_, body, code) => {
    const before = await allProducts();
    const response = await staff.importCsv(body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(expect.objectContaining({ code }));
    expect(await allProducts()).toEqual(before);
  });

  it('reports rows with too few or too many cells, writing nothing', async () => {
    const before = await allProducts();
    const body = csv('CNT-1,,短い,Short,,,tea', 'CNT-2,,長い,Long,,,tea,100,reduced,,,extra,cells', ...manyRows(2));
    const result = await report(await staff.importCsv(body));
    expect(result).toMatchObject({ committed: false, rows: 4, failed: 2, created: 0 });
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, null, 'WRONG_COLUMN_COUNT'],
      [3, null, 'WRONG_COLUMN_COUNT'],
    ]);
    expect(await allProducts()).toEqual(before);
  });

  it(`takes ${maxCsvRows} rows and refuses more with 413 IMPORT_TOO_MANY_ROWS, writing nothing`, async () => {
    const before = await allProducts();
    // Every row names a missing category, so the full file is read and checked but nothing is written.
    const rows = Array.from({ length: maxCsvRows + 2000 }, (_, i) => `MAX-${i},,行,Row,,,cheese,100,reduced,,`);
    const atLimit = await report(await staff.importCsv(csv(...rows.slice(0, maxCsvRows))));
    expect(atLimit).toMatchObject({ committed: false, rows: maxCsvRows, failed: maxCsvRows, errorsTruncated: true });

    for (const extra of [1, 2000]) {
      const tooMany = await staff.importCsv(csv(...rows.slice(0, maxCsvRows + extra)));
      expect(tooMany.status).toBe(413);
      const error = await errorOf(tooMany);
      expect(error.code).toBe('IMPORT_TOO_MANY_ROWS');
      expect(error.message).toContain(`${maxCsvRows}`);
    }
    expect(await allProducts()).toEqual(before);
  });

  it('refuses a Shift_JIS file with a hint to save it as CSV UTF-8', async () => {
    // "sku,name_ja" then 日本 in Shift_JIS (0x93FA 0x967B): not valid UTF-8.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${header}\r\nSJ-1,,`),
      0x93,
      0xfa,
      0x96,
      0x7b,
      0x0d,
      0x0a,
    ]);
    const response = await staff.importCsv(bytes);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.details).toContainEqual(expect.objectContaining({ code: 'NOT_UTF8' }));
    expect(error.message).toContain('CSV UTF-8');
  });

  it('takes a file past the default 1 MiB body limit, and refuses one past 16 MiB (413)', async () => {
    const long = 'あ'.repeat(1500); // 4.5 KB of UTF-8 per row
    const rows = Array.from({ length: 300 }, (_, i) => `BIG-${i},,大きい ${i},Big ${i},${long},,tea,100,reduced,true,`);
    const body = csv(...rows);
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
    const result = await report(await staff.importCsv(body));
    expect(result).toMatchObject({ committed: true, created: 300, failed: 0 });

    const tooLarge = await staff.importCsv(csv(...Array.from({ length: 3800 }, () => rows[0] ?? '')));
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('wants the CSV itself as the body (415 otherwise)', async () => {
    const response = await t.app.request('/api/staff/products/import', {
      method: 'POST',
      headers: { ...(await t.signIn({ role: 'staff' })).headers, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(415);
  });
});

describe('GET /api/staff/products/export.csv', () => {
  it('streams every product as UTF-8 with BOM and CRLF, archived ones included', async () => {
    const bytes = await staff.exportCsv();
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    // The export adds each product's reading, made at import (the file above gave none).
    expect(text.startsWith(`${bom}${header.replace('name_en,', 'name_en,name_reading,')}\r\n`)).toBe(true);
    expect(text).toContain('純米酒 ""蔵""');
    expect(text).toContain('"一行目\n二行目"');
    expect(text).toMatch(/\r\nCSV-003,gyokuro,玉露,Gyokuro,ぎょくろ,,,tea,2400,reduced,false,\r\n/);
  });

  it('round-trips: importing an export changes nothing, and exporting again gives the same bytes', async () => {
    const first = await staff.exportCsv();
    const before = await allProducts();
    const result = await report(await staff.importCsv(first));
    expect(result).toMatchObject({ committed: true, created: 0, updated: 0, failed: 0, unchanged: before.length });
    expect(await allProducts()).toEqual(before);
    expect(await staff.exportCsv()).toEqual(first);
  }, 120_000);
});
