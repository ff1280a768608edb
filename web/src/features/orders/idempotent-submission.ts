import { ApiError } from '@/lib/api/api-error';

/** One checkout submission: the Idempotency-Key it is sent with and what was sent. */
export type Submission = { key: string; fingerprint: string };

/** The body as canonical JSON (keys sorted), so the same order typed again compares equal. */
export function fingerprintOf(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * The submission to send `body` with. Sending the same body again while an
 * earlier attempt's outcome is unknown is a retry: it keeps that attempt's
 * key, so the server answers with the order it already made (or 409 while
 * the first is in flight) and never makes a second one. A changed body is a
 * new order and gets a new key (the old key with a new body would be 422).
 */
export function submissionFor(pending: Submission | null, body: unknown, newKey: () => string): Submission {
  const fingerprint = fingerprintOf(body);
  if (pending && pending.fingerprint === fingerprint) return pending;
  return { key: newKey(), fingerprint };
}

/**
 * Whether a failed attempt may still have placed the order, or may still
 * succeed with the same key: a network failure or a 5xx (we cannot know),
 * or 409 IDEMPOTENCY_KEY_IN_USE (the first attempt is still running).
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.isRetryable || error.code === 'IDEMPOTENCY_KEY_IN_USE';
}

/**
 * After a failure: keep the submission (and its key) while its outcome is
 * unknown; forget it when the server refused the request, which then wrote
 * nothing (a corrected form is a new submission).
 */
export function afterFailure(pending: Submission, error: unknown): Submission | null {
  return outcomeUnknown(error) ? pending : null;
}
