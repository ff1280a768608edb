import { describe, expect, it } from 'vitest';
import { bucketWidthFor, customRange, rangeFromSearch, resolveRange, toTokyoLocal } from './time-range';

const hour = 3_600_000;

describe('bucketWidthFor', () => {
  it('charts a minute-by-minute sensor by the minute over an hour, by 5 minutes over a day, by the hour beyond', () => {
    expect(bucketWidthFor(hour, 60)).toBe('1m');
    expect(bucketWidthFor(24 * hour, 60)).toBe('5m');
    expect(bucketWidthFor(7 * 24 * hour, 60)).toBe('1h');
    expect(bucketWidthFor(30 * 24 * hour, 60)).toBe('1h');
    expect(bucketWidthFor(365 * 24 * hour, 60)).toBe('1d');
  });

  it('never cuts buckets shorter than the reporting interval, which would show every other one as a gap', () => {
    expect(bucketWidthFor(hour, 300)).toBe('5m');
    expect(bucketWidthFor(hour, 3600)).toBe('1h');
  });
});

describe('ranges in the URL', () => {
  it('reads a preset, a custom range, and falls back to 24 h for anything else', () => {
    expect(rangeFromSearch(new URLSearchParams('range=7d'))).toEqual({ kind: 'preset', preset: '7d' });
    expect(rangeFromSearch(new URLSearchParams('from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z'))).toEqual({
      kind: 'custom',
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
    });
    for (const bad of ['range=2y', 'from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'from=x&to=y', '']) {
      expect(rangeFromSearch(new URLSearchParams(bad))).toEqual({ kind: 'preset', preset: '24h' });
    }
  });

  it('ends a preset now and a custom range where it says', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(resolveRange({ kind: 'preset', preset: '1h' }, { now, reportingIntervalSeconds: 60 })).toEqual({
      from: new Date('2026-12-03T11:00:00Z'),
      to: now,
      width: '1m',
    });
  });

  it('reads custom inputs on Tokyo’s clock', () => {
    expect(customRange('2026-12-01T09:00', '2026-12-02T09:00')).toEqual({
      kind: 'custom',
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
    });
    expect(customRange('2026-12-02T09:00', '2026-12-01T09:00')).toBeUndefined();
    expect(toTokyoLocal('2026-12-01T00:00:00Z')).toBe('2026-12-01T09:00');
  });
});
