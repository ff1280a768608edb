import { describe, expect, it } from 'vitest';
import { formatDateTime } from './date-time';

describe('formatDateTime', () => {
  it('shows instants in Japan time, whatever the machine’s zone', () => {
    // 15:30 UTC is 00:30 the next day in Tokyo.
    expect(formatDateTime('2026-11-23T15:30:00Z', 'ja')).toBe('2026/11/24 0:30');
    expect(formatDateTime('2026-11-23T15:30:00Z', 'en')).toBe('Nov 24, 2026, 12:30 AM');
  });

  it('has a date-only and a seconds style, and a dash for no instant', () => {
    expect(formatDateTime('2026-11-23T15:30:05Z', 'ja', 'date')).toBe('2026/11/24');
    expect(formatDateTime('2026-11-23T15:30:05Z', 'en', 'dateTimeSeconds')).toBe('Nov 24, 2026, 12:30:05 AM');
    expect(formatDateTime(null, 'ja')).toBe('—');
  });
});
