import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorCode } from '@/lib/api/api-error';
import { afterFailure, fingerprintOf, outcomeUnknown, submissionFor } from './idempotent-submission';

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

const body = {
  shippingAddress: {
    postalCode: '150-0001',
    prefecture: '東京都',
    city: '渋谷区',
    line1: '1-1',
    name: '蔵',
    phone: '03-1234-5678',
  },
  delivery: { date: '2026-11-26', slot: '14-16' },
};

function apiError(status: number, code: ApiErrorCode) {
  return new ApiError({ status, code, message: code });
}

describe('checkout submissions and their Idempotency-Key', () => {
  it('reuses the key when the same order is sent again (double click, retry after a network failure)', () => {
    const newKey = keys();
    const first = submissionFor(null, body, newKey);
    const again = submissionFor(first, structuredClone(body), newKey);
    expect(again.key).toBe(first.key);
    expect(first.key).toBe('key-1');
  });

  it('treats the same fields in another order as the same body', () => {
    const reordered = { delivery: { slot: '14-16', date: '2026-11-26' }, shippingAddress: body.shippingAddress };
    expect(fingerprintOf(reordered)).toBe(fingerprintOf(body));
    expect(fingerprintOf({ ...body, delivery: { ...body.delivery, slot: '18-20' } })).not.toBe(fingerprintOf(body));
  });

  it('gives a changed order a new key, so it is never refused as a reused key', () => {
    const newKey = keys();
    const first = submissionFor(null, body, newKey);
    const changed = submissionFor(first, { ...body, delivery: { ...body.delivery, slot: '18-20' } }, newKey);
    expect(changed.key).toBe('key-2');
  });

  it('keeps the key while the outcome is unknown: network failure, 5xx, the first attempt still in flight', () => {
    const pending = submissionFor(null, body, keys());
    expect(afterFailure(pending, new TypeError('Failed to fetch'))).toBe(pending);
    expect(afterFailure(pending, apiError(503, 'SERVICE_UNAVAILABLE'))).toBe(pending);
    expect(afterFailure(pending, apiError(409, 'IDEMPOTENCY_KEY_IN_USE'))).toBe(pending);
    expect(outcomeUnknown(apiError(409, 'IDEMPOTENCY_KEY_IN_USE'))).toBe(true);
  });

  it('forgets the key when the server refused the order (nothing was written)', () => {
    const newKey = keys();
    const pending = submissionFor(null, body, newKey);
    expect(afterFailure(pending, apiError(400, 'VALIDATION_FAILED'))).toBeNull();
    expect(afterFailure(pending, apiError(409, 'ORDER_NOT_PLACEABLE'))).toBeNull();
    expect(afterFailure(pending, apiError(422, 'IDEMPOTENCY_KEY_REUSED'))).toBeNull();
    // the same body sent after a refusal is a new attempt with a new key
    expect(submissionFor(afterFailure(pending, apiError(400, 'VALIDATION_FAILED')), body, newKey).key).toBe('key-2');
  });
});
