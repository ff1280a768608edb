import { describe, expect, it } from 'vitest';
import {
  availableSorts,
  isInvalidPriceRange,
  parseProductFilters,
  serializeProductFilters,
  toProductListQuery,
} from './search-params';

const parse = (query: string) => parseProductFilters(new URLSearchParams(query));

describe('parseProductFilters', () => {
  it('reads every filter from the URL', () => {
    expect(parse('q=%E6%8A%B9%E8%8C%B6&category=tea&minPrice=500&maxPrice=3000&inStock=true&sort=price_asc')).toEqual({
      q: '抹茶',
      category: 'tea',
      minPrice: 500,
      maxPrice: 3000,
      inStock: true,
      sort: 'price_asc',
    });
  });

  it('returns no filters for an empty query string', () => {
    expect(parse('')).toEqual({});
  });

  it('trims the search term and drops a blank one', () => {
    expect(parse('q=%20%20matcha%20')).toEqual({ q: 'matcha' });
    expect(parse('q=%20%20')).toEqual({});
  });

  it('cuts the search term to the 100 characters the API accepts', () => {
    expect(parse(`q=${'あ'.repeat(150)}`).q).toHaveLength(100);
  });

  it('drops prices that are not whole non-negative yen', () => {
    expect(parse('minPrice=-5&maxPrice=12.5')).toEqual({});
    expect(parse('minPrice=abc&maxPrice=1e3')).toEqual({});
    expect(parse('minPrice=0')).toEqual({ minPrice: 0 });
  });

  it('drops unknown sorts, and relevance without a search term', () => {
    expect(parse('sort=cheapest')).toEqual({});
    expect(parse('sort=relevance')).toEqual({});
    expect(parse('q=miso&sort=relevance')).toEqual({ q: 'miso', sort: 'relevance' });
  });

  it('treats only inStock=true as the in-stock filter', () => {
    expect(parse('inStock=false')).toEqual({});
    expect(parse('inStock=1')).toEqual({});
  });

  it('rejects category values that are not slugs', () => {
    expect(parse('category=%3Cscript%3E')).toEqual({});
    expect(parse('category=dried-goods')).toEqual({ category: 'dried-goods' });
  });
});

describe('serializeProductFilters', () => {
  it('round-trips through parse', () => {
    const filters = {
      q: '純米',
      category: 'sake',
      minPrice: 1000,
      maxPrice: 5000,
      inStock: true,
      sort: 'price_desc' as const,
    };
    expect(parseProductFilters(serializeProductFilters(filters))).toEqual(filters);
  });

  it('omits the default sort so links stay short', () => {
    expect(serializeProductFilters({ sort: 'newest' }).toString()).toBe('');
    expect(serializeProductFilters({ q: 'tea', sort: 'relevance' }).toString()).toBe('q=tea');
    expect(serializeProductFilters({ q: 'tea', sort: 'newest' }).toString()).toBe('q=tea&sort=newest');
  });

  it('writes keys in a stable order', () => {
    expect(serializeProductFilters({ sort: 'name', inStock: true, category: 'tea' }).toString()).toBe(
      'category=tea&inStock=true&sort=name',
    );
  });
});

describe('toProductListQuery', () => {
  it('sends the default sort explicitly and the cursor of the page', () => {
    expect(toProductListQuery({}, { cursor: 'abc', limit: 24 })).toEqual({ sort: 'newest', cursor: 'abc', limit: 24 });
    expect(toProductListQuery({ q: 'miso' })).toEqual({ q: 'miso', sort: 'relevance' });
  });

  it('sends inStock as the string the API expects', () => {
    expect(toProductListQuery({ inStock: true }).inStock).toBe('true');
  });
});

describe('helpers', () => {
  it('offers relevance only when searching', () => {
    expect(availableSorts({})).not.toContain('relevance');
    expect(availableSorts({ q: 'sake' })).toContain('relevance');
  });

  it('flags a minimum above the maximum', () => {
    expect(isInvalidPriceRange({ minPrice: 3000, maxPrice: 1000 })).toBe(true);
    expect(isInvalidPriceRange({ minPrice: 1000, maxPrice: 1000 })).toBe(false);
    expect(isInvalidPriceRange({ minPrice: 1000 })).toBe(false);
  });
});
