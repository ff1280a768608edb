import { describe, expect, it, vi } from 'vitest';
import { demoCategories, demoProducts } from './catalog-data.js';

const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff]/;
const ALCOHOL_CATEGORIES = ['sake', 'shochu-umeshu'];
const NON_FOOD_CATEGORIES = ['kitchen-tools', 'tableware'];

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('demo categories', () => {
  it('have unique slugs and positions', () => {
    expect(new Set(demoCategories.map((c) => c.slug)).size).toBe(demoCategories.length);
    expect(new Set(demoCategories.map((c) => c.position)).size).toBe(demoCategories.length);
  });

  it('each hold between 12 and 25 products', () => {
    const counts = countBy(demoProducts, (p) => p.category);
    for (const category of demoCategories) {
      expect(counts.get(category.slug) ?? 0, category.slug).toBeGreaterThanOrEqual(12);
      expect(counts.get(category.slug) ?? 0, category.slug).toBeLessThanOrEqual(25);
    }
  });
});

describe('demo products', () => {
  it('are exactly 200', () => {
    expect(demoProducts).toHaveLength(200);
  });

  it('have unique skus, slugs and names', () => {
    expect(new Set(demoProducts.map((p) => p.sku)).size).toBe(200);
    expect(new Set(demoProducts.map((p) => p.slug)).size).toBe(200);
    expect(new Set(demoProducts.map((p) => p.name.ja)).size).toBe(200);
    expect(new Set(demoProducts.map((p) => p.name.en)).size).toBe(200);
  });

  it('use kebab-case ascii slugs and prefixed skus', () => {
    for (const product of demoProducts) {
      expect(product.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(product.sku).toMatch(/^[A-Z]{3}-\d{4}$/);
    }
  });

  it('belong to existing categories', () => {
    const slugs = new Set(demoCategories.map((c) => c.slug));
    for (const product of demoProducts) expect(slugs.has(product.category), product.sku).toBe(true);
  });

  it('have positive integer prices in a believable yen range', () => {
    for (const product of demoProducts) {
      expect(Number.isInteger(product.price), product.sku).toBe(true);
      expect(product.price).toBeGreaterThanOrEqual(300);
      expect(product.price).toBeLessThanOrEqual(40_000);
    }
  });

  it('have non-negative integer stock with some sold out and some low', () => {
    for (const product of demoProducts) {
      expect(Number.isInteger(product.stock) && product.stock >= 0, product.sku).toBe(true);
      expect(product.stock).toBeLessThanOrEqual(200);
    }
    const soldOut = demoProducts.filter((p) => p.stock === 0).length;
    const low = demoProducts.filter((p) => p.stock >= 1 && p.stock <= 5).length;
    expect(soldOut).toBeGreaterThanOrEqual(10);
    expect(soldOut).toBeLessThanOrEqual(24);
    expect(low).toBeGreaterThanOrEqual(12);
    expect(low).toBeLessThanOrEqual(30);
  });

  it('have ages within a year and one to three images', () => {
    for (const product of demoProducts) {
      expect(
        Number.isInteger(product.createdDaysAgo) && product.createdDaysAgo >= 0 && product.createdDaysAgo <= 365,
      ).toBe(true);
      expect([1, 2, 3]).toContain(product.images);
    }
    expect(new Set(demoProducts.map((p) => p.images)).size).toBe(3);
  });

  it('apply the standard rate to alcohol and non-food, the reduced rate to other food', () => {
    for (const product of demoProducts) {
      const isAlcohol = ALCOHOL_CATEGORIES.includes(product.category) || /本みりん|料理用 純米酒/.test(product.name.ja);
      const isNonFood = NON_FOOD_CATEGORIES.includes(product.category);
      expect(product.taxClass, product.sku).toBe(isAlcohol || isNonFood ? 'standard' : 'reduced');
    }
    expect(demoProducts.find((p) => p.name.ja.startsWith('三河 本みりん'))?.taxClass).toBe('standard');
  });

  it('have names and descriptions in both languages, with Japanese script in Japanese', () => {
    for (const product of demoProducts) {
      for (const text of [product.name.ja, product.name.en, product.description.ja, product.description.en]) {
        expect(text.trim().length, product.sku).toBeGreaterThan(0);
        expect(text).toBe(text.trim());
      }
      expect(product.name.ja, product.sku).toMatch(JAPANESE_SCRIPT);
      expect(product.description.ja, product.sku).toMatch(JAPANESE_SCRIPT);
      expect(product.name.en, product.sku).not.toMatch(JAPANESE_SCRIPT);
      expect(product.description.en, product.sku).not.toMatch(JAPANESE_SCRIPT);
      expect(product.description.ja.length).toBeGreaterThan(20);
      expect(product.description.en.length).toBeGreaterThan(30);
    }
  });

  it('contain the terms the search typo tests rely on', () => {
    const names = demoProducts.map((p) => p.name.en).join('\n');
    for (const term of ['Sencha', 'Matcha', 'Kombu', 'Santoku Knife', 'Umeshu', 'Miso']) expect(names).toContain(term);
    const japanese = demoProducts.map((p) => p.name.ja).join('\n');
    for (const term of ['煎茶', '抹茶', '昆布', '三徳包丁', '梅酒', '味噌']) expect(japanese).toContain(term);
  });

  it('are deterministic', async () => {
    vi.resetModules();
    const again = await import('./catalog-data.js');
    expect(again.demoProducts).not.toBe(demoProducts);
    expect(again.demoProducts).toEqual(demoProducts);
  });
});
