import { describe, expect, it } from 'vitest';
import { parseProductFilters, serializeProductFilters } from './search-params';

describe('product filters in the URL', () => {
  it('keeps known values and drops unknown ones', () => {
    expect(
      parseProductFilters(
        new URLSearchParams('q=%20matcha%20&category=japanese-tea&active=false&taxClass=reduced&sort=sku'),
      ),
    ).toEqual({ q: 'matcha', category: 'japanese-tea', active: 'false', taxClass: 'reduced', sort: 'sku' });
    expect(
      parseProductFilters(new URLSearchParams('q=&category=Not%20A%20Slug&active=maybe&taxClass=zero&sort=random')),
    ).toEqual({});
  });

  it('round-trips and omits empty filters', () => {
    const filters = { q: '純米', sort: 'price_desc' as const, active: 'true' as const };
    expect(parseProductFilters(serializeProductFilters(filters))).toEqual(filters);
    expect(serializeProductFilters({ q: '  ' }).toString()).toBe('');
  });
});
