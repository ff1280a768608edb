import { describe, expect, it } from 'vitest';
import { changedFields, formatValue } from './describe-change';

describe('audit entry summaries', () => {
  it('lists only the fields that changed', () => {
    expect(changedFields({ role: 'customer', status: 'active' }, { role: 'staff', status: 'active' })).toEqual([
      { field: 'role', from: 'customer', to: 'staff' },
    ]);
  });

  it('treats a missing side as empty (creations and deletions)', () => {
    expect(changedFields(undefined, { name: 'ci', scopes: ['catalog:read'] })).toEqual([
      { field: 'name', from: undefined, to: 'ci' },
      { field: 'scopes', from: undefined, to: ['catalog:read'] },
    ]);
    expect(changedFields(null, null)).toEqual([]);
  });

  it('formats values for display', () => {
    expect(formatValue('staff')).toBe('staff');
    expect(formatValue(['a', 'b'])).toBe('["a","b"]');
    expect(formatValue(undefined)).toBe('—');
  });
});
