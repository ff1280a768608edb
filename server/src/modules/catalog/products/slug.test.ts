import { describe, expect, it } from 'vitest';
import { firstFreeSlug, slugify } from './slug.js';

describe('slugs', () => {
  it.each([
    ['Yukimuro Junmai Daiginjo 720ml', 'yukimuro-junmai-daiginjo-720ml'],
    ['  Café & Crème — Brûlée!  ', 'cafe-creme-brulee'],
    ['ＳＡＫＥ　１８００', 'sake-1800'],
    ['純米酒', ''],
  ])('slugify(%j) is %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('stays within the length limit without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(113)} b`);
    expect(slug.length).toBeLessThanOrEqual(114);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('numbers a taken base from 2, skipping taken numbers', () => {
    expect(firstFreeSlug('matcha', new Set())).toBe('matcha');
    expect(firstFreeSlug('matcha', new Set(['matcha']))).toBe('matcha-2');
    expect(firstFreeSlug('matcha', new Set(['matcha', 'matcha-2', 'matcha-3']))).toBe('matcha-4');
  });
});
