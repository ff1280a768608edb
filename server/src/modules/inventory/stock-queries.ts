import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { keyset, newestFirst } from '../../platform/db/keyset.js';
import type { ProductNames } from './ports.js';
import { stockItems, stockMovements } from './schema.js';

export type ListStockParams = {
  names: ProductNames;
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
export async function listStock(db: DatabaseOrTransaction, params: ListStockParams) {
  const { names } = params;
  const paging = keyset(
    {
      sort: params.lowOnly ? 'low' : 'sku',
      keys: params.lowOnly ? [{ column: available, kind: 'integer', direction: 'asc' }] : [],
      id: { column: skuOrder, kind: 'text', direction: 'asc' },
    },
    params.cursor,
  );
  const q = params.q?.trim().toLowerCase();
  const contains = (text: SQL) => sql`strpos(lower(coalesce(${text}, '')), ${q}) > 0`;
  const rows = await db
    .select({ ...columns(names), ...paging.select })
    .from(stockItems)
    .where(
      and(
        q
          ? sql`(${contains(sql`${stockItems.sku}`)} or ${contains(names.nameJa(stockItems.sku))} or ${contains(names.nameEn(stockItems.sku))})`
          : undefined,
        params.lowOnly ? sql`${available} <= ${stockItems.lowStockThreshold}` : undefined,
        paging.after,
      ),
    )
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}

export async function getStockItem(db: DatabaseOrTransaction, params: { names: ProductNames; sku: string }) {
  const [row] = await db.select(columns(params.names)).from(stockItems).where(eq(stockItems.sku, params.sku));
  return row;
}

/** One SKU's movements, newest first, keyset-paged. */
export async function listMovements(
  db: DatabaseOrTransaction,
  params: { sku: string; cursor?: string | undefined; limit: number },
) {
  const paging = keyset(newestFirst(stockMovements.at, stockMovements.id), params.cursor);
  const rows = await db
    .select({ ...getTableColumns(stockMovements), ...paging.select })
    .from(stockMovements)
    .where(and(eq(stockMovements.sku, params.sku), paging.after))
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}

/**
 * The back office's stock worries, as counts: SKUs with nothing left to sell,
 * and SKUs at or below their threshold that still have some (the same lines
 * `availabilityStatus` draws).
 */
export async function countStockAlerts(db: DatabaseOrTransaction): Promise<{ soldOut: number; low: number }> {
  const [row] = await db
    .select({
      soldOut: sql<number>`count(*) filter (where ${available} <= 0)`.mapWith(Number),
      low: sql<number>`count(*) filter (where ${available} > 0 and ${available} <= ${stockItems.lowStockThreshold})`.mapWith(
        Number,
      ),
    })
    .from(stockItems);
  return { soldOut: row?.soldOut ?? 0, low: row?.low ?? 0 };
}
