import type { TFunction } from 'i18next';
import { ApiError, type ApiErrorCode, type ErrorDetail } from './api-error';

/**
 * Every code the client can meet, each with its wording under `apiErrors.<code>`
 * in both locales. Typed as a Record over the generated enum: when the server
 * adds a code and `npm run api-types` regenerates the types, this stops
 * compiling until the code is listed (and error-messages.test.ts fails until
 * both locales word it).
 */
const apiErrorCodes: Record<ApiErrorCode, true> = {
  VALIDATION_FAILED: true,
  INVALID_CURSOR: true,
  MALFORMED_REQUEST: true,
  UNAUTHENTICATED: true,
  FORBIDDEN: true,
  ACCOUNT_DISABLED: true,
  DEVICE_DISABLED: true,
  NOT_FOUND: true,
  METHOD_NOT_ALLOWED: true,
  CONFLICT: true,
  SKU_TAKEN: true,
  SLUG_TAKEN: true,
  CATEGORY_NOT_EMPTY: true,
  INSUFFICIENT_STOCK: true,
  IDEMPOTENCY_KEY_IN_USE: true,
  ILLEGAL_ORDER_TRANSITION: true,
  ORDER_STOCK_NOT_RESERVED: true,
  ORDER_NOT_PLACEABLE: true,
  PRECONDITION_FAILED: true,
  PRECONDITION_REQUIRED: true,
  PAYLOAD_TOO_LARGE: true,
  IMPORT_TOO_MANY_ROWS: true,
  UNSUPPORTED_MEDIA_TYPE: true,
  UPLOAD_REJECTED: true,
  UPLOAD_NOT_FOUND: true,
  NOT_AN_IMAGE: true,
  IDEMPOTENCY_KEY_REUSED: true,
  PRODUCT_UNAVAILABLE: true,
  RATE_LIMITED: true,
  INTERNAL: true,
  SERVICE_UNAVAILABLE: true,
  NETWORK: true,
  UNEXPECTED_RESPONSE: true,
};
export const knownErrorCodes = Object.keys(apiErrorCodes) as ApiErrorCode[];

/**
 * Codes a 400's details use for one input: zod's issue codes and the
 * server's own per-field codes. Each is worded under `fieldErrors.<code>`.
 */
export const fieldErrorCodes = [
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_type',
  'out_of_range',
  'UNKNOWN_CATEGORY',
  'CATEGORIES_CHANGED',
  'DUPLICATE_IN_FILE',
  'WRONG_COLUMN_COUNT',
  'TOO_MANY_ROWS',
  'EMPTY_FILE',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'MISSING_COLUMN',
  'NOT_UTF8',
] as const;

const isKnownCode = (code: string): code is ApiErrorCode => Object.hasOwn(apiErrorCodes, code);
const isFieldCode = (code: string): code is (typeof fieldErrorCodes)[number] =>
  (fieldErrorCodes as readonly string[]).includes(code);

/** A screen's own wording (i18n keys) for some codes, where the shared one would say less. */
export type Wording = Readonly<Partial<Record<ApiErrorCode, string>>>;

/**
 * A failure in the page's language. The server's English `message` is for
 * logs and API users; it never reaches the page. A code this client does not
 * know yet (a newer server) gets the generic wording. `values` fill a
 * screen's wording (`{{available}}`).
 */
export function errorMessage(
  error: unknown,
  t: TFunction,
  wording: Wording = {},
  values: Record<string, unknown> = {},
): string {
  const code: ApiErrorCode = error instanceof ApiError ? error.code : 'NETWORK';
  const key = wording[code] ?? (isKnownCode(code) ? `apiErrors.${code}` : 'apiErrors.UNKNOWN');
  return t(key, values);
}

/** One detail of a 400 in the page's language: by its code, else a generic "check this value". */
export function detailMessage(detail: ErrorDetail, t: TFunction): string {
  const code = detail.code ?? '';
  if (isFieldCode(code)) return t(`fieldErrors.${code}`);
  if (isKnownCode(code)) return t(`apiErrors.${code}`);
  return t('fieldErrors.invalid');
}

/** Messages per form field, keyed by the server's path (`name.ja`, `price`); `_form` is for the whole form. */
export type FieldErrors = Readonly<Record<string, string>> & { readonly _form?: string };

export type FieldErrorOptions = {
  /** The paths the form shows; a detail naming another (`If-Match`) belongs to no field. */
  fields?: readonly string[];
  /** A field's own wording for any code the screen does not word (`delivery.date` → "pick a day from tomorrow…"). */
  byPath?: Readonly<Record<string, string>>;
  /**
   * A screen's wording for detail codes (`too_small` → "required") or error
   * codes. It comes before a field's own wording: an empty phone number is
   * missing, not malformed.
   */
  byCode?: Readonly<Record<string, string>>;
};

/**
 * An API error as messages per form field, the first detail per field. A
 * failure that names none of the form's fields goes to `_form`.
 */
export function fieldErrors(error: unknown, t: TFunction, options: FieldErrorOptions = {}): FieldErrors {
  if (!error) return {};
  const { fields, byPath = {}, byCode = {} } = options;
  const errors: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const detail of error.details) {
      if (errors[detail.path] || (fields && !fields.includes(detail.path))) continue;
      const key = (detail.code ? byCode[detail.code] : undefined) ?? byPath[detail.path];
      errors[detail.path] = key ? t(key) : detailMessage(detail, t);
    }
  }
  if (Object.keys(errors).length === 0) errors._form = errorMessage(error, t, byCode);
  return errors;
}
