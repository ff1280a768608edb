import { z } from 'zod';
import { AppError } from './errors.js';

/**
 * Keyset pagination cursor: the sort it belongs to, the last row's sort key
 * (as PostgreSQL printed it, so no precision is lost) and its id. Opaque to
 * clients: base64url JSON.
 */
const cursorSchema = z.object({ s: z.string(), k: z.string(), id: z.uuid() });
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw invalidCursor();
  if (result.data.s !== sort) {
    throw new AppError('INVALID_CURSOR', 'The cursor belongs to a different sort order; start again without it', [
      { path: 'cursor', message: 'sort changed' },
    ]);
  }
  return result.data;
}

function invalidCursor() {
  return new AppError('INVALID_CURSOR', 'The cursor is not valid; start again without it', [
    { path: 'cursor', message: 'not a cursor from this API' },
  ]);
}
