import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from './errors.js';

/**
 * Optimistic concurrency for any resource with an integer `version`: the
 * version is its entity tag, strong, so If-Match can compare it.
 */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The versions an If-Match header accepts; `any` for `If-Match: *`. */
export type ExpectedVersions = readonly number[] | 'any';

const strongTag = /^"(\d{1,9})"$/;
const weakTag = /^W\/"[^"]*"$/;

/**
 * The versions an If-Match header allows. Missing is refused with 428: a
 * client that forgot it would otherwise overwrite another tab's change
 * without noticing. `*` is an explicit "whatever is there now" (RFC 9110).
 * Weak tags never match under If-Match's strong comparison.
 */
export function expectedVersions(header: string | undefined): ExpectedVersions {
  if (header === undefined || header.trim() === '') {
    throw new AppError(
      'PRECONDITION_REQUIRED',
      'Send If-Match with the ETag you last saw, so a change made elsewhere is not overwritten',
      [{ path: 'If-Match', message: 'required' }],
    );
  }
  if (header.trim() === '*') return 'any';
  const versions: number[] = [];
  for (const tag of header.split(',').map((part) => part.trim())) {
    const match = strongTag.exec(tag);
    if (match?.[1]) versions.push(Number(match[1]));
    else if (!weakTag.test(tag)) {
      throw new AppError('VALIDATION_FAILED', 'Invalid If-Match: must be ETags such as "3"', [
        { path: 'If-Match', message: 'must be ETags such as "3"' },
      ]);
    }
  }
  return versions;
}

/**
 * 412 with the current ETag, so the client can fetch the resource again and
 * retry knowingly. The header is set on the context before the throw; the one
 * error handler answers on the same context and keeps it. `what` names the
 * resource in the message ("todo", "product").
 */
export function staleVersion(c: Context, version: number, what: string): AppError {
  c.header('ETag', etagOf(version));
  return new AppError('PRECONDITION_FAILED', `The ${what} has changed since; its current ETag is ${etagOf(version)}`, [
    { path: 'If-Match', message: `stale; current is ${etagOf(version)}` },
  ]);
}

/** The If-Match request header as routes declare it. */
export const ifMatchHeadersSchema = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({
      param: { name: 'if-match', in: 'header' },
      description: 'Required: the ETag last seen (`"3"`); a stale one answers 412, a missing one 428',
      example: '"3"',
    }),
});
