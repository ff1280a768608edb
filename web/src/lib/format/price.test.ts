import { describe, expect, it } from 'vitest';
import { formatYen } from './price';

describe('formatYen', () => {
  it('prints a halfwidth yen sign and thousands separators', () => {
    expect(formatYen(1280)).toBe('¥1,280');
    expect(formatYen(1234567)).toBe('¥1,234,567');
  });

  it('never prints the fullwidth sign that Intl uses for ja-JP', () => {
    expect(formatYen(500)).not.toContain('￥');
    expect(formatYen(500)).toBe('¥500');
  });

  it('handles zero and negative amounts', () => {
    expect(formatYen(0)).toBe('¥0');
    expect(formatYen(-300)).toBe('-¥300');
  });

  it('rounds stray fractions to whole yen', () => {
    expect(formatYen(99.6)).toBe('¥100');
  });
});
