import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, networkError } from '@/lib/api/api-error';
import { errorMessage, fieldErrors } from '@/lib/api/error-messages';
import { prefectures } from '@/lib/format/address';
import en from '@/lib/i18n/locales/en.json';
import ja from '@/lib/i18n/locales/ja.json';
import { checkoutErrorWording, checkoutFormWording, deliveryDates, deliverySlots } from './checkout-options';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja' });
});

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

describe('the checkout’s wording of server errors', () => {
  it('puts the server’s validation details on the form’s fields, in Japanese', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      details: [
        { path: 'shippingAddress.postalCode', message: 'must look like 123-4567', code: 'invalid_format' },
        { path: 'shippingAddress.city', message: 'must not be empty', code: 'too_small' },
        { path: 'shippingAddress.line1', message: 'Too big', code: 'too_big' },
        { path: 'delivery.date', message: 'must be between …', code: 'out_of_range' },
        { path: 'shippingAddress.postalCode', message: 'a second complaint', code: 'other' },
        { path: 'lines', message: 'nothing to order' },
      ],
    });
    expect(fieldErrors(error, i18n.t, checkoutErrorWording)).toEqual({
      'shippingAddress.postalCode': ja.checkout.errors.postalCode,
      'shippingAddress.city': ja.checkout.errors.required,
      'shippingAddress.line1': ja.checkout.errors.tooLong,
      'delivery.date': ja.checkout.errors.date,
      lines: ja.fieldErrors.invalid,
    });
  });

  it('says a failure of unknown outcome will not make a second order', () => {
    expect(errorMessage(networkError(), i18n.t, checkoutFormWording)).toBe(ja.checkout.errors.failed);
    expect(
      errorMessage(new ApiError({ status: 429, code: 'RATE_LIMITED', message: 'x' }), i18n.t, checkoutFormWording),
    ).toBe(ja.apiErrors.RATE_LIMITED);
  });
});
