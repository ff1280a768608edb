import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { classifyDatabaseError } from '../db/db-errors.js';
import { findNulCharacter, nulCharacterMessage } from './nul-character.js';

/**
 * The one error vocabulary of the API. Codes are stable: clients and tests
 * match on them, so rename none and add freely.
 */
const statusOf = {
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  /** A telemetry device that staff disabled: its key is right, its readings are refused. */
  DEVICE_DISABLED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  SKU_TAKEN: 409,
  SLUG_TAKEN: 409,
  CATEGORY_NOT_EMPTY: 409,
  /** A stock change would leave available stock (on hand − reserved) below zero. */
  INSUFFICIENT_STOCK: 409,
  /** The first request with this Idempotency-Key is still being processed; retry later. */
  IDEMPOTENCY_KEY_IN_USE: 409,
  /** The order's state does not allow that step (the transition table in ordering/order-states.ts). */
  ILLEGAL_ORDER_TRANSITION: 409,
  /** Shipping needs the order's stock still reserved; it was released (expired or cancelled). */
  ORDER_STOCK_NOT_RESERVED: 409,
  /** Checkout found nothing to order, or lines that cannot be ordered as they are (details name them). */
  ORDER_NOT_PLACEABLE: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  /** A CSV import with more data rows than one request takes (catalog/product-csv.ts): split the file. */
  IMPORT_TOO_MANY_ROWS: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A browser upload form whose signature, expiry or key does not hold. */
  UPLOAD_REJECTED: 403,
  /** The key names no uploaded object (never uploaded, or already used). */
  UPLOAD_NOT_FOUND: 422,
  /** The uploaded object is not a raster image an image decoder can read (SVG included). */
  NOT_AN_IMAGE: 422,
  /** An Idempotency-Key sent again with a different request (IETF httpapi idempotency-key draft: 422). */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** A product that does not exist or is no longer sold. */
  PRODUCT_UNAVAILABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /**
   * Try again after Retry-After, with the same Idempotency-Key: Kura is starting, busy, or its database is
   * unreachable (the message says which). One code for all of them because a client does the same for each.
   */
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof statusOf;
const errorCodes = Object.keys(statusOf) as [ErrorCode, ...ErrorCode[]];

function codeToStatus(code: ErrorCode): ContentfulStatusCode {
  return statusOf[code];
}

/** Which input was wrong; `code` is stable (zod's issue code, or one of ours such as `SKU_TAKEN`). */
export type ErrorDetail = { path: string; message: string; code?: string };

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z
        .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
        .optional()
        .openapi({ description: 'Which input was wrong, for validation errors' }),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof errorSchema>;

/** OpenAPI response entries for the errors a route can answer with. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429)[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input',
    401: 'Missing or invalid credentials',
    403: 'Not allowed for this role',
    404: 'Not found',
    409: 'Conflict with the current state',
    412: 'Stale version',
    413: 'Body too large',
    415: 'Unsupported media type',
    422: 'Well-formed, but naming something that cannot be used',
    428: 'If-Match is required',
    429: 'Too many requests from this caller; Retry-After says when to try again',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'Error',
        content: { 'application/json': { schema: errorSchema } },
      },
    ]),
  );
}

/** Turns anything thrown into the one error body. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const code = codeForStatus(err.status);
    return new AppError(code, err.message || defaultMessage(code), undefined, { cause: err });
  }
  const failure = classifyDatabaseError(err);
  if (failure) {
    const message =
      failure === 'busy'
        ? 'Kura is busy right now; try again in a moment'
        : 'The database is unavailable right now; try again in a moment';
    return new AppError('SERVICE_UNAVAILABLE', message, undefined, { cause: err });
  }
  return new AppError('INTERNAL', 'Internal server error', undefined, { cause: err });
}

function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(statusOf) as [ErrorCode, number][]).find(([, s]) => s === status);
  return match?.[0] ?? (status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST');
}

function defaultMessage(code: ErrorCode): string {
  return code.toLowerCase().replaceAll('_', ' ');
}

/** The one error body. A 503 says when to try again (`retryAfterSeconds`, 1 s unless given). */
export function errorResponse(c: Context, error: AppError, retryAfterSeconds?: number): Response {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      requestId: String(c.get('requestId') ?? ''),
    },
  };
  // Busy or starting: the request changed nothing and may be repeated as it is.
  if (error.code === 'SERVICE_UNAVAILABLE') c.header('Retry-After', String(retryAfterSeconds ?? 1));
  return c.json(body, codeToStatus(error.code));
}

/**
 * zod-openapi's defaultHook: validation failures use the same body as every other error,
 * and valid input that holds U+0000 (which PostgreSQL text cannot store) is refused too.
 */
export function validationHook(
  result:
    | { success: true; data?: unknown }
    | {
        success: false;
        error: {
          issues: readonly {
            path: readonly PropertyKey[];
            message: string;
            code?: string;
            params?: Record<string, unknown>;
          }[];
        };
      },
  c: Context,
): Response | undefined {
  if (result.success) {
    const nulAt = findNulCharacter(result.data);
    if (!nulAt) return undefined;
    const path = nulAt.map(String).join('.') || '(root)';
    return errorResponse(
      c,
      new AppError('VALIDATION_FAILED', `Invalid ${path}: ${nulCharacterMessage}`, [
        { path, message: nulCharacterMessage, code: 'nul_character' },
      ]),
    );
  }
  const details = result.error.issues.map((issue) => {
    // A refinement names its rule with `params.code` (a client words it); zod's own issues keep zod's code.
    const own = issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : undefined;
    const code = own ?? issue.code;
    return { path: issue.path.map(String).join('.') || '(root)', message: issue.message, ...(code ? { code } : {}) };
  });
  const first = details[0];
  const message = first ? `Invalid ${first.path}: ${first.message}` : 'Invalid request';
  return errorResponse(c, new AppError('VALIDATION_FAILED', message, details));
}
