import { z } from '@hono/zod-openapi';
import { AppError } from '../../platform/http/errors.js';

/**
 * Keyset cursor for todo lists: the sort it belongs to, the last row's sort
 * keys and its id. Opaque to clients (base64url JSON), but forgeable, so every
 * key is checked here: a value PostgreSQL could not cast would be a 500.
 */
const cursorSchema = z.object({
  s: z.string(),
  k: z.array(z.string().nullable()).max(4),
  id: z.uuid(),
});
export type TodoCursor = z.infer<typeof cursorSchema>;

/**
 * `instant`: UTC wall time with microseconds, as `instantKey` prints it
 * (nullable: a todo without a due date). `priority`: 1–4.
 */
export type CursorKeyKind = 'instant' | 'nullable-instant' | 'priority';

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

export function encodeCursor(cursor: TodoCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string, sort: string, kinds: readonly CursorKeyKind[]): TodoCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('not a cursor from this API');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw invalidCursor('not a cursor from this API');
  if (result.data.s !== sort) throw invalidCursor('the sort changed; start again without a cursor');
  const { k } = result.data;
  if (k.length !== kinds.length || !kinds.every((kind, i) => isValidKey(kind, k[i] ?? null))) {
    throw invalidCursor('not a cursor from this API');
  }
  return result.data;
}

function isValidKey(kind: CursorKeyKind, value: string | null): boolean {
  if (value === null) return kind === 'nullable-instant';
  if (kind === 'priority') return /^[1-4]$/.test(value);
  if (!instantPattern.test(value)) return false;
  // A real calendar instant: Date normalises February 30th, so the round trip would differ.
  const millis = `${value.slice(0, 23)}Z`;
  const date = new Date(millis);
  return !Number.isNaN(date.getTime()) && date.toISOString() === millis && date.getUTCFullYear() >= 1;
}

function invalidCursor(reason: string) {
  return new AppError('INVALID_CURSOR', `The cursor is not valid: ${reason}`, [{ path: 'cursor', message: reason }]);
}
