import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { newestFirst } from '../../platform/db/newest-first.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import type { ProductNames } from './product-names.js';
import { stockItems, stockMovements } from './schema.js';

export type ListStockParams = {
  q?: string | undefined;
  /** Only SKUs at or below their threshold, fewest available (sold out) first. */
  lowOnly?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
};

const available = sql<number>`(${stockItems.onHand} - ${stockItems.reserved})`.mapWith(Number);
// Byte order: the same on every server whatever its locale, and what the cursor compares with.
const skuOrder = sql`${stockItems.sku} collate "C"`;

function columns(names: ProductNames) {
  return {
    ...getTableColumns(stockItems),
    available,
    nameJa: names.nameJa(stockItems.sku),
    nameEn: names.nameEn(stockItems.sku),
  };
}

/**
 * All SKUs by SKU, or the low ones by availability; searched by SKU or
 * product name (a plain substring, case-insensitive, so `%` and `_` mean
 * themselves). Keyset-paged: the SKU is the tie-breaker.
 */
export async function listStock(db: DatabaseOrTransaction, names: ProductNames, params: ListStockParams) {
  const sort = params.lowOnly ? 'low' : 'sku';
  const cursor = params.cursor
    ? decodeCursor(params.cursor, sort, sort === 'low' ? ['integer'] : [], 'text')
    : undefined;
  const q = params.q?.trim().toLowerCase();
  const contains = (text: SQL) => sql`strpos(lower(coalesce(${text}, '')), ${q}) > 0`;
  const after = (): SQL | undefined => {
    if (!cursor) return undefined;
    const skuAfter = sql`${skuOrder} > ${cursor.id}`;
    if (sort === 'sku') return skuAfter;
    const key = sql`cast(${cursor.k[0]} as integer)`;
    return sql`(${available} > ${key} or (${available} = ${key} and ${skuAfter}))`;
  };
  const rows = await db
    .select(columns(names))
    .from(stockItems)
    .where(
      and(
        q
          ? sql`(${contains(sql`${stockItems.sku}`)} or ${contains(names.nameJa(stockItems.sku))} or ${contains(names.nameEn(stockItems.sku))})`
          : undefined,
        params.lowOnly ? sql`${available} <= ${stockItems.lowStockThreshold}` : undefined,
        after(),
      ),
    )
    .orderBy(...(sort === 'low' ? [asc(available), asc(skuOrder)] : [asc(skuOrder)]))
    .limit(params.limit + 1);
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > params.limit && last
      ? encodeCursor({ s: sort, k: sort === 'low' ? [String(last.available)] : [], id: last.sku })
      : null;
  return { items, nextCursor };
}

export async function getStockItem(db: DatabaseOrTransaction, names: ProductNames, sku: string) {
  const [row] = await db.select(columns(names)).from(stockItems).where(eq(stockItems.sku, sku));
  return row;
}

/** One SKU's movements, newest first, keyset-paged. */
export async function listMovements(
  db: DatabaseOrTransaction,
  params: { sku: string; cursor?: string | undefined; limit: number },
) {
  const paging = newestFirst({ at: stockMovements.at, id: stockMovements.id }, params.cursor);
  const rows = await db
    .select({ ...getTableColumns(stockMovements), sortKey: paging.sortKey })
    .from(stockMovements)
    .where(and(eq(stockMovements.sku, params.sku), paging.after))
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}
