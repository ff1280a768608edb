import type { Schemas } from './client';

type ErrorBody = Schemas['Error'];
/** The server's stable error codes (server/src/platform/http/errors.ts), as the generated client types them. */
export type ServerErrorCode = ErrorBody['error']['code'];
/** Failures the client names itself: no answer at all, or an answer that is not the API's error shape. */
export type ClientErrorCode = 'NETWORK' | 'UNEXPECTED_RESPONSE';
export type ApiErrorCode = ServerErrorCode | ClientErrorCode;
/** Which input was wrong: a field path (`name.ja`, `price`) and, where the server gives one, a stable code. */
export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

/** An API failure, carrying the server's stable error code and request id. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** Typed by this client's vocabulary; a newer server may send one it does not know yet. */
  readonly code: ApiErrorCode;
  readonly requestId: string | undefined;
  readonly details: readonly ErrorDetail[];

  constructor(options: {
    status: number;
    code: ApiErrorCode;
    message: string;
    requestId?: string | undefined;
    details?: readonly ErrorDetail[];
  }) {
    super(options.message);
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
    this.details = options.details ?? [];
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** 4xx answers will not change on retry; 5xx and network failures might. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

/** No answer: the connection failed or was cut. */
export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'NETWORK', message: 'No response from the server' });
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * The ApiError for a failed answer: the API's error body when it is one,
 * otherwise `fallbackCode` (UNEXPECTED_RESPONSE unless the caller knows better).
 */
export function apiErrorOf(
  status: number,
  body: unknown,
  options: { requestId?: string | undefined; fallbackCode?: ApiErrorCode } = {},
): ApiError {
  if (isErrorBody(body)) {
    return new ApiError({
      status,
      code: body.error.code,
      message: body.error.message,
      requestId: body.error.requestId,
      ...(body.error.details ? { details: body.error.details } : {}),
    });
  }
  return new ApiError({
    status,
    code: options.fallbackCode ?? 'UNEXPECTED_RESPONSE',
    message: `Unexpected response ${status}`,
    requestId: options.requestId,
  });
}

/**
 * Unwraps an openapi-fetch result: returns data (nothing for a 204), or
 * throws an ApiError.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { data, error, response } = result;
  if (response.ok && data !== undefined) return data;
  if (response.status === 204) return data as T;
  throw apiErrorOf(response.status, error, { requestId: response.headers.get('x-request-id') ?? undefined });
}

/** Whether a failure is the API's answer with this code. */
export function hasCode(error: unknown, code: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && error.code === code;
}
