import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { ListProductsResponse } from './routes/list-products.js';

/**
 * Customers type readings: hiragana, katakana, romaji, full-width. The demo
 * catalog ships its readings, so these run against what a first start has.
 * Runs on PGlite, and on the real server with DATABASE_URL.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
});
afterAll(async () => {
  await t?.close();
});

const names = async (q: string) => {
  const { status, body } = await t.getJson<ListProductsResponse>(`/api/products?q=${encodeURIComponent(q)}&limit=100`);
  expect(status).toBe(200);
  return body.items.map((item) => item.name.ja);
};

describe('search by reading', () => {
  it.each([
    ['まっちゃ', '抹茶'],
    ['マッチャ', '抹茶'],
    ['matcha', '抹茶'],
    ['ｍａｔｃｈａ', '抹茶'],
    ['MATCHA', '抹茶'],
    ['みそ', '味噌'],
    ['ミソ', '味噌'],
    ['miso', '味噌'],
    ['じゅんまい', '純米'],
    ['junmai', '純米'],
    ['ジュンマイ', '純米'],
    ['ｼﾞｭﾝﾏｲ', '純米'],
    ['しょうゆ', '醤油'],
    ['shoyu', '醤油'],
    ['ほうじちゃ', 'ほうじ茶'],
  ])('%s finds products named with %s', async (query, kanji) => {
    const found = await names(query);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((name) => name.includes(kanji)).length).toBeGreaterThan(0);
  });

  it('finds as many by reading as by the kanji', async () => {
    const byKanji = await names('抹茶');
    expect(byKanji.length).toBeGreaterThan(0);
    for (const query of ['まっちゃ', 'マッチャ', 'matcha'])
      expect(await names(query)).toEqual(expect.arrayContaining(byKanji));
  });

  it('combines a reading with another term', async () => {
    const found = await names('じゅんまい 720');
    expect(found.length).toBeGreaterThan(0);
    for (const name of found) expect(name).toMatch(/720/);
  });
});

describe('did you mean', () => {
  const search = async (q: string) =>
    (await t.getJson<ListProductsResponse>(`/api/products?q=${encodeURIComponent(q)}`)).body;

  it('suggests the word a typo was near, beside the near matches it found', async () => {
    for (const [typo, word] of [
      ['sencah', 'sencha'],
      ['gyokru', 'gyokuro'],
    ] as const) {
      const body = await search(typo);
      expect(body.items.length).toBeGreaterThan(0);
      expect(body.suggestion).toBe(word);
    }
  });

  it('suggests nothing for a term found in the category or description, though not in any name', async () => {
    for (const q of ['seasonings', 'grains', 'kitchen']) {
      const body = await search(q);
      expect(body.items.length).toBeGreaterThan(0);
      expect([q, body.suggestion]).toEqual([q, null]);
    }
  });

  it('suggests nothing when every term was found as typed, in any script, or nothing is near', async () => {
    for (const q of ['matcha', 'まっちゃ', 'じゅんまい', '味噌', 'zzzqqqxx'])
      expect((await search(q)).suggestion).toBeNull();
  });
});
