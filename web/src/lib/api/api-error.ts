import type { Schemas } from './client';

type ErrorBody = Schemas['Error'];
/** Which input was wrong: a field path (`name.ja`, `price`) and, where the server gives one, a stable code. */
export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

/** An API failure, carrying the server's stable error code and request id. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: readonly ErrorDetail[];

  constructor(options: {
    status: number;
    code: string;
    message: string;
    requestId?: string;
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

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * Unwraps an openapi-fetch result: returns data (nothing for a 204), or
 * throws an ApiError.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { data, error, response } = result;
  if (response.ok && data !== undefined) return data;
  if (response.status === 204) return data as T;
  if (isErrorBody(error)) {
    throw new ApiError({
      status: response.status,
      code: error.error.code,
      message: error.error.message,
      requestId: error.error.requestId,
      ...(error.error.details ? { details: error.error.details } : {}),
    });
  }
  throw new ApiError({
    status: response.status,
    code: 'UNEXPECTED_RESPONSE',
    message: `Unexpected response ${response.status}`,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}
