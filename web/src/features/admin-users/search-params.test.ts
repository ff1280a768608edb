import { describe, expect, it } from 'vitest';
import { parseUserFilters, serializeUserFilters } from './search-params';

describe('user filters in the URL', () => {
  it('keeps known values and drops unknown ones', () => {
    expect(parseUserFilters(new URLSearchParams('q=%20tanaka%20&role=staff&status=disabled'))).toEqual({
      q: 'tanaka',
      role: 'staff',
      status: 'disabled',
    });
    expect(parseUserFilters(new URLSearchParams('role=root&status=gone&q='))).toEqual({});
  });

  it('round-trips and omits empty filters', () => {
    const filters = { q: 'a@b', role: 'admin' as const };
    expect(parseUserFilters(serializeUserFilters(filters))).toEqual(filters);
    expect(serializeUserFilters({ q: '  ' }).toString()).toBe('');
  });
});
