import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../platform/http/errors.js';
import { assertDeliveryDate, deliveryDateIn } from './delivery.js';

describe('delivery dates, counted in Tokyo', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('counts from the date in Tokyo, not in UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Tokyo.
    const now = new Date('2026-12-31T23:30:00Z');
    expect(deliveryDateIn(0, now)).toBe('2027-01-01');
    expect(deliveryDateIn(1, now)).toBe('2027-01-02');
    expect(() => assertDeliveryDate('2027-01-02', now)).not.toThrow();
    expect(() => assertDeliveryDate('2027-01-01', now)).toThrow(AppError);
    expect(() => assertDeliveryDate('2027-01-16', now)).toThrow(AppError);
  });

  it('builds no date formatter per call (checkout calls it on every order)', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    const now = new Date('2026-06-01T03:00:00Z');
    for (let i = 0; i < 50; i++) assertDeliveryDate(deliveryDateIn(2, now), now);
    expect(made).not.toHaveBeenCalled();
  });
});
