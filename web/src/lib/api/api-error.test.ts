import { describe, expect, it } from 'vitest';
import { ApiError, unwrap } from './api-error';

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('unwrap', () => {
  it('returns the data of a successful response', () => {
    expect(unwrap({ data: { items: [] }, response: response(200) })).toEqual({ items: [] });
  });

  it('returns nothing for a 204, but throws for another success without a body', () => {
    expect(unwrap({ response: response(204) })).toBeUndefined();
    expect(() => unwrap({ response: response(200) })).toThrow(ApiError);
  });

  it('throws an ApiError carrying the code and request id of an error body', () => {
    const error = { error: { code: 'NOT_FOUND', message: 'Product not found', requestId: 'req-42' } };
    expect.assertions(5);
    try {
      unwrap({ error, response: response(404) });
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(ApiError);
      const apiError = thrown as ApiError;
      expect(apiError.code).toBe('NOT_FOUND');
      expect(apiError.requestId).toBe('req-42');
      expect(apiError.isNotFound).toBe(true);
      expect(apiError.isRetryable).toBe(false);
    }
  });

  it('turns a body that is not the error shape into UNEXPECTED_RESPONSE', () => {
    expect(() => unwrap({ error: 'Bad Gateway', response: response(502, { 'x-request-id': 'r1' }) })).toThrow(
      expect.objectContaining({ code: 'UNEXPECTED_RESPONSE', status: 502, requestId: 'r1' }),
    );
  });
});

describe('ApiError.isRetryable', () => {
  const make = (status: number) => new ApiError({ status, code: 'INTERNAL', message: 'x' });
  it('retries server errors, rate limits and network failures, not client errors', () => {
    expect(make(500).isRetryable).toBe(true);
    expect(make(503).isRetryable).toBe(true);
    expect(make(429).isRetryable).toBe(true);
    expect(make(0).isRetryable).toBe(true);
    expect(make(400).isRetryable).toBe(false);
    expect(make(404).isRetryable).toBe(false);
  });
});
