import { describe, expect, it } from 'vitest';
import { checkoutFieldErrors, deliveryDates, deliverySlots, prefectures } from './checkout-options';

describe('delivery dates', () => {
  it('run from tomorrow to 14 days ahead in Tokyo, whatever the time of day in UTC', () => {
    // 15:30 UTC on the 23rd is 00:30 on the 24th in Tokyo: tomorrow is the 25th.
    const dates = deliveryDates(new Date('2026-11-23T15:30:00Z'));
    expect(dates).toHaveLength(14);
    expect(dates[0]).toBe('2026-11-25');
    expect(dates.at(-1)).toBe('2026-12-08');
    // 14:59 UTC is still the 23rd in Tokyo.
    expect(deliveryDates(new Date('2026-11-23T14:59:00Z'))[0]).toBe('2026-11-24');
  });
});

describe('checkout options', () => {
  it('lists the 47 prefectures once each and the five delivery windows', () => {
    expect(new Set(prefectures).size).toBe(47);
    expect(deliverySlots).toEqual(['午前中', '14-16', '16-18', '18-20', '19-21']);
  });
});

describe('checkoutFieldErrors', () => {
  it('maps the server’s validation details to the form’s fields', () => {
    const errors = checkoutFieldErrors([
      { path: 'shippingAddress.postalCode', message: 'must look like 123-4567', code: 'invalid_format' },
      { path: 'shippingAddress.city', message: 'must not be empty', code: 'too_small' },
      { path: 'shippingAddress.line1', message: 'Too big', code: 'too_big' },
      { path: 'delivery.date', message: 'must be between …', code: 'out_of_range' },
      { path: 'shippingAddress.postalCode', message: 'a second complaint', code: 'other' },
      { path: 'lines', message: 'nothing to order' },
    ]);
    expect(errors).toEqual({
      'shippingAddress.postalCode': { key: 'checkout.errors.postalCode' },
      'shippingAddress.city': { key: 'checkout.errors.required' },
      'shippingAddress.line1': { key: 'checkout.errors.tooLong' },
      'delivery.date': { key: 'checkout.errors.date' },
      lines: { text: 'nothing to order' },
    });
  });
});
