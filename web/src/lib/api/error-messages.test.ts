import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '@/lib/i18n/locales/en.json';
import ja from '@/lib/i18n/locales/ja.json';
import { ApiError } from './api-error';
import { errorMessage, fieldErrorCodes, fieldErrors, knownErrorCodes } from './error-messages';

/**
 * The server's error codes as the generated client types them. Read from the
 * file rather than from this client's own list, so a code the server adds
 * (and `npm run api-types` brings in) fails here until it is worded.
 */
function generatedErrorCodes(): string[] {
  const schema = readFileSync(new URL('./schema.d.ts', import.meta.url), 'utf8');
  const union = /\bError: \{\s*error: \{\s*(?:\/\*\*[^*]*\*\/\s*)?code: ((?:"[A-Z_]+"(?: \| )?)+);/.exec(schema)?.[1];
  if (!union) throw new Error('the Error schema’s code enum was not found in schema.d.ts');
  return [...union.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1] ?? '');
}

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja' });
});

const apiError = (code: string, status: number, details: { path: string; message: string; code?: string }[] = []) =>
  new ApiError({ status, code: code as ApiError['code'], message: `server says ${code}`, details });

describe('error codes in the page language', () => {
  const serverCodes = generatedErrorCodes();

  it('reads the code enum from the generated types', () => {
    expect(serverCodes).toContain('VALIDATION_FAILED');
    expect(serverCodes).toContain('SERVICE_UNAVAILABLE');
    expect(serverCodes.length).toBeGreaterThan(20);
  });

  it('words every server code, and the client’s own, in Japanese and English', () => {
    const codes = [...serverCodes, 'NETWORK', 'UNEXPECTED_RESPONSE', 'UNKNOWN'];
    const missing = (locale: { apiErrors: Record<string, string> }) =>
      codes.filter((code) => !locale.apiErrors[code]?.trim());
    expect(missing(ja)).toEqual([]);
    expect(missing(en)).toEqual([]);
    expect([...knownErrorCodes].sort()).toEqual([...serverCodes, 'NETWORK', 'UNEXPECTED_RESPONSE'].sort());
  });

  it('words every field code in both locales', () => {
    for (const code of [...fieldErrorCodes, 'invalid']) {
      expect((ja.fieldErrors as Record<string, string>)[code], code).toBeTruthy();
      expect((en.fieldErrors as Record<string, string>)[code], code).toBeTruthy();
    }
  });

  it('never shows the server’s English message', () => {
    for (const code of serverCodes) {
      const message = errorMessage(apiError(code, 409), i18n.t);
      expect(message).not.toContain('server says');
      expect(message).not.toMatch(/^apiErrors\./);
    }
    expect(errorMessage(apiError('SOMETHING_NEW', 418), i18n.t)).toBe(ja.apiErrors.UNKNOWN);
    expect(errorMessage(new TypeError('Failed to fetch'), i18n.t)).toBe(ja.apiErrors.NETWORK);
  });

  it('lets a screen word a code its own way', () => {
    const error = apiError('ILLEGAL_ORDER_TRANSITION', 409);
    expect(errorMessage(error, i18n.t, { ILLEGAL_ORDER_TRANSITION: 'orders.cancelNotAllowed' })).toBe(
      ja.orders.cancelNotAllowed,
    );
  });
});

describe('API errors as form field messages', () => {
  it('puts each detail under its field, in the UI language, first one per field', () => {
    const error = apiError('VALIDATION_FAILED', 400, [
      { path: 'price', message: 'must be at least 1 yen', code: 'too_small' },
      { path: 'price', message: 'second problem', code: 'invalid_type' },
      { path: 'name.ja', message: 'must not be empty', code: 'too_small' },
    ]);
    const errors = fieldErrors(error, i18n.t);
    expect(Object.keys(errors).sort()).toEqual(['name.ja', 'price']);
    expect(errors.price).toBe('入力が短すぎるか、値が小さすぎます。');
    expect(JSON.stringify(errors)).not.toContain('must be');
  });

  it('names taken SKUs on their field, and puts a failure without details on the whole form', () => {
    expect(fieldErrors(apiError('SKU_TAKEN', 409, [{ path: 'sku', message: 'x', code: 'SKU_TAKEN' }]), i18n.t)).toEqual(
      { sku: 'このSKUは別の商品が使っています。' },
    );
    expect(fieldErrors(apiError('PRECONDITION_FAILED', 412), i18n.t)._form).toContain('ほかの場所で変更されました');
    expect(fieldErrors(apiError('INTERNAL', 500), i18n.t)).toEqual({ _form: ja.apiErrors.INTERNAL });
    expect(fieldErrors(new Error('network'), i18n.t)._form).toBe(ja.apiErrors.NETWORK);
    expect(fieldErrors(null, i18n.t)).toEqual({});
  });

  it('puts a failure whose details name none of the form’s fields on the whole form', () => {
    const stale = apiError('PRECONDITION_FAILED', 412, [{ path: 'If-Match', message: 'stale; current is "3"' }]);
    expect(
      fieldErrors(stale, i18n.t, { fields: ['price'], byCode: { PRECONDITION_FAILED: 'admin.products.stale' } }),
    ).toEqual({ _form: ja.admin.products.stale });
  });

  it('words an unknown detail code generically rather than in the server’s English', () => {
    expect(
      fieldErrors(apiError('VALIDATION_FAILED', 400, [{ path: 'slug', message: 'odd', code: 'custom' }]), i18n.t),
    ).toEqual({ slug: ja.fieldErrors.invalid });
  });

  it('prefers the screen’s wording for a code (an empty field is “required”), then a field’s own wording', () => {
    const error = apiError('VALIDATION_FAILED', 400, [
      { path: 'delivery.date', message: 'x', code: 'out_of_range' },
      { path: 'shippingAddress.city', message: 'x', code: 'too_small' },
      { path: 'shippingAddress.phone', message: 'x', code: 'too_small' },
    ]);
    expect(
      fieldErrors(error, i18n.t, {
        byPath: { 'delivery.date': 'checkout.errors.date', 'shippingAddress.phone': 'checkout.errors.phone' },
        byCode: { too_small: 'checkout.errors.required' },
      }),
    ).toEqual({
      'delivery.date': ja.checkout.errors.date,
      'shippingAddress.city': ja.checkout.errors.required,
      'shippingAddress.phone': ja.checkout.errors.required,
    });
  });

  it('speaks English on an English page', async () => {
    const english = i18n.cloneInstance({ lng: 'en' });
    await english.changeLanguage('en');
    expect(errorMessage(apiError('RATE_LIMITED', 429), english.t)).toBe(en.apiErrors.RATE_LIMITED);
  });
});
