import { desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor, encodeCursor, instantKeyFormat } from '../http/cursor.js';

/**
 * Keyset paging newest first, by a timestamp and the id as tie-breaker: the
 * pieces a list query needs (select the key, filter after the cursor, order),
 * and the page cut with its next cursor.
 */
export function newestFirst(columns: { at: AnyPgColumn; id: AnyPgColumn }, rawCursor: string | undefined) {
  const cursor = rawCursor ? decodeCursor(rawCursor, 'newest', ['instant']) : undefined;
  const at = cursor ? sql`(cast(${cursor.k[0]} as timestamp) at time zone 'UTC')` : undefined;
  return {
    /** The key as the cursor carries it: UTC with microseconds, so no two rows blur. */
    sortKey: sql<string>`to_char(${columns.at} at time zone 'UTC', ${instantKeyFormat})`,
    after: (cursor && at
      ? sql`(${columns.at} < ${at} or (${columns.at} = ${at} and ${columns.id} < ${cursor.id}))`
      : undefined) as SQL | undefined,
    orderBy: [desc(columns.at), desc(columns.id)] as const,
    /** Rows fetched with `limit + 1`: the page, and a cursor when there is more. */
    page<T extends { sortKey: string; id: string }>(rows: T[], limit: number) {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      const nextCursor =
        rows.length > limit && last ? encodeCursor({ s: 'newest', k: [last.sortKey], id: last.id }) : null;
      return { items: items.map(({ sortKey: _, ...rest }) => rest), nextCursor };
    },
  };
}
