import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { StaffCategory } from '../api-schemas.js';
import { newProduct, staffClient } from '../staff-test-client.js';
import type { ListProductsResponse } from './routes/list-products.js';
import type { StaffProductResponse } from './routes/staff-product.js';

/**
 * Readings are made at write time by the real analyser (kuromoji's dictionary,
 * read offline): on create, on a rename, on CSV import; staff may correct them
 * in the editor and in the CSV, and search follows every write.
 */
let t: TestApp;
let staff: ReturnType<typeof staffClient>;
let staffHeaders: Record<string, string>;
let sake: StaffCategory;
beforeAll(async () => {
  t = await createTestApp();
  staffHeaders = (await t.signIn({ role: 'staff' })).headers;
  staff = staffClient(t, staffHeaders);
  sake = await staff.createCategory('sake', '日本酒', 'Sake');
});
afterAll(async () => {
  await t?.close();
});

const found = async (q: string) =>
  ((await (await t.app.request(`/api/products?q=${encodeURIComponent(q)}`)).json()) as ListProductsResponse).items.map(
    (item) => item.sku,
  );

describe('product readings', () => {
  it('makes the reading of a new product from its name, and search finds it by kana and romaji', async () => {
    const product = await staff.createProduct(
      newProduct(sake.id, { sku: 'RD-1', name: { ja: '信州 味噌 樽', en: 'Shinshu Barrel' } }),
    );
    expect(product.reading).toBe('しんしゅう みそ たる');
    for (const q of ['みそ', 'ミソ', 'miso', 'しんしゅう']) expect(await found(q)).toContain('RD-1');
  });

  it('reads trade words the dictionary gets wrong from the glossary (純米 is じゅんまい, not じゅんべい)', async () => {
    const product = await staff.createProduct(
      newProduct(sake.id, { sku: 'RD-2', name: { ja: '純米大吟醸 月光', en: 'Gekko' } }),
    );
    expect(product.reading).toMatch(/^じゅんまいだいぎんじょう /);
    expect(await found('junmai')).toContain('RD-2');
  });

  it('keeps a reading staff give (folded to hiragana), remakes it on a rename, and makes one when cleared', async () => {
    const product = await staff.createProduct(
      newProduct(sake.id, { sku: 'RD-3', name: { ja: '三輪 素麺', en: 'Miwa Somen' }, reading: 'ミワ ソウメン' }),
    );
    expect(product.reading).toBe('みわ そうめん');
    expect(await found('みわ')).toContain('RD-3');

    const renamed = await staff.patchProduct(product.id, { name: { ja: '抹茶 素麺' } }, '"1"');
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as StaffProductResponse).reading).toBe('まっちゃ そうめん');
    expect(await found('みわ')).not.toContain('RD-3');
    expect(await found('matcha')).toContain('RD-3');

    const corrected = await staff.patchProduct(product.id, { reading: 'てすと よみ' }, '"2"');
    expect(((await corrected.json()) as StaffProductResponse).reading).toBe('てすと よみ');
    expect(await found('てすと')).toContain('RD-3');

    const cleared = await staff.patchProduct(product.id, { reading: '' }, '"3"');
    expect(((await cleared.json()) as StaffProductResponse).reading).toBe('まっちゃ そうめん');
  });

  it('exports readings in the CSV and imports them: given ones kept, missing ones made', async () => {
    const csv = [
      'sku,name_ja,name_en,name_reading,category,price,tax_class',
      'RD-10,玉露 八女,Yame Gyokuro,,sake,3000,reduced',
      'RD-11,特選 茶,Special Tea,とくせん ちゃ,sake,2000,reduced',
    ].join('\n');
    const imported = await staff.importCsv(csv);
    expect(imported.status).toBe(200);
    expect(await found('ぎょくろ')).toContain('RD-10');
    expect(await found('gyokuro')).toContain('RD-10');
    expect(await found('とくせん')).toContain('RD-11');

    const exported = await (await t.app.request('/api/staff/products/export.csv', { headers: staffHeaders })).text();
    const lines = exported.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]?.split(',')).toContain('name_reading');
    expect(lines.find((line) => line.startsWith('RD-10,'))).toMatch(/,ぎょくろ [^,]+,/);
    expect(lines.find((line) => line.startsWith('RD-11,'))).toContain('とくせん ちゃ');
  });
});
