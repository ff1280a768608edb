import { z } from '@hono/zod-openapi';
import { AppError } from './errors.js';

/**
 * The one keyset-pagination cursor: the sort it belongs to, the last row's
 * sort keys and its id; opaque to clients (base64url JSON). Clients can forge
 * it, so every key is checked against its kind before it reaches SQL: a value
 * PostgreSQL could not cast would otherwise be a 500.
 *
 * - `instant`: UTC wall time with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffff`
 *   (print it with `to_char(col at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
 *   compare with `cast($k as timestamp) at time zone 'UTC'`);
 * - `nullable-instant`: the same, or null;
 * - `integer`, `decimal`: numbers as PostgreSQL prints them;
 * - `text`: any string up to 500 characters.
 *
 * The tie-breaking `id` is a uuid unless the caller says its rows are keyed by
 * text (a SKU, a slug).
 */
export type CursorKeyKind = 'instant' | 'nullable-instant' | 'integer' | 'decimal' | 'text';

const cursorSchema = z.object({
  s: z.string().max(50),
  k: z.array(z.string().max(500).nullable()).max(4),
  id: z.string().min(1).max(500),
});
export type Cursor = z.infer<typeof cursorSchema>;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(
  raw: string,
  sort: string,
  kinds: readonly CursorKeyKind[],
  idKind: 'uuid' | 'text' = 'uuid',
): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('not a cursor from this API');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw invalidCursor('not a cursor from this API');
  if (idKind === 'uuid' && !z.uuid().safeParse(result.data.id).success)
    throw invalidCursor('not a cursor from this API');
  if (result.data.s !== sort) throw invalidCursor('the sort changed; start again without a cursor');
  const { k } = result.data;
  if (k.length !== kinds.length || !kinds.every((kind, i) => isValidKey(kind, k[i] ?? null))) {
    throw invalidCursor('not a cursor from this API');
  }
  return result.data;
}

function isValidKey(kind: CursorKeyKind, value: string | null): boolean {
  if (value === null) return kind === 'nullable-instant';
  switch (kind) {
    case 'integer':
      return /^-?\d{1,15}$/.test(value);
    case 'decimal':
      return /^-?\d{1,15}(\.\d{1,12})?$/.test(value);
    case 'text':
      return true;
    case 'instant':
    case 'nullable-instant': {
      if (!instantPattern.test(value)) return false;
      // A real calendar instant: Date normalises February 30th, so the round trip would differ.
      const millis = `${value.slice(0, 23)}Z`;
      const date = new Date(millis);
      return !Number.isNaN(date.getTime()) && date.toISOString() === millis && date.getUTCFullYear() >= 1;
    }
  }
}

function invalidCursor(reason: string) {
  return new AppError('INVALID_CURSOR', `The cursor is not valid: ${reason}; start again without it`, [
    { path: 'cursor', message: reason },
  ]);
}

/** How an `instant` key is printed in SQL (UTC, microseconds). */
export const instantKeyFormat = 'YYYY-MM-DD"T"HH24:MI:SS.US';

/**
 * The query parameters of every keyset-paged list: `cursor` (the previous
 * page's `nextCursor`) and `limit`. Spread into the list's query schema.
 */
export function pageParams(defaultLimit: number) {
  return {
    cursor: z.string().max(1000).optional().openapi({ description: 'nextCursor of the previous page' }),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .default(defaultLimit),
  };
}
