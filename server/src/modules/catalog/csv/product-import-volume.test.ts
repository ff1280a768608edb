import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseKind, type TestApp } from '../../../../test/test-app.js';
import { staffClient } from '../staff-test-client.js';
import type { ImportReportResponse } from './routes/staff-product-csv.js';

/** A large import end to end; prints how long it took (measured, never asserted). */
let t: TestApp;
let staff: ReturnType<typeof staffClient>;
beforeAll(async () => {
  t = await createTestApp();
  staff = staffClient(t, (await t.signIn({ role: 'staff' })).headers);
  await staff.createCategory('bulk', '大量', 'Bulk');
});
afterAll(async () => {
  await t?.close();
});

const rows = 2000;
const header = 'sku,name_ja,name_en,description_ja,description_en,category,price,tax_class,opening_stock';
const line = (i: number, price: number) =>
  `VOL-${String(i).padStart(5, '0')},商品 ${i} 番,Volume Item ${i},説明 ${i}。保存は冷暗所で。,"Description ${i}, keep cool",bulk,${price},${i % 2 ? 'standard' : 'reduced'},${i % 50}`;
const file = (price: (i: number) => number) =>
  `\uFEFF${[header, ...Array.from({ length: rows }, (_, i) => line(i + 1, price(i + 1)))].join('\r\n')}\r\n`;

async function timedImport(csv: string) {
  const started = performance.now();
  const response = await staff.importCsv(csv);
  const seconds = (performance.now() - started) / 1000;
  expect(response.status).toBe(200);
  return { report: (await response.json()) as ImportReportResponse, seconds };
}

describe(`importing ${rows} rows (${databaseKind})`, () => {
  it('creates them all, then updates them all, then finds nothing to change', async () => {
    const created = await timedImport(file((i) => 100 + i));
    expect(created.report).toMatchObject({ committed: true, rows, created: rows, updated: 0, failed: 0 });
    const updated = await timedImport(file((i) => 200 + i));
    expect(updated.report).toMatchObject({ committed: true, created: 0, updated: rows });
    const unchanged = await timedImport(file((i) => 200 + i));
    expect(unchanged.report).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: rows });

    const exportStarted = performance.now();
    const exported = await staff.exportCsv();
    const exportSeconds = (performance.now() - exportStarted) / 1000;
    expect(exported.byteLength).toBeGreaterThan(rows * 50);

    console.log(
      `[import volume, ${databaseKind}] ${rows} rows (${(Buffer.byteLength(file((i) => 100 + i)) / 1024).toFixed(0)} KiB): ` +
        `create ${created.seconds.toFixed(2)} s, update ${updated.seconds.toFixed(2)} s, ` +
        `unchanged ${unchanged.seconds.toFixed(2)} s; export ${exportSeconds.toFixed(2)} s`,
    );
  }, 120_000);
});
