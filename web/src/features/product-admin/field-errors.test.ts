import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import en from '@/lib/i18n/locales/en.json';
import ja from '@/lib/i18n/locales/ja.json';
import { fieldErrors } from './field-errors';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja' });
});

const apiError = (code: string, status: number, details: { path: string; message: string; code?: string }[] = []) =>
  new ApiError({ status, code, message: `server says ${code}`, details });

describe('API errors as form field messages', () => {
  it('puts each detail under its field, in the UI language, first one per field', () => {
    const error = apiError('VALIDATION_FAILED', 400, [
      { path: 'price', message: 'must be at least 1 yen', code: 'too_small' },
      { path: 'price', message: 'second problem', code: 'invalid_type' },
      { path: 'name.ja', message: 'must not be empty', code: 'too_small' },
    ]);
    const errors = fieldErrors(error, i18n.t);
    expect(Object.keys(errors).sort()).toEqual(['name.ja', 'price']);
    expect(errors.price).toContain('値が小さすぎます');
    expect(errors.price).toContain('must be at least 1 yen');
  });

  it('names taken SKUs and slugs on their fields, and a stale version for the whole form', () => {
    expect(fieldErrors(apiError('SKU_TAKEN', 409, [{ path: 'sku', message: 'x', code: 'SKU_TAKEN' }]), i18n.t)).toEqual(
      {
        sku: 'このSKUは別の商品が使っています。',
      },
    );
    expect(fieldErrors(apiError('PRECONDITION_FAILED', 412), i18n.t)._form).toContain('他の人によって変更されました');
  });

  it('falls back to the server message for codes it has no wording for, and to a generic one otherwise', () => {
    expect(
      fieldErrors(apiError('VALIDATION_FAILED', 400, [{ path: 'slug', message: 'odd', code: 'custom' }]), i18n.t),
    ).toEqual({
      slug: 'odd',
    });
    expect(fieldErrors(apiError('INTERNAL', 500), i18n.t)).toEqual({ _form: 'server says INTERNAL' });
    expect(fieldErrors(new Error('network'), i18n.t)._form).toBe(i18n.t('admin.failed'));
    expect(fieldErrors(null, i18n.t)).toEqual({});
  });
});
