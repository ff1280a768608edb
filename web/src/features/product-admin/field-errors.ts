import type { TFunction } from 'i18next';
import { ApiError } from '@/lib/api/api-error';

/** The server's error codes that have their own wording; any other falls back to the server's message. */
const knownCodes = [
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_type',
  'SKU_TAKEN',
  'SLUG_TAKEN',
  'UNKNOWN_CATEGORY',
] as const;

/**
 * An API error as messages per form field, keyed by the path the server
 * names (`name.ja`, `price`); `_form` holds what belongs to no one field.
 */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return error ? { _form: t('admin.failed') } : {};
  if (error.code === 'PRECONDITION_FAILED') return { _form: t('admin.products.stale') };
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    const code = knownCodes.find((known) => known === detail.code);
    errors[detail.path] ??= code ? t(`admin.products.errors.${code}`, { message: detail.message }) : detail.message;
  }
  if (Object.keys(errors).length === 0) errors._form = error.message;
  return errors;
}
